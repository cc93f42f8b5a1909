"""The plan of the house and garden, with a legend that links each number to its room page."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from booklet.content.inline import escape, plain
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.index import RoomIndex
from booklet.layout.flowables.plan import PlanArea, PlanDrawing, PlanLook
from booklet.layout.keys import room_key
from booklet.layout.sections.common import opener
from booklet.theme.styles import index_table_style

MAX_LEGEND_ROOMS = 40


def build(ctx: LayoutContext) -> list[Flowable]:
    return [*opener(ctx, "plan", plain(ctx.content.plan.title) or ctx.labels["plan"]),
            *plan_with_legend(ctx)]  # fmt: skip


def plan_with_legend(ctx: LayoutContext) -> list[Flowable]:
    """The drawing, its caption and the numbered legend (also reused on a spare page)."""
    plan = ctx.content.plan
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
        PlanArea(area, rooms[area.room].number, rooms[area.room].kind, room_key(area.room),
                 f"{rooms[area.room].number} {plain(rooms[area.room].name)}")
        for area in plan.areas
    ]  # fmt: skip
    height = theme.paper.frame_height * 0.62
    drawing = PlanDrawing(plan, areas, look, height, ctx.labels["entrance"])
    story.append(tagging.tag(drawing, "Figure", alt=plan_alt(ctx, areas)))
    caption = plan.caption or ctx.labels["schematic"]
    story.append(Spacer(1, theme.size(4)))
    story.append(ctx.para(caption, "caption"))
    story.append(Spacer(1, theme.size(10)))
    story += _legend(ctx)
    return story


def plan_alt(ctx: LayoutContext, areas: list[PlanArea]) -> str:
    """The plan in words for a screen reader: its title and the numbered areas."""
    title = plain(ctx.content.plan.title) or ctx.labels["plan"]
    named = ", ".join(area.name for area in sorted(areas, key=lambda a: a.number))
    return ctx.labels.format("plan_alt", title=title, areas=named) if named else title


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
