"""The command line: parse options, call the pipeline, turn errors into one-line messages."""

from __future__ import annotations

import logging
import os
import re
import shlex
import shutil
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import click

from booklet import __version__, interruption
from booklet.cli_send import send
from booklet.content.errors import BudgetError, ContentError, Problem, UsageError, printable
from booklet.content.model import PAPERS, Content
from booklet.output.preflight import Finding
from booklet.resources import starter_dir
from booklet.theme.profile import PROFILES
from booklet.words import counted

EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_BUG = 70
EXIT_INTERRUPTED = interruption.EXIT_INTERRUPTED


def configure_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name, level in (("booklet.progress", logging.INFO), ("booklet", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.ERROR if quiet else level)


def _fail_content(error: ContentError) -> NoReturn:
    for problem in error.problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(f"{counted(len(error.problems), 'problem')} found; nothing was written.", err=True)
    sys.exit(EXIT_CONTENT)


class _Booklet(click.Group):
    """The command group, with one error surface: every failure ends as short `error:` lines.

    Content problems exit 1, usage problems 2; anything unexpected is reported in one line
    (with the traceback only under --debug) and exits 70. Ctrl-C and SIGTERM exit 130, even
    when a library turned the interrupt into another error on its way up.
    """

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


class SizeParam(click.ParamType):
    """A size in bytes written as 2MB, 1.5 MB, 800KB or 2000000."""

    name = "size"
    _UNITS: ClassVar[dict[str, int]] = {"": 1, "B": 1, "KB": 1_000, "MB": 1_000_000, "GB": 10**9}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", str(value).upper())
        if not match or match.group(2) not in self._UNITS:
            self.fail(f"expected a size like 2MB or 800KB, got {value!r}", param, ctx)
        size = int(float(match.group(1)) * self._UNITS[match.group(2)])
        if size < 50_000:
            self.fail("a booklet needs at least 50KB", param, ctx)
        return size


def _fail_interrupted() -> NoReturn:
    click.echo(interruption.INTERRUPTED, err=True)
    sys.exit(EXIT_INTERRUPTED)


@click.group(cls=_Booklet, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="booklet")
@click.option("--debug", is_flag=True, help="Show the full traceback of unexpected errors.")
def main(debug: bool) -> None:
    """Turn a content.yaml into a designed, printable visitor booklet PDF."""


@main.command(short_help="Build the booklet PDF from content.yaml.")
@click.argument("content", type=click.Path(path_type=Path), default=Path("content.yaml"))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=Path("build/booklet.pdf"),
    show_default=True,
    help="Where to write the PDF.",
)
@click.option(
    "--paper",
    type=click.Choice(PAPERS),
    default=None,
    help="Paper size (default: theme.paper in the content).",
)
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
@click.option(
    "--profile",
    type=click.Choice(sorted(PROFILES)),
    default="screen",
    show_default=True,
    help="screen: reader PDF, images ~150 dpi. print: bleed, crop marks, 300 dpi, "
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
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def build(
    content: Path,
    output: Path,
    paper: str | None,
    language: str | None,
    allow_fallback: bool,
    allow_missing_glyphs: bool,
    profile: str,
    impose: bool,
    max_size: int | None,
    quiet: bool,
) -> None:
    """Build the booklet PDF from CONTENT (default ./content.yaml; a folder means the
    content.yaml in it)."""
    from booklet.build import build as run_build
    from booklet.build import edition_languages

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
    languages = (
        edition_languages(content) if language == "all" else [language] if language else None
    )
    run_build(
        content,
        output,
        paper=paper,
        languages=languages,
        allow_fallback=allow_fallback,
        profile=profile,
        impose=impose,
        max_size=max_size,
        allow_missing_glyphs=allow_missing_glyphs,
    )


@main.command(short_help="Check content.yaml for problems, without building.")
@click.argument("content", type=click.Path(path_type=Path), default=Path("content.yaml"))
@click.option(
    "--preflight", is_flag=True, help="Also lay the booklet out for print and run the print checks."
)
@click.option("--strict", is_flag=True, help="With --preflight: warnings fail too.")
@click.option(
    "--profile",
    type=click.Choice(sorted(PROFILES)),
    default="print",
    show_default=True,
    help="With --preflight: the profile to check.",
)
@click.option(
    "--paper",
    type=click.Choice(PAPERS),
    default=None,
    help="With --preflight: paper size (default: theme.paper).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print problems only.")
def check(
    content: Path, preflight: bool, strict: bool, profile: str, paper: str | None, quiet: bool
) -> None:
    """Validate CONTENT (default ./content.yaml; a folder means the content.yaml in it)
    without building; exit 0 when it is sound."""
    from booklet.build import glyph_problems, load_content, run_preflight_all

    configure_logging(quiet)
    content = content_file(content)
    loaded = load_content(content, decode_images=True)
    if preflight:
        findings = run_preflight_all(content, profile=profile, paper=paper)
        _print_findings(findings, quiet)
        errors = sum(f.severity == "error" for f in findings)
        warnings = sum(f.severity == "warning" for f in findings)
        click.echo(
            f"preflight: {counted(errors, 'error')}, {counted(warnings, 'warning')}", err=True
        )
        if errors or (strict and warnings):
            sys.exit(EXIT_CONTENT)
    _print_fonts(loaded, quiet)
    missing = 0
    editions = [loaded] + [load_content(content, t) for t in loaded.booklet.translations]
    if not preflight:  # preflight has reported them, as errors
        glyphs = glyph_problems(content, editions)
        missing += len(glyphs)
        if glyphs:
            fields = counted(len(glyphs), "field")
            click.echo(f"{fields} with characters none of the booklet's fonts has:", err=True)
            for problem in glyphs:
                click.echo(f"  {problem}", err=True)
    for edition in editions:
        language = edition.language
        untranslated = edition.untranslated
        missing += len(untranslated)
        if untranslated:
            texts = counted(len(untranslated), "text")
            click.echo(f"'{language}' edition: {texts} without a translation:", err=True)
            for problem in untranslated:
                click.echo(f"  {problem}", err=True)
        spoken = edition.untranslated_read_aloud
        if spoken and not quiet:
            texts = counted(len(spoken), "alt text")
            click.echo(
                f"'{language}' edition: {texts} without a translation, "
                "read aloud by screen readers (not printed):",
                err=True,
            )
            for problem in spoken:
                click.echo(f"  {problem}", err=True)
    if missing:
        sys.exit(EXIT_CONTENT)
    if not quiet:
        museum = loaded.museum
        marked = sorted(museum.verify | loaded.practical.verify)
        codes = ", ".join([loaded.language, *loaded.booklet.translations])
        rooms = counted(len(loaded.rooms), "room")
        click.echo(f"{content}: OK ({rooms}; editions: {codes})", err=True)
        if marked:
            click.echo(f"note: confirm before printing: {', '.join(marked)}", err=True)


def _print_fonts(content: Content, quiet: bool) -> None:
    """What each of the museum's fonts covers, and the faces that stand in for others."""
    from booklet.content.font_files import FontSetReport
    from booklet.content.fonts import font_report

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


main.add_command(send)


@main.command(short_help="Start a new booklet: a sample content.yaml and its assets.")
@click.argument("directory", type=click.Path(path_type=Path))
def init(directory: Path) -> None:
    """Write a starter project (content.yaml and its assets) into DIRECTORY."""
    source = starter_dir()
    target_content = directory / "content.yaml"
    if target_content.exists():
        click.echo(f"error: {target_content} already exists; not overwriting it", err=True)
        sys.exit(EXIT_USAGE)
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "content.yaml", target_content)
    images = source / "assets" / "images"
    if images.is_dir():
        shutil.copytree(images, directory / "assets" / "images", dirs_exist_ok=True)
    here = directory.resolve() == Path.cwd().resolve()
    command = "booklet build" if here else f"cd {shlex.quote(str(directory))} && booklet build"
    click.echo(f"wrote {target_content}; now run: {command}", err=True)


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
