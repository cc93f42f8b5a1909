"""The kinds of field a content file is made of, and the mapping and list that hold them.

A kind reads one YAML node through the Reader (which records located problems and reads a wrong
value as None, so validation carries on), and says what it is for the README's field reference
(`type_name`, `limit`) and for `booklet schema` (`schema`). The content file itself is declared
with these kinds in declaration.py, as MkDocs declares its configuration with `config_options`;
the kinds of single values (text, names, numbers, dates, photos...) are in values.py.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from booklet.content.reader import Reader
from booklet.content.source import Node

JSON = dict[str, Any]


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Kind:
    """One kind of value. Subclasses read a present node; absence is the mapping's business."""

    type_name = "value"

    def read(self, r: Reader, node: Node, path: str) -> Any:
        raise NotImplementedError

    def schema(self) -> JSON:
        raise NotImplementedError

    def limit(self) -> str:
        """The limit in words for the field reference ("" when there is none)."""
        return ""

    def missing(self, r: Reader, line: int | None, path: str) -> None:
        """Report this field as required and missing."""
        r.problem(line, path, "required field is missing")


# -- structure -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its kind, whether it must be given, its value when absent, and a
    line of documentation with a one-line example (both shown in the README)."""

    name: str
    kind: Kind
    doc: str
    example: str = ""
    required: bool = False
    default: Any = None
    default_doc: str = ""  # a default that is computed, in words ("a slug of the name")


class Fields(dict[str, Any]):
    """A mapping's values by field name, defaults filled in, with the nodes they came from."""

    def __init__(self, node: Node | None, path: str) -> None:
        super().__init__()
        self.node = node
        self.path = path
        self.nodes: dict[str, Node] = {}

    @property
    def line(self) -> int | None:
        return self.node.line if self.node is not None else None

    def line_of(self, key: str) -> int | None:
        """The line of a key's value, or of the mapping when the key is absent."""
        return self.nodes[key].line if key in self.nodes else self.line


@dataclass(frozen=True)
class Mapping(Kind):
    fields: tuple[Field, ...]
    doc: str = ""
    type_name = "mapping"

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def field(self, name: str) -> Field:
        by_name: dict[str, Field] = self._by_name  # type: ignore[attr-defined]
        return by_name[name]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def read(self, r: Reader, node: Node | None, path: str) -> Fields:
        """The values of the mapping at `node` (absent: every field's default)."""
        values = Fields(node, path)
        if node is not None and not node.is_mapping:
            r.problem(node.line, path, f"expected a mapping of fields, got {r.kind(node)}")
            node = None
        present: dict[str, Node] = node.value if node is not None else {}
        if node is not None:
            self._unknown(r, node, path)
        for f in self.fields:
            child = present.get(f.name)
            if child is None:
                if f.required and node is not None:
                    f.kind.missing(r, node.line, join(path, f.name))
                values[f.name] = self.default_of(f, r, join(path, f.name))
            else:
                values.nodes[f.name] = child
                values[f.name] = f.kind.read(r, child, join(path, f.name))
        return values

    def default_of(self, f: Field, r: Reader, path: str) -> Any:
        if isinstance(f.kind, Mapping):
            return f.kind.read(r, None, path)
        if isinstance(f.kind, ListOf):
            return []
        return f.default

    def _unknown(self, r: Reader, node: Node, path: str) -> None:
        for key, line in node.key_lines.items():
            if key not in self.names:
                close = difflib.get_close_matches(key, self.names, n=1, cutoff=0.6)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; expected one of: {', '.join(self.names)}"
                )
                r.problem(line, join(path, key), f"unknown field{hint}")

    def missing(self, r: Reader, line: int | None, path: str) -> None:
        """A missing mapping is reported by what it must hold, so the writer learns every
        required field in one round (museum.address.city, not museum.address, then city)."""
        required = [f for f in self.fields if f.required]
        if not required:
            super().missing(r, line, path)
        for f in required:
            f.kind.missing(r, line, join(path, f.name))

    def schema(self) -> JSON:
        out: JSON = {"type": "object"}
        if self.doc:
            out["description"] = self.doc
        out["properties"] = {f.name: field_schema(f) for f in self.fields}
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    min_items: int = 0
    max_items: int = 10_000
    noun: str = "entry"
    type_name = "list"

    def read(self, r: Reader, node: Node, path: str) -> list[Any]:
        return [self.item.read(r, item, p) for p, item in self.entries(r, node, path)]

    def entries(self, r: Reader, node: Node, path: str) -> Iterator[tuple[str, Node]]:
        return r.items(node, path, self.min_items, self.max_items)

    def missing(self, r: Reader, line: int | None, path: str) -> None:
        needs = ""
        if isinstance(self.item, Mapping):
            required = [f.name for f in self.item.fields if f.required]
            needs = f" with {' and '.join(required)}" if required else ""
        r.problem(line, path, f"required field is missing; add at least one {self.noun}{needs}")

    def schema(self) -> JSON:
        out: JSON = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            out["minItems"] = self.min_items
        if self.max_items < 10_000:
            out["maxItems"] = self.max_items
        return out

    def limit(self) -> str:
        low, high = self.min_items, self.max_items
        if high >= 10_000:
            count = f"at least {low}" if low else ""
        else:
            count = f"{low}–{high:,} entries" if low else f"at most {high:,} entries"
        each = "" if isinstance(self.item, Mapping) else self.item.limit()
        return "; ".join(part for part in (count, f"each {each}" if each else "") if part)


def field_schema(f: Field) -> JSON:
    out = {"description": f.doc, **f.kind.schema()}
    if f.default is not None and not isinstance(f.default, tuple):
        out["default"] = f.default
    return out


def slug(text: str) -> str:
    """A room id made from its name: "The Mill Room" -> "the-mill-room", accents dropped;
    "" when nothing is left (a name in Cyrillic), for the caller to number instead."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    kept = "".join(
        c if c.isascii() else "" if unicodedata.combining(c) else " " for c in decomposed
    )
    return "-".join(re.findall(r"[a-z0-9]+", kept))[:60].strip("-")
