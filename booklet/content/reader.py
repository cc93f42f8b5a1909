"""Typed, located access to the YAML node tree, collecting every problem instead of stopping.

The content model (model.py) reads each field through a Reader. Every read takes the field's
node (None when the field is absent) and a `default` for that case. A wrong value records a
Problem with its file, line and dotted path and reads as None, so validation carries on and the
writer sees every problem in one run. (A text that is too long or holds a stray invisible
character is still returned as read, so the checks after it can say more: "did you mean
'kitchen'?", "too long for a QR code".)
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from booklet.content.errors import Problem
from booklet.content.inline import links, url_problem
from booklet.content.source import STR_TAG, Node

_YAML_KIND = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}
_PLAIN_INTEGER = re.compile(r"[1-9][0-9]*|0")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}(?:-[A-Z]{2})?")
# Bidi embeddings, overrides and isolates can make printed text read differently from the file.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(value: str, limit: int = 40) -> str:
    """A value as it may be echoed in a message: short, with control characters made visible."""
    cut = value if len(value) <= limit else value[: limit - 1] + "…"
    return "".join(
        c if c.isprintable() and c not in _BIDI_CONTROLS else f"\\u{ord(c):04x}" for c in cut
    )


class Reader:
    """Reads fields of one content file for one language, collecting problems."""

    def __init__(
        self,
        file_name: str,
        language: str,
        source_language: str = "en",
        *,
        base: Path | None = None,
        decode_images: bool = False,
    ) -> None:
        self.file_name = file_name
        self.language = language
        self.source_language = source_language
        self.base = base or Path(".")  # the content file's folder: files are relative to it
        self.decode_images = decode_images  # decode photos in full (check), or headers only
        self.problems: list[Problem] = []
        self.untranslated: list[Problem] = []
        # Texts no one sees but a screen reader speaks (alt): listed apart, never blocking.
        self.untranslated_read_aloud: list[Problem] = []

    def problem(self, line: int | None, path: str, message: str) -> None:
        self.problems.append(Problem(self.file_name, line, path, message))

    @staticmethod
    def kind(node: Node) -> str:
        """What a node holds, in words for a message: "a list", "text 'x'", "a number (3)"."""
        return _kind(node)

    # -- structure ---------------------------------------------------------------------------

    def fields(
        self,
        node: Node | None,
        path: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, Node]:
        """The mapping at `node`, checked for missing and unknown keys."""
        if node is None:
            return {}
        if not node.is_mapping:
            self.problem(node.line, path, f"expected a mapping of fields, got {_kind(node)}")
            return {}
        known = required + optional
        for key, line in node.key_lines.items():
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = (
                    f"; did you mean '{close[0]}'?"
                    if close
                    else f"; expected one of: {', '.join(known)}"
                )
                self.problem(line, _join(path, key), f"unknown field{hint}")
        for key in required:
            if key not in node.value:
                self.problem(node.line, _join(path, key), "required field is missing")
        return node.value

    def items(
        self, node: Node | None, path: str, min_items: int = 0, max_items: int = 10_000
    ) -> Iterator[tuple[str, Node]]:
        """The entries of a list, each with its path `path[i]`."""
        if node is None:  # a missing required list is reported by fields()
            return
        if not node.is_sequence:
            self.problem(node.line, path, f"expected a list, got {_kind(node)}")
            return
        count = len(node.value)
        if count < min_items:
            noun = "entry" if min_items == 1 else "entries"
            self.problem(node.line, path, f"needs at least {min_items} {noun}, got {count}")
        if count > max_items:
            self.problem(node.line, path, f"at most {max_items} entries, got {count}")
            return
        for index, item in enumerate(node.value):
            yield f"{path}[{index}]", item

    # -- scalars -----------------------------------------------------------------------------

    def string(
        self, node: Node | None, path: str, max_length: int = 200, default: str = ""
    ) -> str | None:
        """A plain string that is the same in every language (ids, URLs, file names)."""
        if node is None:
            return default
        if not node.is_scalar:
            self.problem(node.line, path, f"expected text, got {_kind(node)}")
            return None
        value: str = node.value
        if not self._plain_text_ok(node, path):
            return None
        if not value.strip():
            self.problem(node.line, path, "must not be empty")
            return None
        if len(value) > max_length:
            self.problem(
                node.line, path, f"too long: {len(value)} characters, at most {max_length}"
            )
        self._check_characters(value, node.line, path)
        return value.strip()

    def text(
        self,
        node: Node | None,
        path: str,
        max_length: int = 4000,
        neutral: bool = False,
        read_aloud: bool = False,
        default: str = "",
    ) -> str | None:
        """Visitor-facing text: a string, or a mapping of language code -> string.

        A `neutral` field (a photographer's name) is the same in every edition when written
        as a plain string; it may still be given per language. A `read_aloud` field (alt
        text) is not printed, so a missing translation is noted apart from the printed ones."""
        if node is None:
            return default
        if node.is_mapping and not any(_LANGUAGE_CODE.fullmatch(k) for k in node.value):
            self.problem(node.line, path, "expected text, got a mapping")
            return None
        if node.is_mapping:
            variants = node.value
            for code, line in node.key_lines.items():
                if not _LANGUAGE_CODE.fullmatch(code):
                    self.problem(line, _join(path, code), "expected a language code like es")
            code = _variant(variants, self.language)
            if code not in variants:
                code = _variant(variants, self.source_language)
                self._untranslated(node.line, path, read_aloud)
            if code not in variants:
                self.problem(node.line, path, f"no '{self.source_language}' text")
                return None
            # Every edition's text is checked, whichever one is being built: a broken Spanish
            # line is reported together with the English ones, not on the next run.
            for other, variant in variants.items():
                if other != code and _LANGUAGE_CODE.fullmatch(other):
                    self._checked_text(variant, _join(path, other), max_length)
            node, path = variants[code], _join(path, code)
        elif self.language != self.source_language and not neutral:
            self._untranslated(node.line, path, read_aloud)
        return self._checked_text(node, path, max_length)

    def _untranslated(self, line: int, path: str, read_aloud: bool) -> None:
        found = Problem(self.file_name, line, path, f"no '{self.language}' translation")
        (self.untranslated_read_aloud if read_aloud else self.untranslated).append(found)

    def _checked_text(self, node: Node, path: str, max_length: int) -> str | None:
        value = self.string(node, path, max_length)
        for link in links(value or ""):
            problem = url_problem(link.url)
            if problem:
                self.problem(node.line, path, problem)
        return value

    def url(self, node: Node | None, path: str, default: str = "") -> str | None:
        value = self.string(node, path, max_length=2000, default=default)
        if value and node is not None:
            problem = url_problem(value)
            if problem:
                self.problem(node.line, path, problem)
                return None
        return value

    def integer(
        self, node: Node | None, path: str, low: int, high: int, default: int | None = None
    ) -> int | None:
        if node is None:
            return default
        if not (
            node.is_scalar
            and node.tag == "tag:yaml.org,2002:int"
            and not node.quoted
            and _PLAIN_INTEGER.fullmatch(node.value)
        ):
            self.problem(node.line, path, f"expected a whole number, got {_kind(node)}")
            return None
        value = int(node.value)
        if not low <= value <= high:
            self.problem(node.line, path, f"must be between {low} and {high}, got {value}")
            return None
        return value

    def number(self, node: Node | None, path: str) -> float | None:
        if node is None:
            return None
        numeric = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        if node.is_scalar and not node.quoted and node.tag in numeric:
            try:
                value = float(node.value.replace("_", ""))
            except ValueError:
                value = math.nan
            if math.isfinite(value):
                return value
            self.problem(node.line, path, f"expected a finite number, got {shown(node.value)}")
            return None
        self.problem(node.line, path, f"expected a number, got {_kind(node)}")
        return None

    def boolean(self, node: Node | None, path: str, default: bool = False) -> bool | None:
        if node is None:
            return default
        if node.is_scalar and not node.quoted and node.value in ("true", "false"):
            return node.value == "true"
        self.problem(node.line, path, f"expected true or false, got {_kind(node)}")
        return None

    def choice(
        self, node: Node | None, path: str, options: tuple[str, ...], default: str = ""
    ) -> str | None:
        value = self.string(node, path, default=default)
        if value and value not in options:
            close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.problem(
                node.line if node else None,
                path,
                f"expected one of {', '.join(options)}, got '{shown(value)}'{hint}",
            )
            return None
        return value

    # -- checks ------------------------------------------------------------------------------

    def _plain_text_ok(self, node: Node, path: str) -> bool:
        """Refuse scalars YAML 1.1 would read as something other than the text typed."""
        if node.quoted or node.tag == STR_TAG:
            return True
        if node.tag == "tag:yaml.org,2002:int" and _PLAIN_INTEGER.fullmatch(node.value):
            return True
        if node.tag == "tag:yaml.org,2002:null":
            self.problem(node.line, path, "must not be empty")
            return False
        kind = _YAML_KIND.get(node.tag, "something other than text")
        quoted = shown(node.value)
        if re.fullmatch(r"\d:\d\d", node.value):
            quoted = "0" + quoted  # times are written with two-digit hours
        self.problem(
            node.line,
            path,
            f'YAML reads {shown(node.value)} as {kind}; put it in quotes: "{quoted}"',
        )
        return False

    def _check_characters(self, value: str, line: int, path: str) -> None:
        if value.replace("\n", " ").replace("\t", " ").isprintable():
            return  # the common case, in C: no control, format, private or unassigned character
        for char in value:
            code = ord(char)
            if char in "\n\t":
                continue
            if 0xD800 <= code <= 0xDFFF:
                reason = "a lone surrogate"
            elif char in _BIDI_CONTROLS:
                reason = "a bidirectional override"
            elif unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
                reason = "a control or unassigned character"
            else:
                continue
            self.problem(line, path, f"contains {reason} (U+{code:04X}); remove it")
            return


def _variant(variants: dict[str, Node], code: str) -> str:
    """The key of the text for edition `code`: "es-MX" reads `es-MX:`, else plain `es:`."""
    language = code.split("-", 1)[0]
    return code if code in variants or language not in variants else language


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(node: Node) -> str:
    if node.is_mapping:
        return "a mapping"
    if node.is_sequence:
        return "a list"
    if node.tag == STR_TAG or node.quoted:
        return f"text '{shown(node.value)}'"
    return f"{_YAML_KIND.get(node.tag, 'a value')} ({shown(node.value)})"
