"""`booklet build` as a table of contents: typeset every edition asked for, then write them.

The command has loaded the project (stage 1). Every edition is typeset (stage 2) and imposed
before any file is written, so a failure writes nothing; writing is the last step (stage 3).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from booklet import interruption
from booklet.content.errors import ContentError, Problem, UsageError
from booklet.content.inline import plain
from booklet.content.model import Content
from booklet.content.project import Project
from booklet.images import ImageCache
from booklet.layout.rendered import Rendered
from booklet.layout.typeset import megabytes, typeset
from booklet.output.names import imposed_path, output_paths
from booklet.output.pdf import check_target, write_atomically
from booklet.theme.profile import PROFILES
from booklet.words import counted

if TYPE_CHECKING:
    from booklet.output.impose import Imposed

MAX_GLYPH_WARNINGS = 10
PROGRESS = logging.getLogger("booklet.progress")
WARNINGS = logging.getLogger("booklet")


@dataclass(frozen=True)
class BuildResult:
    output: Path
    language: str
    rendered: Rendered

    @property
    def pages(self) -> int:
        return self.rendered.pages

    @property
    def pages_before_padding(self) -> int:
        return self.rendered.unpadded_pages


def build(
    project: Project,
    output: Path | None = None,
    *,
    paper: str | None = None,
    languages: list[str] | None = None,
    allow_fallback: bool = False,
    profile: str = "screen",
    impose: bool = False,
    max_size: int | None = None,
    images: ImageCache | None = None,
    every_edition: bool = False,
    allow_missing_glyphs: bool = False,
) -> list[BuildResult]:
    """Write one PDF per language (default: the content's own), each replaced only by a
    complete new file; with `impose`, also `<stem>-imposed.pdf` for saddle stitching. Where
    they go is output/names.py's rule (`output` is `-o`; `every_edition` is `--lang all`).
    Characters none of the fonts has fail the build unless `allow_missing_glyphs`."""
    started = time.perf_counter()
    check_options(profile, max_size)
    wanted: list[str | None] = [*languages] if languages else [None]
    editions = [_edition(project, language, allow_fallback) for language in wanted]
    codes = [content.language for content in editions]
    check_missing_glyphs(project, codes, allow_missing_glyphs)
    targets = output_paths(
        output, profile, codes, project.source.language, every_edition=every_edition
    )
    for content, target in zip(editions, targets, strict=True):
        check_output(target, content)
        if impose:
            check_output(imposed_path(target), content)
    with nullcontext(images) if images else ImageCache() as cache:
        rendered = [
            typeset(
                content,
                profile,
                cache,
                paper=paper,
                max_size=max_size,
                impose=impose,
            )
            for content in editions
        ]
    imposed = [_impose(r, c) if impose else None for r, c in zip(rendered, editions, strict=True)]
    for target, booklet, sheets in zip(targets, rendered, imposed, strict=True):
        interruption.stop_if_requested()
        write_atomically(booklet.pdf, target)
        size = megabytes(len(booklet.pdf))
        PROGRESS.info("wrote %s (%s, %s)", target, counted(booklet.pages, "page"), size)
        if sheets is not None:
            interruption.stop_if_requested()
            write_atomically(sheets.pdf, imposed_path(target))
            PROGRESS.info(
                "wrote %s: %s of %s; print double-sided, flip on the short edge, "
                "then fold the stack in half and staple on the fold",
                imposed_path(target), counted(sheets.sheets, "sheet"), sheets.parent.name,
            )  # fmt: skip
    PROGRESS.info("done in %.1f s", time.perf_counter() - started)
    return [BuildResult(t, r.language, r) for t, r in zip(targets, rendered, strict=True)]


def check_options(profile: str, max_size: int | None) -> None:
    """Refuse a size budget for a print file (before anything is read)."""
    if max_size and PROFILES[profile].bleed:
        raise UsageError(
            "--max-size is for the screen and email profiles: a print file keeps its 300 dpi "
            "photos whatever its size"
        )


def check_missing_glyphs(project: Project, languages: list[str], allow: bool) -> None:
    """Characters none of the booklet's fonts has would print as blank boxes: they fail the
    build unless allowed, and are then warnings. The faces a museum's family lacks (set in
    its regular) are warnings."""
    for note in project.source.theme.fonts.stand_ins():
        WARNINGS.warning("warning: %s", note)
    problems = project.glyph_problems(languages)
    if problems and not allow:
        raise ContentError(problems)
    warn_missing_glyphs(problems)


def warn_missing_glyphs(problems: Sequence[Problem]) -> None:
    """Each field with characters the fonts lack, as a warning; a few, then how many more."""
    for problem in problems[:MAX_GLYPH_WARNINGS]:
        WARNINGS.warning("warning: %s", problem)
    more = len(problems) - MAX_GLYPH_WARNINGS
    if more > 0:
        WARNINGS.warning(
            "warning: %s %s characters the fonts lack (booklet check lists them all)",
            counted(more, "more field"), "has" if more == 1 else "have",
        )  # fmt: skip


def _edition(project: Project, language: str | None, allow_fallback: bool) -> Content:
    """One language's content; untranslated texts fail the build unless allowed."""
    content = project.edition(language)
    if content.untranslated:
        if not allow_fallback:
            raise ContentError(list(content.untranslated))
        for problem in content.untranslated:
            WARNINGS.warning(
                "warning: %s (printing the %s text)", problem, content.booklet.language
            )
    return content


def _impose(rendered: Rendered, content: Content) -> Imposed:
    """Saddle-stitch spreads of the trim-size pages."""
    # pypdf adds a tenth of a second to every start and only imposition needs it.
    from booklet.output.impose import impose

    title = plain(content.booklet.title)
    return impose(rendered.trimmed or rendered.pdf, rendered.paper, title)


def check_output(output: Path, content: Content) -> None:
    """Refuse an output that is a folder, a device or a FIFO, lies under a file, or would
    overwrite an input."""
    if output.is_dir():
        raise UsageError(
            f"output {output} is a folder; give a file name like {output / 'booklet.pdf'}"
        )
    check_target(output)  # a device or a FIFO: refused before anything is laid out
    for parent in output.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"output {output}: {parent} is a file, not a folder")
            break
    target = output.resolve()
    inputs = {content.file} | {r.image.path for r in content.rooms if r.image is not None}
    if content.booklet.cover.image is not None:
        inputs.add(content.booklet.cover.image.path)
    if target in inputs:
        raise UsageError(f"output {output} would overwrite an input file")
