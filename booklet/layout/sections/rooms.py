"""Room by room: one page per room or area — number, names, picture, text and "look for"."""

from __future__ import annotations

from reportlab.platypus import Flowable, HRFlowable, KeepTogether, PageBreak, Paragraph, Spacer

from booklet.content.inline import escape, plain
from booklet.content.model import Room
from booklet.layout.context import LayoutContext, room_key
from booklet.layout.flowables.heading import Anchor
from booklet.layout.flowables.panel import Panel
from booklet.layout.flowables.photo import Photo
from booklet.layout.flowables.pictogram import PictogramPanel
from booklet.layout.measure import HEADING, tag
from booklet.layout.sections.common import grid, ink, section_key

MAX_IMAGE_SHARE = 0.45
MIN_IMAGE_SHARE = 0.22


SIDE_CAPTION_MIN = 96  # points (scaled): narrower than this, the caption goes under the photo
SIDE_CAPTION_MAX = 150  # a label's measure, not a line across the page


def image_box(ctx: LayoutContext, room: Room) -> tuple[float, float]:
    """The box (points) a room's photo may fill: the column width, and as much height as the
    room's text leaves free on its page (within limits), so a room stays on one page."""
    paper = ctx.theme.paper
    width, page = paper.frame_width, paper.frame_height
    used = sum(_height(f, width, page) for f in [*_header(ctx, room), *_caption(ctx, room),
                                                  *_words(ctx, room)])  # fmt: skip
    free = page - used - ctx.theme.size(8)
    return width, max(page * MIN_IMAGE_SHARE, min(free, page * MAX_IMAGE_SHARE))


def _height(flowable: Flowable, width: float, height: float) -> float:
    if isinstance(flowable, KeepTogether):  # it can only wrap on a canvas; measure its parts
        return sum(_height(part, width, height) for part in flowable._content)
    _, h = flowable.wrap(width, height)
    return h + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def build(ctx: LayoutContext) -> list[Flowable]:
    title = ctx.labels["rooms"]
    story: list[Flowable] = []
    for index, room in enumerate(ctx.content.rooms):
        story.append(PageBreak())
        if index == 0:
            story.append(Anchor(title=title, key=section_key("rooms"), section=title))
        story += _room(ctx, room)
    return story


def _room(ctx: LayoutContext, room: Room) -> list[Flowable]:
    # Tables hide their cells from afterFlowable, so the bookmark is a separate anchor.
    anchor = Anchor(title=plain(room.name), key=room_key(room.id), level=1, where=room.where)
    return [anchor, *_header(ctx, room), *_picture(ctx, room), *_words(ctx, room)]


def _header(ctx: LayoutContext, room: Room) -> list[Flowable]:
    """Number badge beside kicker, name and Spanish (local) name."""
    theme = ctx.theme
    styles = theme.styles
    name = plain(room.name)
    kicker = ctx.labels["room" if room.kind == "room" else "area"].upper()
    badge = grid(
        ctx,
        [[Paragraph(str(room.number), styles["room.number"])]],
        [theme.size(30)],
        ("BACKGROUND", (0, 0), (-1, -1), theme.palette.accent),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), theme.size(1.5)),
        valign="MIDDLE",
        heights=[theme.size(30)],
    )
    titles: list[Flowable] = [
        ctx.label(kicker, "kicker"),
        Paragraph(escape(name), styles["room.title"]),
    ]
    # The local (sign) name helps readers of other languages; in its own language it repeats.
    in_local_language = ctx.content.language == ctx.content.booklet.local_language
    if room.local_name and not in_local_language and room.local_name.casefold() != name.casefold():
        titles.append(ctx.label(room.local_name, "room.local"))
    header = tag(grid(ctx, [[badge, titles]], [theme.size(42), None]), HEADING)
    return [header, Spacer(1, theme.size(12))]


def _words(ctx: LayoutContext, room: Room) -> list[Flowable]:
    """Summary, text and the "look for" box."""
    story: list[Flowable] = []
    if room.summary:
        story.append(ctx.para(room.summary, "room.summary"))
    story += ctx.paras(room.text, "body")
    if room.highlights:
        story.append(Spacer(1, ctx.theme.size(4)))
        story.append(KeepTogether([_look_for(ctx, room)]))
    return story


def _caption(ctx: LayoutContext, room: Room) -> list[Flowable]:
    """The photo's caption and credit, and the space below the picture."""
    theme = ctx.theme
    story: list[Flowable] = []
    caption = _caption_text(ctx, room)
    if caption:
        story += [Spacer(1, theme.size(3)), ctx.para(caption, "caption")]
    story.append(Spacer(1, theme.size(10)))
    return story


def _caption_text(ctx: LayoutContext, room: Room) -> str:
    if room.image is None:
        return ""
    credit = room.image.credit and ctx.labels.format("photo_credit", credit=room.image.credit)
    return " ".join(part for part in (room.image.caption, credit) if part)


def _picture(ctx: LayoutContext, room: Room) -> list[Flowable]:
    theme = ctx.theme
    placed = ctx.images.get(room.id)
    if placed is None:
        panel = PictogramPanel(
            room.pictogram,
            theme.size(118),
            ink(ctx),
            theme.palette.tint(theme.palette.muted, 0.1),
            theme.size(4),
        )
        return [panel, Spacer(1, theme.size(12))]
    photo = Photo(placed.file, placed.width, placed.height)
    caption = _caption_text(ctx, room)
    gap = theme.size(12)
    beside = theme.paper.frame_width - placed.width - gap
    if not caption or beside < theme.size(SIDE_CAPTION_MIN):
        return [photo, *_caption(ctx, room)]
    # A portrait (or height-limited) photo leaves the column's right side empty: the caption
    # sits there, at the photo's foot, as in a gallery label.
    side = grid(
        ctx,
        [[photo, [_caption_rule(ctx), ctx.para(caption, "caption")]]],
        [placed.width + gap, min(beside, theme.size(SIDE_CAPTION_MAX))],
        valign="BOTTOM",
    )
    return [side, Spacer(1, theme.size(10))]


def _caption_rule(ctx: LayoutContext) -> Flowable:
    theme = ctx.theme
    return HRFlowable(
        width=theme.size(24),
        thickness=theme.size(1.5),
        color=theme.palette.accent,
        hAlign="LEFT",
        spaceAfter=theme.size(5),
    )


def _look_for(ctx: LayoutContext, room: Room) -> Flowable:
    theme = ctx.theme
    accent = theme.palette.hex["accent"]
    items: list[Flowable] = [ctx.label(ctx.labels["look_for"].upper(), "lookfor.title")]
    for highlight in room.highlights:
        markup = ctx.markup(highlight)
        items.append(
            Paragraph(f'<bullet color="{accent}">•</bullet>{markup}', theme.styles["lookfor.item"])
        )
    return Panel(
        items,
        background=theme.palette.tint(theme.palette.muted, 0.1),
        padding=theme.size(10),
        radius=theme.size(4),
        rule=theme.palette.accent,
    )
