"""Nearby in Coyoacán: places for a walk after the visit."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from booklet.content.inline import escape, plain
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.sections.common import opener
from booklet.locales.codes import language_of


def build(ctx: LayoutContext) -> list[Flowable]:
    if not ctx.content.nearby:
        return []
    title = plain(ctx.content.booklet.nearby_title) or ctx.labels["nearby"]
    story = opener(ctx, "nearby", title, min_space=0.4)
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
        block: list[Flowable] = [tagging.tag(ctx.para(place.name, "nearby.name"), "H2")]
        if meta:
            block.append(Paragraph(" · ".join(meta), styles["nearby.meta"]))
        block += ctx.paras(place.text, "body")
        story.append(KeepTogether(block))
    return story
