"""The command line: parse options, call the pipeline, turn errors into one-line messages."""

from __future__ import annotations

import importlib
import logging
import os
import re
import shlex
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

import click

from booklet import __version__, interruption
from booklet.cli_common import (
    SizeParam,
    configure_logging,
    content_argument,
    paper_option,
    profile_option,
    quiet_option,
)
from booklet.content.errors import (
    BudgetError,
    ContentError,
    FileError,
    Problem,
    UsageError,
    os_reason,
    printable,
)
from booklet.exits import EXIT_BUG, EXIT_CONTENT, EXIT_INTERRUPTED, EXIT_USAGE
from booklet.words import counted

if TYPE_CHECKING:
    from booklet.build import BuildResult
    from booklet.content.model import Content
    from booklet.content.project import Project
    from booklet.images import ImageCache
    from booklet.layout.rendered import Rendered
    from booklet.output.preflight import Finding
    from booklet.output.preview import PageMark

MAX_PROBLEMS_SHOWN = 50

PROGRESS = logging.getLogger("booklet.progress")


def _fail_content(error: ContentError) -> NoReturn:
    _show_content(error, "nothing was written.")
    sys.exit(EXIT_CONTENT)


def _show_content(error: ContentError, outcome: str) -> None:
    """The first MAX_PROBLEMS_SHOWN problems and a count: 100,000 bad rows of a traveler list
    should not be 100,000 lines."""
    for problem in error.problems[:MAX_PROBLEMS_SHOWN]:
        click.echo(f"error: {problem}", err=True)
    count = len(error.problems)
    if count > MAX_PROBLEMS_SHOWN:
        hidden = counted(count - MAX_PROBLEMS_SHOWN, "more problem")
        click.echo(f"... and {hidden} not shown", err=True)
    click.echo(f"{counted(count, 'problem')} found; {outcome}", err=True)


class _Booklet(click.Group):
    """The command group, with one error surface: every failure ends as short `error:` lines.

    Content problems exit 1, usage problems 2; anything unexpected is reported in one line
    (with the traceback only under --debug) and exits 70. Ctrl-C and SIGTERM exit 130, even
    when a library turned the interrupt into another error on its way up.

    The commands of other modules are imported when named (or listed, as by --help): a build
    does not import the mail and project-starting commands (~5 ms)."""

    ELSEWHERE: ClassVar[dict[str, str]] = {
        "init": "booklet.cli_init",
        "schema": "booklet.cli_init",
        "send": "booklet.cli_send",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.ELSEWHERE})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.ELSEWHERE and cmd_name not in self.commands:
            module = importlib.import_module(self.ELSEWHERE[cmd_name])
            self.add_command(getattr(module, cmd_name))
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        """Click's own main, except that Ctrl-C anywhere (parsing options, at a prompt) ends
        with our one line and 130 rather than click's "Aborted!" and 1."""
        if not standalone_mode:
            return super().main(args, standalone_mode=False, **extra)
        interruption.install()
        try:
            interruption.stop_if_requested()
            code = super().main(args, standalone_mode=False, **extra)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except click.Abort as error:
            if interruption.requested() or isinstance(error.__cause__, KeyboardInterrupt):
                _fail_interrupted()
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            _fail_interrupted()
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContentError as error:
            _fail_content(error)
        except UsageError as error:
            click.echo(f"error: {printable(str(error))}", err=True)
            sys.exit(EXIT_USAGE)
        except BudgetError as error:
            click.echo(f"error: {printable(str(error))}; nothing was written.", err=True)
            sys.exit(EXIT_CONTENT)
        except FileError as error:
            click.echo(f"error: {printable(str(error))}", err=True)
            sys.exit(EXIT_CONTENT)
        except OSError as error:
            if interruption.requested():
                _fail_interrupted()
            # An ordinary I/O failure (a full disk, a read-only folder), not a bug of ours.
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"error: {printable(where + os_reason(error))}", err=True)
            sys.exit(EXIT_CONTENT)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _fail_interrupted()
        except Exception as error:
            if interruption.requested():
                _fail_interrupted()
            if ctx.params.get("debug") or os.environ.get("BOOKLET_DEBUG"):
                traceback.print_exc()
            summary = printable(f"{type(error).__name__}: {error}")[:300]
            click.echo(f"error: unexpected failure: {summary}", err=True)
            click.echo(
                "error: run with `booklet --debug ...` for details; nothing was written.", err=True
            )
            sys.exit(EXIT_BUG)


def _fail_interrupted() -> NoReturn:
    click.echo(interruption.INTERRUPTED, err=True)
    sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Booklet, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="booklet")
@click.option("--debug", is_flag=True, help="Show the full traceback of unexpected errors.")
def main(debug: bool) -> None:
    """Turn a content.yaml into a designed, printable visitor booklet PDF."""


@main.command(short_help="Build the booklet PDF from content.yaml.")
@content_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    metavar="PATH",
    help="The PDF's file name; with --lang all, a folder or a pattern with {lang} such as "
    "guide-{lang}.pdf (default: booklet-out/booklet[-PROFILE][-LANG].pdf).",
)
@paper_option()
@click.option(
    "--lang",
    "language",
    default=None,
    metavar="CODE|all",
    help="Edition to build: a language code such as es, or 'all' for every edition "
    "(default: the content's own language).",
)
@click.option(
    "--allow-fallback",
    is_flag=True,
    help="Build even if texts are untranslated, printing the original text (with a warning).",
)
@click.option(
    "--allow-missing-glyphs",
    is_flag=True,
    help="Build even if some characters are in none of the booklet's fonts (they print as "
    "blank boxes; each is a warning).",
)
@profile_option(
    "screen",
    "screen: reader PDF, images ~150 dpi. print: bleed, crop marks, 300 dpi, "
    "padded to whole sheets.",
)
@click.option(
    "--impose",
    is_flag=True,
    help="Also write OUT-imposed.pdf: pages two-up on the parent sheet for saddle stitching.",
)
@click.option(
    "--max-size",
    type=SizeParam(),
    default=None,
    metavar="SIZE",
    help="Largest PDF allowed, e.g. 2MB or 800KB (default for --profile email: 2MB); "
    "photos are stepped down to fit.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Build, then build again whenever content.yaml, a photo, a label table or a font "
    "changes (Ctrl-C stops).",
)
@click.option("--open", "open_", is_flag=True, help="Open the PDF in the system's viewer.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON summary (problems, pages, sizes) on stdout.",
)
@quiet_option()
def build(
    content: Path,
    output: Path | None,
    paper: str | None,
    language: str | None,
    allow_fallback: bool,
    allow_missing_glyphs: bool,
    profile: str,
    impose: bool,
    max_size: int | None,
    watch: bool,
    open_: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Build the booklet PDF from CONTENT (default ./content.yaml; a folder means the
    content.yaml in it)."""
    from booklet.build import build as run_build
    from booklet.build import check_options
    from booklet.content.project import load_project

    configure_logging(quiet)
    content = content_file(content)
    if (
        language is not None
        and language != "all"
        and not re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", language)
    ):
        raise click.BadParameter(
            "expected a language code like es or es-MX, or 'all'", param_hint="--lang"
        )
    check_options(profile, max_size)
    if watch and as_json:
        raise click.UsageError("--json and --watch do not go together")

    def build_project(project: Project, images: ImageCache | None = None) -> list[BuildResult]:
        languages = project.languages if language == "all" else [language] if language else None
        return run_build(
            project, output, paper=paper, languages=languages, allow_fallback=allow_fallback,
            profile=profile, impose=impose, max_size=max_size, images=images,
            every_edition=language == "all",
            allow_missing_glyphs=allow_missing_glyphs,
        )  # fmt: skip

    if watch:
        _watch_builds(content, build_project, open_)
    elif as_json:
        _build_json(content, build_project)
    else:
        PROGRESS.info("reading %s", content)
        results = build_project(load_project(content))
        if open_:
            click.launch(str(results[0].output))


def _watch_builds(
    content: Path,
    build_project: Callable[[Project, ImageCache], list[BuildResult]],
    open_: bool,
) -> None:
    """Build now and after every change to what the build read, in one process: the fonts
    stay registered and prepared photos stay in one cache, so a rebuild after a text edit
    skips the start-up and the photos. A broken edit is reported and the last good PDF stays."""
    from booklet.content.project import load_project, project_inputs
    from booklet.images import ImageCache
    from booklet.watch import watch

    inputs: set[Path] = {content}
    opened = False

    def build_once() -> set[Path]:
        nonlocal inputs, opened
        try:
            project = load_project(content)
            inputs = project_inputs(project)
            results = build_project(project, images)
        except ContentError as error:
            _show_content(error, "the last good PDF stays in place.")
        except (UsageError, BudgetError, FileError) as error:
            click.echo(f"error: {printable(str(error))}", err=True)
        else:
            if open_ and not opened:
                click.launch(str(results[0].output))
                opened = True
        return inputs

    def listening() -> None:
        PROGRESS.info("watching %s for changes; Ctrl-C stops", counted(len(inputs), "file"))

    with ImageCache() as images:
        try:
            watch(build_once, on_ready=listening)
        except KeyboardInterrupt:
            click.echo("stopped watching.", err=True)
            sys.exit(EXIT_INTERRUPTED)


def _build_json(content: Path, build_project: Callable[[Project], list[BuildResult]]) -> None:
    """One build, its problems and results as a JSON document on stdout (exit codes as usual)."""
    import time

    from booklet.cli_report import Report, WarningCollector
    from booklet.content.project import load_project

    report = Report("build", content)
    collector = WarningCollector(report)
    logger = logging.getLogger("booklet")
    logger.addHandler(collector)
    started = time.perf_counter()
    try:
        results = build_project(load_project(content))
    except ContentError as error:
        report.add_problems(error.problems, "error", "content")
        click.echo(report.document(ok=False))
        _fail_content(error)
    finally:
        logger.removeHandler(collector)
    report.extra["seconds"] = round(time.perf_counter() - started, 3)
    report.extra["outputs"] = [
        {
            "path": str(result.output),
            "language": result.language,
            "profile": result.rendered.profile.name,
            "paper": result.rendered.paper,
            "pages": result.pages,
            "bytes": len(result.rendered.pdf),
        }
        for result in results
    ]
    click.echo(report.document(ok=True))


@main.command(short_help="Check content.yaml for problems, without building.")
@content_argument
@click.option(
    "--preflight", is_flag=True, help="Also lay the booklet out for print and run the print checks."
)
@click.option("--strict", is_flag=True, help="With --preflight: warnings fail too.")
@profile_option("print", "With --preflight: the profile to check.")
@paper_option("With --preflight: paper size (default: theme.paper).")
@quiet_option("Print problems only.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Also print every problem as one JSON document on stdout.",
)
def check(
    content: Path,
    preflight: bool,
    strict: bool,
    profile: str,
    paper: str | None,
    quiet: bool,
    as_json: bool,
) -> None:
    """Validate CONTENT (default ./content.yaml; a folder means the content.yaml in it)
    without building; exit 0 when it is sound."""
    from booklet.cli_report import Report
    from booklet.content.plan_checks import plan_warnings
    from booklet.content.project import load_project

    configure_logging(quiet)
    content = content_file(content)
    report = Report("check", content)

    def finish(ok: bool) -> None:
        if as_json:
            click.echo(report.document(ok))
        if not ok:
            sys.exit(EXIT_CONTENT)

    try:
        project = load_project(content, decode_images=True)
    except ContentError as error:
        report.add_problems(error.problems, "error", "content")
        if as_json:
            click.echo(report.document(ok=False))
        raise
    if not preflight:  # preflight reports them as findings
        report.add_problems(project.missing_glyphs, "error", "glyphs")
    if preflight:
        findings = _preflight(project, profile, paper)
        _print_findings(findings, quiet)
        report.add_findings(findings)
        errors = sum(f.severity == "error" for f in findings)
        warnings = sum(f.severity == "warning" for f in findings)
        click.echo(
            f"preflight: {counted(errors, 'error')}, {counted(warnings, 'warning')}", err=True
        )
        if errors or (strict and warnings):
            finish(ok=False)
    _print_fonts(project.source, quiet)
    missing = 0
    if not preflight:  # preflight has reported them, as errors
        glyphs = project.missing_glyphs
        missing += len(glyphs)
        if glyphs:
            fields = counted(len(glyphs), "field")
            click.echo(f"{fields} with characters none of the booklet's fonts has:", err=True)
            for problem in glyphs:
                click.echo(f"  {problem}", err=True)
    for language, edition in project.editions.items():
        untranslated = edition.untranslated
        missing += len(untranslated)
        report.add_problems(untranslated, "error", "translation")
        if untranslated:
            texts = counted(len(untranslated), "text")
            click.echo(f"'{language}' edition: {texts} without a translation:", err=True)
            for problem in untranslated:
                click.echo(f"  {problem}", err=True)
        spoken = edition.untranslated_read_aloud
        report.add_problems(spoken, "info", "translation (read aloud)")
        if spoken and not quiet:
            texts = counted(len(spoken), "alt text")
            click.echo(
                f"'{language}' edition: {texts} without a translation, "
                "read aloud by screen readers (not printed):",
                err=True,
            )
            for problem in spoken:
                click.echo(f"  {problem}", err=True)
    loaded = project.source
    report.extra["editions"] = project.languages
    report.extra["rooms"] = len(loaded.rooms)
    report.extra["verify"] = sorted(loaded.museum.verify | loaded.practical.verify)
    if missing:
        finish(ok=False)
    plan_problems = plan_warnings(project.source)
    for problem in plan_problems:
        click.echo(f"warning: {problem}", err=True)
    report.add_problems(plan_problems, "warning", "plan")
    if not quiet:
        marked = report.extra["verify"]
        editions = ", ".join(project.languages)
        rooms = counted(len(loaded.rooms), "room")
        click.echo(f"{content}: OK ({rooms}; editions: {editions})", err=True)
        if marked:
            click.echo(f"note: confirm before printing: {', '.join(marked)}", err=True)
    finish(ok=True)


def _preflight(project: Project, profile: str, paper: str | None) -> list[Finding]:
    """Lay every edition out as it would be printed (nothing is written) and check it."""
    from booklet.images import ImageCache
    from booklet.layout.typeset import typeset
    from booklet.output.preflight import preflight

    with ImageCache() as images:
        rendered = {
            language: typeset(edition, profile, images, paper=paper, preflight=True)
            for language, edition in project.editions.items()
        }
    return preflight(project, rendered)


def _print_fonts(content: Content, quiet: bool) -> None:
    """What each of the museum's fonts covers, and the faces that stand in for others."""
    from booklet.theme.font_files import FontSetReport, font_report

    choice = content.theme.fonts
    if not choice:
        return
    report = font_report(choice)
    if not quiet:
        for field, face in report.faces.items():
            click.echo(f"font: theme.fonts.{field}: {printable(face.summary())}", err=True)
    faces = FontSetReport({k: v for k, v in report.faces.items() if not k.startswith("fallback")})
    for note in [*choice.stand_ins(), *faces.gaps()]:
        click.echo(f"warning: {note}", err=True)


def _print_findings(findings: list[Finding], quiet: bool) -> None:
    """A readable table: severity, check, where, what."""
    shown = [f for f in findings if not (quiet and f.severity == "info")]
    if not shown:
        return
    widths = [max(len(getattr(f, name)) for f in shown) for name in ("severity", "check")]
    for f in shown:
        click.echo(
            printable(f"{f.severity:<{widths[0]}}  {f.check:<{widths[1]}}  {f.where}: {f.message}"),
            err=True,
        )


@main.command(short_help="Render pages to PNG, or a contact sheet of all pages.")
@content_argument
@click.option("--pages", default=None, metavar="LIST", help="Pages to render, e.g. 1-4,9.")
@click.option(
    "--scale",
    type=float,
    default=1.5,
    show_default=True,
    help="Pixels per point (1.5 is about 108 dpi).",
)
@click.option(
    "--sheet",
    is_flag=True,
    help="Also write one contact sheet of all pages as spreads, with the layout report's "
    "findings marked on their pages.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for the PNG files (default: booklet-out/preview).",
)
@click.option(
    "--lang", "language", default=None, metavar="CODE", help="Edition (default: the content's)."
)
@paper_option()
@profile_option("screen", "The profile to lay out.")
@quiet_option()
def preview(
    content: Path,
    pages: str | None,
    scale: float,
    sheet: bool,
    output: Path | None,
    language: str | None,
    paper: str | None,
    profile: str,
    quiet: bool,
) -> None:
    """Lay CONTENT out in memory and write PNG pages (and with --sheet a contact sheet) into
    a folder; no PDF is written."""
    from booklet.content.project import load_project
    from booklet.images import ImageCache
    from booklet.layout.typeset import typeset
    from booklet.output.names import OUTPUT_FOLDER
    from booklet.output.preview import write_previews

    configure_logging(quiet)
    content = content_file(content)
    project = load_project(content)
    edition = project.edition(language)
    if edition.untranslated and language is not None:
        raise ContentError(list(edition.untranslated))
    with ImageCache() as images:
        rendered = typeset(edition, profile, images, paper=paper, preflight=sheet)
    marks = _page_marks(project, rendered) if sheet else None
    stem = (
        "booklet" if edition.language == project.source.language else f"booklet-{edition.language}"
    )
    output = output or OUTPUT_FOLDER / "preview"
    written = write_previews(
        rendered.pdf, output, stem, pages=pages, scale=scale, sheet=sheet, marks=marks
    )
    PROGRESS.info("wrote %s in %s", counted(len(written), "PNG file"), output)


def _page_marks(project: Project, rendered: Rendered) -> dict[int, list[PageMark]]:
    """Preflight's errors and warnings that name a page, by page: the marks on the contact
    sheet."""
    from booklet.output.preflight import preflight
    from booklet.output.preview import PageMark

    marks: dict[int, list[PageMark]] = {}
    for finding in preflight(project, {rendered.language: rendered}):
        if finding.severity == "info":
            continue  # page counts and the like: nothing to look at on a page
        for page in finding_pages(finding):
            marks.setdefault(page, []).append(PageMark(finding.severity, finding.check))
    return marks


def finding_pages(finding: Finding) -> list[int]:
    """The pages a finding names ("page 7", "pages 3 and 4", "pages 3-5")."""
    text = f"{finding.where} {finding.message}"
    pages: list[int] = []
    for match in re.finditer(r"\bpages? (\d+)(?:\s*(?:-|–|and|to)\s*(\d+))?", text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        pages.extend(range(first, min(last, first + 50) + 1))
    return pages


def content_file(content: Path) -> Path:
    """The content file a command reads: CONTENT itself, or the content.yaml in the folder
    CONTENT names. A missing content.yaml says how to start one."""
    if content.is_dir():
        content = content / "content.yaml"
    if content.name == "content.yaml" and not content.exists():
        folder = shlex.quote(str(content.parent))
        problem = f"file not found; to start a new booklet, run: booklet init {folder}"
        raise ContentError([Problem(str(content), None, "", problem)])
    return content
