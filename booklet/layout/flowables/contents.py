"""The contents page's lines: title, dotted leader and page number, each line one link.

ReportLab's TableOfContents draws the leader and the page number from a callback inside the
title's paragraph, so they land in the page before the title and a screen reader would read
"..... 12 History". Here each line is drawn by a flowable of ours, in reading order, and tagged
as a TOCI holding a Link (title, page number and the link annotation); the dots are artifacts.
Entries, passes and page numbers still come from ReportLab's TableOfContents.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from booklet.layout import tagging
from booklet.layout.flowables.keep import EarlyBreak
from booklet.layout.paragraph import Paragraph

LEADER = " . "
CONTINUATION = 1 / 3  # a contents list run on carries at least this share of a page


class ContentsIndex(TableOfContents):
    """A TableOfContents whose lines are `ContentsLine`s; tagged as a TOC."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        tagging.tag(self, "TOC")

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
        canvas, style = self.canv, self.style
        size = style.fontSize
        blocks = self.title.blPara
        last = blocks.lines[-1]
        spare = last.extraSpace if blocks.kind else last[0]
        end = self.width - style.rightIndent - spare  # where the title's last line ends
        baseline = self.height - size - (len(blocks.lines) - 1) * style.leading
        number_width = stringWidth(self.page, style.fontName, size)
        page_x = self.width - number_width
        with tagging.element(canvas, self.entry):
            with tagging.element(canvas, self.link):
                self.title.drawOn(canvas, 0, 0)
            if self.dots:
                dot_width = stringWidth(LEADER, style.fontName, size)
                count = int((page_x - end) / dot_width)
                with tagging.artifact(canvas):
                    self._text(page_x - count * dot_width, baseline, LEADER * count)
            with tagging.element(canvas, self.link):
                self._text(page_x, baseline, self.page)
                if self.key:
                    canvas.linkRect(self.words(), self.key, (0, 0, self.width,
                                    self.height), relative=1, thickness=0)  # fmt: skip

    def words(self) -> str:
        """The entry as a reader hears it (the link's description)."""
        return " ".join(self.title.getPlainText().split())

    def _text(self, x: float, y: float, text: str) -> None:
        canvas = self.canv
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
