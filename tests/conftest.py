"""Shared fixtures: the default booklet built once per paper, and helpers to read PDFs."""

from __future__ import annotations

import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from booklet.build import BuildResult, build
from booklet.cli import main
from booklet.content.model import Content
from booklet.content.project import load_project

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content.yaml"
ENGLISH_CONTENT = ROOT / "tests" / "data" / "english.yaml"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Build the default booklet for a paper size once per test session; return its path."""
    cache: dict[str, Path] = {}

    def get(paper: str) -> Path:
        if paper not in cache:
            out = tmp_path_factory.mktemp(f"built-{paper}") / "booklet.pdf"
            build_file(DEFAULT_CONTENT, out, paper=paper)
            cache[paper] = out
        return cache[paper]

    return get


@pytest.fixture(scope="session")
def default_pdf(built: Callable[[str], Path]) -> Path:
    return built("half-letter")


@pytest.fixture(scope="session")
def reader(default_pdf: Path) -> PdfReader:
    return PdfReader(default_pdf)


@pytest.fixture(scope="session")
def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the default content in its own folder."""
    shutil.copy(DEFAULT_CONTENT, tmp_path / "content.yaml")
    (tmp_path / "assets").mkdir()
    return tmp_path


@pytest.fixture
def english_project(tmp_path: Path) -> Path:
    """A writable copy of a frozen, English-only content file.

    Tests that edit content by its exact wording use this copy, so they keep working when the
    default content's wording or translations change.
    """
    shutil.copy(ENGLISH_CONTENT, tmp_path / "content.yaml")
    (tmp_path / "assets").mkdir()
    return tmp_path


@pytest.fixture(autouse=True)
def _no_interrupt_carried_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupt one in-process test asked for must not stop the next test's build."""
    monkeypatch.setattr("booklet.interruption._requested", False)


def build_file(content: Path, output: Path, **options: Any) -> list[BuildResult]:
    """Load `content` and build it, as `booklet build` does."""
    return build(load_project(content), output, **options)


def load_edition(content: Path, language: str | None = None) -> Content:
    """One edition of a content file (None: its own language)."""
    return load_project(content).edition(language)


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit code, stdout, stderr).

    The CLI installs its own SIGINT/SIGTERM handlers; pytest's are put back afterwards.
    """
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    return result.exit_code, result.stdout, result.stderr


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in the file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")
