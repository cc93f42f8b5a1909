"""The pipeline in one place: load -> validate -> prepare images -> lay out -> render -> write."""

from __future__ import annotations

import logging
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from booklet import interruption
from booklet.content.errors import BudgetError, ContentError, Problem, UsageError, printable
from booklet.content.inline import plain
from booklet.content.model import Content, Image, read_content
from booklet.content.photos import inspect_image
from booklet.content.source import MAX_INPUT_BYTES, load_source, read_bounded
from booklet.images import plan_job, run_jobs
from booklet.layout.context import LayoutContext, PlacedImage
from booklet.layout.labels import label_languages, load_labels
from booklet.layout.render import Rendered, render
from booklet.layout.sections.cover import title_overflow
from booklet.layout.sections.rooms import place_photo
from booklet.output.pdf import pdf_metadata, write_atomically
from booklet.output.preflight import Finding, check_glyphs, preflight
from booklet.theme import make_theme
from booklet.theme.fonts import register_fonts
from booklet.theme.profile import EMAIL_STEPS, PROFILES

if TYPE_CHECKING:
    from booklet.output.impose import Imposed

MAX_GLYPH_WARNINGS = 10
PROGRESS = logging.getLogger("booklet.progress")
WARNINGS = logging.getLogger("booklet")


@dataclass(frozen=True)
class BuildResult:
    output: Path
    pages: int
    seconds: float
    language: str
    pages_before_padding: int
    rendered: Rendered


def load_content(path: Path, language: str | None = None, decode_images: bool = False) -> Content:
    """Read and validate a content file and the images it names; raise ContentError if unsound.

    An edition in a language booklet has no fixed words for ("Contents", month names) counts
    as untranslated: it would print them in English."""
    root = load_source(read_bounded(path, MAX_INPUT_BYTES), path.name)
    content = read_content(root, path.resolve(), language, decode_images)
    known = label_languages()
    if content.language not in known:
        where = content.booklet.language_lines.get(content.language)
        own = content.language == content.booklet.language
        problem = Problem(
            path.name, where, "booklet.language" if own else "booklet.translations",
            f"booklet has no '{content.language}' table of fixed words (Contents, month names, "
            f"...); it has {', '.join(known)}",
        )  # fmt: skip
        content = replace(content, untranslated=(problem, *content.untranslated))
    return content


def edition_languages(content_file: Path) -> list[str]:
    """The content's own language first, then every language it is translated into."""
    content = load_content(content_file)
    return [content.language, *(t for t in content.booklet.translations if t != content.language)]


def edition_output(output: Path, language: str, source_language: str) -> Path:
    """`build/booklet.pdf` for the content's own language, `build/booklet-es.pdf` for others."""
    if language == source_language:
        return output
    return output.with_name(f"{output.stem}-{language}{output.suffix}")


def build(
    content_file: Path,
    output: Path,
    *,
    paper: str | None = None,
    languages: list[str] | None = None,
    allow_fallback: bool = False,
    profile: str = "screen",
    impose: bool = False,
    max_size: int | None = None,
) -> list[BuildResult]:
    """Build one PDF per language (default: the content's own); every edition is validated
    before any file is written, and each output is replaced only by a complete new file.
    With `impose`, each edition also gets `<stem>-imposed.pdf` for saddle stitching."""
    started = time.perf_counter()
    if max_size and PROFILES[profile].bleed:
        raise UsageError(
            "--max-size is for the screen and email profiles: a print file keeps its 300 dpi "
            "photos whatever its size"
        )
    PROGRESS.info("reading %s", content_file)
    wanted: list[str | None] = list(languages) if languages else [None]
    editions = [_edition(content_file, language, allow_fallback) for language in wanted]
    _warn_missing_glyphs(content_file, editions[0])
    source_language = editions[0].booklet.language
    targets = [edition_output(output, c.language, source_language) for c in editions]
    for content, target in zip(editions, targets, strict=True):
        _check_output(target, content)
        if impose:
            _check_output(imposed_output(target), content)
    # Lay every edition out before writing any file, so a failure writes nothing.
    made = []
    for content, target in zip(editions, targets, strict=True):
        if paper:
            content = replace(content, theme=replace(content.theme, paper=paper))
        made.append(_render_edition(content, target, profile, impose, max_size))
    for result, imposed in made:
        interruption.stop_if_requested()
        write_atomically(result.rendered.pdf, result.output)
        PROGRESS.info(
            "wrote %s (%d pages, %s)", result.output, result.pages,
            _megabytes(len(result.rendered.pdf)),
        )  # fmt: skip
        if imposed is not None:
            interruption.stop_if_requested()
            write_atomically(imposed.pdf, imposed_output(result.output))
            PROGRESS.info(
                "wrote %s: %d sheets of %s; print double-sided, flip on the short edge, "
                "then fold the stack in half and staple on the fold",
                imposed_output(result.output), imposed.sheets, imposed.parent.name,
            )  # fmt: skip
    PROGRESS.info("done in %.1f s", time.perf_counter() - started)
    return [result for result, _ in made]


def imposed_output(output: Path) -> Path:
    return output.with_name(f"{output.stem}-imposed{output.suffix}")


def _warn_missing_glyphs(content_file: Path, content: Content) -> None:
    """Characters the bundled fonts cannot draw print as blank boxes: say where they are, once
    for the whole file (`check --preflight` reports them as errors)."""
    register_fonts()
    root = load_source(content_file.read_bytes(), content_file.name)
    glyphs = check_glyphs(root, content)
    for finding in glyphs[:MAX_GLYPH_WARNINGS]:
        WARNINGS.warning("warning: %s", printable(f"{finding.where}: {finding.message}"))
    if len(glyphs) > MAX_GLYPH_WARNINGS:
        WARNINGS.warning(
            "warning: %d more fields have characters the fonts lack (booklet check --preflight "
            "lists them all)", len(glyphs) - MAX_GLYPH_WARNINGS,
        )  # fmt: skip


def _edition(content_file: Path, language: str | None, allow_fallback: bool) -> Content:
    """Load one language's content; untranslated texts fail the build unless allowed."""
    content = load_content(content_file, language)
    if content.untranslated:
        if not allow_fallback:
            raise ContentError(list(content.untranslated))
        for problem in content.untranslated:
            WARNINGS.warning(
                "warning: %s (printing the %s text)", problem, content.booklet.language
            )
    return content


def _render_edition(
    content: Content, output: Path, profile: str, impose: bool, max_size: int | None
) -> tuple[BuildResult, Imposed | None]:
    """Lay one edition out (and impose it); nothing is written here."""
    started = time.perf_counter()
    theme = make_theme(content.theme.paper, content.theme.palette, content.language, profile)
    ctx = LayoutContext(content, theme, load_labels(content.language))
    _check_cover_title(ctx)
    budget = max_size or theme.profile.max_bytes
    with tempfile.TemporaryDirectory(prefix="booklet-") as work_dir:
        PROGRESS.info(
            "laying out the '%s' edition: %d rooms on %s paper (%s)",
            content.language, len(content.rooms), theme.paper.name, theme.profile.name,
        )  # fmt: skip
        rendered, unpadded = _lay_out(
            ctx, Path(work_dir), pad=theme.profile.pad_to_signature or impose
        )
        if rendered.pages > unpadded:
            PROGRESS.info(
                "'%s' edition: added %d spare pages before the back cover to fill the last sheet",
                content.language, rendered.pages - unpadded,
            )  # fmt: skip
        if budget and len(rendered.pdf) > budget:
            rendered = _fit_budget(ctx, Path(work_dir), budget, impose, rendered)
        imposed = None
        if impose:
            # pypdf adds a tenth of a second to every start and only imposition needs it.
            from booklet.output.impose import impose as impose_pages

            trimmed = rendered
            if ctx.theme.bleed:
                # Imposition places trim-size pages; lay the same booklet out without bleed.
                flat = replace(ctx.theme, profile=replace(ctx.theme.profile, bleed=False))
                trimmed = render(replace(ctx, theme=flat), pdf_metadata(content))
            imposed = impose_pages(trimmed.pdf, theme.paper.name, plain(content.booklet.title))
    seconds = time.perf_counter() - started
    PROGRESS.info("laid out in %.1f s", seconds)
    result = BuildResult(output, rendered.pages, seconds, content.language, unpadded, rendered)
    return result, imposed


def _check_cover_title(ctx: LayoutContext) -> None:
    """A title that would run into the cover art even at its smallest is refused, not printed
    over the drawing (preflight reports the same as a finding)."""
    overflow = title_overflow(ctx)
    if overflow:
        content = ctx.content
        field = (
            "title" if content.language == content.booklet.language else "title." + content.language
        )
        raise ContentError([Problem(
            content.file.name, content.booklet.field_lines.get("title"), f"booklet.{field}",
            f"the title block is {overflow:.0f} pt too tall for the {ctx.theme.paper.name} "
            "cover even with the title at its smallest; shorten the title or subtitle",
        )])  # fmt: skip


def _lay_out(ctx: LayoutContext, work_dir: Path, pad: bool) -> tuple[Rendered, int]:
    """Prepare images and lay out; with `pad`, fill the last sheet with spare pages.
    Returns the rendering and the page count before padding."""
    _prepare_images(ctx, work_dir)
    rendered = render(ctx, pdf_metadata(ctx.content))
    unpadded = rendered.pages
    ctx.padding_pages, ctx.notes_only = 0, False
    if pad and rendered.pages % 4:
        ctx.padding_pages = 4 - rendered.pages % 4
        rendered = render(ctx, pdf_metadata(ctx.content))
        if rendered.pages % 4:  # a spare page ran long: use one-page notes pages instead
            ctx.notes_only = True
            rendered = render(ctx, pdf_metadata(ctx.content))
    return rendered, unpadded


def _fit_budget(
    ctx: LayoutContext, work_dir: Path, budget: int, impose: bool, rendered: Rendered
) -> Rendered:
    """Step photo resolution and JPEG quality down from `rendered` (the first try, over
    budget) until the PDF fits `budget` bytes."""
    profile = ctx.theme.profile
    if not ctx.images:
        raise BudgetError(
            f"the PDF is over the budget of {_precise(budget)} without any photos; "
            "text, fonts and drawings alone take more: raise --max-size"
        )
    PROGRESS.info(
        "over budget with photos at %d dpi, quality %d: %s (budget %s); stepping down",
        profile.dpi, profile.jpeg_quality, _precise(len(rendered.pdf)), _precise(budget),
    )  # fmt: skip
    for dpi, quality in EMAIL_STEPS:
        if dpi > profile.dpi or (dpi, quality) >= (profile.dpi, profile.jpeg_quality):
            continue  # only settings below the one that was just too big
        ctx.theme = replace(ctx.theme, profile=replace(profile, dpi=dpi, jpeg_quality=quality))
        ctx.images.clear()
        rendered, _ = _lay_out(ctx, work_dir, pad=profile.pad_to_signature or impose)
        PROGRESS.info(
            "photos at %d dpi, quality %d: %s (budget %s)",
            dpi, quality, _precise(len(rendered.pdf)), _precise(budget),
        )  # fmt: skip
        if len(rendered.pdf) <= budget:
            return rendered
    images = sum(placed.file.stat().st_size for placed in ctx.images.values())
    rest = len(rendered.pdf) - images
    advice = "raise --max-size" if rest >= budget else "use fewer photos or raise --max-size"
    raise BudgetError(
        f"the PDF is {_precise(len(rendered.pdf))} even with photos at the floor of "
        f"{EMAIL_STEPS[-1][0]} dpi, quality {EMAIL_STEPS[-1][1]}; budget {_precise(budget)}. "
        f"{len(ctx.images)} photos take {_precise(images)}, text, fonts and drawings the rest "
        f"({_precise(rest)}): {advice}"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def _precise(size: int) -> str:
    """Sizes compared with a budget: 151.3 KB over 150.0 KB, not 0.15 MB over 0.15 MB."""
    return _megabytes(size) if size >= 1_000_000 else f"{size / 1000:.1f} KB"


def _prepare_images(ctx: LayoutContext, work_dir: Path) -> None:
    """Downsample every room photo to its placed size at the target DPI, in parallel."""
    red, green, blue = (round(c * 255) for c in ctx.theme.palette.paper.rgb())
    background = (red, green, blue)
    jobs = []
    where: dict[Path, Image] = {}
    for room in ctx.content.rooms:
        if room.image is None:
            continue
        info = inspect_image(room.image.path)
        # copy-fit: the photo's size is decided with the room's text (layout/fit.py).
        size = place_photo(ctx, room, (info.width, info.height))
        job, placed_w, placed_h = plan_job(
            room.image.path,
            info,
            size.width,
            size.height + 0.01,  # the box is the photo's own shape: width decides
            ctx.theme.profile.dpi,
            work_dir,
            background,
            ctx.theme.profile.jpeg_quality,
        )
        jobs.append(job)
        where.setdefault(job.target, room.image)
        ctx.images[room.id] = PlacedImage(job.target, placed_w, placed_h)
    if jobs:
        PROGRESS.info("preparing %d images", len(jobs))
        failures = run_jobs(jobs)
        if failures:
            name = ctx.content.file.name
            raise ContentError(
                [
                    Problem(name, where[target].where.line, where[target].where.field, message)
                    for target, message in failures.items()
                ]
            )


def _check_output(output: Path, content: Content) -> None:
    if output.is_dir():
        raise UsageError(f"output {output} is a folder; give a file name like build/booklet.pdf")
    for parent in output.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"output {output}: {parent} is a file, not a folder")
            break
    target = output.resolve()
    inputs = {content.file} | {r.image.path for r in content.rooms if r.image is not None}
    if target in inputs:
        raise UsageError(f"output {output} would overwrite an input file")


def run_preflight_all(
    content_file: Path, *, profile: str = "print", paper: str | None = None
) -> list[Finding]:
    """Preflight every edition; findings of a translated edition name it, e.g. "[es] pages"."""
    languages = edition_languages(content_file)
    findings: list[Finding] = []
    for language in languages:
        for finding in run_preflight(content_file, profile=profile, language=language, paper=paper):
            if finding in findings:
                continue  # content checks read the whole file: same finding in every edition
            if language != languages[0]:
                finding = replace(finding, check=f"[{language}] {finding.check}")
            findings.append(finding)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order[f.severity])


def run_preflight(
    content_file: Path,
    *,
    profile: str = "print",
    language: str | None = None,
    paper: str | None = None,
) -> list[Finding]:
    """Lay the booklet out as it would be printed (nothing is written) and check it."""
    content = load_content(content_file, language, decode_images=True)
    if paper:
        content = replace(content, theme=replace(content.theme, paper=paper))
    root = load_source(content_file.read_bytes(), content_file.name)
    theme = make_theme(content.theme.paper, content.theme.palette, content.language, profile)
    ctx = LayoutContext(content, theme, load_labels(content.language))
    with tempfile.TemporaryDirectory(prefix="booklet-") as work_dir:
        rendered, unpadded = _lay_out(ctx, Path(work_dir), pad=theme.profile.pad_to_signature)
        return preflight(root, ctx, rendered, unpadded)
