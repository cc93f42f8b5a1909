"""The plan's legend as a page index: number, room name, dotted leader and page number.

It is a table of contents that listens only for the room entries, so its page numbers are
filled in by the same layout passes as the contents page, and each line links to its room.
A long legend can be set in two columns (the fitting step decides, see sections/plan.py).
"""

from __future__ import annotations

import io
import math
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from booklet.layout.flowables.keep import EarlyBreak

COLUMN_GAP = 18  # points between the two columns of a two-column legend
CONTINUATION = 1 / 3  # a contents page run on carries at least this share of a page


class Contents(TableOfContents):
    """The table of contents; when it runs on, its last page carries a third of a page.

    A contents list a few lines too long for its page would leave those lines alone on the
    next: the first page then ends early instead (at a row), so the next page is worth having.
    """

    def __init__(self, frame_height: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.frame_height = frame_height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        _, full = self.wrap(available_width, available_height)
        last = (full - available_height) % self.frame_height
        wanted = self.frame_height * CONTINUATION
        parts = list(self._table.splitOn(self.canv, available_width, available_height))
        if full > available_height and last < wanted and len(parts) == 2:
            shorter = max(available_height - (wanted - last), available_height / 2)
            parts = list(self._table.splitOn(self.canv, available_width, shorter))
            if len(parts) == 2:  # end this page early, on purpose (see the report's rules)
                parts.insert(1, EarlyBreak(designed=True))
        return parts


class RoomIndex(TableOfContents):
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
        """Reserve the legend's lines before the first pass (see layout/render.py); also
        what the fitting step measures before any pass."""
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
            tables.append(self._table)  # type: ignore[has-type]
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
