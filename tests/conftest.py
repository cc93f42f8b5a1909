"""Shared fixtures: the default booklet built once per paper, and helpers to read PDFs."""

from __future__ import annotations

import gc
import logging
import shutil
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from booklet.build import BuildResult, build
from booklet.cli import main
from booklet.content.model import Content
from booklet.content.project import load_project
from booklet.images import ImageCache
from booklet.layout.typeset import typeset

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONTENT = ROOT / "content.yaml"
ENGLISH_CONTENT = ROOT / "tests" / "data" / "english.yaml"
# The least a content file must say (issue 12): a title, the museum, one room.
MINIMAL = """\
booklet:
  title: "The Mill"
museum:
  name: "Harrow Creek Mill Museum"
  address: {street: "1 Mill Lane", city: "Harrow Creek", country: "United States"}
rooms:
  - name: "The Wheel Room"
    text: "The wheel turned here."
"""


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


class _WarningRecorder(logging.Filter):
    """Sees every record logged on the "booklet" logger (filters survive the CLI replacing
    its handlers) and keeps the warnings."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())
        return True


@pytest.fixture(autouse=True)
def _recorded_warnings(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """Fail any test that logs a warning it did not ask for with `expected_warnings`."""
    recorder = _WarningRecorder()
    logger = logging.getLogger("booklet")
    logger.addFilter(recorder)
    try:
        yield recorder.messages
    finally:
        logger.removeFilter(recorder)
    if recorder.messages and "expected_warnings" not in request.fixturenames:
        pytest.fail("unexpected warnings logged:\n" + "\n".join(recorder.messages))


@pytest.fixture
def expected_warnings(_recorded_warnings: list[str]) -> list[str]:
    """The warnings this test logs (it expects some and checks them)."""
    return _recorded_warnings


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


def page_texts_of(pdf: Path) -> list[str]:
    """The text of every page, read with PDFium (a renderer's view of the page, ~15x faster
    than pypdf's extraction). A word hyphenated at a line end reads "clos-" + newline + "er",
    as pypdf gives it: PDFium marks the soft hyphen with U+FFFE."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\ufffe", "-\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


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


# -- the English content with rooms added until it needs spare pages -------------------------


def extra_room(number: int) -> str:
    return (
        f'  - id: extra-{number}\n    number: {number}\n    name: "Extra room {number}"\n'
        f'    local_name: "Sala {number}"\n    kind: room\n    pictogram: study\n'
        f'    summary: "A room added for the test."\n    text: |\n'
        f"      A short text about extra room {number}.\n"
    )


@dataclass
class Padded:
    extra: int
    result: BuildResult
    texts: list[str]


def add_rooms(project: Path, extra: int) -> Path:
    """The English content with `extra` one-page rooms added before the tips."""
    content = project / "content.yaml"
    shutil.copy(ENGLISH_CONTENT, content)
    rooms = "".join(extra_room(10 + i) for i in range(extra))
    edit(content, "\ntips:\n", f"\n{rooms}\ntips:\n")
    return content


@pytest.fixture(scope="session")
def rooms_to_spill(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], tuple[int, int]]:
    """(rooms added, pages before padding) of the English content grown to 4k + `spill` pages.

    Each added room is a page, and the contents page may grow too, so rooms are added one at a
    time, each count typeset once for the whole session (test_print, test_impose and
    test_preflight share the search)."""
    found: dict[int, tuple[int, int]] = {}
    tried: list[int] = []

    def get(spill: int) -> tuple[int, int]:
        for extra in range(9):
            if spill in found:
                break
            if extra in tried:
                continue
            tried.append(extra)
            content = add_rooms(tmp_path_factory.mktemp(f"rooms-{extra}"), extra)
            with ImageCache() as images:
                rendered = typeset(load_project(content).source, "screen", images)
            found.setdefault(rendered.pages % 4, (extra, rendered.pages))
        assert spill in found, f"no content with {spill} pages on its last sheet among {tried}"
        return found[spill]

    return get


@pytest.fixture(scope="session")
def padded(
    tmp_path_factory: pytest.TempPathFactory, rooms_to_spill: Callable[[int], tuple[int, int]]
) -> Callable[[int], Padded]:
    """A print build of the English content whose last sheet needs `spare` spare pages."""
    found: dict[int, Padded] = {}

    def get(spare: int) -> Padded:
        if spare not in found:
            extra, _ = rooms_to_spill((4 - spare) % 4)
            project = tmp_path_factory.mktemp(f"padded-{spare}")
            content = add_rooms(project, extra)
            [result] = build_file(content, project / "booklet.pdf", profile="print")
            texts = [" ".join(text.split()) for text in page_texts_of(result.output)]
            found[spare] = Padded(extra, result, texts)
        return found[spare]

    return get


# The cyclic collector at the default threshold (700) rescans the suite's many long-lived
# objects (modules, test items, fonts) over and over: as in cli_entry.GC_THRESHOLDS, collect
# less often, and freeze what collection created. ~9% of the suite's CPU, same checks.
gc.set_threshold(20_000, 20, 50)


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()
