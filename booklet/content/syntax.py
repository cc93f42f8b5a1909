"""YAML syntax errors in the words of the person editing content.yaml, keeping line and column.

libyaml says what state its parser was in ("did not find expected key", "mapping values are not
allowed in this context"); the writer needs to hear what they typed wrong: a tab, a quote left
open, a key indented to no level above it, a missing space after a colon, a bracket never
closed, a '-' among keys. The failure is explained from what the parser had read when it
stopped (the open blocks with their last keys, the last value) and from the text at the mark.
Only a failed file is parsed a second time, so a sound file costs nothing extra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    ScalarEvent,
)

from booklet.words import counted

QUOTES = ('"', "'")
CLOSERS = {"[": "]", "{": "}"}
# "word: " inside a quoted text: the quote swallowed the next key, so it was left open.
_SWALLOWED_KEY = re.compile(r"(?:^|\s)[^\s:\"'{}\[\],#]+:(?:\s|$)")
_KEY = re.compile(r"\s*(?:-\s+)?([^\s#\"'{}\[\]:-][^#:]*?)\s*:(?:\s|$)")
_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{0,4}|U[0-9A-Fa-f]{0,8}|x[0-9A-Fa-f]{0,2}|.?)")
_KEY_WITHOUT_SPACE = re.compile(r"\s*(?:-\s+)?([^\s#\"'{}\[\]:-][^#:\s]*):(\S.*)")


@dataclass(frozen=True)
class Explained:
    """Where to point (1-based line and column) and what to say."""

    line: int | None
    column: int | None
    message: str


@dataclass
class _Block:
    """A collection the parser had opened, with the last key it read if it is a mapping."""

    line: int
    column: int
    mapping: bool
    flow: bool
    key: str = ""
    key_line: int = 0
    wants_key: bool = True


@dataclass(frozen=True)
class _Value:
    """A scalar the parser read: its text, style ('"', "'", '|', '>' or none), and where it
    starts and ends (1-based lines, 0-based columns)."""

    text: str
    style: str
    line: int
    column: int
    end_line: int
    end_column: int


def _place(mark: Any) -> tuple[int, int]:
    """(1-based line, 0-based column) of a mark, (0, 0) without one."""
    return (mark.line + 1, mark.column) if mark is not None else (0, 0)


@dataclass
class _Trail:
    """What the parser had read when it failed."""

    open: list[_Block] = field(default_factory=list)
    closed: _Block | None = None  # the block collection that ended last
    scalar: _Value | None = None  # the last value read

    def step(self, event: yaml.Event) -> None:
        top = self.open[-1] if self.open else None
        if isinstance(event, ScalarEvent | AliasEvent | CollectionStartEvent) and top:
            if top.mapping and top.wants_key and isinstance(event, ScalarEvent):
                top.key, top.key_line = event.value, _place(event.start_mark)[0]
            if top.mapping:
                top.wants_key = not top.wants_key
        if isinstance(event, ScalarEvent):
            start, end = _place(event.start_mark), _place(event.end_mark)
            self.scalar = _Value(event.value, event.style or "", *start, *end)
        elif isinstance(event, CollectionStartEvent):
            mapping = isinstance(event, MappingStartEvent)
            line, column = _place(event.start_mark)
            self.open.append(_Block(line, column, mapping, bool(event.flow_style)))
        elif isinstance(event, CollectionEndEvent) and self.open:
            block = self.open.pop()
            if not block.flow:
                self.closed = block


def explain(error: yaml.MarkedYAMLError, text: str, loader: Any) -> Explained:
    """The writer's mistake behind a YAML syntax error, in plain words."""
    trail = _Trail()
    try:
        for event in yaml.parse(text, Loader=loader):
            trail.step(event)
    except yaml.YAMLError:
        pass
    return _Reading(error, text, trail).explain()


class _Reading:
    """One failed parse: the error, the text's lines and the trail, and the rules that read
    them. Each rule returns an explanation or None; the first that applies wins."""

    def __init__(self, error: yaml.MarkedYAMLError, text: str, trail: _Trail) -> None:
        self.error = error
        self.lines = text.splitlines()
        self.trail = trail
        self.problem = error.problem or ""
        self.context = error.context or ""
        mark = error.problem_mark or error.context_mark
        self.line = mark.line + 1 if mark else 0  # 1-based
        self.column = mark.column if mark else 0  # 0-based

    def explain(self) -> Explained:
        for rule in (
            self._tab,
            self._quote_never_closed,
            self._text_after_quote,
            self._bad_escape,
            self._empty_entry,
            self._text_after_bar,
            self._flow_not_closed,
            self._stray_closer,
            self._colon_in_plain_text,
            self._key_without_colon,
            self._list_after_value,
            self._second_document,
            self._cannot_start_value,
            self._misplaced_line,
        ):
            found = rule()
            if found:
                return found
        return self._at(f"YAML syntax error: {self.problem or self.context or 'not valid YAML'}")

    # -- helpers --------------------------------------------------------------------------

    def _at(self, message: str, line: int | None = None, column: int | None = None) -> Explained:
        """An explanation at the error's mark, or at a 1-based line and 0-based column."""
        line = self.line if line is None else line
        column = self.column if column is None else column
        return Explained(line or None, column + 1 if line else None, message)

    def _text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def _char(self) -> str:
        text = self._text(self.line)
        return text[self.column] if self.column < len(text) else ""

    def _previous_line(self, line: int) -> int:
        """The nearest line above `line` with something on it other than a comment."""
        for number in range(line - 1, 0, -1):
            stripped = self._text(number).strip()
            if stripped and not stripped.startswith("#"):
                return number
        return 0

    @staticmethod
    def _indent(text: str) -> int:
        return len(text) - len(text.lstrip(" "))

    def _what(self, line: int) -> str:
        """How to name the thing a line starts: its key, a list item, or the line."""
        text = self._text(line)
        if text.lstrip().startswith(("- ", "-\t")) or text.strip() == "-":
            return "this '- ' item"
        key = _KEY.match(text)
        return f"'{key.group(1)}'" if key else f"line {line}"

    # -- rules, in order ------------------------------------------------------------------

    def _tab(self) -> Explained | None:
        text = self._text(self.line)
        leading = text[: len(text) - len(text.lstrip(" \t"))]
        if "\t" in leading:
            return self._at(
                f"line {self.line} is indented with a tab; use spaces", column=leading.index("\t")
            )
        if self._char() == "\t":
            return self._at(f"line {self.line} has a tab where YAML expects a space; use spaces")
        return None

    def _quote_never_closed(self) -> Explained | None:
        if "quoted scalar" in self.context and "end of stream" in self.problem:
            line, column = _place(self.error.context_mark)
            quote = self._text(line)[column : column + 1] or '"'
            return self._at(
                f"the {quote} that opens here is never closed; add the closing {quote}",
                line,
                column,
            )
        scalar = self._quoted_scalar_just_before()
        if scalar is None or not _SWALLOWED_KEY.search(scalar.text):
            return None
        runs_on = f" (the text runs on to line {scalar.end_line})"
        return self._at(
            f"the {scalar.style} that opens here is never closed"
            f"{runs_on if scalar.end_line != scalar.line else ''}; "
            f"add the closing {scalar.style}",
            scalar.line,
            scalar.column,
        )

    def _quoted_scalar_just_before(self) -> _Value | None:
        """The last value read, if it was quoted and ended on the line the parser failed."""
        scalar = self.trail.scalar
        if scalar is None or scalar.style not in QUOTES:
            return None
        if scalar.end_line != self.line or scalar.end_column > self.column:
            return None
        return scalar

    def _text_after_quote(self) -> Explained | None:
        scalar = self._quoted_scalar_just_before()
        if scalar is None:
            return None
        if scalar.style == "'":
            advice = "to put a ' inside the text, write it twice ('')"
        else:
            advice = 'to put a " inside the text, write \\" or enclose the text in single quotes'
        return self._at(f"text after the closing {scalar.style}; {advice}")

    def _bad_escape(self) -> Explained | None:
        """A backslash in double quotes starts an escape (\\n, \\u00e9); a Windows path or
        a broken code is not one."""
        if "escape" not in self.problem and "hex" not in self.problem:
            return None
        text = self._text(self.line)
        backslash = text.rfind("\\", 0, self.column + 1)
        escape = _ESCAPE.match(text, max(backslash, 0))
        return self._at(
            f"'{escape.group() if escape else chr(92)}' is not a valid escape inside double "
            "quotes; write '\\\\' for a backslash, or enclose the text in single quotes",
            column=max(backslash, 0),
        )

    def _empty_entry(self) -> Explained | None:
        if "node content" not in self.problem or self._char() != ",":
            return None
        return self._at("an empty entry (two commas with nothing between); remove a comma")

    def _text_after_bar(self) -> Explained | None:
        if "block scalar" not in self.context or "line break" not in self.problem:
            return None
        return self._at(
            "text cannot follow '|' or '>' on the same line; "
            "start the text on the next line, indented"
        )

    def _flow_not_closed(self) -> Explained | None:
        match = re.search(r"flow (sequence|mapping)", self.context)
        opened = self.error.context_mark
        if not match or opened is None:
            return None
        opener = "[" if match.group(1) == "sequence" else "{"
        closer = CLOSERS[opener]
        where = f"line {opened.line + 1}, column {opened.column + 1}"
        found = self._char()
        if found and found in "]}" and found != closer:
            return self._at(
                f"this '{found}' closes the '{opener}' opened on {where}; use '{closer}'"
            )
        if self._closed_on_problem_line(opened.line + 1, opened.column, opener):
            return self._at(f"expected ',' or '{closer}' here; separate the items with commas")
        return self._at(
            f"the '{opener}' that opens here is never closed; add the '{closer}'",
            opened.line + 1,
            opened.column,
        )

    def _closed_on_problem_line(self, line: int, column: int, opener: str) -> bool:
        """Whether the brackets opened at (line, column) are all closed by the end of the
        line the parser failed on: then an item lacks its comma, not the list its end."""
        texts = [self._text(line)[column:]] + [
            self._text(n) for n in range(line + 1, self.line + 1)
        ]
        depth = 0
        for text in texts:
            for char in re.sub(r"\"[^\"]*\"|'[^']*'", "", text):
                depth += char in "[{"
                depth -= char in "]}"
        return depth <= 0

    def _stray_closer(self) -> Explained | None:
        found = self._char()
        if not found or found not in "]}":
            return None
        opener = "[" if found == "]" else "{"
        return self._at(f"this '{found}' closes nothing; remove it, or add the '{opener}' it ends")

    def _colon_in_plain_text(self) -> Explained | None:
        """libyaml's "mapping values are not allowed": a ':' where a plain value goes on."""
        if not self.problem.startswith("mapping values are not allowed"):
            return None
        before = self._text(self.line)[: self.column]
        key = _KEY.match(before)
        if key and not before.lstrip().startswith("- "):
            return self._at(
                f"the value of '{key.group(1)}' contains ': '; put the whole value in quotes"
            )
        previous = self._previous_line(self.line)
        squeezed = _KEY_WITHOUT_SPACE.match(self._text(previous))
        if squeezed:
            return self._missing_space(previous, squeezed)
        if self._indent(self._text(self.line)) > self._indent(self._text(previous)):
            return self._indented_under_value(previous)
        if ":" not in self._text(previous):
            return self._no_colon(previous)
        return None

    def _missing_space(self, line: int, squeezed: re.Match[str]) -> Explained:
        key, value = squeezed.group(1), squeezed.group(2)
        return self._at(
            f"no space after the ':' of '{key}'; write '{key}: {_short(value.strip())}'",
            line,
            squeezed.start(2),
        )

    def _no_colon(self, line: int) -> Explained:
        text = self._text(line)
        return self._at(
            f"'{_short(text.strip())}' has no ':' after its name; write it as 'name: value'",
            line,
            self._indent(text),
        )

    def _key_without_colon(self) -> Explained | None:
        """libyaml's "could not find expected ':'": a name that never got its colon."""
        if "could not find expected ':'" not in self.problem or self.error.context_mark is None:
            return None
        line = self.error.context_mark.line + 1
        squeezed = _KEY_WITHOUT_SPACE.match(self._text(line))
        if squeezed:
            return self._missing_space(line, squeezed)
        return self._block_text_dedented(line) or self._no_colon(line)

    def _list_after_value(self) -> Explained | None:
        if "sequence entries are not allowed" not in self.problem:
            return None
        return self._at(
            "a '- ' list cannot start on the line of its name; "
            "put each '- ' item on a line of its own, indented below the name"
        )

    def _second_document(self) -> Explained | None:
        if "another document" in self.problem:
            return self._at(
                "'---' starts a second document here, but a content file holds one; "
                "remove this line"
            )
        if "document start" not in self.problem:
            return None
        previous = self._previous_line(self.line)
        if self._text(previous).strip() == "...":
            return self._at(
                f"'...' on line {previous} ends the content, but more follows; remove it",
                previous,
                0,
            )
        return self._at(
            "the content already ended above this line, yet more follows; look above for "
            "a comment that lost its '#' or a line that lost its indentation"
        )

    def _cannot_start_value(self) -> Explained | None:
        found = self._char()
        if "cannot start any token" in self.problem and found:
            return self._at(f"a value cannot start with '{found}'; put the value in quotes")
        if "anchor" in self.context or "alias" in self.context:
            line, column = _place(self.error.context_mark)
            sign = self._text(line)[column : column + 1]
            return self._at(
                f"a value cannot start with '{sign}'; put the value in quotes", line, column
            )
        return None

    def _misplaced_line(self) -> Explained | None:
        """A block could not go on: a line indented to no level above it, a '-' among keys,
        or a line of a '|' text block indented less than the rest of it."""
        if "while parsing a block" not in self.context:
            return None
        text = self._text(self.line)
        if self.column != self._indent(text):
            return None  # not at the start of its line: not an indentation problem
        if self._char() == "-" and text[self.column : self.column + 2].strip() == "-":
            stray = self._dash_among_keys()
            if stray:
                return stray
        return self._block_text_dedented(self.line) or self._misplaced(self.column)

    def _dash_among_keys(self) -> Explained | None:
        blocks = [b for b in self.trail.open if not b.flow]
        if not blocks or not blocks[-1].mapping or blocks[-1].column != self.column:
            return None
        parent = blocks[-2] if len(blocks) > 1 and blocks[-2].mapping else None
        if parent is None:
            return self._at(
                "a '- ' list item among the top-level names; remove the '-' "
                "(a list belongs indented below a name)"
            )
        return self._at(
            f"a '- ' list item among the names of '{parent.key}' (line {parent.key_line}); "
            f"remove the '-', or write every entry of '{parent.key}' as a '- ' item"
        )

    def _block_text_dedented(self, line: int) -> Explained | None:
        """A line of a '|' or '>' text that is indented less than the text, so YAML ended
        the text above it and read this line as a new name."""
        scalar = self.trail.scalar
        if scalar is None or scalar.style not in ("|", ">") or _KEY.match(self._text(line)):
            return None
        if scalar.end_line < self._previous_line(line):
            return None  # the text ended further up: this line does not continue it
        start = scalar.line
        body = next((n for n in range(start + 1, line) if self._text(n).strip()), line - 1)
        indent = self._indent(self._text(body))
        key = _KEY.match(self._text(start))
        name = f" of '{key.group(1)}'" if key else ""
        return self._at(
            f"line {line} is indented less than the text{name} above it (from line {start}); "
            f"{_move(indent)}, like the rest of the text",
            line,
            self._indent(self._text(line)),
        )

    def _levels(self, dash_first: bool) -> dict[int, str]:
        """The columns a line may start at here, each with what it would line up with: the
        open blocks, and the block that just ended (a line may continue it)."""
        blocks = [b for b in self.trail.open if not b.flow]
        closed = self.trail.closed
        if closed and closed.column >= max((b.column for b in blocks), default=-1):
            blocks.append(closed)
        levels: dict[int, str] = {}
        for block in blocks:
            if block.mapping and block.key:
                name = f"'{block.key}' on line {block.key_line}"
            elif not block.mapping:
                name = f"the '-' on line {block.line}"
            else:
                continue
            if block.column not in levels or block.mapping != dash_first:
                levels[block.column] = name
        return levels

    def _misplaced(self, indent: int) -> Explained:
        """A line whose indentation matches no level above it: name the levels it could take."""
        what = self._what(self.line)
        is_item = what.startswith("this '- '")
        levels = self._levels(dash_first=is_item)
        deeper = [c for c in sorted(levels) if c > indent][:1]
        shallower = [c for c in sorted(levels, reverse=True) if c < indent][:1]
        if indent in levels and levels[indent].startswith("the '-'") and not is_item:
            inside = f"{_move(deeper[0])} to go with {levels[deeper[0]]}, or " if deeper else ""
            return self._at(
                f"{what} is lined up with {levels[indent]}; {inside}"
                "start it with '- ' to begin a new item",
                column=indent,
            )
        if not deeper and shallower and not levels[shallower[0]].startswith("the '-'"):
            under = self._deeper_than_value(self._previous_line(self.line), indent)
            if under:
                return under
        if not deeper and not shallower:
            return self._at(f"YAML syntax error: {self.problem or self.context}", column=indent)
        first, *rest = deeper + shallower
        advice = f"{_move(first)} to line up with {levels[first]}"
        if rest:
            advice += f", or by {rest[0]} to line up with {levels[rest[0]]}"
        return self._at(
            f"{what} is indented by {counted(indent, 'space')}, which lines up with nothing "
            f"above it; {advice}",
            column=indent,
        )

    def _indented_under_value(self, previous: int) -> Explained:
        indent = self._indent(self._text(self.line))
        return self._deeper_than_value(previous, indent) or self._misplaced(indent)

    def _deeper_than_value(self, previous: int, indent: int) -> Explained | None:
        """A line indented deeper than the key above it, which already has its value."""
        above = _KEY.match(self._text(previous))
        if not above:
            return None
        key, column = above.group(1), above.start(1)
        what = self._what(self.line)
        has_value = bool(self._text(previous)[above.end() :].split("#")[0].strip())
        if what.startswith("this '- '") and has_value:
            return self._at(
                f"'{key}' on line {previous} already has a value, so it cannot also hold "
                f"this '- ' item; remove the value after '{key}:' or the '- '",
                column=indent,
            )
        advice = f"{_move(column)}, like '{key}'"
        closed = self.trail.closed
        if closed is not None and closed.column == indent:
            # This line lines up with the block that ends above the key: the key may be the
            # line out of place, not this one.
            advice = (
                f"{_move(column)} like '{key}', or, if '{key}' is the line out of place, "
                f"indent '{key}' by {counted(indent, 'space')}"
            )
        return self._at(
            f"{what} is indented more than '{key}' on line {previous}, which already has "
            f"its value; {advice}",
            column=indent,
        )


def _move(column: int) -> str:
    return (
        f"indent it by {counted(column, 'space')}" if column else "move it to the start of the line"
    )


def _short(text: str, limit: int = 40) -> str:
    """A piece of the writer's line, short enough to quote in a one-line message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
