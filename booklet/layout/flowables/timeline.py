"""The timeline drawn as a graphic: a spine with a dot per event, dates left, events right.

Each event is its own flowable, so the timeline splits cleanly across pages; the spine segments
join up because every row draws the spine through its full height.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from booklet.layout import tagging
from booklet.layout.paragraph import Paragraph


class TimelineRow(Flowable):
    """One event: date column, the spine with a dot, and the event text.

    Tagged as a list item (the date its label, the event its body): the timeline reads as a
    list of dated events; the spine and dots are artifacts."""

    layout_role = "text"  # for the layout report: a row of text, kept whole

    def __init__(
        self,
        date: Paragraph,
        event: Paragraph,
        *,
        date_width: float,
        gutter: float,
        spine: Color,
        dot: Color,
        highlight: bool,
        first: bool,
        last: bool,
        gap: float,
    ) -> None:
        super().__init__()
        self.date = date
        self.event = event
        self.date_width = date_width
        self.gutter = gutter
        self.spine = spine
        self.dot = dot
        self.highlight = highlight
        self.first = first
        self.last = last
        self.gap = gap
        self.fit_gap = gap  # the normal gap; the fitting step may tighten it
        tagging.tag(self, "LI")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        _, date_height = self.date.wrap(self.date_width, available_height)
        _, event_height = self.event.wrap(
            available_width - self.date_width - self.gutter, available_height
        )
        self.height = max(date_height, event_height) + self.gap
        self.line_count = len(self.event.blPara.lines)  # for the layout report
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        first_line = self.event.style.leading
        dot_y = top - first_line * 0.62
        spine_x = self.date_width + self.gutter / 2
        with tagging.artifact(canvas):
            canvas.saveState()
            canvas.setStrokeColor(self.spine)
            canvas.setLineWidth(1.2)
            canvas.line(
                spine_x, 0 if not self.last else dot_y, spine_x, top if not self.first else dot_y
            )
            radius = 3.6 if self.highlight else 2.6
            canvas.setFillColor(self.dot)
            canvas.setStrokeColor(self.dot)
            canvas.circle(spine_x, dot_y, radius, stroke=0, fill=1)
            if self.highlight:
                canvas.setLineWidth(0.8)
                canvas.circle(spine_x, dot_y, radius + 2.2, stroke=1, fill=0)
            canvas.restoreState()
        with tagging.element(canvas, tagging.Tag("Lbl")):
            self.date.drawOn(canvas, 0, top - self.date.height)
        with tagging.element(canvas, tagging.Tag("LBody")):
            self.event.drawOn(canvas, self.date_width + self.gutter, top - self.event.height)
