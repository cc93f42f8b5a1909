"""Keeping things together: a heading with the first lines of its text; a page ended early.

ReportLab's keepWithNext keeps a heading with the whole next flowable: a heading before a long
paragraph moves to the next page with all of it, leaving a hole (the old "CondPageBreak"
workaround left one of a fixed size). This keeps the heading with at least `lines` lines of
what follows: if they fit below it, the paragraph is split there (with its own widow and orphan
rules); if not, the heading goes over to the next page with its text.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak, Paragraph

FORCE_SPLIT = 0xFFFFFF  # a height no frame has: ReportLab then asks us to split


class HeadingKeep(Flowable):
    """`heads` (kicker, heading, meta line) stay on the page of `body`'s first `lines` lines."""

    def __init__(self, heads: Sequence[Flowable], body: Flowable, lines: int = 2) -> None:
        super().__init__()
        self.heads = list(heads)
        self.body = body
        self.lines = lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, FORCE_SPLIT  # always split: the parts are placed one by one

    def getSpaceBefore(self) -> float:
        return self.heads[0].getSpaceBefore() if self.heads else 0.0

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = [*self.heads, self.body]
        used = 0.0
        for index, flowable in enumerate(self.heads):
            before = flowable.getSpaceBefore() if index else 0.0
            used += before + flowable.wrap(available_width, available_height)[1]
            used += flowable.getSpaceAfter()
        room = available_height - used - self.body.getSpaceBefore()
        if room <= 0:
            return []
        _, height = self.body.wrap(available_width, room)
        if height <= room:
            return parts
        pieces = self.body.split(available_width, room) if isinstance(self.body, Paragraph) else []
        if len(pieces) < 2 or _lines(pieces[0]) < self.lines:
            return []
        return [*self.heads, *pieces]

    def draw(self) -> None:  # never drawn whole: split always hands over its parts
        pass


def _lines(paragraph: Flowable) -> int:
    bl_para = getattr(paragraph, "blPara", None)
    return len(bl_para.lines) if bl_para is not None else 0


class EarlyBreak(PageBreak):
    """A page break placed by the fitting step. `designed` when it ends a page early on
    purpose (lines moved on so the next page is not a stub), which the layout report accepts
    as a reason for the white space."""

    def __init__(self, designed: bool = False) -> None:
        super().__init__()
        self.designed = designed
