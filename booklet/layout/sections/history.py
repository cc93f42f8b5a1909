"""History: an introduction, chapters to read, and the timeline drawn as a graphic."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from booklet.content.inline import escape, plain
from booklet.content.model import TimelineEvent
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.heading import Heading
from booklet.layout.flowables.timeline import TimelineRow
from booklet.layout.keys import chapter_key
from booklet.layout.paragraph import Paragraph
from booklet.layout.sections.common import opener


def build(ctx: LayoutContext) -> list[Flowable]:
    history = ctx.content.history
    if not (history.intro or history.chapters):
        return []  # a timeline alone has its own page
    styles = ctx.theme.styles
    story = opener(ctx, "history", ctx.labels["history"])
    if history.intro:
        story += ctx.paras(history.intro, "lead")
    for index, chapter in enumerate(history.chapters, start=1):
        title = plain(chapter.title)
        story.append(CondPageBreak(ctx.theme.size(90)))
        story.append(
            Heading(
                escape(title),
                styles["h2"],
                title=title,
                key=chapter_key(index),
                level=1,
                in_toc=False,
            )
        )
        story += ctx.paras(chapter.text, "body")
    return story


def build_timeline(ctx: LayoutContext) -> list[Flowable]:
    timeline = ctx.content.history.timeline
    if not timeline:
        return []
    story = opener(
        ctx, "timeline", ctx.labels["timeline"], min_space=0.45, field="history.timeline"
    )
    palette = ctx.theme.palette
    for index, event in enumerate(timeline):
        story.append(
            TimelineRow(
                Paragraph(
                    escape(_when(ctx, event)),
                    ctx.theme.styles[
                        "timeline.date.highlight" if event.highlight else "timeline.date"
                    ],
                ),
                ctx.para(event.event, "timeline.event"),
                date_width=ctx.theme.size(74),
                gutter=ctx.theme.size(22),
                spine=palette.tint(palette.muted, 0.45),
                dot=palette.accent if event.highlight else palette.ink,
                highlight=event.highlight,
                first=index == 0,
                last=index == len(timeline) - 1,
                gap=ctx.theme.size(4.5),
            )
        )
    return story


def _when(ctx: LayoutContext, event: TimelineEvent) -> str:
    return ctx.labels.date_range(event.date, event.until, short=True)
