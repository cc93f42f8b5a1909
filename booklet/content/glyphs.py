"""Which characters a font can draw, how to name the ones it cannot, and where content has them.

A character missing from the font prints as a blank box (or nothing), so every check that
looks for them says which characters and their code points: 'Ж' (U+0416)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from booklet.content.errors import Problem, printable
from booklet.content.source import STR_TAG, Node

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


MAX_NAMED = 3
# Fields never printed: file names, ids, drawing names, codes, colours, and alt texts (read
# aloud by a screen reader from the PDF's tags, never drawn).
_NOT_PRINTED = frozenset({"alt", "file", "id", "pictogram", "icon", "art", "kind", "language",
                          "translations", "native_language", "theme", "verify"})  # fmt: skip
_SPACE_STANDINS = {0x202F: 0x00A0}  # set as a no-break space (booklet.layout.paragraph)


def missing_glyphs(root: Node, file_name: str, covered: frozenset[int]) -> list[Problem]:
    """One problem per printed text field holding characters no font of the booklet has (they
    would print as blank boxes), naming a few: a paragraph in another script must not become
    thousands of lines. Every translation is checked, whatever edition is built."""
    problems = []
    for path, node in _printed_texts(root):
        missing = [c for c in missing_characters(node.value, covered)
                   if _SPACE_STANDINS.get(ord(c)) not in covered]  # fmt: skip
        if missing:
            problems.append(Problem(file_name, node.line, path, missing_message(missing)))
    return problems


def missing_message(missing: list[str]) -> str:
    """ "characters 'Ж' (U+0416), 'ж' (U+0436) are in none of the booklet's fonts; ..." """
    named = describe_missing(missing, MAX_NAMED)
    if len(missing) == 1:
        return (f"character {named} is in none of the booklet's fonts and would print as a "
                "blank box; add a font that has it (theme.fonts), replace it, or build with "
                "--allow-missing-glyphs")  # fmt: skip
    return (f"characters {named} are in none of the booklet's fonts and would print as blank "
            "boxes; add a font that has them (theme.fonts), replace them, or build with "
            "--allow-missing-glyphs")  # fmt: skip


def _printed_texts(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    if node.is_mapping:
        for key, child in node.value.items():
            if key not in _NOT_PRINTED:
                yield from _printed_texts(child, f"{path}.{key}" if path else key)
    elif node.is_sequence:
        for index, child in enumerate(node.value):
            yield from _printed_texts(child, f"{path}[{index}]")
    elif (node.tag == STR_TAG or node.quoted) and isinstance(node.value, str):
        yield path, node
