"""Welcome and at-a-glance: why the house matters, and the facts a visitor needs first."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from booklet.content.inline import paragraphs, plain
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.fit import FitWherePlaced
from booklet.layout.flowables.panel import Panel
from booklet.layout.sections.common import opener
from booklet.layout.sections.facts import fact_rows, opening_hours, verify_note


def build(ctx: LayoutContext) -> list[Flowable]:
    content, theme, labels = ctx.content, ctx.theme, ctx.labels
    if content.welcome is None:
        return []  # the facts at a glance are on the practical page too
    story = opener(ctx, "welcome", plain(content.welcome.title) or labels["welcome"])
    first, *rest = paragraphs(content.welcome.text)
    story += [ctx.para(first, "lead"), *(ctx.para(block, "body") for block in rest)]
    story.append(Spacer(1, theme.size(8)))
    museum = content.museum
    title = ctx.label(labels["at_a_glance"].upper(), "lookfor.title")
    rows: list[Flowable] = [tagging.tag(title, "H2")]
    rows += fact_rows(
        ctx,
        [
            ("address", labels["address"], museum.address.lines()),
            ("hours", labels["hours"], opening_hours(museum, labels)),
            ("closed", labels["closed"], paragraphs(museum.closed)),
            ("admission", labels["admission"], paragraphs(museum.admission)),
            ("visit_length", labels["visit_length"], paragraphs(museum.visit_length)),
        ],
        museum.verify,
    )
    note = verify_note(ctx, museum.verify)
    if note is not None:
        rows.append(Spacer(1, theme.size(3)))
        rows.append(note)
    story.append(
        Panel(
            rows,
            background=theme.palette.tint(theme.palette.muted, 0.1),
            padding=theme.size(11),
            radius=theme.size(4),
            rule=theme.palette.accent,
        )
    )
    # copy-fit: fitted where it starts, so the end of the panel never stands alone.
    return [story[0], FitWherePlaced(story[1:], theme.paper.frame_height)]
