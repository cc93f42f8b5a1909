"""The plan of the house and garden, with a legend that links each number to its room page."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from booklet.content.inline import escape, plain
from booklet.content.model import Plan
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.index import RoomIndex
from booklet.layout.flowables.plan import PlanArea, PlanDrawing, PlanLook
from booklet.layout.keys import room_key
from booklet.layout.paginate import stack_height
from booklet.layout.sections.common import opener
from booklet.theme.styles import index_table_style

MAX_LEGEND_ROOMS = 40
# Drawing heights tried, as shares of the frame: one column of legend first, then two; the
# last is the floor under which the drawing would stop being a plan.
PLAN_SHARES = (0.62, 0.57, 0.52, 0.47, 0.42)
TWO_COLUMN_SHARES = (*PLAN_SHARES, 0.37, 0.32, 0.28)


def build(ctx: LayoutContext) -> list[Flowable]:
    plan = ctx.content.plan
    if plan is None:
        return []
    title = plain(plan.title) or ctx.labels["plan"]
    return plan_with_legend(ctx, plan, opener(ctx, "plan", title))


def plan_with_legend(ctx: LayoutContext, plan: Plan, above: list[Flowable]) -> list[Flowable]:
    """`above` (a page break and a title), the drawing, its caption and the numbered legend,
    fitted to one page (also reused on a spare page).

    The drawing steps down and then the legend takes two columns, so that the legend of a
    museum with many rooms is never split from its plan; a legend that does not fit even so is
    left out (the contents pages list every room with its page), as is one of more than
    MAX_LEGEND_ROOMS rooms."""
    paper = ctx.theme.paper
    room = paper.frame_height - stack_height([f for f in above if not isinstance(f, PageBreak)],
                                             paper.frame_width)  # fmt: skip
    legend = len(ctx.content.rooms) <= MAX_LEGEND_ROOMS
    tries = [(1, PLAN_SHARES), (2, TWO_COLUMN_SHARES)] if legend else []
    for columns, shares in tries:
        for share in shares:
            story = _plan(ctx, plan, share, columns)
            if stack_height(story, paper.frame_width) <= room - 1:
                return [*above, *story]
    return [*above, *_plan(ctx, plan, PLAN_SHARES[0], 0)]


def _plan(ctx: LayoutContext, plan: Plan, share: float, columns: int) -> list[Flowable]:
    """The drawing at `share` of the frame height, its caption, the legend in `columns` (none
    for 0)."""
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
    drawing = PlanDrawing(plan, areas, look, theme.paper.frame_height * share,
                          ctx.labels["entrance"])  # fmt: skip
    story.append(tagging.tag(drawing, "Figure", alt=plan_alt(ctx, plan, areas)))
    story.append(Spacer(1, theme.size(4)))
    story.append(ctx.para(plan.caption or ctx.labels["schematic"], "caption"))
    if columns:
        story.append(Spacer(1, theme.size(10)))
        story += _legend(ctx, columns)
    return story


def plan_alt(ctx: LayoutContext, plan: Plan, areas: list[PlanArea]) -> str:
    """The plan in words for a screen reader: its title and the numbered areas."""
    title = plain(plan.title) or ctx.labels["plan"]
    named = ", ".join(area.name for area in sorted(areas, key=lambda a: a.number))
    return ctx.labels.format("plan_alt", title=title, areas=named) if named else title


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
    index.seed([(0, "", 999, key) for key in labels])  # measured before the pass
    return [index]
