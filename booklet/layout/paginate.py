"""Pagination decided before ReportLab draws: how a run of flowables falls onto pages.

The fitting step (`layout/fit.py`) tries arrangements of a room or section and keeps the best;
it needs to know, for each, where the page breaks fall. This module places flowables the way
ReportLab's frame does (space before is dropped at the top of a page, space after never needs
room, a paragraph that does not fit is split with its own widow and orphan rules), using the
flowables' own `wrap` and `split`, so the measure is exact. The chosen arrangement is then handed
to ReportLab page by page, with explicit page breaks, so what is drawn is what was decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, PageBreak, Spacer

FUZZ = 1e-6  # ReportLab's own tolerance when a flowable meets the foot of the frame


@dataclass
class Slice:
    """One page's share of a story: the flowables placed there (split parts included)."""

    flowables: list[Flowable] = field(default_factory=list)
    used: float = 0.0  # to the foot of the last flowable, without its space after
    cursor: float = 0.0  # where the next flowable would start (space after included)
    continued: bool = False  # the page opens with the rest of a block split on the page before
    marks: list[tuple[float, float]] = field(default_factory=list)  # (used, cursor) before each

    @property
    def at_top(self) -> bool:
        """Nothing with height placed yet (zero-size anchors leave a page at its top)."""
        return self.cursor == 0


def paginate(
    flowables: Sequence[Flowable], width: float, heights: Sequence[float], start: float = 0.0
) -> list[Slice]:
    """Place `flowables` on pages of `width` x heights[i] (the last height repeats), the first
    page already used down to `start` (by what comes before).

    A PageBreak ends a page; a Spacer at the top of a page is dropped (it separates blocks,
    it does not indent a page). Raises ValueError if a flowable fits no empty page."""
    pages = [Slice(used=start, cursor=start)]
    queue = list(flowables)
    carried: Flowable | None = None  # the rest of a split block, waiting for its page
    while queue:
        flowable = queue.pop(0)
        page = pages[-1]
        height = heights[min(len(pages) - 1, len(heights) - 1)]
        if isinstance(flowable, PageBreak):
            if not page.at_top:
                pages.append(Slice())
            continue
        if isinstance(flowable, Spacer) and page.at_top:
            continue
        placed = place(page, flowable, width, height)
        if placed:
            if flowable is carried:
                page.continued = len(page.flowables) == 1
            continue
        parts = split(page, flowable, width, height)
        if len(parts) >= 2 and place(page, parts[0], width, height):
            queue[0:0] = parts[1:]
            carried = parts[-1]
            continue
        if page.at_top:
            raise ValueError(f"{type(flowable).__name__} is taller than an empty page")
        queue[0:0] = [*_keep_with_next(page), flowable]
        pages.append(Slice())
    return pages


def _keep_with_next(page: Slice) -> list[Flowable]:
    """Take back from the foot of a full page a heading that must stay with what follows
    (ReportLab's keepWithNext), with any spacer after it; unless it is all the page holds."""
    index = len(page.flowables)
    while index and isinstance(page.flowables[index - 1], Spacer):
        index -= 1
    if not index or not page.flowables[index - 1].getKeepWithNext():
        return []
    while index and (page.flowables[index - 1].getKeepWithNext()
                     or isinstance(page.flowables[index - 1], Spacer)):  # fmt: skip
        index -= 1
    if index == 0:
        return []
    taken = page.flowables[index:]
    page.used, page.cursor = page.marks[index]
    del page.flowables[index:], page.marks[index:]
    return taken


def place(page: Slice, flowable: Flowable, width: float, height: float) -> bool:
    """Add `flowable` to the page if it fits, as ReportLab's Frame._add would."""
    before = 0.0 if page.at_top else flowable.getSpaceBefore()
    available = height - page.cursor - before
    if available <= 0:
        return False
    _, tall = flowable.wrap(width, available)
    if page.cursor + before + tall > height + FUZZ:
        return False
    page.marks.append((page.used, page.cursor))
    page.flowables.append(flowable)
    page.used = page.cursor + before + tall
    page.cursor = page.used + flowable.getSpaceAfter()
    return True


def split(page: Slice, flowable: Flowable, width: float, height: float) -> list[Flowable]:
    before = 0.0 if page.at_top else flowable.getSpaceBefore()
    available = height - page.cursor - before
    if available <= 0:
        return []
    return list(flowable.split(width, available))


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    """Height of flowables stacked on one page with nothing before them (no split)."""
    page = Slice()
    for flowable in flowables:
        if isinstance(flowable, Spacer) and page.at_top:
            continue
        before = 0.0 if page.at_top else flowable.getSpaceBefore()
        _, tall = flowable.wrap(width, 1e9)
        page.flowables.append(flowable)
        page.used = page.cursor + before + tall
        page.cursor = page.used + flowable.getSpaceAfter()
    return page.used
