"""Tips for the visit, as cards with an icon, two to a row."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from booklet.content.model import Tip
from booklet.layout import tagging
from booklet.layout.art.pictograms import draw_tip_icon
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.heading import Marker
from booklet.layout.flowables.panel import Panel, Row
from booklet.layout.sections.common import ink, opener


def build(ctx: LayoutContext) -> list[Flowable]:
    tips = ctx.content.tips
    if not tips:
        return []
    story = opener(ctx, "tips", ctx.labels["tips"])
    gap = ctx.theme.size(9)
    for start in range(0, len(tips), 2):
        pair = tips[start : start + 2]
        longest = max(pair, key=lambda tip: len(tip.text))
        story.append(Marker(longest.where))
        story.append(Row([_card(ctx, tip) for tip in pair], gap=gap, space_after=gap))
    return story


def _card(ctx: LayoutContext, tip: Tip) -> Panel:
    theme = ctx.theme
    pictogram_ink = ink(ctx)

    def icon(canvas: Canvas, x: float, y: float, size: float) -> None:
        draw_tip_icon(canvas, tip.icon, x, y, size, pictogram_ink)

    card = Panel(
        [ctx.para(tip.title, "tip.title"), *ctx.paras(tip.text, "tip.text")],
        background=theme.palette.tint(theme.palette.muted, 0.1),
        padding=theme.size(9),
        radius=theme.size(4),
        icon=icon if tip.icon else None,
        icon_size=theme.size(22) if tip.icon else 0,
    )
    return tagging.tag(card, "LI", inner="LBody")  # the tips are a list of cards
