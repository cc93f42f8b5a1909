"""The back cover: the museum's name and address, the website, and the colophon, on ink.

Its band follows the front cover's choice: a strip of the cover photo, the motif's band, or,
after a typographic front, an accent rule."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from booklet.content.inline import escape, paragraphs, plain, quoteattr
from booklet.layout import tagging
from booklet.layout.art.covers import MOTIFS
from booklet.layout.art.pictograms import Ink
from booklet.layout.context import LayoutContext
from booklet.layout.document import BACK, BookletDocument
from booklet.layout.flowables.photo import draw_photo
from booklet.layout.paragraph import Paragraph
from booklet.layout.rendered import COVER_PHOTO
from booklet.layout.sections.common import display_url


def build(ctx: LayoutContext) -> list[Flowable]:
    """The back cover is drawn by its page template; the story just asks for that page."""
    return [NextPageTemplate(BACK), PageBreak(), _BackCoverMarker()]


class _BackCoverMarker(Flowable):
    """Something to place on the back-cover page so ReportLab actually emits it."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


def draw(ctx: LayoutContext, canvas: Canvas, doc: BookletDocument) -> None:
    theme = ctx.theme
    paper, palette = theme.paper, theme.palette
    width, height = paper.width, paper.height
    band_height = theme.size(64)
    with tagging.artifact(canvas):  # tagging: the ink page and the band are decoration
        canvas.saveState()
        canvas.setFillColor(palette.ink)
        bleed = theme.bleed  # the ink background runs past the trim on print sheets
        canvas.rect(-bleed, -bleed, width + 2 * bleed, height + 2 * bleed, stroke=0, fill=1)
        band_y = height - paper.margin_top - band_height
        _draw_band(ctx, canvas, band_y, band_height)
        canvas.restoreState()

    y = height - paper.margin_top - band_height - theme.size(26)
    for paragraph, space_after in _address_block(ctx):
        _, h = paragraph.wrap(paper.frame_width, height)
        tagging.draw_on(paragraph, canvas, paper.margin_x, y - h)
        y -= h + space_after
    # From the bottom up: the colophon, then the sources if they fit between it and the address.
    y = paper.margin_bottom
    placed = []
    for paragraph, space_after in reversed(_bottom_blocks(ctx, sources=sources_fit(ctx))):
        _, h = paragraph.wrap(paper.frame_width, height)
        y += space_after
        placed.append((paragraph, y))
        y += h
    for paragraph, at in reversed(placed):  # drawn top down: the order a reader follows
        tagging.draw_on(paragraph, canvas, paper.margin_x, at)


def _draw_band(ctx: LayoutContext, canvas: Canvas, y: float, height: float) -> None:
    theme = ctx.theme
    palette, bleed, width = theme.palette, theme.bleed, theme.paper.width + 2 * theme.bleed
    photo = ctx.images.get(COVER_PHOTO)
    art = ctx.content.booklet.cover.art
    if photo is not None:
        # The middle of the cover photo, at the cover's scale, seen through the band.
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(-bleed, y, width, height)
        canvas.clipPath(path, stroke=0, fill=0)
        left = (theme.paper.width - photo.width) / 2
        ctx.photo_ready(photo.file)
        draw_photo(canvas, photo.file, left, y + (height - photo.height) / 2,
                   photo.width, photo.height)  # fmt: skip
        canvas.restoreState()
    elif art:
        band_ink = Ink(
            line=palette.tint(palette.ink, 0.55),
            accent=palette.accent,
            fill=palette.tint(palette.ink, 0.8),
        )
        MOTIFS[art].band(canvas, -bleed, y, width, height, band_ink)
    else:
        canvas.setFillColor(palette.accent)
        canvas.rect(theme.paper.margin_x, y + height - theme.size(4), theme.size(44),
                    theme.size(4), stroke=0, fill=1)  # fmt: skip


def _address_block(ctx: LayoutContext) -> list[tuple[Paragraph, float]]:
    theme, museum, styles = ctx.theme, ctx.content.museum, ctx.theme.styles
    name = plain(museum.name)
    local = museum.local_name if museum.local_name != name else ""
    blocks = [(Paragraph(escape(name), styles["back.title"]), theme.size(2 if local else 10))]
    if local:
        local = Paragraph(escape(museum.local_name), styles["back.text"])
        tagging.tag(local, "P", lang=ctx.content.booklet.local_language)
        blocks.append((local, theme.size(10)))
    if museum.institution:
        blocks.append((Paragraph(escape(museum.institution), styles["back.small"]), theme.size(8)))
    address = "<br/>".join(escape(line) for line in museum.address.lines())
    blocks.append((Paragraph(address, styles["back.text"]), theme.size(6)))
    if museum.website:
        link = f"<a href={quoteattr(museum.website)}>{escape(display_url(museum.website))}</a>"
        blocks.append((Paragraph(link, styles["back.text"]), theme.size(18)))
    else:
        blocks[-1] = (blocks[-1][0], theme.size(18))
    return blocks


def _bottom_blocks(ctx: LayoutContext, sources: bool) -> list[tuple[Paragraph, float]]:
    theme, content, styles = ctx.theme, ctx.content, ctx.theme.styles
    link = theme.palette.hex["paper"]
    blocks: list[tuple[Paragraph, float]] = []
    if sources and content.sources:
        blocks.append(
            (Paragraph(escape(ctx.labels["sources"].upper()), styles["back.label"]), theme.size(2))
        )
        for source in content.sources:
            text = f"[{source.title}]({source.url})" if source.url else source.title
            blocks.append((Paragraph(ctx.markup(text, link), styles["back.small"]), theme.size(1)))
        blocks[-1] = (blocks[-1][0], theme.size(14))
    image = content.booklet.cover.image
    if image is not None and image.credit:
        credit = ctx.labels.format("cover_photo", credit=image.credit)
        blocks.append((Paragraph(ctx.markup(credit, link), styles["back.small"]), theme.size(4)))
    for block in paragraphs(content.booklet.colophon) if content.booklet.colophon else []:
        blocks.append((Paragraph(ctx.markup(block, link), styles["back.small"]), theme.size(4)))
    return blocks


def _height(blocks: list[tuple[Paragraph, float]], width: float, height: float) -> float:
    return sum(p.wrap(width, height)[1] + space for p, space in blocks)


def sources_fit(ctx: LayoutContext) -> bool:
    """Whether the sources fit on the back cover between the address and the colophon."""
    paper, theme = ctx.theme.paper, ctx.theme
    top_used = paper.margin_top + theme.size(64) + theme.size(26)
    top_used += _height(_address_block(ctx), paper.frame_width, paper.height)
    bottom_used = paper.margin_bottom + _height(
        _bottom_blocks(ctx, sources=True), paper.frame_width, paper.height
    )
    return top_used + bottom_used + theme.size(12) <= paper.height
