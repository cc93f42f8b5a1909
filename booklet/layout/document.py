"""The ReportLab document: page templates, running footer, TOC notifications and the outline,
laid out in one pass."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from booklet.content.inline import escape
from booklet.content.model import Located
from booklet.layout import forward, tagging
from booklet.layout.flowables.heading import Anchor, Heading, Marker
from booklet.layout.measure import StoryLog
from booklet.theme.profile import MARK_GAP, MARK_LENGTH
from booklet.theme.theme import Theme

PageDrawer = Callable[[Canvas, "BookletDocument"], None]

COVER, BODY, BACK = "cover", "body", "back"
REGISTRATION = CMYKColor(1, 1, 1, 1)


class BookletDocument(BaseDocTemplate):
    """A doc template that turns Heading/Anchor flowables into TOC entries and bookmarks."""

    def __init__(
        self,
        target: Any,
        theme: Theme,
        *,
        draw_cover: PageDrawer,
        draw_back: PageDrawer,
        metadata: dict[str, str | bool],
    ) -> None:
        paper = theme.paper
        offset = theme.offset
        super().__init__(
            target,
            pagesize=(paper.width + 2 * offset, paper.height + 2 * offset),
            leftMargin=paper.margin_x,
            rightMargin=paper.margin_x,
            topMargin=paper.margin_top,
            bottomMargin=paper.margin_bottom,
            invariant=1,
            pageCompression=1,
            initialFontName=theme.fonts.sans,
            initialFontSize=theme.styles["body"].fontSize,
            **metadata,
        )
        self.theme = theme
        self.current_section = ""
        # The footer names the section in force at the top of the page: a heading labels
        # itself, the footer labels what continues from before it.
        self.page_section = ""
        self._page_fresh = True
        self.current_where: Located | None = None
        self.key_pages: dict[str, int] = {}
        # copy-fit: the record of what was placed where, for the layout report.
        self.log = StoryLog()
        # tagging: frames draw each flowable inside its structure element (layout/tagging.py)
        body_frame = tagging.TaggingFrame(
            paper.margin_x,
            paper.margin_bottom,
            paper.frame_width,
            paper.frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        full_frame = tagging.TaggingFrame(0, 0, paper.width, paper.height, id="full")
        self.addPageTemplates(
            [
                PageTemplate(COVER, [full_frame], onPage=self._page_start(draw_cover),
                             onPageEnd=self._page_end(None)),
                PageTemplate(BODY, [body_frame], onPage=self._page_start(None),
                             onPageEnd=self._page_end(self._draw_footer)),
                PageTemplate(BACK, [full_frame], onPage=self._page_start(draw_back),
                             onPageEnd=self._page_end(None)),
            ]
        )  # fmt: skip

    def lay_out(self, story: list[Flowable], max_passes: int = 6) -> int:
        """Lay the story out, then draw the contents' page numbers in place (forward.py) and
        write the PDF; returns the number of passes.

        One pass, where ReportLab's `multiBuild` takes two: the contents are reserved before
        it (render.py), so only their numbers wait for the pages. Should the pass list other
        entries than were reserved (a heading the reservation missed), the contents page has
        the wrong length and the story is laid out again with the entries found."""
        indexes = [flowable for flowable in story if flowable.isIndexing()]
        self._indexingFlowables = indexes  # ReportLab's notify() tells these of each entry
        self._doSave = 0  # build() leaves the canvas open: the numbers are drawn first
        for passes in range(1, max_passes + 1):
            for index in indexes:
                index.beforeBuild()
            self.build(story[:])
            for index in indexes:
                index.afterBuild()
            if all(index.isSatisfied() for index in indexes):
                forward.draw_waiting(self.canv, self.key_pages)
                self.canv.save()
                return passes
        raise IndexError(f"contents entries not resolved after {max_passes} passes")

    def build(
        self,
        flowables: list[Flowable],
        filename: Any = None,
        canvasmaker: Any = tagging.TaggedCanvas,
    ) -> None:
        """Every pass draws on a canvas that records the structure tree (tagged PDF)."""
        super().build(flowables, filename, canvasmaker)

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.log.reset()  # copy-fit: each pass records afresh; the last one is printed
        self.key_pages.clear()
        if self.theme.profile.bleed:
            paper, o, b = self.theme.paper, self.theme.offset, self.theme.bleed
            self.canv.setTrimBox((o, o, o + paper.width, o + paper.height))
            self.canv.setBleedBox((o - b, o - b, o + paper.width + b, o + paper.height + b))

    def _page_start(self, draw: PageDrawer | None) -> Callable[[Canvas, Any], None]:
        """Move the origin to the trim corner (print sheets are larger), then draw the page art.

        The translation stays in force for the frames and the page end, so every coordinate in
        layout code is relative to the trimmed page whatever the profile."""

        def start(canvas: Canvas, _doc: Any) -> None:
            self.page_section, self._page_fresh = self.current_section, True
            if self.theme.offset:
                canvas.translate(self.theme.offset, self.theme.offset)
            if draw is not None:
                draw(canvas, self)

        return start

    def _page_end(self, draw: Callable[[Canvas], None] | None) -> Callable[[Canvas, Any], None]:
        def end(canvas: Canvas, _doc: Any) -> None:
            if draw is not None:
                with tagging.artifact(canvas, "Pagination", "Footer"):
                    draw(canvas)
            if self.theme.profile.bleed:
                with tagging.artifact(canvas, "Page"):
                    draw_crop_marks(canvas, self.theme)

        return end

    def afterPage(self) -> None:
        self.log.end_page()  # copy-fit

    def afterFlowable(self, flowable: Flowable) -> None:
        self._log_flowable(flowable)  # copy-fit
        opens_page = self._page_fresh
        if not isinstance(flowable, Marker | Anchor | ActionFlowable | Spacer):
            self._page_fresh = False
        if isinstance(flowable, Marker):
            self.current_where = flowable.where
            return
        if not isinstance(flowable, Heading | Anchor):
            return
        page = self.canv.getPageNumber()
        if flowable.where is not None:
            self.current_where = flowable.where
        self.canv.bookmarkPage(flowable.key)
        self.key_pages[flowable.key] = page
        self.canv.addOutlineEntry(flowable.title, flowable.key, level=flowable.level)
        if flowable.section is not None:
            self.current_section = flowable.section
            if opens_page:
                self.page_section = flowable.section
        if flowable.in_toc:
            entry = escape(flowable.title)
            self.notify("TOCEntry", (flowable.level, entry, page, flowable.key))

    def _log_flowable(self, flowable: Flowable) -> None:
        """copy-fit: tell the story log which unit (section or room) starts, then the block."""
        if isinstance(flowable, Heading | Anchor) and (
            flowable.section is not None or flowable.key.startswith("room-")
        ):
            room = flowable.section is None
            self.log.start_unit(
                flowable.key, flowable.title, room, flowable.where, self.canv.getPageNumber()
            )
        self.log.record(self, flowable)

    def _draw_footer(self, canvas: Canvas) -> None:
        theme = self.theme
        paper = theme.paper
        style = theme.styles["footer"]
        page = canvas.getPageNumber()
        canvas.saveState()
        canvas.setStrokeColor(theme.palette.tint(theme.palette.muted, 0.35))
        canvas.setLineWidth(0.4)
        rule_y = paper.footer_y + style.fontSize * 1.6
        canvas.line(paper.margin_x, rule_y, paper.width - paper.margin_x, rule_y)
        number = str(page)
        section = self.page_section
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        if page % 2 == 0:
            canvas.drawString(paper.margin_x, paper.footer_y, number)
            canvas.drawRightString(paper.width - paper.margin_x, paper.footer_y, section)
        else:
            canvas.drawString(paper.margin_x, paper.footer_y, section)
            canvas.drawRightString(paper.width - paper.margin_x, paper.footer_y, number)
        canvas.restoreState()


def draw_crop_marks(canvas: Canvas, theme: Theme) -> None:
    """Trim marks at the four corners, outside the bleed, in registration colour (100% of
    every ink) so they appear on every plate."""
    width, height = theme.paper.width, theme.paper.height
    start = theme.bleed + MARK_GAP
    end = start + MARK_LENGTH
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(0.25)
    for x in (0.0, width):
        for y in (0.0, height):
            dx = -1 if x == 0 else 1
            dy = -1 if y == 0 else 1
            canvas.line(x + dx * start, y, x + dx * end, y)
            canvas.line(x, y + dy * start, x, y + dy * end)
    canvas.restoreState()
