"""Personalising a booklet that was laid out once: one line stamped onto its cover.

Laying out a booklet takes about a second and a half; a thousand travelers must not mean a
thousand layouts. The booklet is built once per language and each copy gets a small overlay
(drawn by ReportLab in the bundled Sans, merged by pypdf) on page 1, written as an incremental
update so the original bytes stay untouched in front of it.

The line goes in the cover's ink band (where typesetting says it is), in paper colour, below
the museum name (left) and the edition (right). Its place is measured from the text on the
page, so it follows the band if the museum name wraps.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from booklet.layout.rendered import Box
from booklet.theme.fonts import register_fonts

FONT = "Sans"
MIN_SIZE = 5.0
SIZE_SHARE = 0.75  # of the museum name's size: clearly secondary, still readable on screen
DESCENT = 0.3  # of a font size: room below a baseline for descenders


@dataclass(frozen=True)
class Placement:
    """Where the line starts (baseline, page coordinates), its font size and widest extent."""

    x: float
    y: float
    size: float
    width: float


class CoverStamp:
    """Stamps lines onto page 1 of one built booklet; the PDF is parsed once, then shared."""

    def __init__(self, pdf: bytes, colour: Color, band: Box) -> None:
        """`band` is the cover's ink band, from the trim's lower-left corner."""
        register_fonts()
        self._reader = PdfReader(io.BytesIO(pdf))
        self._colour = colour
        page = self._reader.pages[0]
        self._page_size = (float(page.mediabox.width), float(page.mediabox.height))
        self.placement = find_placement(page, band[3])

    def apply(self, line: str) -> bytes:
        """The booklet with `line` on its cover, shrunk (then shortened) to fit the band."""
        overlay = PdfReader(io.BytesIO(self._overlay(line))).pages[0]
        writer = PdfWriter(self._reader, incremental=True)
        if self._reader.metadata:  # pypdf's incremental update drops the /Info (title, author)
            writer.add_metadata(dict(self._reader.metadata))
        cover = writer.pages[0]
        cover.merge_page(overlay)
        cover.compress_content_streams()
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def _overlay(self, line: str) -> bytes:
        place = self.placement
        line, size = fit_line(line, place.size, place.width)
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=self._page_size, invariant=1, initialFontName=FONT)
        # The booklet is a tagged PDF, where every mark must belong to an element or be an
        # artifact: the line is personal page furniture that a screen reader skips.
        canvas.addLiteral("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC")
        canvas.setFont(FONT, size)
        canvas.setFillColor(self._colour)
        canvas.drawString(place.x, place.y, line)
        canvas.addLiteral("EMC")
        canvas.showPage()
        canvas.save()
        return out.getvalue()


def fit_line(line: str, size: float, width: float) -> tuple[str, float]:
    """Shrink to fit `width`, down to MIN_SIZE; past that, cut the end with an ellipsis."""
    natural = pdfmetrics.stringWidth(line, FONT, size)
    if natural > width:
        size = max(MIN_SIZE, size * width / natural)
    while len(line) > 1 and pdfmetrics.stringWidth(line, FONT, size) > width:
        line = line[:-2].rstrip() + "…"
    return line, size


def unprintable(text: str) -> str:
    """The characters of `text` the cover font cannot draw ("" when it can draw them all)."""
    register_fonts()
    glyphs = pdfmetrics.getFont(FONT).face.charToGlyph
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in glyphs))


def find_placement(page: PageObject, band_height: float) -> Placement:
    """Centre the line in the free strip of the band below its lowest text, at its left edge."""
    box = page.trimbox
    bottom, left, right = float(box.bottom), float(box.left), float(box.right)
    band_top = bottom + band_height
    in_band = [run for run in _text_runs(page) if bottom < run[1] < band_top]
    if in_band:
        x = min(run[0] for run in in_band)
        _, baseline, reference = min(in_band, key=lambda run: run[1])
        free_top = baseline - DESCENT * reference
    else:  # a cover without text in the band: use the band's full height
        x, reference, free_top = left + float(box.width) * 0.1, 9.0, band_top
    size = max(MIN_SIZE, round(reference * SIZE_SHARE, 2))
    y = bottom + (free_top - bottom) / 2 - size * 0.35
    return Placement(x, y, size, right - x - (x - left))


def _text_runs(page: PageObject) -> list[tuple[float, float, float]]:
    """(x, baseline y, font size) of every piece of text on the page, in page coordinates."""
    runs: list[tuple[float, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = math.sqrt(
                abs(tm[0] * tm[3] - tm[1] * tm[2]) * abs(cm[0] * cm[3] - cm[1] * cm[2])
            )
            runs.append((float(x), float(y), float(size * (scale or 1.0))))

    page.extract_text(visitor_text=visit)
    return runs
