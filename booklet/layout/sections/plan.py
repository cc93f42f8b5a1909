"""The plan of the house and garden, with a legend that links each number to its room page."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from booklet.content.inline import escape, plain
from booklet.layout.context import LayoutContext, room_key
from booklet.layout.flowables.index import RoomIndex
from booklet.layout.flowables.plan import PlanArea, PlanDrawing, PlanLook
from booklet.layout.paginate import stack_height
from booklet.layout.sections.common import opener
from booklet.theme.styles import index_table_style

MAX_LEGEND_ROOMS = 40


PLAN_SHARES = (0.62, 0.57, 0.52, 0.47, 0.42)  # drawing heights tried, as shares of the page


def build(ctx: LayoutContext) -> list[Flowable]:
    return plan_with_legend(ctx, opener(ctx, "plan", plain(ctx.content.plan.title)
                                        or ctx.labels["plan"]))  # fmt: skip


def plan_with_legend(ctx: LayoutContext, above: list[Flowable]) -> list[Flowable]:
    """`above` (a page break and a title), the drawing, its caption and the numbered legend,
    fitted to one page (also reused on a spare page).

    copy-fit: the drawing steps down (to the last of PLAN_SHARES) and then the legend takes two
    columns, so that the legend never runs on to a page of its own; a legend that does not fit
    even so is left out (the contents pages list every room with its page)."""
    paper = ctx.theme.paper
    room = paper.frame_height - stack_height([f for f in above if not isinstance(f, PageBreak)],
                                             paper.frame_width)  # fmt: skip
    legend = len(ctx.content.rooms) <= MAX_LEGEND_ROOMS
    for columns in (1, 2) if legend else (0,):
        for share in PLAN_SHARES:
            story = _plan(ctx, share, columns)
            if stack_height(story, paper.frame_width) <= room - 1:
                return [*above, *story]
    return [*above, *_plan(ctx, PLAN_SHARES[0], 0)]


def _plan(ctx: LayoutContext, share: float, columns: int) -> list[Flowable]:
    """The drawing at `share` of the page height, its caption, the legend in `columns`."""
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
            "garden": palette.tint(palette.secondary, 0.34),
            "tomb": palette.tint(palette.accent, 0.22),
            "tower": palette.tint(palette.ink, 0.42),
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
        PlanDrawing(plan, areas, look, theme.paper.frame_height * share, ctx.labels["entrance"])
    )
    caption = plan.caption or ctx.labels["schematic"]
    story.append(Spacer(1, theme.size(4)))
    story.append(ctx.para(caption, "caption"))
    if columns:
        story.append(Spacer(1, theme.size(10)))
        story += _legend(ctx, columns)
    return story


def _legend(ctx: LayoutContext, columns: int) -> list[Flowable]:
    """Number, room name and page for every room, each line a link to the room."""
    styles = ctx.theme.styles
    accent = ctx.theme.palette.hex["accent"]
    labels = {
        room_key(room.id): f'<font color="{accent}"><b>{room.number}</b></font>&nbsp;&nbsp;'
        f"{escape(plain(room.name))}"
        for room in ctx.content.rooms
    }
    index = RoomIndex(
        labels,
        columns,
        dotsMinLevel=0,
        tableStyle=index_table_style(styles["legend"]),
    )  # fmt: skip
    index.levelStyles = [styles["legend"]]
    index.seed([(0, "", 999, key) for key in labels])  # measured before the passes
    return [index]
