"""Named paragraph styles, derived from paper, palette and fonts. Section code only asks by name."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from booklet.locales.codes import hyphenation_dictionary
from booklet.locales.hyphenation import load_patterns
from booklet.theme.fonts import FontSet
from booklet.theme.palette import Palette
from booklet.theme.paper import Paper

Styles = dict[str, ParagraphStyle]


def make_styles(paper: Paper, palette: Palette, fonts: FontSet, language: str) -> Styles:
    s = paper.scale
    body = ParagraphStyle(
        "body",
        fontName=fonts.serif,
        fontSize=9.5 * s,
        leading=13.6 * s,
        alignment=TA_JUSTIFY,
        textColor=palette.ink,
        spaceAfter=5 * s,
        hyphenationLang=_hyphenation_language(language),
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        allowWidows=0,
        allowOrphans=0,
        splitLongWords=1,
        bulletFontName=fonts.serif,
        fallbacks=fonts.fallbacks,  # read by booklet.layout.paragraph, inherited by every style
    )
    sans = ParagraphStyle(
        "sans",
        parent=body,
        fontName=fonts.sans,
        bulletFontName=fonts.sans,
        alignment=TA_LEFT,
        hyphenationLang="",
    )

    def derive(name: str, parent: ParagraphStyle, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    # Ragged-right text is not hyphenated: broken names in short italic lines look careless.
    ragged = derive("body.left", body, alignment=TA_LEFT, hyphenationLang="")

    styles: Styles = {
        "body": body,
        "body.left": ragged,
        "lead": derive(
            "lead",
            ragged,
            fontName=fonts.serif + "-Italic",
            fontSize=11.5 * s,
            leading=16 * s,
            spaceAfter=10 * s,
        ),
        "kicker": derive(
            "kicker",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=7.5 * s,
            leading=10 * s,
            textColor=palette.accent,
            spaceAfter=3 * s,
            keepWithNext=1,
        ),
        "h1": derive(
            "h1",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=22 * s,
            leading=26 * s,
            spaceBefore=18 * s,
            spaceAfter=8 * s,
            keepWithNext=1,
        ),
        "h2": derive(
            "h2",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=12.5 * s,
            leading=16 * s,
            spaceBefore=10 * s,
            spaceAfter=4 * s,
            keepWithNext=1,
        ),
        "h3": derive(
            "h3",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=9.5 * s,
            leading=12.5 * s,
            spaceBefore=6 * s,
            spaceAfter=2 * s,
            keepWithNext=1,
        ),
        "caption": derive(
            "caption", sans, fontSize=7.5 * s, leading=10 * s, textColor=palette.muted, spaceAfter=0
        ),
        "small": derive("small", sans, fontSize=8 * s, leading=11 * s, spaceAfter=3 * s),
        "footer": derive("footer", sans, fontSize=7 * s, leading=9 * s, textColor=palette.muted),
        "toc.1": derive(
            "toc.1", sans, fontSize=10.5 * s, leading=15 * s, rightIndent=24 * s, spaceBefore=3 * s
        ),
        # The contents of a museum with many rooms, tightened rather than run onto a second page.
        "toc.1.compact": derive(
            "toc.1.compact", sans, fontSize=10.5 * s, leading=15 * s, rightIndent=24 * s
        ),
        "legend": derive(
            "legend",
            sans,
            fontSize=8.5 * s,
            leading=13 * s,
            rightIndent=24 * s,
        ),
        "toc.2": derive(
            "toc.2",
            sans,
            fontSize=8.5 * s,
            leading=12 * s,
            leftIndent=14 * s,
            rightIndent=24 * s,
            textColor=palette.muted,
        ),
        "room.number": derive(
            "room.number",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=15 * s,
            leading=18 * s,
            textColor=palette.paper,
            alignment=TA_CENTER,
        ),
        "room.title": derive(
            "room.title",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=19 * s,
            leading=22 * s,
            spaceAfter=0,
        ),
        "room.local": derive(
            "room.local",
            ragged,
            fontName=fonts.serif + "-Italic",
            fontSize=10.5 * s,
            leading=14 * s,
            textColor=palette.muted,
            spaceAfter=0,
        ),
        "room.summary": derive(
            "room.summary",
            ragged,
            fontName=fonts.serif + "-Italic",
            fontSize=10.5 * s,
            leading=14.5 * s,
            spaceAfter=8 * s,
        ),
        "lookfor.title": derive(
            "lookfor.title",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=7.5 * s,
            leading=10 * s,
            textColor=palette.accent,
            spaceAfter=3 * s,
        ),
        "lookfor.item": derive(
            "lookfor.item",
            sans,
            fontSize=8.5 * s,
            leading=11.5 * s,
            leftIndent=10 * s,
            bulletIndent=0,
            spaceAfter=2.5 * s,
        ),
        "timeline.date": derive(
            "timeline.date",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=8 * s,
            leading=10.5 * s,
            alignment=TA_RIGHT,
        ),
        "timeline.date.highlight": derive(
            "timeline.date.highlight",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=8 * s,
            leading=10.5 * s,
            alignment=TA_RIGHT,
            textColor=palette.accent,
        ),
        "timeline.event": derive(
            "timeline.event", ragged, fontSize=8.6 * s, leading=11.3 * s, spaceAfter=0
        ),
        "tip.title": derive(
            "tip.title",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=9 * s,
            leading=11.5 * s,
            spaceAfter=2 * s,
        ),
        "tip.text": derive("tip.text", sans, fontSize=8 * s, leading=10.8 * s, spaceAfter=0),
        "nearby.name": derive(
            "nearby.name",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=10 * s,
            leading=13 * s,
            spaceAfter=0,
            keepWithNext=1,
        ),
        "nearby.meta": derive(
            "nearby.meta",
            sans,
            fontSize=7.5 * s,
            leading=10 * s,
            textColor=palette.muted,
            spaceAfter=2 * s,
            keepWithNext=1,
        ),
        "label": derive(
            "label",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=7.5 * s,
            leading=10.5 * s,
            textColor=palette.accent,
        ),
        "value": derive("value", sans, fontSize=8.8 * s, leading=12 * s, spaceAfter=0),
        "note": derive(
            "note",
            sans,
            fontName=fonts.sans + "-Italic",
            fontSize=7.5 * s,
            leading=10 * s,
            textColor=palette.muted,
        ),
        "cover.kicker": derive(
            "cover.kicker",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=8.5 * s,
            leading=11 * s,
            textColor=palette.accent,
        ),
        "cover.title": derive(
            "cover.title",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=31 * s,
            leading=34 * s,
            textColor=palette.ink,
        ),
        "cover.subtitle": derive(
            "cover.subtitle",
            ragged,
            fontName=fonts.serif + "-Italic",
            fontSize=12.5 * s,
            leading=16.5 * s,
            textColor=palette.ink,
        ),
        "cover.native": derive(
            "cover.native",
            ragged,
            fontName=fonts.serif,
            fontSize=10 * s,
            leading=13 * s,
            textColor=palette.muted,
        ),
        "cover.museum": derive(
            "cover.museum",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=9 * s,
            leading=12 * s,
            textColor=palette.paper,
        ),
        "cover.edition": derive(
            "cover.edition", sans, fontSize=8 * s, leading=11 * s, textColor=palette.paper
        ),
        "back.title": derive(
            "back.title",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=13 * s,
            leading=17 * s,
            textColor=palette.paper,
        ),
        "back.text": derive(
            "back.text", sans, fontSize=8.5 * s, leading=12 * s, textColor=palette.paper
        ),
        "back.label": derive(
            "back.label",
            sans,
            fontName=fonts.sans + "-Bold",
            fontSize=7 * s,
            leading=9.5 * s,
            textColor=palette.tint(palette.paper, 0.8),
        ),
        "back.small": derive(
            "back.small",
            sans,
            fontSize=7 * s,
            leading=9.5 * s,
            textColor=palette.tint(palette.paper, 0.8),
        ),
    }
    return styles


def _hyphenation_language(language: str) -> str:
    """pyphen's dictionary for the edition ("en-GB" -> en_GB), "" for none; read now, the fast
    way (see booklet.locales.hyphenation), before ReportLab asks Pyphen for it."""
    dictionary = hyphenation_dictionary(language)
    if dictionary:
        load_patterns(dictionary)
    return dictionary


def index_table_style(style: ParagraphStyle, row_padding: float | None = None) -> TableStyle:
    """The borderless table a contents page or index lays its lines in; `row_padding` above
    and below each line replaces the table's default (3 points) for a compact list.

    FONT matters: without it ReportLab's table selects Helvetica, a base-14 font."""
    padding = [] if row_padding is None else [
        ("TOPPADDING", (0, 0), (-1, -1), row_padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), row_padding),
    ]  # fmt: skip
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        *padding,
    ])  # fmt: skip
