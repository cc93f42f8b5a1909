"""Nearby in Coyoacán: places for a walk after the visit."""

from __future__ import annotations

from reportlab.platypus import Flowable

from booklet.content.inline import escape, plain
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.fit import FitWherePlaced
from booklet.layout.flowables.keep import HeadingKeep
from booklet.layout.paragraph import Paragraph
from booklet.layout.sections.common import opener
from booklet.locales.codes import language_of


def build(ctx: LayoutContext) -> list[Flowable]:
    if not ctx.content.nearby:
        return []
    title = plain(ctx.content.booklet.nearby_title) or ctx.labels["nearby"]
    opening = opener(ctx, "nearby", title, min_space=0.4)
    story = opening[1:]
    styles = ctx.theme.styles
    accent = ctx.theme.palette.hex["accent"]
    for place in ctx.content.nearby:
        meta = []
        in_local_language = language_of(ctx.content.language) == ctx.content.booklet.local_language
        if place.local_name and not in_local_language and place.local_name != plain(place.name):
            meta.append(f"<i>{escape(place.local_name)}</i>")
        if place.walk_minutes:
            walk = escape(ctx.labels.format("walk_minutes", minutes=place.walk_minutes))
            meta.append(f'<font color="{accent}">{walk}</font>')
        heads: list[Flowable] = [tagging.tag(ctx.para(place.name, "nearby.name"), "H2")]
        if meta:
            heads.append(Paragraph(" · ".join(meta), styles["nearby.meta"]))
        first, *rest = ctx.paras(place.text, "body")
        # copy-fit: a place's name stays with the first lines of its text; the section is
        # fitted where it starts, so its last page is never a stub (layout/fit.py).
        story += [HeadingKeep(heads, first), *rest]
    return [opening[0], FitWherePlaced(story, ctx.theme.paper.frame_height)]
