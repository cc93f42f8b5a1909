"""Small helpers every section uses: the section opener and the look of drawn pictograms."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, PageBreak, Spacer

from booklet.layout.art.pictograms import Ink
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.heading import Heading


def section_key(name: str) -> str:
    return f"section-{name}"


def opener(ctx: LayoutContext, name: str, title: str, kicker: str = "") -> list[Flowable]:
    """A new page starting a section: optional kicker, the title (a TOC entry), and space."""
    styles = ctx.theme.styles
    story: list[Flowable] = [PageBreak()]
    if kicker:
        story.append(ctx.label(kicker.upper(), "kicker"))
    story.append(
        Heading(escape(title), styles["h1"], title=title, key=section_key(name), section=title)
    )
    story.append(Spacer(1, ctx.theme.size(2)))
    return story


def ink(ctx: LayoutContext) -> Ink:
    palette = ctx.theme.palette
    return Ink(line=palette.ink, accent=palette.accent, fill=palette.tint(palette.muted, 0.12))
