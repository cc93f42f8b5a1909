"""Room by room: number, names, picture, text and "look for", fitted to the page.

Each room is built from its parts and handed to the fitting step (`layout/fit.py`), which
decides the picture's size, the spacing and the page breaks together. Each room starts a page,
except short rooms (under half a page), which share one, after a rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, HRFlowable, PageBreak, Spacer

from booklet.content.inline import escape, plain
from booklet.content.model import Room
from booklet.layout import measure, tagging
from booklet.layout.context import LayoutContext
from booklet.layout.fit import (
    Arrangement,
    Decision,
    Heights,
    PhotoSize,
    Picture,
    RoomParts,
    fit_room,
    photo_sizes,
    pictogram_heights,
    share_pages,
)
from booklet.layout.flowables.heading import Anchor
from booklet.layout.flowables.lists import ListItem
from booklet.layout.flowables.panel import Panel
from booklet.layout.flowables.photo import Photo
from booklet.layout.flowables.pictogram import PictogramPanel
from booklet.layout.keys import room_key, section_key
from booklet.layout.paragraph import Paragraph
from booklet.layout.sections.common import grid, ink
from booklet.locales.codes import language_of

SIDE_CAPTION_MIN = 96  # points (scaled): narrower than this, the caption goes under the photo
SIDE_CAPTION_MAX = 150  # a label's measure, not a line across the page
PICTOGRAM_HEIGHT = 118
BOX_KEEP_SHARE = 0.6  # a "look for" box up to this share of a page never splits
SHARED_GAP = 30  # space (scaled) between two rooms sharing a page, the rule in its middle


def build(ctx: LayoutContext) -> list[Flowable]:
    title = ctx.labels["rooms"]
    arranged = [arrange(ctx, room) for room in ctx.content.rooms]

    def refit(index: int, level: int) -> Arrangement:
        return arrange(ctx, ctx.content.rooms[index], level)

    paper = ctx.theme.paper
    pages = share_pages(arranged, refit, paper.frame_height, ctx.theme.size(SHARED_GAP))
    story: list[Flowable] = []
    for page in pages:
        story.append(PageBreak())
        for position, arrangement in enumerate(page):
            if position:
                story += _divider(ctx)
            if not story[1:]:
                story.append(Anchor(title=title, key=section_key("rooms"), section=title))
            story += arrangement.story()
    return story


def arrange(ctx: LayoutContext, room: Room, level: int = 0) -> Arrangement:
    """The room fitted to its page(s), with its photo at the size already prepared; `level`
    steps a pictogram down (for rooms sharing a page)."""
    placed = ctx.images.get(room.id)
    size = None if placed is None else _size(ctx, room, placed.width, placed.height)
    parts = _parts(ctx, room, size)
    if level:
        pictures = parts.pictures[min(level, len(parts.pictures) - 1) :]
        parts = RoomParts(parts.header, pictures, parts.picture, parts.words)
    decided = ctx.fitted.get(("decided", room.id))
    return fit_room(parts, *_frame(ctx), decided if isinstance(decided, Decision) else None)


def place_photo(
    ctx: LayoutContext, room: Room, pixels: tuple[int, int], known: Decision | None = None
) -> Decision:
    """How to print a room's photo of `pixels` (upright width, height): its size (points)
    decided with the room's text, so the room fits its page if it can (see layout/fit.py).

    Depends only on the room, the theme and the pixel size; the image pipeline calls it to
    know the size to prepare (`known`: what it decided in an earlier build, watch mode), and
    `arrange` then lays the room out as decided, with the prepared photo."""
    if known is None:
        width, height = pixels
        sizes = photo_sizes(width / height, bool(_caption_text(ctx, room)), _frame(ctx),
                            ctx.theme.size(12), ctx.theme.size(SIDE_CAPTION_MIN))  # fmt: skip
        parts = _parts(ctx, room, None)
        parts = RoomParts(parts.header, sizes, parts.picture, parts.words)
        known = fit_room(parts, *_frame(ctx)).decision
    assert isinstance(known.picture, PhotoSize)
    ctx.fitted[("decided", room.id)] = known
    return known


def _frame(ctx: LayoutContext) -> tuple[float, float]:
    return ctx.theme.paper.frame_width, ctx.theme.paper.frame_height


def _size(ctx: LayoutContext, room: Room, width: float, height: float) -> PhotoSize:
    caption = bool(_caption_text(ctx, room))
    beside = caption and _frame(ctx)[0] - width - ctx.theme.size(12) >= ctx.theme.size(
        SIDE_CAPTION_MIN
    )
    return PhotoSize(width, height, beside)


def _parts(ctx: LayoutContext, room: Room, photo: PhotoSize | None) -> RoomParts:
    pictures: list[Picture] = []
    if photo is not None:
        pictures.append(photo)
    elif room.pictogram:
        pictures += pictogram_heights(ctx.theme.size(PICTOGRAM_HEIGHT))
    else:
        pictures.append(0.0)  # a text-only room (see _picture)
    # The same header, paragraphs, box and caption for every size and spacing tried, and for
    # the image pipeline and the story alike: each is measured (broken into lines) once a
    # build (a caption has no space after, so no spacing tried changes it).
    cached = ctx.fitted.get(("room", room.id))
    if not isinstance(cached, _Made):
        # Tables hide their cells from afterFlowable, so the bookmark is a separate anchor.
        anchor = Anchor(title=plain(room.name), key=room_key(room.id), level=1, where=room.where)
        box = _look_for(ctx, room) if room.highlights else None
        said = _caption_text(ctx, room)
        caption = (_caption_rule(ctx), ctx.para(said, "caption")) if said else None
        cached = _Made([anchor, *_header(ctx, room)], _text(ctx, room), box, caption, {})
        ctx.fitted[("room", room.id)] = cached
    text, box, caption = cached.text, cached.box, cached.caption

    def picture(size: Picture, spacing: float) -> list[Flowable]:
        return _picture(ctx, room, size, spacing, caption)

    def words(spacing: float) -> list[Flowable]:
        if box is None:
            return list(text)
        return [*text, Spacer(1, ctx.theme.size(4) * spacing), box]

    return RoomParts(cached.header, pictures, picture, words, cached.heights)


@dataclass(frozen=True)
class _Made:
    """A room's parts that do not depend on its picture or spacing."""

    header: list[Flowable]
    text: list[Flowable]
    box: Panel | None
    caption: tuple[Flowable, Paragraph] | None  # its rule (beside the photo) and paragraph
    heights: Heights


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
        tagging.tag(Paragraph(escape(name), styles["room.title"]), "H2"),
    ]
    # The local (sign) name helps readers of other languages; in its own language it repeats.
    local_language = ctx.content.booklet.local_language
    in_local_language = language_of(ctx.content.language) == local_language
    if room.local_name and not in_local_language and room.local_name.casefold() != name.casefold():
        local = ctx.label(room.local_name, "room.local")
        titles.append(tagging.tag(local, "P", lang=local_language))
    return [measure.tag(grid(ctx, [[badge, titles]], [theme.size(42), None]), measure.HEADING)]


def _text(ctx: LayoutContext, room: Room) -> list[Flowable]:
    """Summary and text; the "look for" box follows them."""
    story: list[Flowable] = []
    if room.summary:
        story.append(ctx.para(room.summary, "room.summary"))
    story += ctx.paras(room.text, "body")
    return story


def _caption_text(ctx: LayoutContext, room: Room) -> str:
    if room.image is None:
        return ""
    credit = room.image.credit and ctx.labels.format("photo_credit", credit=room.image.credit)
    return " ".join(part for part in (room.image.caption, credit) if part)


def _picture(
    ctx: LayoutContext,
    room: Room,
    size: Picture,
    spacing: float,
    caption: tuple[Flowable, Paragraph] | None,
) -> list[Flowable]:
    """The photo (with its caption under or beside it) or the pictogram, and the space below."""
    theme = ctx.theme
    header_gap = Spacer(1, theme.size(12) * spacing)
    if not isinstance(size, PhotoSize) and not room.pictogram:
        return [header_gap]  # no photo and no pictogram named: a text-only room
    if not isinstance(size, PhotoSize):
        panel = PictogramPanel(
            room.pictogram,
            size,
            ink(ctx),
            theme.palette.tint(theme.palette.muted, 0.1),
            theme.size(4),
        )
        alt = ctx.labels.format("pictogram_alt", name=plain(room.name))
        return [header_gap, tagging.tag(panel, "Figure", alt=alt),
                Spacer(1, theme.size(12) * spacing)]  # fmt: skip
    placed = ctx.images.get(room.id)  # None only while the image pipeline measures the room
    photo = Photo(placed.file if placed else Path(), size.width, size.height, ctx.photo_ready)
    tagging.tag(photo, "Figure", alt=photo_alt(room))
    after = Spacer(1, theme.size(10) * spacing)
    if not size.beside:
        under: list[Flowable] = [header_gap, photo]
        if caption:
            under += [Spacer(1, theme.size(3) * spacing), caption[1]]
        return [*under, after]
    # A portrait (or stepped-down) photo leaves the column's right side empty: the caption
    # sits there, at the photo's foot, as in a gallery label.
    gap = theme.size(12)
    beside = theme.paper.frame_width - size.width - gap
    side = grid(
        ctx,
        [[photo, list(caption or ())]],  # beside only with a caption (fit.photo_sizes)
        [size.width + gap, min(beside, theme.size(SIDE_CAPTION_MAX))],
        valign="BOTTOM",
    )
    return [header_gap, side, after]


def photo_alt(room: Room) -> str:
    """What a screen reader says for a room's photo: its alt text, else its caption, else the
    room's name (preflight reports a photo without alt text)."""
    image = room.image
    described = image.alt or plain(image.caption) if image is not None else ""
    return described or plain(room.name)


def _caption_rule(ctx: LayoutContext) -> Flowable:
    theme = ctx.theme
    return HRFlowable(
        width=theme.size(24),
        thickness=theme.size(1.5),
        color=theme.palette.accent,
        hAlign="LEFT",
        spaceAfter=theme.size(5),
    )


def _divider(ctx: LayoutContext) -> list[Flowable]:
    """Between two rooms on one page: space, a hairline across the column, space."""
    theme = ctx.theme
    half = theme.size(SHARED_GAP) / 2
    rule = HRFlowable(
        width="100%",
        thickness=0.5,
        color=theme.palette.tint(theme.palette.muted, 0.45),
        spaceBefore=0,
        spaceAfter=0,
    )
    return [Spacer(1, half - 0.25), rule, Spacer(1, half - 0.25)]


def _look_for(ctx: LayoutContext, room: Room) -> Panel:
    theme = ctx.theme
    title = ctx.label(ctx.labels["look_for"].upper(), "lookfor.title")
    items: list[Flowable] = [tagging.tag(title, "H3")]
    for highlight in room.highlights:
        text = Paragraph(ctx.markup(highlight), theme.styles["lookfor.item"])
        items.append(ListItem(text, "•", theme.palette.accent))
    panel = Panel(
        items,
        background=theme.palette.tint(theme.palette.muted, 0.1),
        padding=theme.size(10),
        radius=theme.size(4),
        rule=theme.palette.accent,
    )
    _, height = panel.wrap(theme.paper.frame_width, theme.paper.frame_height)
    panel.keep_whole = height <= theme.paper.frame_height * BOX_KEEP_SHARE
    return panel
