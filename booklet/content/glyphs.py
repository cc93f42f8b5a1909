"""Which characters of the content no font of the booklet can draw (they would print as boxes).

The fonts are the content's own choice (`theme.fonts`, the bundled Noto families where it
chooses none), so coverage is known only once the content is read. Checked once per content
file when the project loads, over every printed text and every translation, and over the
fixed words each edition prints; `build` refuses them unless allowed, `check` reports them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from booklet.content.errors import Problem
from booklet.content.source import STR_TAG, Node
from booklet.labels.tables import MuseumTables, printed_words
from booklet.theme.font_files import FontChoice
from booklet.theme.fonts import fonts_for
from booklet.theme.glyphs import describe_missing, missing_characters

MAX_NAMED = 3
# Fields never printed: file names, ids, drawing names, codes, the theme and the sender, and
# alt texts (read aloud by a screen reader from the PDF's tags, never drawn).
_NOT_PRINTED = frozenset({"alt", "file", "id", "pictogram", "icon", "art", "kind", "language",
                          "translations", "native_language", "local_language", "theme", "mail",
                          "verify"})  # fmt: skip
_SPACE_STANDINS = {0x202F: 0x00A0}  # set as a no-break space (booklet.layout.paragraph)


def covered(fonts: FontChoice) -> frozenset[int]:
    """Code points the booklet's fonts can draw in any style (registering them)."""
    return fonts_for(fonts).covered


def missing_glyphs(root: Node, file_name: str, drawable: frozenset[int]) -> tuple[Problem, ...]:
    """One problem per printed text field holding characters no font of the booklet has (they
    would print as blank boxes), naming a few: a paragraph in another script must not become
    thousands of lines. Every translation is checked, whatever edition is built."""
    problems = []
    for path, node in _printed_texts(root):
        missing = _missing(node.value, drawable)
        if missing:
            problems.append(Problem(file_name, node.line, path, missing_message(missing)))
    return tuple(problems)


def missing_in_words(
    code: str,
    drawable: frozenset[int],
    museum: MuseumTables | None = None,
    lines: Mapping[str, Mapping[str, int]] | None = None,
) -> list[Problem]:
    """The fixed words the edition `code` prints ("Contents", "Opening hours") with characters
    no font has, at the table that gives them (a museum's `labels/xx.yaml` with its line)."""
    problems = []
    for file, line, key, words in printed_words(code, museum, lines):
        missing = _missing(words, drawable)
        if missing:
            problems.append(Problem(file, line, key, missing_message(missing)))
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


def _missing(text: str, drawable: frozenset[int]) -> list[str]:
    return [c for c in missing_characters(text, drawable)
            if _SPACE_STANDINS.get(ord(c)) not in drawable]  # fmt: skip


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
