"""The shape of the pipeline: each command reads the content once, stages import only earlier
stages, `--help` stays light, and the image cache prepares a photo once per size."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from booklet.content.project import load_project
from booklet.images import ImageCache
from booklet.layout.typeset import typeset
from tests.conftest import ROOT, run_cli

TINY = ROOT / "tests" / "data" / "tiny.yaml"

# Foundations may be imported by any stage; a stage imports only foundations and earlier stages.
FOUNDATIONS = (
    "labels",
    "locales",
    "theme",
    "content.errors",
    "words",
    "resources",
    "exits",
    "interruption",
)
STAGES = {
    "content": 1,  # load: read, validate, untranslated texts, glyph coverage
    "layout": 2,  # typeset
    "images": 2,
    "output": 3,  # consumers: write, impose, preflight
    "mail": 3,
    "build": 4,  # the commands
    "cli": 4,
    "cli_send": 4,
    "cli_init": 4,
    "cli_common": 4,
    "cli_entry": 4,
    "cli_report": 4,
    "watch": 4,
    "__main__": 4,
    "__init__": 4,
}


def _stage(module: str) -> int:
    """0 for a foundation, else the pipeline stage of `booklet.<module>`."""
    if module.startswith(FOUNDATIONS):
        return 0
    return STAGES[module.split(".")[0]]


def _imports() -> Iterator[tuple[str, str]]:
    """(importer, imported) for every `booklet.*` import in the package, lazy ones included."""
    package = ROOT / "booklet"
    for path in package.rglob("*.py"):
        if "starter" in path.parts:
            continue
        module = ".".join(path.relative_to(package).with_suffix("").parts)
        module = module.removesuffix(".__init__") if module != "__init__" else module
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("booklet."):
                yield module, node.module.removeprefix("booklet.")  # type: ignore[union-attr]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("booklet."):
                        yield module, alias.name.removeprefix("booklet.")


def test_no_stage_imports_a_later_one() -> None:
    backwards = [
        f"{importer} (stage {_stage(importer)}) imports {imported} (stage {_stage(imported)})"
        for importer, imported in _imports()
        if _stage(imported) > _stage(importer)
    ]
    assert backwards == []


def test_foundations_import_no_stage() -> None:
    found = [(a, b) for a, b in _imports() if _stage(a) == 0 and _stage(b) != 0]
    assert found == []


def test_the_commands_import_no_circle() -> None:
    """cli.py adds cli_send's command; cli_send must not import cli back."""
    assert ("cli_send", "cli") not in set(_imports())


def test_help_imports_neither_reportlab_nor_the_pipeline() -> None:
    script = (
        "import sys\n"
        "from booklet.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PIL', 'yaml')"
        " or m.startswith(('booklet.layout', 'booklet.content.model', 'booklet.output')))\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert "HEAVY []" in done.stdout


# -- one read per command ---------------------------------------------------------------------


@pytest.fixture
def reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every opening of the project's content.yaml, counted by an audit hook."""
    shutil.copy(TINY, tmp_path / "content.yaml")
    (tmp_path / "t.csv").write_text(
        "name,email,language\nAna,ana@example.org,es\nBob,bob@example.org,\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    target = str((tmp_path / "content.yaml").resolve())
    seen: list[str] = []
    _READS.append((target, seen))
    yield seen
    _READS.remove((target, seen))


_READS: list[tuple[str, list[str]]] = []


def _count_reads(event: str, args: tuple[object, ...]) -> None:
    if event != "open" or not _READS or not isinstance(args[0], str | bytes | os.PathLike):
        return
    opened = os.path.realpath(os.fsdecode(args[0]))  # type: ignore[arg-type]
    for target, seen in _READS:
        if opened == target:
            seen.append(opened)


sys.addaudithook(_count_reads)


@pytest.mark.parametrize(
    "command",
    [
        ["build", "-q"],
        ["build", "-q", "--lang", "all", "--profile", "print", "--impose"],
        ["check", "-q"],
        ["check", "-q", "--preflight"],
        [
            "send",
            "-q",
            "--to",
            "t.csv",
            "--from",
            "visits@museum.example",
            "--dry-run",
            "out",
            "--personalise",
        ],
    ],
    ids=" ".join,
)
def test_each_command_reads_the_content_once(reads: list[str], command: list[str]) -> None:
    code, _, err = run_cli(*command)
    assert code == 0, err
    assert len(reads) == 1


def test_a_missing_edition_is_reported_without_reading_again(reads: list[str]) -> None:
    code, _, err = run_cli("build", "-q", "--lang", "fr")
    assert code == 1
    assert "content.yaml:7: booklet.translations: the content has no 'fr' edition (en, es)" in err
    assert len(reads) == 1


# -- load_project and typeset -----------------------------------------------------------------


def test_load_project_validates_every_edition_up_front() -> None:
    project = load_project(TINY)
    assert project.languages == ["en", "es"]
    assert project.source.booklet.title == "A Small House"
    assert project.editions["es"].booklet.title == "Una casa pequeña"
    assert all(not edition.untranslated for edition in project.editions.values())
    assert project.missing_glyphs == ()


def test_typeset_returns_what_the_consumers_need() -> None:
    project = load_project(TINY)
    with ImageCache() as images:
        rendered = typeset(project.editions["es"], "print", images, impose=True)
    assert rendered.pdf.startswith(b"%PDF") and rendered.language == "es"
    assert rendered.pages % 4 == 0 and rendered.unpadded_pages <= rendered.pages
    # The page of each destination, in document order (tiny's two short rooms share a page).
    keys = list(rendered.key_pages)
    assert keys.index("room-study") < keys.index("room-garden")
    assert 0 < rendered.key_pages["room-study"] <= rendered.key_pages["room-garden"]
    assert rendered.positions["cover.band"][3] > 0
    assert rendered.trimmed is not None and rendered.trimmed != rendered.pdf


def test_the_image_cache_prepares_a_photo_once_per_size(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    text = TINY.read_text(encoding="utf-8").replace(
        "    pictogram: study\n",
        "    pictogram: study\n    image: {file: photo.jpg, alt: The desk}\n",
    )
    (folder / "content.yaml").write_text(text, encoding="utf-8")
    Image.new("RGB", (1200, 900), (120, 80, 40)).save(folder / "photo.jpg")
    project = load_project(folder / "content.yaml")
    with ImageCache(tmp_path / "cache") as images:
        first = typeset(project.source, "screen", images)
        prepared = {p: p.stat().st_mtime_ns for p in images.folder.iterdir()}
        again = typeset(project.editions["es"], "screen", images)
        assert {p: p.stat().st_mtime_ns for p in images.folder.iterdir()} == prepared
        typeset(project.source, "print", images)
        assert len(list(images.folder.iterdir())) == 2  # 150 and 300 dpi
    assert len(prepared) == 1
    assert first.images["study"].file == again.images["study"].file
