"""Saddle-stitch imposition: booklet pages placed two-up on parent sheets, in printing order.

Printed duplex (flip on the short edge), the stack of sheets folds in half and staples into
the booklet. Sheet s (0-based) of a booklet of n pages (n a multiple of 4) carries, front:
pages n-2s (left) and 1+2s (right); back: 2+2s (left) and n-1-2s (right).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from reportlab.lib.pagesizes import A3, A4, LETTER, TABLOID, landscape


@dataclass(frozen=True)
class Sheet:
    name: str
    width: float
    height: float


# The parent sheet each booklet paper folds from, in landscape.
PARENT_SHEETS: dict[str, Sheet] = {
    "half-letter": Sheet("US Letter", *landscape(LETTER)),
    "a5": Sheet("A4", *landscape(A4)),
    "letter": Sheet("Tabloid (11 x 17 in)", *landscape(TABLOID)),
    "a4": Sheet("A3", *landscape(A3)),
}


@dataclass(frozen=True)
class Imposed:
    pdf: bytes
    sheets: int
    parent: Sheet


def sheet_order(pages: int) -> list[tuple[int, int]]:
    """(left, right) page numbers (1-based) for each sheet side: front, back, front, back..."""
    if pages % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, got {pages}")
    sides = []
    for sheet in range(pages // 4):
        sides.append((pages - 2 * sheet, 1 + 2 * sheet))
        sides.append((2 + 2 * sheet, pages - 1 - 2 * sheet))
    return sides


def impose(pdf: bytes, paper: str, title: str) -> Imposed:
    """Place the pages of `pdf` (trim-size pages, a multiple of 4) two-up on parent sheets."""
    reader = PdfReader(io.BytesIO(pdf))
    parent = PARENT_SHEETS[paper]
    writer = PdfWriter()
    for left, right in sheet_order(len(reader.pages)):
        side = PageObject.create_blank_page(width=parent.width, height=parent.height)
        for slot, number in enumerate((left, right)):
            page = reader.pages[number - 1]
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            # Centre the spread on the sheet; the fold runs down the middle.
            x = parent.width / 2 - width + slot * width
            y = (parent.height - height) / 2
            side.merge_transformed_page(page, Transformation().translate(x, y))
        writer.add_page(side)
    # The booklet's own dates (output/pdf.py's rule), so the sheets carry the same ones.
    dates = {key: value for key, value in (reader.metadata or {}).items()
             if key in ("/CreationDate", "/ModDate")}  # fmt: skip
    writer.add_metadata({"/Title": f"{title} (imposed for saddle stitching)",
                         "/Creator": "booklet", **dates})  # fmt: skip
    out = io.BytesIO()
    writer.write(out)
    return Imposed(out.getvalue(), len(reader.pages) // 4, parent)
