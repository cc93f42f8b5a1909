"""Room by room: one page per room or area — number, names, picture, text and "look for"."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Paragraph, Spacer

from booklet.content.inline import plain
from booklet.content.model import Room
from booklet.layout.context import LayoutContext, room_key
from booklet.layout.flowables.heading import Anchor
from booklet.layout.flowables.panel import Panel
from booklet.layout.flowables.pictogram import PictogramPanel
from booklet.layout.sections.common import grid, ink, section_key

IMAGE_HEIGHT_SHARE = 0.36


def image_box(ctx: LayoutContext) -> tuple[float, float]:
    """The largest size (points) a room photo may take: full column width, a share of the page."""
    paper = ctx.theme.paper
    return paper.frame_width, paper.frame_height * IMAGE_HEIGHT_SHARE


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
    if room.local_name and room.local_name.casefold() != name.casefold():
        titles.append(ctx.label(room.local_name, "room.local"))
    header = grid(ctx, [[badge, titles]], [theme.size(42), None])
    # Tables hide their cells from afterFlowable, so the bookmark is a separate anchor.
    anchor = Anchor(title=name, key=room_key(room.id), level=1, where=room.where)
    story: list[Flowable] = [anchor, header, Spacer(1, theme.size(12))]
    story += _picture(ctx, room)
    if room.summary:
        story.append(ctx.para(room.summary, "room.summary"))
    story += ctx.paras(room.text, "body")
    if room.highlights:
        story.append(Spacer(1, theme.size(4)))
        story.append(KeepTogether([_look_for(ctx, room)]))
    return story


def _picture(ctx: LayoutContext, room: Room) -> list[Flowable]:
    theme = ctx.theme
    placed = ctx.images.get(room.id)
    if placed is None:
        panel_height = theme.size(118)
        return [
            PictogramPanel(
                room.pictogram,
                panel_height,
                ink(ctx),
                theme.palette.tint(theme.palette.muted, 0.1),
                theme.size(4),
            ),
            Spacer(1, theme.size(12)),
        ]
    image = Image(str(placed.file), width=placed.width, height=placed.height)
    image.hAlign = "LEFT"
    story: list[Flowable] = [image]
    assert room.image is not None
    caption = " ".join(
        part
        for part in (
            room.image.caption,
            ctx.labels.format("photo_credit", credit=room.image.credit)
            if room.image.credit
            else "",
        )
        if part
    )
    if caption:
        story += [Spacer(1, theme.size(3)), ctx.para(caption, "caption")]
    story.append(Spacer(1, theme.size(10)))
    return story


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
