"""History: an introduction, chapters to read, and the timeline drawn as a graphic."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from booklet.content.inline import escape, plain
from booklet.content.model import TimelineEvent
from booklet.layout.context import LayoutContext
from booklet.layout.fit import Fitted, fit_section, widest
from booklet.layout.flowables.heading import Heading
from booklet.layout.flowables.keep import HeadingKeep
from booklet.layout.flowables.timeline import TimelineRow
from booklet.layout.keys import chapter_key
from booklet.layout.paragraph import Paragraph
from booklet.layout.sections.common import opener

TIMELINE_SPACE = 0.45  # the timeline shares the history's last page if this much is free


def build(ctx: LayoutContext) -> list[Flowable]:
    return _history(ctx).story


def _history(ctx: LayoutContext) -> Fitted:
    """The history section fitted to its pages (it starts a page), once per build."""
    fitted = ctx.fitted.get("history")
    if not isinstance(fitted, Fitted):
        fitted = ctx.fitted["history"] = _fit_history(ctx)
    return fitted


def _fit_history(ctx: LayoutContext) -> Fitted:
    history = ctx.content.history
    if not (history.intro or history.chapters):
        return Fitted([], ctx.theme.paper.frame_height)  # a timeline alone has its own page
    styles = ctx.theme.styles
    opening = opener(ctx, "history", ctx.labels["history"])
    story = opening[1:]  # after the page break: the section starts at the top of a page
    if history.intro:
        story += ctx.paras(history.intro, "lead")
    for index, chapter in enumerate(history.chapters, start=1):
        title = plain(chapter.title)
        heading = Heading(
            escape(title), styles["h2"], title=title, key=chapter_key(index), level=1,
            in_toc=False,
        )  # fmt: skip
        first, *rest = ctx.paras(chapter.text, "body")
        # copy-fit: the heading goes with the first lines of its text, not a fixed space.
        story += [HeadingKeep([heading], first), *rest]
    paper = ctx.theme.paper
    fitted = fit_section(story, paper.frame_width, paper.frame_height)
    return Fitted([opening[0], *fitted.story], fitted.end)


def build_timeline(ctx: LayoutContext) -> list[Flowable]:
    timeline = ctx.content.history.timeline
    if not timeline:
        return []
    opening = opener(
        ctx, "timeline", ctx.labels["timeline"], min_space=TIMELINE_SPACE, field="history.timeline"
    )
    story = opening[1:]
    palette = ctx.theme.palette
    styles = ctx.theme.styles
    dates = [
        (_when(ctx, e), styles["timeline.date.highlight" if e.highlight else "timeline.date"])
        for e in timeline
    ]
    # copy-fit: the date column is as wide as the widest date, so a date never wraps.
    date_width = max(ctx.theme.size(74), widest(dates, ctx.theme.paper.frame_width * 0.4))
    for index, (event, (when, style)) in enumerate(zip(timeline, dates, strict=True)):
        story.append(
            TimelineRow(
                Paragraph(escape(when), style),
                ctx.para(event.event, "timeline.event"),
                date_width=date_width,
                gutter=ctx.theme.size(22),
                spine=palette.tint(palette.muted, 0.45),
                dot=palette.accent if event.highlight else palette.ink,
                highlight=event.highlight,
                first=index == 0,
                last=index == len(timeline) - 1,
                gap=ctx.theme.size(4.5),
            )
        )
    # copy-fit: the timeline follows the history on its last page when enough of it is free
    # (the opener's rule), and is fitted so its own last page carries a third of a page.
    paper = ctx.theme.paper
    start = _history(ctx).end
    new_page = paper.frame_height - start < paper.frame_height * TIMELINE_SPACE
    fitted = fit_section(story, paper.frame_width, paper.frame_height,
                         start=0.0 if new_page else start, alone=True)  # fmt: skip
    return [PageBreak(), *fitted.story] if new_page else fitted.story


def _when(ctx: LayoutContext, event: TimelineEvent) -> str:
    return ctx.labels.date_range(event.date, event.until, short=True)
