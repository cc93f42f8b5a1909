"""Lay the story out on pages with ReportLab in one pass (the contents are reserved first)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial

from reportlab import rl_config
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tableofcontents import TableOfContents

from booklet import __version__
from booklet.content.dates import SOURCE_DATE_EPOCH, creation_date
from booklet.content.errors import ContentError, Problem
from booklet.content.inline import escape, plain
from booklet.content.model import Content, Located
from booklet.layout.context import LayoutContext
from booklet.layout.document import BookletDocument
from booklet.layout.flowables.heading import Anchor, Heading
from booklet.layout.flowables.index import RoomIndex
from booklet.layout.measure import StoryLog
from booklet.layout.sections import back, cover
from booklet.layout.story import build_story
from booklet.layout.tagged_pdf import finish

# Pure-Python ASCII85 of every stream on every pass costs minutes on large booklets and makes
# files 25% bigger; binary streams are fine in every PDF reader.
rl_config.useA85 = 0
# No URL named in paragraph markup is ever fetched. (This governs URLs only: ReportLab would
# still open a local path given to <img src>, which is why content/inline.py escapes every
# tag a writer types; that escaping is the guard for the file system.)
rl_config.trustedHosts = []
rl_config.trustedSchemes = []


@dataclass(frozen=True)
class LaidOut:
    """One layout of the story (typeset.py may need several)."""

    pdf: bytes
    pages: int
    key_pages: dict[str, int]
    passes: int  # ReportLab passes over the story: 1 unless the contents reservation missed
    # copy-fit: what was placed on each page in the last pass (for the layout report)
    log: StoryLog = field(default_factory=StoryLog, compare=False, repr=False)


def pdf_metadata(content: Content) -> dict[str, str | bool]:
    """The document information a reader shows (title, author, language, dates...).

    `created` (ISO 8601, or "" for none) is the creation date layout/tagged_pdf.py writes into
    the Info dictionary and the XMP; ReportLab ignores the key."""
    info = content.booklet
    title = plain(info.title)
    created = creation_date(plain(info.edition), os.environ.get(SOURCE_DATE_EPOCH))
    return {
        "title": f"{title} — {plain(content.museum.name)}",
        "author": ", ".join(info.authors) or plain(content.museum.name),
        "subject": plain(info.subtitle),
        "keywords": ", ".join(plain(k) for k in info.keywords),
        "creator": f"booklet {__version__}",
        "lang": content.language,
        "displayDocTitle": True,
        "created": created.isoformat() if created else "",
    }


def render(ctx: LayoutContext) -> LaidOut:
    """Lay the story out with ReportLab; the PDF bytes and its page map."""
    buffer = io.BytesIO()
    metadata = pdf_metadata(ctx.content)
    doc = BookletDocument(
        buffer,
        ctx.theme,
        draw_cover=partial(cover.draw, ctx),
        draw_back=partial(back.draw, ctx),
        metadata=metadata,
    )
    story = build_story(ctx)
    # copy-fit: the fitting step's flowables are for this story only. ReportLab leaves marks
    # on what it placed (postponed, keep-with-next undone), so another layout starts afresh
    # (typeset.py's contexts for later layouts share this dict through dataclasses.replace).
    ctx.fitted.clear()
    _reserve_contents(story)
    try:
        passes = doc.lay_out(story)
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
    # tagging: the structure recorded on the pass's canvas becomes the PDF's tag tree
    pdf = finish(buffer.getvalue(), doc.canv.structure, metadata)
    return LaidOut(pdf, doc.page, dict(doc.key_pages), passes, doc.log)


def _headings(flowables: Iterable[Flowable]) -> Iterator[Heading | Anchor]:
    """Every heading of the story in order, also those inside the containers the fitting
    step wraps sections in (a section fitted where it is placed, a heading kept with its
    first lines): a contents entry missed here costs a whole extra layout pass."""
    for flowable in flowables:
        if isinstance(flowable, Heading | Anchor):
            yield flowable
            continue
        for name in ("story", "heads", "body", "_content"):
            inner = getattr(flowable, name, None)
            if isinstance(inner, Flowable):
                yield from _headings([inner])
            elif isinstance(inner, list | tuple):
                yield from _headings(f for f in inner if isinstance(f, Flowable))


def _reserve_contents(story: list[Flowable]) -> None:
    """Give the table of contents its entries before the pass.

    Every entry is known up front; only page numbers are not, and those are drawn after the
    pass (layout/forward.py). Laying out with a contents page of the right length means no page
    moves once the numbers are known, so one pass suffices instead of two or three.
    """
    entries = [(f.level, escape(f.title), 0, f.key) for f in _headings(story) if f.in_toc]
    for flowable in story:
        if isinstance(flowable, RoomIndex):
            flowable.seed(entries)
        elif isinstance(flowable, TableOfContents):
            flowable._entries = list(entries)
