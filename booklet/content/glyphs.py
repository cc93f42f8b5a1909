"""Which characters of the content the bundled fonts cannot draw (they would print as boxes).

Checked once per content file, over every text and every translation, when the project loads;
`build` warns about them and `check --preflight` reports them as errors.
"""

from __future__ import annotations

import functools

from reportlab.pdfbase import pdfmetrics

from booklet.content.errors import Problem
from booklet.content.source import Node, text_scalars
from booklet.theme.fonts import FACE_NAMES, register_fonts
from booklet.theme.glyphs import describe_missing

MAX_NAMED = 3


@functools.cache
def covered() -> frozenset[int]:
    """Code points every bundled face can draw: a character must work in any style."""
    register_fonts()
    faces = [pdfmetrics.getFont(name).face.charToGlyph for name in FACE_NAMES]
    common = set(faces[0])
    for cmap in faces[1:]:
        common &= set(cmap)
    return frozenset(common)


@functools.cache
def _drawable() -> frozenset[str]:
    """The characters to accept as drawable: every covered one, and line breaks and tabs."""
    return frozenset(map(chr, covered())) | {"\n", "\t"}


def missing_glyphs(root: Node, file_name: str) -> tuple[Problem, ...]:
    """One problem per field holding characters no bundled face has, naming a few of them:
    a paragraph in another script must not become thousands of lines."""
    drawable = _drawable()
    problems = []
    for path, node in text_scalars(root):
        missing = sorted(set(node.value).difference(drawable))
        if not missing:
            continue
        named = describe_missing(missing, MAX_NAMED)
        if len(missing) > 1:
            what = f"characters {named} are not in the bundled fonts; "
            what += "replace them or they print as blank boxes"
        else:
            what = f"character {named} is not in the bundled fonts; "
            what += "replace it or it prints as a blank box"
        problems.append(Problem(file_name, node.line, path, what))
    return tuple(problems)
