"""Starting a booklet: `booklet init` writes a project, `booklet schema` describes content.yaml.

Both only write or print what the content declaration says; the heavy parts of booklet (the
layout, ReportLab) are never imported here.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import click

from booklet.exits import EXIT_USAGE
from booklet.resources import starter_dir, templates_dir

TEMPLATES = ("sample", "blank")


@click.command(short_help="Start a new booklet: a content.yaml to fill in, or the sample.")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option(
    "--template",
    type=click.Choice(TEMPLATES),
    default="sample",
    show_default=True,
    help="sample: the Trotsky house booklet, every section filled in. blank: a short, "
    "commented content.yaml for a new museum (title, museum, two rooms; the optional "
    "sections commented out).",
)
def init(directory: Path, template: str) -> None:
    """Write a starter project into DIRECTORY: content.yaml, the content.schema.json editors
    use to complete and check it, and (for the sample) its assets."""
    from booklet.content.schema import SCHEMA_FILE, schema_text

    target_content = directory / "content.yaml"
    if target_content.exists():
        click.echo(f"error: {target_content} already exists; not overwriting it", err=True)
        sys.exit(EXIT_USAGE)
    directory.mkdir(parents=True, exist_ok=True)
    if template == "blank":
        shutil.copyfile(templates_dir() / "blank.yaml", target_content)
    else:
        source = starter_dir()
        shutil.copyfile(source / "content.yaml", target_content)
        images = source / "assets" / "images"
        if images.is_dir():
            shutil.copytree(images, directory / "assets" / "images", dirs_exist_ok=True)
    (directory / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
    here = directory.resolve() == Path.cwd().resolve()
    command = "booklet build" if here else f"cd {shlex.quote(str(directory))} && booklet build"
    click.echo(f"wrote {target_content}; now run: {command}", err=True)


@click.command(short_help="Print the JSON Schema of content.yaml (or its field reference).")
@click.option(
    "--markdown", is_flag=True, help="Print the field reference (as in the README) instead."
)
def schema(markdown: bool) -> None:
    """Print the JSON Schema (draft 2020-12) that content.yaml follows, generated from the
    same declaration that validates it. Editors with the YAML language server use it through
    the `# yaml-language-server: $schema=...` line at the top of a content file."""
    if markdown:
        from booklet.content.reference import field_reference

        click.echo(field_reference(), nl=False)
    else:
        from booklet.content.schema import schema_text

        click.echo(schema_text(), nl=False)
