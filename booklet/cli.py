"""The command line: parse options, call the pipeline, turn errors into one-line messages."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import click

from booklet import __version__
from booklet.content.errors import ContentError, UsageError
from booklet.content.model import PAPERS
from booklet.resources import starter_dir

EXIT_CONTENT = 1
EXIT_USAGE = 2


def _configure_logging(quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name, level in (("booklet.progress", logging.INFO), ("booklet", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.ERROR if quiet else level)


def _fail_content(error: ContentError) -> None:
    for problem in error.problems:
        click.echo(f"error: {problem}", err=True)
    count = len(error.problems)
    click.echo(f"{count} problem{'s' * (count != 1)} found; nothing was written.", err=True)
    sys.exit(EXIT_CONTENT)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="booklet")
def main() -> None:
    """Turn a content.yaml into a designed, printable visitor booklet PDF."""


@main.command()
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
@click.option("-q", "--quiet", is_flag=True, help="No progress messages.")
def build(content: Path, output: Path, paper: str | None, quiet: bool) -> None:
    """Build the booklet PDF from CONTENT (default ./content.yaml)."""
    from booklet.build import build as run_build

    _configure_logging(quiet)
    try:
        run_build(content, output, paper=paper)
    except ContentError as error:
        _fail_content(error)
    except UsageError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_USAGE)


@main.command()
@click.argument("content", type=click.Path(path_type=Path), default=Path("content.yaml"))
@click.option("-q", "--quiet", is_flag=True, help="Print problems only.")
def check(content: Path, quiet: bool) -> None:
    """Validate CONTENT without building; exit 0 when it is sound."""
    from booklet.build import load_content

    _configure_logging(quiet)
    try:
        loaded = load_content(content)
    except ContentError as error:
        _fail_content(error)
        return
    if not quiet:
        museum = loaded.museum
        marked = sorted(museum.verify | loaded.practical.verify)
        click.echo(f"{content}: OK ({len(loaded.rooms)} rooms)", err=True)
        if marked:
            click.echo(f"note: confirm before printing: {', '.join(marked)}", err=True)


@main.command()
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
    click.echo(f"wrote {target_content}; now run: cd {directory} && booklet build", err=True)
