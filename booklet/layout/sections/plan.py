"""The plan of the house and garden, with a legend that links each number to its room page."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from booklet.content.inline import escape, plain
from booklet.content.model import Plan
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.index import RoomIndex
from booklet.layout.flowables.plan import PlanArea, PlanDrawing, PlanLook
from booklet.layout.keys import room_key
from booklet.layout.sections.common import opener
from booklet.theme.styles import index_table_style

MAX_LEGEND_ROOMS = 40


def build(ctx: LayoutContext) -> list[Flowable]:
    plan = ctx.content.plan
    if plan is None:
        return []
    return [*opener(ctx, "plan", plain(plan.title) or ctx.labels["plan"]),
            *plan_with_legend(ctx, plan)]  # fmt: skip


def plan_with_legend(ctx: LayoutContext, plan: Plan) -> list[Flowable]:
    """The drawing, its caption and the numbered legend (also reused on a spare page)."""
    theme = ctx.theme
    palette = theme.palette
    rooms = {room.id: room for room in ctx.content.rooms}
    story: list[Flowable] = []
    look = PlanLook(
        wall=palette.ink,
        ground=palette.tint(palette.secondary, 0.16),
        feature=palette.tint(palette.muted, 0.10),
        feature_text=palette.muted,
        fills={
            "room": palette.tint(palette.muted, 0.22),
            "outdoor": palette.tint(palette.secondary, 0.34),
            "memorial": palette.tint(palette.accent, 0.22),
            "structure": palette.tint(palette.ink, 0.42),
        },
        outline=palette.ink,
        badge=palette.accent,
        badge_text=palette.paper,
        street_text=palette.muted,
        font=theme.fonts.sans,
        bold_font=theme.fonts.sans + "-Bold",
        italic_font=theme.fonts.sans + "-Italic",
        font_size=theme.size(7.5),
    )
    areas = [
        PlanArea(area, rooms[area.room].number, rooms[area.room].kind, room_key(area.room))
        for area in plan.areas
    ]
    story.append(
        PlanDrawing(plan, areas, look, theme.paper.frame_height * 0.62, ctx.labels["entrance"])
    )
    caption = plan.caption or ctx.labels["schematic"]
    story.append(Spacer(1, theme.size(4)))
    story.append(ctx.para(caption, "caption"))
    story.append(Spacer(1, theme.size(10)))
    story += _legend(ctx)
    return story


def _legend(ctx: LayoutContext) -> list[Flowable]:
    """Number, room name and page for every room, each line a link to the room."""
    if len(ctx.content.rooms) > MAX_LEGEND_ROOMS:
        return []  # a long list belongs to the contents pages, which list every room
    styles = ctx.theme.styles
    accent = ctx.theme.palette.hex["accent"]
    labels = {
        room_key(room.id): f'<font color="{accent}"><b>{room.number}</b></font>&nbsp;&nbsp;'
        f"{escape(plain(room.name))}"
        for room in ctx.content.rooms
    }
    index = RoomIndex(
        labels,
        dotsMinLevel=0,
        tableStyle=index_table_style(styles["legend"]),
    )  # fmt: skip
    index.levelStyles = [styles["legend"]]
    return [index]
