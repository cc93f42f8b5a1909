"""The plan of the house and garden, with a legend that links each number to its room page."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from booklet.content.inline import escape, plain
from booklet.content.model import Plan
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.index import RoomIndex
from booklet.layout.flowables.plan import PlanArea, PlanDrawing, PlanLook
from booklet.layout.keys import room_key
from booklet.layout.paragraph import Paragraph
from booklet.layout.sections.common import opener
from booklet.theme.styles import index_table_style

MAX_LEGEND_ROOMS = 40
PLAN_SHARE = 0.62  # of the frame height, for the drawing
MIN_PLAN_SHARE = 0.28  # the least it shrinks to, so that a long legend stays on its page
ROW_PADDING = 6  # points a legend row adds to its leading (the table's top and bottom padding)


def build(ctx: LayoutContext) -> list[Flowable]:
    plan = ctx.content.plan
    if plan is None:
        return []
    title = plain(plan.title) or ctx.labels["plan"]
    return [*opener(ctx, "plan", title), *plan_with_legend(ctx, plan, title)]


def plan_with_legend(ctx: LayoutContext, plan: Plan, title: str) -> list[Flowable]:
    """The drawing, its caption and the numbered legend, on one page under a heading `title`
    (also reused on a spare page). The drawing gives up height, down to a floor, so that the
    legend of a museum with many rooms is not split from its plan."""
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
    caption = ctx.para(plan.caption or ctx.labels["schematic"], "caption")
    legend = _legend(ctx)
    frame = theme.paper.frame_height
    drawing = PlanDrawing(plan, areas, look, frame * PLAN_SHARE, ctx.labels["entrance"])
    rest = _rest_height(ctx, title, caption, len(ctx.content.rooms) if legend else 0)
    _, height = drawing.wrap(theme.paper.frame_width, frame)
    if height + rest > frame:
        fitted = max(frame * MIN_PLAN_SHARE, height - (height + rest - frame))
        drawing = PlanDrawing(plan, areas, look, fitted, ctx.labels["entrance"])
    story.append(tagging.tag(drawing, "Figure", alt=plan_alt(ctx, plan, areas)))
    story.append(Spacer(1, theme.size(4)))
    story.append(caption)
    story.append(Spacer(1, theme.size(10)))
    story += legend
    return story


def _rest_height(ctx: LayoutContext, title: str, caption: Paragraph, rows: int) -> float:
    """What the plan's page holds besides the drawing: heading, caption, legend rows."""
    theme = ctx.theme
    width, frame = theme.paper.frame_width, theme.paper.frame_height
    heading = Paragraph(escape(title), theme.styles["h1"])
    heading_height = heading.wrap(width, frame)[1] + heading.getSpaceAfter() + theme.size(2)
    caption_height = caption.wrap(width, frame)[1] + theme.size(4 + 10)
    row = theme.styles["legend"].leading + ROW_PADDING
    # One row more than counted: the heading's space and the table's rounding vary a little.
    return heading_height + caption_height + (rows + 1) * row


def plan_alt(ctx: LayoutContext, plan: Plan, areas: list[PlanArea]) -> str:
    """The plan in words for a screen reader: its title and the numbered areas."""
    title = plain(plan.title) or ctx.labels["plan"]
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
