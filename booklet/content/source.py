"""YAML text -> a tree of nodes that remember their line, with nothing converted behind our back.

We stop at PyYAML's composer: scalars stay the exact text the writer typed, plus the tag YAML 1.1
would have given them. The validator can then refuse `opens: 9:30` (YAML 1.1 reads 570) instead of
silently printing a number. Aliases, duplicate keys, deep nesting and oversized input are refused
here, before anything can expand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

from booklet.content.errors import ContentError, Problem

MAX_INPUT_BYTES = 2_000_000
MAX_DEPTH = 32

STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Node:
    """A YAML value with its 1-based line; `value` is str, list[Node] or dict[str, Node]."""

    value: Any
    line: int
    tag: str = STR_TAG
    quoted: bool = False
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return isinstance(self.value, str)


# libyaml's parser is ten times faster than PyYAML's pure-Python one (2 s -> 0.2 s for a
# 1,000-room file); both are safe loaders, neither constructs objects from tags.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SourceProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _check_events(text: str) -> None:
    """Refuse aliases and deep nesting from the event stream, before anything is composed."""
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, AliasEvent):
            raise _SourceProblem(
                line,
                "YAML aliases (*name) are not allowed; write the value out in full",
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _SourceProblem(line, f"nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def read_bounded(path: Path, limit: int) -> bytes:
    """A file's bytes, at most `limit` + 1 of them (the caller reports the excess), or a
    ContentError naming the file: never a traceback for a missing or unreadable input."""
    try:
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except FileNotFoundError:
        raise ContentError([Problem(str(path), None, "", "file not found")]) from None
    except IsADirectoryError:
        raise ContentError([Problem(str(path), None, "", "is a folder, not a file")]) from None
    except OSError as exc:
        raise ContentError([Problem(str(path), None, "", f"cannot read: {exc.strerror}")]) from None


def load_source(data: bytes, file_name: str) -> Node:
    """Parse YAML bytes into a Node tree, or raise ContentError naming file and line."""
    if len(data) > MAX_INPUT_BYTES:
        raise ContentError(
            [Problem(file_name, None, "", f"file is larger than {MAX_INPUT_BYTES:,} bytes")]
        )
    text = _decode(data, file_name)
    try:
        _check_events(text)
        root = yaml.compose(text, Loader=_LOADER)
    except _SourceProblem as exc:
        raise ContentError([Problem(file_name, exc.line, "", exc.message)]) from None
    except yaml.reader.ReaderError as exc:
        raise ContentError([_reader_problem(exc, text, file_name)]) from None
    except yaml.MarkedYAMLError as exc:
        # Imported only for a file YAML cannot read: its tables cost ~3 ms on every start.
        from booklet.content.syntax import explain

        said = explain(exc, text, _LOADER)
        raise ContentError([Problem(file_name, said.line, "", said.message, said.column)]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(file_name, None, "", f"YAML error: {exc}")]) from None
    if root is None:
        raise ContentError([Problem(file_name, 1, "", "the file is empty")])
    problems: list[Problem] = []
    tree = _convert(root, file_name, problems)
    if problems:
        raise ContentError(problems)
    return tree


def _reader_problem(exc: yaml.reader.ReaderError, text: str, file_name: str) -> Problem:
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    # libyaml reports a byte offset, PyYAML a character offset: find the character instead.
    found = text.find(character)
    line = text.count("\n", 0, found) + 1 if found >= 0 else None
    return Problem(
        file_name, line, "", f"contains a control character (U+{ord(character):04X}); remove it"
    )


def _decode(data: bytes, file_name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            [Problem(file_name, line, "", "not valid UTF-8 text; save the file as UTF-8")]
        ) from None


def _convert(node: yaml.Node, file_name: str, problems: list[Problem], path: str = "") -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return Node(node.value, line, node.tag, quoted=node.style not in (None, ""))
    if isinstance(node, yaml.SequenceNode):
        items = [
            _convert(item, file_name, problems, f"{path}[{index}]")
            for index, item in enumerate(node.value)
        ]
        return Node(items, line)
    mapping: dict[str, Node] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(file_name, key_line, "", "a key must be a plain name"))
            continue
        key = key_node.value
        if key in mapping:
            problems.append(
                Problem(
                    file_name,
                    key_line,
                    f"{path}.{key}" if path else key,
                    f"duplicate key (first given on line {key_lines[key]})",
                )
            )
            continue
        mapping[key] = _convert(value_node, file_name, problems, f"{path}.{key}" if path else key)
        key_lines[key] = key_line
    return Node(mapping, line, key_lines=key_lines)


def text_scalars(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    """Every text scalar in the tree with its dotted path, in file order."""
    if node.is_mapping:
        for key, child in node.value.items():
            yield from text_scalars(child, f"{path}.{key}" if path else key)
    elif node.is_sequence:
        for index, child in enumerate(node.value):
            yield from text_scalars(child, f"{path}[{index}]")
    elif node.tag == STR_TAG or node.quoted:
        yield path, node
