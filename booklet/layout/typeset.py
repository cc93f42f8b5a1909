"""Stage 2, typeset: one edition's Content laid out for one profile, in memory.

The layout owns everything between a validated edition and its PDF bytes: the theme for the
profile, the cover-title check, photo preparation (through the cache it is given), ReportLab's
pass, the spare pages that fill the last printed sheet, the email size budget and, for
imposition, a trim-size copy. Nothing is written to disk except prepared photos in the cache.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from booklet.content.errors import BudgetError, ContentError, Problem
from booklet.content.model import Content, Image
from booklet.content.photos import ImageInfo, inspect_image
from booklet.images import ImageCache, Preparation
from booklet.layout.context import LayoutContext
from booklet.layout.fit import PhotoSize
from booklet.layout.render import LaidOut, render
from booklet.layout.rendered import COVER_PHOTO, PlacedImage, Rendered
from booklet.layout.sections.cover import band_box, photo_box, title_overflow
from booklet.layout.sections.rooms import place_photo
from booklet.theme.profile import EMAIL_STEPS
from booklet.theme.theme import make_theme
from booklet.words import counted

PROGRESS = logging.getLogger("booklet.progress")


def typeset(
    content: Content,
    profile: str,
    images: ImageCache,
    *,
    paper: str | None = None,
    max_size: int | None = None,
    impose: bool = False,
    preflight: bool = False,
) -> Rendered:
    """Lay `content` out for `profile` ("screen", "print", "email").

    `paper` overrides the content's theme.paper; `max_size` (bytes) the profile's budget.
    `impose` pads to whole sheets and, with bleed, keeps a trim-size copy to impose.
    `preflight` lays out even a cover title too tall to fit (preflight reports it) and
    skips the size budget. Raises ContentError or BudgetError; writes nothing."""
    started = time.perf_counter()
    if paper:
        content = replace(content, theme=replace(content.theme, paper=paper))
    theme = make_theme(
        content.theme.paper, content.theme.palette, content.language, profile, content.theme.fonts
    )
    ctx = LayoutContext(content, theme, content.labels)
    overflow = title_overflow(ctx)
    if overflow and not preflight:
        raise ContentError([_title_problem(ctx, overflow)])
    pad = theme.profile.pad_to_signature or impose
    if not preflight:
        PROGRESS.info(
            "laying out the '%s' edition: %s on %s paper (%s)",
            content.language, counted(len(content.rooms), "room"), theme.paper.name,
            theme.profile.name,
        )  # fmt: skip
    ctx, laid, unpadded = _lay_out(ctx, images, pad)
    if laid.pages > unpadded and not preflight:
        PROGRESS.info(
            "'%s' edition: added %s before the back cover to fill the last sheet",
            content.language, counted(laid.pages - unpadded, "spare page"),
        )  # fmt: skip
    budget = max_size or theme.profile.max_bytes
    if budget and len(laid.pdf) > budget and not preflight:
        ctx, laid = _fit_budget(ctx, images, budget, pad, laid)
    trimmed = None
    if impose and ctx.theme.bleed:
        # Imposition places trim-size pages: the same booklet laid out without bleed.
        flat = replace(ctx.theme, profile=replace(ctx.theme.profile, bleed=False))
        trimmed = render(replace(ctx, theme=flat)).pdf
    if not preflight:
        PROGRESS.info("laid out in %.1f s", time.perf_counter() - started)
    return Rendered(
        pdf=laid.pdf,
        language=content.language,
        profile=ctx.theme.profile,
        paper=theme.paper.name,
        pages=laid.pages,
        unpadded_pages=unpadded,
        key_pages=laid.key_pages,
        passes=laid.passes,
        images=dict(ctx.images),
        positions={"cover.band": band_box(ctx)},
        title_overflow=overflow,
        trimmed=trimmed,
        log=laid.log,
    )


def _title_problem(ctx: LayoutContext, overflow: float) -> Problem:
    """A title that would run into the cover art even at its smallest is refused, not printed
    over the drawing."""
    content = ctx.content
    own = content.language == content.booklet.language
    return Problem(
        content.file.name, content.booklet.field_lines.get("title"),
        "booklet.title" if own else f"booklet.title.{content.language}",
        f"the title block is {overflow:.0f} pt too tall for the {ctx.theme.paper.name} "
        "cover even with the title at its smallest; shorten the title or subtitle",
    )  # fmt: skip


def _lay_out(
    ctx: LayoutContext, images: ImageCache, pad: bool
) -> tuple[LayoutContext, LaidOut, int]:
    """Prepare photos and lay out; with `pad`, fill the last sheet with spare pages (placed
    before the back cover). Returns the context used, the layout and the page count before
    padding."""
    with images.preparing() as preparation:
        placed, ready = _prepare_images(ctx, images, preparation)
        ctx = replace(ctx, images=placed, photo_ready=ready, padding_pages=0, notes_only=False)
        laid = render(ctx)  # drawing a photo waits for it: the pass goes on meanwhile
        for photo in placed.values():  # every photo is drawn; this only makes sure
            ready(photo.file)
    unpadded = laid.pages
    if pad and laid.pages % 4:
        ctx = replace(ctx, padding_pages=4 - laid.pages % 4)
        laid = render(ctx)
        if laid.pages % 4:  # a spare page ran long: use one-page notes pages instead
            ctx = replace(ctx, notes_only=True)
            laid = render(ctx)
    return ctx, laid, unpadded


def _fit_budget(
    ctx: LayoutContext, images: ImageCache, budget: int, pad: bool, laid: LaidOut
) -> tuple[LayoutContext, LaidOut]:
    """Step photo resolution and JPEG quality down from `laid` (the first try, over budget)
    until the PDF fits `budget` bytes."""
    profile = ctx.theme.profile
    if not ctx.images:
        raise BudgetError(
            f"the PDF is over the budget of {precise_size(budget)} without any photos; "
            "text, fonts and drawings alone take more: raise --max-size"
        )
    PROGRESS.info(
        "over budget with photos at %d dpi, quality %d: %s (budget %s); stepping down",
        profile.dpi, profile.jpeg_quality, precise_size(len(laid.pdf)), precise_size(budget),
    )  # fmt: skip
    for dpi, quality in EMAIL_STEPS:
        if dpi > profile.dpi or (dpi, quality) >= (profile.dpi, profile.jpeg_quality):
            continue  # only settings below the one that was just too big
        stepped = replace(profile, dpi=dpi, jpeg_quality=quality)
        ctx, laid, _ = _lay_out(
            replace(ctx, theme=replace(ctx.theme, profile=stepped)), images, pad
        )
        PROGRESS.info(
            "photos at %d dpi, quality %d: %s (budget %s)",
            dpi, quality, precise_size(len(laid.pdf)), precise_size(budget),
        )  # fmt: skip
        if len(laid.pdf) <= budget:
            return ctx, laid
    photos = sum(placed.file.stat().st_size for placed in ctx.images.values())
    rest = len(laid.pdf) - photos
    advice = "raise --max-size" if rest >= budget else "use fewer photos or raise --max-size"
    raise BudgetError(
        f"the PDF is {precise_size(len(laid.pdf))} even with photos at the floor of "
        f"{EMAIL_STEPS[-1][0]} dpi, quality {EMAIL_STEPS[-1][1]}; budget {precise_size(budget)}. "
        f"{counted(len(ctx.images), 'photo')} take {precise_size(photos)}, text, fonts and "
        f"drawings the rest ({precise_size(rest)}): {advice}"
    )


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def precise_size(size: int) -> str:
    """Sizes compared with a budget: 151.3 KB over 150.0 KB, not 0.15 MB over 0.15 MB."""
    return megabytes(size) if size >= 1_000_000 else f"{size / 1000:.1f} KB"


def _placement_key(ctx: LayoutContext) -> str:
    """Everything besides the room and the photo's pixels that decides a photo's printed
    size: the edition's language and fixed words, the paper, the profile, the theme."""
    content = ctx.content
    return repr((
        content.language, content.theme, ctx.theme.paper.name, ctx.theme.profile,
        sorted(ctx.labels.table.items()),
    ))  # fmt: skip


def _prepare_images(
    ctx: LayoutContext, cache: ImageCache, preparation: Preparation
) -> tuple[dict[str, PlacedImage], Callable[[Path], None]]:
    """Every photo (rooms, cover) downsampled to its placed size at the profile's DPI, in the
    background while the next room is fitted and the pages are laid out; the cover photo is
    cropped to fill the page and its bleed. Returns the photos as they will be placed, and
    what waits for one to be ready (raising ContentError for every photo that failed)."""
    red, green, blue = (round(c * 255) for c in ctx.theme.palette.paper.rgb())
    profile = ctx.theme.profile
    where: dict[Path, Image] = {}
    placed: dict[str, PlacedImage] = {}
    layout = _placement_key(ctx)
    photos = [room for room in ctx.content.rooms if room.image is not None]
    cover = ctx.content.booklet.cover.image
    if photos or cover:
        PROGRESS.info("preparing %s", counted(len(photos) + bool(cover), "image"))

    def prepare(key: str, image: Image, info: ImageInfo, box: tuple[float, float],
                fill: bool) -> None:  # fmt: skip
        job, width, height = cache.plan(
            image.path, info, box, profile.dpi, (red, green, blue), profile.jpeg_quality,
            fill=fill,
        )  # fmt: skip
        preparation.add(job)
        where.setdefault(job.target, image)
        placed[key] = PlacedImage(job.target, width, height)

    if cover is not None:  # first: it waits for no fitting, and page 1 draws it
        prepare(COVER_PHOTO, cover, inspect_image(cover.path), photo_box(ctx), True)
    for room in photos:
        assert room.image is not None
        info = inspect_image(room.image.path)
        # copy-fit: the photo's size is decided with the room's text (layout/fit.py); the
        # box is the photo's own shape, so its width decides.
        memo = (layout, room, info.width, info.height)
        decided = place_photo(ctx, room, (info.width, info.height), cache.placements.get(memo))
        cache.placements[memo] = decided
        size = decided.picture
        assert isinstance(size, PhotoSize)
        prepare(room.id, room.image, info, (size.width, size.height + 0.01), False)
    # In the order of the content: the rooms, then the cover.
    order = [room.id for room in photos] + ([COVER_PHOTO] if cover else [])

    def ready(path: Path) -> None:
        if preparation.ready(path) is None:
            return
        failures = preparation.wait()  # one failed: report every one that did
        name = ctx.content.file.name
        targets = dict.fromkeys(placed[key].file for key in order)
        raise ContentError([
            Problem(name, where[target].where.line, where[target].where.field, failures[target])
            for target in targets if target in failures
        ])  # fmt: skip

    return {key: placed[key] for key in order}, ready
