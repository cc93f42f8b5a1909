"""The contents page's lines: title, dotted leader and page number, each line one link.

ReportLab's TableOfContents draws the leader and the page number from a callback inside the
title's paragraph, so they land in the page before the title and a screen reader would read
"..... 12 History". Here each line is drawn by a flowable of ours, in reading order, and tagged
as a TOCI holding a Link (title, page number and the link annotation); the dots are artifacts.
The entries still come from ReportLab's TableOfContents; the leader and the number are drawn
once the layout pass has placed every heading (layout/forward.py), so one pass suffices.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from booklet.layout import forward, tagging
from booklet.layout.flowables.keep import EarlyBreak
from booklet.layout.paragraph import Paragraph

LEADER = " . "
CONTINUATION = 1 / 3  # a contents list run on carries at least this share of a page


class ContentsIndex(TableOfContents):
    """A TableOfContents whose lines are `ContentsLine`s; tagged as a TOC."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        tagging.tag(self, "TOC")

    def isSatisfied(self) -> bool:
        """The pass listed the entries that were reserved for it, so its lines are right; the
        page numbers are not compared, they are drawn after the pass (forward.py)."""
        return _lines(self._entries) == _lines(self._lastEntries)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "Placeholder for table of contents", 0, None)]
        rows: list[list[Flowable]] = []
        for level, text, page, key in entries:
            style = self.getLevelStyle(level)
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            dots = 0 <= self.dotsMinLevel <= level
            rows.append([ContentsLine(text, style, page, key, dots)])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


def _lines(entries: list[tuple[int, str, int, str | None]]) -> list[tuple[int, str, str | None]]:
    return [(level, text, key) for level, text, _page, key in entries]


class ContentsLine(Flowable):
    """One entry: its title, a leader of dots and the page number, linked to `key`."""

    def __init__(
        self, markup: str, style: ParagraphStyle, page: int, key: str | None, dots: bool
    ) -> None:
        super().__init__()
        self.title = Paragraph(markup, style)
        self.style = style
        self.page = str(page)
        self.key = key
        self.dots = dots
        self.entry = tagging.Tag("TOCI")
        self.link = tagging.Tag("Link")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, self.height = self.title.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        # The leader and the number are drawn once the pass has found the page (forward.py),
        # where the title's last line ends and on its baseline, as measured now.
        canvas, style = self.canv, self.style
        blocks = self.title.blPara
        last = blocks.lines[-1]
        spare = last.extraSpace if blocks.kind else last[0]
        end = self.width - style.rightIndent - spare
        baseline = self.height - style.fontSize - (len(blocks.lines) - 1) * style.leading
        with tagging.element(canvas, self.entry):
            with tagging.element(canvas, self.link):
                self.title.drawOn(canvas, 0, 0)
            if self.dots:
                with tagging.artifact(canvas):
                    forward.later(canvas, partial(self._draw_leader, self.width, end, baseline))
            with tagging.element(canvas, self.link):
                forward.later(canvas, partial(self._draw_number, self.width, baseline))
                if self.key:
                    canvas.linkRect(self.words(), self.key, (0, 0, self.width,
                                    self.height), relative=1, thickness=0)  # fmt: skip

    def number(self, pages: Mapping[str, int]) -> str:
        """The page number printed: the page the pass put the entry's heading on."""
        return str(pages[self.key]) if self.key else self.page

    def words(self) -> str:
        """The entry as a reader hears it (the link's description)."""
        return " ".join(self.title.getPlainText().split())

    def _draw_leader(
        self, width: float, end: float, baseline: float, canvas: Canvas, pages: Mapping[str, int]
    ) -> None:
        """Dots from the end of the title (`end`) to the number; how many depends on it."""
        style = self.style
        page_x = width - self._number_width(pages)
        dot_width = stringWidth(LEADER, style.fontName, style.fontSize)
        count = int((page_x - end) / dot_width)
        self._text(canvas, page_x - count * dot_width, baseline, LEADER * count)

    def _draw_number(
        self, width: float, baseline: float, canvas: Canvas, pages: Mapping[str, int]
    ) -> None:
        """The number, set flush right."""
        self._text(canvas, width - self._number_width(pages), baseline, self.number(pages))

    def _number_width(self, pages: Mapping[str, int]) -> float:
        return float(stringWidth(self.number(pages), self.style.fontName, self.style.fontSize))

    def _text(self, canvas: Canvas, x: float, y: float, text: str) -> None:
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.setFillColor(self.style.textColor)
        canvas.drawString(x, y, text)


class FittingContents(ContentsIndex):
    """The contents page, set compact when its usual spacing would leave a line or two for
    a second page (a museum with many rooms on small paper). Same entries, same order.

    copy-fit: when it runs on even so, its last page carries at least a third of a page: a
    list a few lines too long would leave those lines alone on the next page, so the first
    page then ends early instead (at a row), and the next page is worth having."""

    def __init__(
        self,
        usual: tuple[TableStyle, list[ParagraphStyle]],
        compact: tuple[TableStyle, list[ParagraphStyle]],
        *,
        frame_height: float,
        **kwargs: Any,
    ) -> None:
        super().__init__(tableStyle=usual[0], **kwargs)
        self.levelStyles = usual[1]
        self.usual, self.compact = usual, compact
        self.frame_height = frame_height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, full = self.wrap(availWidth, availHeight)
        last = (full - availHeight) % self.frame_height
        wanted = self.frame_height * CONTINUATION
        parts = list(self._table.splitOn(self.canv, availWidth, availHeight))
        if full > availHeight and last < wanted and len(parts) == 2:
            shorter = max(availHeight - (wanted - last), availHeight / 2)
            parts = list(self._table.splitOn(self.canv, availWidth, shorter))
            if len(parts) == 2:  # end this page early, on purpose (see layout/report.py)
                parts.insert(1, EarlyBreak(designed=True))
        return parts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.tableStyle, self.levelStyles = self.usual
        width, height = super().wrap(availWidth, availHeight)
        if height > availHeight:
            self.tableStyle, self.levelStyles = self.compact
            width, height = super().wrap(availWidth, availHeight)
        return width, height
