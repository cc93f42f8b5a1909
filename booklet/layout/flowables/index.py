"""The plan's legend as a page index: number, room name, dotted leader and page number.

It is a table of contents that listens only for the room entries, so its page numbers are
drawn after the layout pass like the contents page's, and each line links to its room.
A long legend can be set in two columns (the fitting step decides, see sections/plan.py).
"""

from __future__ import annotations

import io
import math
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from booklet.layout.flowables.contents import ContentsIndex

COLUMN_GAP = 18  # points between the two columns of a two-column legend


class RoomIndex(ContentsIndex):
    def __init__(self, labels: dict[str, str], columns: int = 1, **kwargs: Any) -> None:
        """`labels` maps each room's destination key to the markup shown for it."""
        super().__init__(**kwargs)
        self.labels = labels
        self.columns = columns

    def notify(self, kind: str, stuff: Any) -> None:
        if kind == "TOCEntry":
            _level, _text, page, key = stuff
            if key in self.labels:
                self.addEntry(0, self.labels[key], page, key)

    def seed(self, entries: list[tuple[int, str, int, str]]) -> None:
        """Reserve the legend's lines before the pass (see layout/render.py); also what the
        fitting step measures before any pass."""
        self._entries = [(0, self.labels[key], page, key) for _, _, page, key in entries
                         if key in self.labels]  # fmt: skip
        self._lastEntries = list(self._entries)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if hasattr(self, "canv"):
            return self._wrap(available_width, available_height)
        self.canv = Canvas(io.BytesIO())  # measured by the fitting step, outside a build
        try:
            return self._wrap(available_width, available_height)
        finally:
            del self.canv

    def _wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self.columns == 1 or len(self._lastEntries) < 2:
            return super().wrap(available_width, available_height)
        entries = self._lastEntries
        half = math.ceil(len(entries) / 2)
        width = (available_width - COLUMN_GAP) / 2
        tables: list[Table] = []
        for part in (entries[:half], entries[half:]):
            self._lastEntries = part
            super().wrap(width, available_height)
            tables.append(self._table)
        self._lastEntries = entries
        style = self.getLevelStyle(0)
        outer = TableStyle([*_OUTER, ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize)])
        self._table = Table(
            [tables], colWidths=(width + COLUMN_GAP, width), style=outer, hAlign="LEFT"
        )
        self.width, self.height = self._table.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height


# The outer table's own font matters: without one ReportLab selects Helvetica (base-14).
_OUTER = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]
