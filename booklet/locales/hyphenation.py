"""Pyphen's hyphenation patterns, read several times faster than Pyphen reads them.

Pyphen parses its dictionary one pattern at a time with a regular expression: ~60 ms for
English, once in every process that hyphenates (nearly every build). The same patterns come out
of a few whole-file byte operations. They go where Pyphen keeps the dictionaries it has read
(`pyphen.hdcache`), so ReportLab's `Pyphen(lang=...)` finds them there. A dictionary with what
these operations do not handle (`^^hh` escapes, nonstandard hyphenation with `/`, digits other
than 0-9) is left to Pyphen; a test checks that both readings agree for every dictionary Pyphen
ships.
"""

from __future__ import annotations

import re
from typing import Any

import pyphen

_DIGITS = b"0123456789"
# In UTF-8, each character other than a digit or a line break becomes one bar: its first byte
# is mapped to b"|", its continuation bytes (0x80-0xBF) are deleted.
_BARS = bytes(byte if byte in _DIGITS or byte == 0x0A else 0x7C for byte in range(256))
_CONTINUATION = bytes(range(0x80, 0xC0))
_UNHANDLED = re.compile(rb"\^\^|/|\|")
_DIGIT_PAIR = re.compile(rb"([0-9])(?=[0-9])")
_OTHER_DIGITS = re.compile(r"[^\D0-9]")


def load_patterns(dictionary: str) -> None:
    """Read Pyphen's `dictionary` (a name such as "en_US") into Pyphen's cache, unless it is
    there already."""
    path = pyphen.LANGUAGES[dictionary]
    if path not in pyphen.hdcache:
        patterns = read_patterns(path)
        pyphen.hdcache[path] = pyphen.HyphDict(path) if patterns is None else _hyph_dict(patterns)


def read_patterns(path: Any) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    """The patterns of a `hyph_*.dic` file as Pyphen's `HyphDict.patterns` holds them (letters
    -> first position, values), or None if the file has what this reading does not handle.

    A pattern such as ".ach4" gives the letters ".ach" and one value per gap between them,
    around them included (0 0 0 0 4); Pyphen keeps the values from the first to the last that
    is not 0 and where they start (4), and drops patterns of zeros only. Two digits in a row
    ("s11a", in German) are two values, as if an empty letter stood between them: Pyphen
    reads a pattern as pairs of an optional digit and an optional letter."""
    with path.open("rb") as file:
        encoding = file.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines = [line.strip() for line in path.read_text(encoding).split("\n")[1:]]
    text = "\n".join([line for line in lines if line and not line.startswith(pyphen.ignored)])
    data = text.encode()
    if _UNHANDLED.search(data) or not (text.isascii() or not _OTHER_DIGITS.search(text)):
        return None
    letters = data.translate(None, _DIGITS).decode().split("\n")
    if _DIGIT_PAIR.search(data):
        data = _DIGIT_PAIR.sub(rb"\1|", data)
    # "a1b" -> "||1||": one gap between each two bars; an empty gap is a 0 ("|0|1|0|").
    gaps = b"|" + data.translate(_BARS, _CONTINUATION).replace(b"\n", b"|\n|") + b"|"
    digits = gaps.replace(b"||", b"|0|").replace(b"||", b"|0|").replace(b"|", b"").decode()
    values = digits.split("\n")
    found: dict[str, tuple[int, tuple[int, ...]]] = {}
    for gap_values in set(values):
        kept = gap_values.strip("0")
        if kept:
            found[gap_values] = (len(gap_values) - len(gap_values.lstrip("0")),
                                 tuple(map(int, kept)))  # fmt: skip
    patterns = {key: found[value] for key, value in zip(letters, values, strict=True)
                if value in found}  # fmt: skip
    return patterns or None


def _hyph_dict(patterns: dict[str, tuple[int, tuple[int, ...]]]) -> pyphen.HyphDict:
    """A HyphDict holding `patterns`, as `HyphDict(path)` would have made it."""
    hyph_dict = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hyph_dict.patterns = patterns
    hyph_dict.cache = {}
    hyph_dict.maxlen = max(map(len, patterns))
    return hyph_dict
