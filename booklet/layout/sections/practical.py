"""Practical information: how to get there and what to know, a QR code, and the sources."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from booklet.content.inline import paragraphs, plain
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.fit import FitWherePlaced
from booklet.layout.flowables.heading import Heading
from booklet.layout.flowables.qr import QrCode
from booklet.layout.keys import SOURCES
from booklet.layout.paragraph import Paragraph
from booklet.layout.sections.back import sources_fit
from booklet.layout.sections.common import display_url, grid, opener
from booklet.layout.sections.facts import fact_rows, opening_hours, verify_mark, verify_note


def build(ctx: LayoutContext) -> list[Flowable]:
    """Only the details the content gives; no page at all when it gives none beyond the
    address (which the back cover carries) and has no sources to list here."""
    content, theme, labels = ctx.content, ctx.theme, ctx.labels
    practical, museum = content.practical, content.museum
    verify = practical.verify | museum.verify
    details = [
        ("hours", labels["hours"], opening_hours(museum, labels)),
        ("closed", labels["closed"], paragraphs(museum.closed)),
        ("admission", labels["admission"], paragraphs(museum.admission)),
        ("phone", labels["phone"], [museum.phone] if museum.phone else []),
        ("getting_there", labels["getting_there"], paragraphs(practical.getting_there)),
        ("accessibility", labels["accessibility"], paragraphs(practical.accessibility)),
        ("photography", labels["photography"], paragraphs(practical.photography)),
        ("bags", labels["bags"], paragraphs(practical.bags)),
    ]
    sources_here = bool(content.sources) and not sources_fit(ctx)
    given = any(lines for _, _, lines in details) or museum.website or practical.verify_note
    if not (given or sources_here):
        return []
    story = opener(ctx, "practical", labels["practical"])
    address = [museum.local_name or plain(museum.name), *museum.address.lines()]
    story += fact_rows(ctx, [("address", labels["address"], address), *details], verify)
    if museum.website:
        story.append(Spacer(1, theme.size(10)))
        story.append(CondPageBreak(theme.size(90)))
        story.append(_qr_block(ctx, "website" in verify))
    if practical.verify_note or verify:
        story.append(Spacer(1, theme.size(8)))
        if practical.verify_note:
            story += ctx.paras(practical.verify_note, "note")
        note = verify_note(ctx, verify)
        if note is not None:
            story.append(note)
    if sources_here:  # otherwise they are on the back cover
        title = labels["sources"]
        story.append(CondPageBreak(theme.size(80)))
        story.append(Heading(title, theme.styles["h3"], title=title, key=SOURCES, level=1))
        for source in content.sources:
            text = f"[{source.title}]({source.url})" if source.url else source.title
            story.append(ctx.para(text, "caption"))
            story.append(Spacer(1, theme.size(2)))
    # copy-fit: fitted where it starts, so a note never ends up alone on a page of its own.
    return [story[0], FitWherePlaced(story[1:], theme.paper.frame_height)]


def _qr_block(ctx: LayoutContext, marked: bool) -> Flowable:
    """The QR code beside the address it encodes; `marked` adds the check-before-you-go mark."""
    theme = ctx.theme
    website = ctx.content.museum.website
    size = theme.size(66)
    link = ctx.markup(f"[{display_url(website)}]({website})")
    if marked:
        link += verify_mark(ctx)
    text = [
        ctx.label(ctx.labels["scan_for_website"].upper(), "label"),
        Paragraph(link, theme.styles["value"]),
    ]
    code = QrCode(website, size, theme.palette.ink)
    alt = ctx.labels.format("qr_alt", url=display_url(website))
    return grid(
        ctx,
        [[tagging.tag(code, "Figure", alt=alt), text]],
        [size + theme.size(12), None],
        valign="MIDDLE",
    )
