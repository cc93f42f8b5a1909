"""The front cover: a full-bleed photo, a drawn motif or a typographic design; the title block;
an ink band with the museum's name and the edition.

With a motif or the typographic design the title sits in the calm top of the page; on a photo
it sits on an opaque paper-coloured band above the ink band, legible whatever the photo shows.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate

from booklet.content.inline import escape, plain
from booklet.layout import tagging
from booklet.layout.art.covers import MOTIFS
from booklet.layout.art.motifs import CALM_TOP
from booklet.layout.context import LayoutContext
from booklet.layout.document import BODY, BookletDocument
from booklet.layout.flowables.photo import draw_photo
from booklet.layout.paragraph import Paragraph
from booklet.layout.rendered import COVER_PHOTO, PlacedImage
from booklet.layout.sections.common import ink

BAND_SHARE = 0.085
TITLE_MIN_SHARE = 0.6  # a long title shrinks to fit, but not below this share of its size

# Articles a museum's name may start with (English, Spanish, French, Italian, German, Portuguese).
ARTICLES = frozenset({
    "the", "a", "an", "el", "la", "los", "las", "le", "les", "il", "lo", "gli", "der", "die",
    "das", "o", "os", "as",
})  # fmt: skip
INITIAL_SHARE = 0.72  # the typographic cover's initial letter, as a share of the page height


def build(ctx: LayoutContext) -> list[Flowable]:
    """The cover is drawn by its page template; the story only moves on to the body pages."""
    return [NextPageTemplate(BODY)]


def photo_box(ctx: LayoutContext) -> tuple[float, float]:
    """The box (points) the cover photo fills: the page and its bleed."""
    paper, bleed = ctx.theme.paper, ctx.theme.bleed
    return paper.width + 2 * bleed, paper.height + 2 * bleed


def draw(ctx: LayoutContext, canvas: Canvas, doc: BookletDocument) -> None:
    theme, content = ctx.theme, ctx.content
    paper, palette, styles = theme.paper, theme.palette, theme.styles
    width, height = paper.width, paper.height
    bleed = theme.bleed  # pictures and the band run past the trim on print sheets
    band = height * BAND_SHARE
    blocks = _title_blocks(ctx)
    photo = ctx.images.get(COVER_PHOTO)
    canvas.saveState()
    if photo is not None:
        title_top = _draw_photo(ctx, canvas, photo, band, _blocks_height(ctx, blocks))
    else:
        with tagging.artifact(canvas):  # tagging: drawn cover art is decoration
            if content.booklet.cover.art:
                MOTIFS[content.booklet.cover.art].cover(
                    canvas, -bleed, -bleed, width + 2 * bleed, height + 2 * bleed,
                    ink(ctx), palette.paper, secondary=palette.secondary,
                )  # fmt: skip
            else:
                _draw_typographic(ctx, canvas, band)
        title_top = height - paper.margin_top * 1.25
    with tagging.artifact(canvas):  # tagging: the ink band is decoration
        canvas.setFillColor(palette.ink)
        canvas.rect(-bleed, -bleed, width + 2 * bleed, band + bleed, stroke=0, fill=1)
    canvas.restoreState()

    left = paper.margin_x
    y = title_top
    for paragraph, space_after in blocks:
        _, h = paragraph.wrap(balanced_width(paragraph, paper.frame_width), height)
        tagging.draw_on(paragraph, canvas, left, y - h)
        y -= h + space_after
    if photo is None and not content.booklet.cover.art:
        # The typographic cover's one rule, closing the title block.
        canvas.setFillColor(palette.accent)
        canvas.rect(left, y - theme.size(18), theme.size(44), theme.size(4), stroke=0, fill=1)

    frame_width = paper.frame_width
    museum = Paragraph(escape(plain(content.museum.name)), styles["cover.museum"])
    _, museum_h = museum.wrap(frame_width * 0.68, band)
    tagging.draw_on(museum, canvas, left, (band - museum_h) / 2)
    if not content.booklet.edition:
        return
    edition = ctx.labels.format("edition", edition=plain(content.booklet.edition))
    style = styles["cover.edition"]
    # The edition shares the band with the museum's name: shrink a long one rather than overlap.
    room = frame_width * 0.3
    size = style.fontSize
    while size > 5 and canvas.stringWidth(edition, style.fontName, size) > room:
        size -= 0.5
    with tagging.element(canvas, tagging.Tag("P")):
        canvas.setFont(style.fontName, size)
        canvas.setFillColor(style.textColor)
        canvas.drawRightString(width - left, band / 2 - style.fontSize * 0.35, edition)


def _draw_photo(
    ctx: LayoutContext, canvas: Canvas, photo: PlacedImage, band: float, blocks_height: float
) -> float:
    """The photo over the whole page and its bleed, and the paper band that carries the title
    above the ink band. Returns where the title block starts (its top)."""
    theme = ctx.theme
    paper, palette, bleed = theme.paper, theme.palette, theme.bleed
    full_width = paper.width + 2 * bleed
    # Centred on the page: prepared for the bleed box, it also covers a trim-size page (the
    # imposed sheets lay out the print booklet again without bleed).
    x, y = (paper.width - photo.width) / 2, (paper.height - photo.height) / 2
    image = ctx.content.booklet.cover.image
    figure = tagging.Tag("Figure", alt=image.alt if image is not None else "")
    with tagging.element(canvas, figure):  # tagging: the cover photo, with its alt text
        ctx.photo_ready(photo.file)
        draw_photo(canvas, photo.file, x, y, photo.width, photo.height)
    padding = paper.margin_top * 0.9
    band_top = band + 2 * padding + blocks_height
    with tagging.artifact(canvas):  # tagging: the calm band under the title is decoration
        canvas.setFillColor(palette.paper)
        canvas.rect(-bleed, band, full_width, band_top - band, stroke=0, fill=1)
        canvas.setFillColor(palette.accent)
        canvas.rect(-bleed, band_top, full_width, theme.size(3), stroke=0, fill=1)
    return band_top - padding


def _draw_typographic(ctx: LayoutContext, canvas: Canvas, band: float) -> None:
    """Paper, and the museum's initial set very large in a pale tint of the secondary colour,
    standing on the ink band and running off the edge (the accent rule follows the title)."""
    theme = ctx.theme
    paper, palette, bleed = theme.paper, theme.palette, theme.bleed
    width, height = paper.width, paper.height
    canvas.setFillColor(palette.paper)
    canvas.rect(-bleed, -bleed, width + 2 * bleed, height + 2 * bleed, stroke=0, fill=1)
    initial = museum_initial(ctx)
    if initial:
        font = theme.fonts.serif + "-Bold"
        size = height * INITIAL_SHARE
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(-bleed, band, width + 2 * bleed, height - band + bleed)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.setFillColor(palette.tint(palette.secondary, 0.2))
        canvas.setFont(font, size)
        glyph = canvas.stringWidth(initial, font, size)
        canvas.drawString(width - glyph * 0.78, band - size * 0.02, initial)
        canvas.restoreState()


def museum_initial(ctx: LayoutContext) -> str:
    """The first letter or digit of the museum's name (the typographic covers' ornament),
    after a leading article: the L of "The Lantern Works", not its T."""
    words = plain(ctx.content.museum.name).split()
    if len(words) > 1 and words[0].casefold() in ARTICLES:
        words = words[1:]
    return next((c.upper() for c in " ".join(words) if c.isalnum()), "")


def _title_blocks(ctx: LayoutContext) -> list[tuple[Paragraph, float]]:
    """Kicker, title, subtitle and native title, each with the space after it; the title at
    the largest size (down to TITLE_MIN_SHARE of the theme's) at which the block fits the calm
    top of the art and no word of the title is wider than the column."""
    base = ctx.theme.styles["cover.title"]
    step = ctx.theme.size(1)
    size = base.fontSize
    while True:
        style = ParagraphStyle(
            "cover.title.fitted",
            parent=base,
            fontSize=size,
            leading=base.leading * size / base.fontSize,
        )
        blocks = _blocks_with(ctx, style)
        smaller = size - step
        if smaller < base.fontSize * TITLE_MIN_SHARE or (
            _overflow(ctx, blocks) == 0 and _widest_word(ctx, style) <= ctx.theme.paper.frame_width
        ):
            return blocks
        size = smaller


def _widest_word(ctx: LayoutContext, style: ParagraphStyle) -> float:
    words = plain(ctx.content.booklet.title).split()
    return max((stringWidth(w, style.fontName, style.fontSize) for w in words), default=0.0)


def _blocks_with(ctx: LayoutContext, title: ParagraphStyle) -> list[tuple[Paragraph, float]]:
    theme, content, styles = ctx.theme, ctx.content, ctx.theme.styles
    kicker = Paragraph(
        escape(content.museum.local_name.upper() or plain(content.museum.name)),
        styles["cover.kicker"],
    )
    if content.museum.local_name:  # tagging: the museum's own name is in the local language
        tagging.tag(kicker, "P", lang=content.booklet.local_language)
    blocks: list[tuple[Paragraph, float]] = [
        (kicker, theme.size(10)),
        (tagging.tag(Paragraph(ctx.markup(content.booklet.title), title), "H1"), theme.size(10)),
        (Paragraph(ctx.markup(content.booklet.subtitle), styles["cover.subtitle"]), theme.size(8)),
    ]
    if content.booklet.native_title:
        native = Paragraph(escape(content.booklet.native_title), styles["cover.native"])
        blocks.append((tagging.tag(native, "P", lang=content.booklet.native_language), 0))
    return blocks


def band_box(ctx: LayoutContext) -> tuple[float, float, float, float]:
    """The ink band at the foot of the cover, from the trim's lower-left corner (the mail
    stamps a traveler's name in it)."""
    paper = ctx.theme.paper
    return (0.0, 0.0, paper.width, paper.height * BAND_SHARE)


def title_overflow(ctx: LayoutContext) -> float:
    """How far (points) the title block runs past the calm top of the cover art, even with the
    title at its smallest; 0 if it fits."""
    return _overflow(ctx, _title_blocks(ctx))


def _blocks_height(ctx: LayoutContext, blocks: list[tuple[Paragraph, float]]) -> float:
    paper = ctx.theme.paper
    return sum(p.wrap(paper.frame_width, paper.height)[1] + space for p, space in blocks)


def _overflow(ctx: LayoutContext, blocks: list[tuple[Paragraph, float]]) -> float:
    used = ctx.theme.paper.margin_top * 1.25 + _blocks_height(ctx, blocks)
    return max(0.0, used - ctx.theme.paper.height * CALM_TOP)


def balanced_width(paragraph: Paragraph, width: float) -> float:
    """The narrowest width that keeps the paragraph's line count, so a title breaks into
    lines of even length instead of leaving one word alone on the last line."""
    lines = len(paragraph.breakLines(width).lines)
    if lines < 2:
        return width
    # Never narrower than the longest word, or ReportLab would split it mid-word.
    widest = max(
        (stringWidth(word, frag.fontName, frag.fontSize) for frag in paragraph.frags
         for word in getattr(frag, "text", "").split()),
        default=0.0,
    )  # fmt: skip
    low, high = min(width, max(width / lines, widest + 1)), width
    for _ in range(12):
        middle = (low + high) / 2
        if len(paragraph.breakLines(middle).lines) > lines:
            low = middle
        else:
            high = middle
    return high + 1
