"""What the layout actually did: every block placed on every page, recorded as it is drawn.

The layout report (`layout/report.py`), preflight and the corpus test judge pages from this
record, not from estimates: each entry is a flowable ReportLab placed, with its page, its
position in the frame, what kind of block it is (text, heading, box, figure ...), how many
lines it has and whether it is one part of a block split across pages. Blocks belong to the
unit (a section or a room) whose heading or anchor came last, so a problem can name the
content line of the room it is in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import (
    ActionFlowable,
    Flowable,
    HRFlowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from booklet.content.model import Located
from booklet.layout.flowables.even import is_runt_line

# Paragraph styles that introduce what follows them: never the last thing on a page.
HEADING_STYLES = frozenset(
    {"h1", "h2", "h3", "kicker", "room.title", "room.local", "nearby.name", "nearby.meta",
     "lookfor.title", "tip.title"}
)  # fmt: skip
# How a flowable class counts on the page; anything else is "text" (e.g. tables of facts).
ROLE = "layout_role"  # attribute a section may set on a flowable to say what it is

TEXT, HEADING, BOX, FIGURE, CARDS, INDEX, RULE = (
    "text", "heading", "box", "figure", "cards", "index", "rule",
)  # fmt: skip


def tag(flowable: Flowable, role: str) -> Flowable:
    """Say what a flowable is on the page (a table used as a heading, a photo with caption)."""
    setattr(flowable, ROLE, role)
    return flowable


@dataclass(frozen=True)
class Unit:
    """A section or a room: what the footer and the report name a page after."""

    key: str
    title: str
    room: bool
    where: Located | None


@dataclass(frozen=True)
class Block:
    """One flowable as placed: offsets are points down from the top of the frame."""

    kind: str
    unit: Unit | None
    top: float
    bottom: float
    lines: int = 0  # text lines in this part (paragraphs, timeline rows)
    continues: bool = False  # split: the rest is on the next page
    continued: bool = False  # the rest of a block split on the previous page
    total_lines: int = 0  # lines of the whole paragraph, on the part that ends it
    runt: bool = False  # a whole paragraph of 3+ lines ending in one short word
    text: str = ""  # the start of the block's text, to name it in a report


@dataclass
class Page:
    number: int
    template: str
    height: float  # of the text frame
    blocks: list[Block] = field(default_factory=list)
    forced_end: bool = False  # ended by a page break, not because the frame was full
    designed_end: bool = False  # ended early on purpose by the fitting step (layout/fit.py)

    @property
    def fill(self) -> float:
        """Share of the frame height used, to the foot of the lowest block."""
        if not self.blocks:
            return 0.0
        return max(b.bottom for b in self.blocks) / self.height

    def units(self) -> list[Unit | None]:
        seen: list[Unit | None] = []
        for block in self.blocks:
            if block.unit not in seen:
                seen.append(block.unit)
        return seen


@dataclass
class StoryLog:
    """The record of one layout pass (the last one is what was printed)."""

    pages: list[Page] = field(default_factory=list)
    unit_pages: dict[str, int] = field(default_factory=dict)  # unit key -> first page
    _unit: Unit | None = None
    _page: Page | None = None
    _last_y: float = 0.0
    _open_split: int = 0  # lines so far of a paragraph that continues on the next page
    _ended: Page | None = None

    def reset(self) -> None:
        self.pages.clear()
        self.unit_pages.clear()
        self._unit, self._page, self._ended, self._open_split = None, None, None, 0

    def start_unit(
        self, key: str, title: str, room: bool, where: Located | None, page: int
    ) -> None:
        self._unit = Unit(key, title, room, where)
        self.unit_pages.setdefault(key, page)

    def record(self, doc: Any, flowable: Flowable) -> None:
        """Called by the document after it places each flowable."""
        if isinstance(flowable, PageBreak) or _is_frame_break(flowable):
            if self._ended is not None and self._page is None:
                self._ended.forced_end = True
                self._ended.designed_end = bool(getattr(flowable, "designed", False))
            return
        if isinstance(flowable, ActionFlowable | Spacer) or _zero_size(flowable):
            return
        frame = doc.frame
        top_y = frame._y2 - frame._topPadding
        page = self._current(doc, top_y)
        bottom_y = frame._y + flowable.getSpaceAfter()
        top = top_y - self._last_y
        bottom = top_y - bottom_y
        self._last_y = frame._y
        page.blocks.append(self._block(flowable, top, bottom))

    def end_page(self) -> None:
        """Called by the document when a page is finished."""
        self._ended, self._page = self._page, None

    def _current(self, doc: Any, top_y: float) -> Page:
        if self._page is None:
            frame = doc.frame
            height = frame._y2 - frame._topPadding - frame._y1p
            self._page = Page(doc.canv.getPageNumber(), doc.pageTemplate.id, height)
            self.pages.append(self._page)
            self._last_y = top_y
        return self._page

    def _block(self, flowable: Flowable, top: float, bottom: float) -> Block:
        kind = getattr(flowable, ROLE, None) or _kind(flowable)
        continues = bool(getattr(flowable, "continues", False))
        continued = bool(getattr(flowable, "continued", False))
        if isinstance(flowable, Paragraph) and kind == TEXT:
            lines = len(flowable.blPara.lines) if hasattr(flowable, "blPara") else 0
            continues = bool(getattr(flowable, "_splitpara", 0))
            continued = self._open_split > 0
            total = self._open_split + lines
            self._open_split = total if continues else 0
            runt = not continues and total >= 3 and is_runt(flowable)
            return Block(kind, self._unit, top, bottom, lines, continues, continued,
                         total if not continues else 0, runt, _text(flowable))  # fmt: skip
        lines = getattr(flowable, "line_count", 0)
        return Block(kind, self._unit, top, bottom, lines, continues, continued,
                     text=_text(flowable))  # fmt: skip


def is_runt(paragraph: Paragraph) -> bool:
    """The paragraph's last line is a single word narrower than a tenth of the measure."""
    lines = paragraph.blPara.lines
    style = paragraph.style
    measure = paragraph.width - style.leftIndent - style.rightIndent
    return bool(lines) and is_runt_line(lines[-1], measure)


def _kind(flowable: Flowable) -> str:
    from booklet.layout.flowables.panel import Panel, Row
    from booklet.layout.flowables.photo import Photo
    from booklet.layout.flowables.pictogram import PictogramPanel

    if isinstance(flowable, Paragraph):
        return HEADING if flowable.style.name in HEADING_STYLES else TEXT
    if isinstance(flowable, Panel):
        headings = [isinstance(f, Paragraph) and f.style.name in HEADING_STYLES
                    for f in flowable.content]  # fmt: skip
        return HEADING if all(headings) else BOX
    if isinstance(flowable, Row):
        return CARDS
    if isinstance(flowable, TableOfContents):
        return INDEX
    if isinstance(flowable, HRFlowable):
        return RULE
    if isinstance(flowable, Photo | PictogramPanel):
        return FIGURE
    if isinstance(flowable, Table):
        return TEXT
    return getattr(flowable, "layout_kind", FIGURE)


def _is_frame_break(flowable: Flowable) -> bool:
    return isinstance(flowable, ActionFlowable) and getattr(flowable, "action", None) in (
        ("frameEnd",),
        ("pageBreak",),
    )


def _zero_size(flowable: Flowable) -> bool:
    from booklet.layout.flowables.heading import Anchor, Marker

    return isinstance(flowable, Anchor | Marker)


def _text(flowable: Flowable) -> str:
    content = getattr(flowable, "content", None)
    if isinstance(content, list) and content:
        return _text(content[0])
    if isinstance(flowable, Paragraph):
        words = " ".join(flowable.getPlainText().split())
        return words[:60]
    return ""
