"""The back cover: the museum's name and address, the website, and the colophon, on ink."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from booklet.content.inline import escape, paragraphs, plain, quoteattr
from booklet.layout.art.motifs import draw_wall_band
from booklet.layout.art.pictograms import Ink
from booklet.layout.context import LayoutContext
from booklet.layout.document import BACK, BookletDocument
from booklet.layout.sections.practical import display_url


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
    theme, content = ctx.theme, ctx.content
    paper, palette, styles = theme.paper, theme.palette, theme.styles
    width, height = paper.width, paper.height
    canvas.saveState()
    canvas.setFillColor(palette.ink)
    bleed = theme.bleed  # the ink background runs past the trim on print sheets
    canvas.rect(-bleed, -bleed, width + 2 * bleed, height + 2 * bleed, stroke=0, fill=1)
    band_height = theme.size(64)
    band_ink = Ink(
        line=palette.tint(palette.ink, 0.55),
        accent=palette.accent,
        fill=palette.tint(palette.ink, 0.8),
    )
    band_y = height - paper.margin_top - band_height
    draw_wall_band(canvas, -bleed, band_y, width + 2 * bleed, band_height, band_ink)
    canvas.restoreState()

    museum = content.museum
    link = palette.hex["paper"]
    lines = [
        (escape(plain(museum.name)), "back.title", theme.size(2)),
        (escape(museum.local_name), "back.text", theme.size(10)),
        ("<br/>".join(escape(line) for line in museum.address.lines()), "back.text", theme.size(6)),
        (
            f"<a href={quoteattr(museum.website)}>{escape(display_url(museum.website))}</a>",
            "back.text",
            theme.size(18),
        ),
    ]
    y = height - paper.margin_top - band_height - theme.size(26)
    for markup, style, space_after in lines:
        if not markup:
            continue
        paragraph = Paragraph(markup, styles[style])
        _, h = paragraph.wrap(paper.frame_width, height)
        paragraph.drawOn(canvas, paper.margin_x, y - h)
        y -= h + space_after
    colophon = [
        Paragraph(ctx.markup(block, link), styles["back.small"])
        for block in paragraphs(content.booklet.colophon)
    ]
    y = paper.margin_bottom
    for paragraph in reversed(colophon):
        _, h = paragraph.wrap(paper.frame_width, height)
        paragraph.drawOn(canvas, paper.margin_x, y)
        y += h + theme.size(4)
