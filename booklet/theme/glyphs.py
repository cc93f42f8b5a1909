"""Which characters a font can draw, and how to name the ones it cannot.

A character missing from the font prints as a blank box (or nothing), so every check that
looks for them says which characters and their code points: 'Ж' (U+0416)."""

from __future__ import annotations

from collections.abc import Iterable

from booklet.content.errors import printable

# Scripts a museum is likely to print, with the letters a font needs to set ordinary text in
# each (the basic alphabet; CJK by its most common block, which no font covers in full).
SCRIPTS: dict[str, tuple[range, ...]] = {
    "Latin": (range(0x41, 0x5B), range(0x61, 0x7B), range(0xC0, 0xD7), range(0xD8, 0xF7),
              range(0xF8, 0x100)),
    "Greek": (range(0x391, 0x3A2), range(0x3A3, 0x3AA), range(0x3B1, 0x3CA)),
    "Cyrillic": (range(0x410, 0x450),),
    "Hebrew": (range(0x5D0, 0x5EB),),
    "Arabic": (range(0x621, 0x63B), range(0x641, 0x64B)),
    "CJK": (range(0x4E00, 0xA000),),
}  # fmt: skip
FULL = 0.98
"""The share of a script's letters a font must have to count as covering it."""


def script_coverage(covered: set[int] | frozenset[int]) -> dict[str, float]:
    """Share (0 to 1) of each script's letters the font has; scripts it lacks entirely left out."""
    shares = {}
    for script, ranges in SCRIPTS.items():
        letters = [c for r in ranges for c in r]
        share = sum(c in covered for c in letters) / len(letters)
        if share:
            shares[script] = share
    return shares


def missing_characters(text: str, covered: set[int] | frozenset[int]) -> list[str]:
    """The distinct characters of `text` the font lacks, in code point order (line breaks and
    tabs are layout, not glyphs)."""
    return sorted({c for c in text if c not in "\n\t" and ord(c) not in covered})


def describe_missing(characters: Iterable[str], limit: int = 3) -> str:
    """ "'Ж' (U+0416), 'ж' (U+0436) and 2 more": a message may have to name a whole paragraph
    in another script, so it names a few."""
    chars = list(characters)
    named = ", ".join(f"'{printable(c)}' (U+{ord(c):04X})" for c in chars[:limit])
    more = f" and {len(chars) - limit} more" if len(chars) > limit else ""
    return named + more
