"""Lay the story out on pages with ReportLab, in as many passes as the table of contents needs."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import partial

from reportlab import rl_config
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tableofcontents import TableOfContents

from booklet.content.errors import ContentError, Problem
from booklet.content.inline import escape
from booklet.content.model import Located
from booklet.layout.context import LayoutContext
from booklet.layout.document import BookletDocument
from booklet.layout.flowables.heading import Anchor, Heading
from booklet.layout.flowables.index import RoomIndex
from booklet.layout.measure import StoryLog
from booklet.layout.sections import back, cover
from booklet.layout.story import build_story

# Pure-Python ASCII85 of every stream on every pass costs minutes on large booklets and makes
# files 25% bigger; binary streams are fine in every PDF reader.
rl_config.useA85 = 0
# No URL named in paragraph markup is ever fetched. (This governs URLs only: ReportLab would
# still open a local path given to <img src>, which is why content/inline.py escapes every
# tag a writer types; that escaping is the guard for the file system.)
rl_config.trustedHosts = []
rl_config.trustedSchemes = []


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    key_pages: dict[str, int]
    passes: int
    # copy-fit: what was placed on each page in the last pass (for the layout report)
    log: StoryLog = field(default_factory=StoryLog, compare=False, repr=False)


def render(ctx: LayoutContext, metadata: dict[str, str | bool]) -> Rendered:
    buffer = io.BytesIO()
    doc = BookletDocument(
        buffer,
        ctx.theme,
        draw_cover=partial(cover.draw, ctx),
        draw_back=partial(back.draw, ctx),
        metadata=metadata,
    )
    story = build_story(ctx)
    # copy-fit: the fitting step's flowables are for this story only. ReportLab leaves marks
    # on what it placed (postponed, keep-with-next undone), so another layout starts afresh.
    ctx.fitted.clear()
    _reserve_contents(story)
    try:
        passes = doc.multiBuild(story, maxPasses=6)
    except LayoutError:
        where = doc.current_where or Located(None, "")
        page = doc.canv.getPageNumber()
        raise ContentError(
            [
                Problem(
                    ctx.content.file.name,
                    where.line,
                    where.field,
                    f"a block is too large to fit on a page (page {page}, "
                    f"{doc.current_section or 'cover'}); shorten or split this text",
                )
            ]
        ) from None
    return Rendered(buffer.getvalue(), doc.page, dict(doc.key_pages), passes, doc.log)


def _reserve_contents(story: list[Flowable]) -> None:
    """Give the table of contents its entries before the first pass.

    Every entry is known up front; only page numbers are not. Laying out the first pass with a
    contents page of the right length means pages do not move in the second pass, so two
    passes suffice instead of three (a third of the layout time on large booklets).
    """
    entries = [
        (f.level, escape(f.title), 999, f.key)
        for f in story
        if isinstance(f, Heading | Anchor) and f.in_toc
    ]
    for flowable in story:
        if isinstance(flowable, RoomIndex):
            flowable.seed(entries)
        elif isinstance(flowable, TableOfContents):
            flowable._entries = list(entries)
