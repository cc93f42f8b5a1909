"""Marks that wait for the end of the layout pass: the contents' page numbers.

The contents page comes before the pages it lists, so its numbers are known only once the whole
story is laid out. ReportLab's answer is another whole pass (`multiBuild`). Here a contents line
draws its title and link in the pass and leaves a placeholder in the page's content stream
where its leader and number go; `draw_waiting` draws them into that place once every heading's
page is known, before the canvas writes the file. The lines' heights do not depend on their
numbers (the contents page is reserved before the pass, see render.py), so nothing else moves,
and the marks land inside whatever element or artifact was open at the placeholder.

This leans on two things ReportLab keeps until `canvas.save()`: a page's content stream as text
(`PDFPage.stream`) and the canvas's code list, which drawing appends to. Page numbers and dots
are ASCII, which ReportLab's TrueType subsets keep at fixed codes (`ttfAsciiReadable`), so
drawing them last changes no other byte: the PDF is the one a second whole pass would write.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from reportlab.pdfgen.canvas import Canvas

# Draws a waiting mark on the canvas, given the page of each destination key.
Waiting = Callable[[Canvas, Mapping[str, int]], None]

_MARKER = "%booklet-waiting-"  # a PDF comment, on a line of its own in the content stream
_PLACEHOLDER = re.compile(r"^%booklet-waiting-(\d+)$", re.MULTILINE)


def later(canvas: Canvas, draw: Waiting) -> None:
    """Reserve this place in the current page's content stream for `draw`, called once the
    pass is over (see `draw_waiting`)."""
    waiting: list[tuple[int, Waiting]] = canvas.__dict__.setdefault("_booklet_waiting", [])
    canvas.addLiteral(f"{_MARKER}{len(waiting)}")
    waiting.append((canvas.getPageNumber(), draw))


def draw_waiting(canvas: Canvas, pages: Mapping[str, int]) -> int:
    """Draw every waiting mark into its place; after the last page, before `canvas.save()`.
    Returns how many were drawn."""
    waiting: list[tuple[int, Waiting]] = canvas.__dict__.pop("_booklet_waiting", [])
    drawn = [_drawn(canvas, draw, pages) for _page, draw in waiting]
    document_pages: list[Any] = canvas._doc.Pages.pages
    for number in sorted({page for page, _draw in waiting}):
        page = document_pages[number - 1]
        page.stream = _PLACEHOLDER.sub(lambda found: drawn[int(found[1])], page.stream)
    return len(waiting)


def _drawn(canvas: Canvas, draw: Waiting, pages: Mapping[str, int]) -> str:
    """The content-stream text `draw` makes, drawn aside from the (finished) pages."""
    saved = canvas._code
    canvas._code = []
    try:
        draw(canvas, pages)
        return "\n".join(canvas._code)
    finally:
        canvas._code = saved
