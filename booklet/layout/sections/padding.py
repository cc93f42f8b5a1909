"""Spare pages that make a printed booklet a whole number of folded sheets (4 pages each).

They are useful pages, placed before the back cover so it stays on the outside: a notes page,
a "your visit" checklist of the rooms, and the plan again to carry round the house.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, PageBreak, Spacer

from booklet.content.inline import escape, plain
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.heading import Heading
from booklet.layout.keys import spare_key
from booklet.layout.paragraph import Paragraph
from booklet.layout.sections.plan import plan_with_legend


def build(ctx: LayoutContext) -> list[Flowable]:
    """`ctx.padding_pages` spare pages: the most useful first (the plan again, when there is
    a plan, then the checklist), notes always last.

    With `ctx.notes_only` every spare page is a notes page, which is always exactly one page
    (a checklist or legend of a very large museum can run longer than one)."""
    useful = [_plan_again, _checklist] if ctx.content.plan is not None else [_checklist]
    useful = useful[len(useful) - min(len(useful), ctx.padding_pages - 1) :]
    makers = [*useful, *[_notes] * (ctx.padding_pages - len(useful))]
    if ctx.notes_only:
        makers = [_notes] * ctx.padding_pages
    story: list[Flowable] = []
    for maker in makers:
        story += maker(ctx)
    return story


def _title(ctx: LayoutContext, key: str) -> list[Flowable]:
    title = ctx.labels[key]
    heading = Heading(escape(title), ctx.theme.styles["h1"], title=title, key=spare_key(key),
                      section=title, in_toc=False)  # fmt: skip
    return [PageBreak(), heading]


def _notes(ctx: LayoutContext) -> list[Flowable]:
    palette = ctx.theme.palette
    return [*_title(ctx, "notes"), RuledLines(ctx.theme.size(22), palette.tint(palette.muted, 0.4))]


def _checklist(ctx: LayoutContext) -> list[Flowable]:
    theme = ctx.theme
    story = [*_title(ctx, "your_visit"), ctx.label(ctx.labels["your_visit_intro"], "body.left")]
    story.append(Spacer(1, theme.size(6)))
    for room in ctx.content.rooms:
        text = f"<b>{room.number}</b>&nbsp;&nbsp;{escape(plain(room.name))}"
        story.append(CheckItem(Paragraph(text, theme.styles["value"]), theme.size(9),
                               theme.palette.ink, theme.size(7)))  # fmt: skip
    return story


def _plan_again(ctx: LayoutContext) -> list[Flowable]:
    assert ctx.content.plan is not None  # offered only with a plan
    return plan_with_legend(ctx, ctx.content.plan, _title(ctx, "plan_again"))


class RuledLines(Flowable):
    """Writing lines filling the rest of the frame."""

    def __init__(self, spacing: float, colour: Color) -> None:
        super().__init__()
        self.spacing = spacing
        self.colour = colour

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = available_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(0.5)
        y = self.height - self.spacing
        while y >= 0:
            canvas.line(0, y, self.width, y)
            y -= self.spacing
        canvas.restoreState()


class CheckItem(Flowable):
    """An empty tick box followed by a line of text."""

    def __init__(self, text: Paragraph, box: float, colour: Color, space: float) -> None:
        super().__init__()
        self.text = text
        self.box = box
        self.colour = colour
        self.spaceAfter = space
        tagging.tag(self, "LI")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _, height = self.text.wrap(available_width - self.box * 2, available_height)
        self.width, self.height = available_width, max(height, self.box)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        with tagging.artifact(canvas):  # an empty box to tick with a pen
            canvas.saveState()
            canvas.setStrokeColor(self.colour)
            canvas.setLineWidth(0.8)
            top = self.height - self.text.style.leading * 0.15
            canvas.rect(0, top - self.box, self.box, self.box, stroke=1, fill=0)
            canvas.restoreState()
        with tagging.element(canvas, tagging.Tag("LBody")):
            self.text.drawOn(canvas, self.box * 2, self.height - self.text.height)
