"""Watch mode: a change to a file the build read runs the build again; other files do not."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from booklet.watch import watch

TIMEOUT = 10.0


class Recorder:
    """A stand-in build that records each run and reports the files it read."""

    def __init__(self, inputs: list[Path]) -> None:
        self.inputs = inputs
        self.runs = 0
        self.readies = 0
        self.ran = threading.Condition()

    def build(self) -> list[Path]:
        with self.ran:
            self.runs += 1
            self.ran.notify_all()
        return self.inputs

    def ready(self) -> None:
        with self.ran:
            self.readies += 1
            self.ran.notify_all()

    def wait_for(self, runs: int) -> bool:
        with self.ran:
            return self.ran.wait_for(lambda: self.runs >= runs, timeout=TIMEOUT)

    def wait_ready(self, readies: int) -> None:
        """Until the watcher waits for the `readies`-th time (a change made from then on is
        seen even before watchfiles listens: see watch._wait_for_change)."""
        with self.ran:
            assert self.ran.wait_for(lambda: self.readies >= readies, timeout=TIMEOUT)


def _start(recorder: Recorder) -> tuple[threading.Thread, threading.Event, list[int]]:
    stop = threading.Event()
    result: list[int] = []

    def run() -> None:
        result.append(watch(recorder.build, stop=stop, debounce_ms=50, on_ready=recorder.ready))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    recorder.wait_ready(1)
    return thread, stop, result


def test_a_change_to_an_input_rebuilds(tmp_path: Path) -> None:
    content = tmp_path / "content.yaml"
    photo = tmp_path / "assets" / "room.jpg"
    photo.parent.mkdir()
    content.write_text("a: 1\n")
    photo.write_bytes(b"jpeg")
    recorder = Recorder([content, photo])
    thread, stop, result = _start(recorder)
    content.write_text("a: 2\n")
    assert recorder.wait_for(2)
    recorder.wait_ready(2)
    photo.write_bytes(b"jpeg, edited")
    assert recorder.wait_for(3)
    stop.set()
    thread.join(TIMEOUT)
    assert result == [3]


def test_a_file_saved_before_the_watcher_listens_is_not_missed(tmp_path: Path) -> None:
    # An editor saving while a rebuild runs, after the build read the file: the watcher only
    # listens once the build is over, so no event comes; the file's modification time and
    # size still say it changed, and it is built again.
    content = tmp_path / "content.yaml"
    content.write_text("a: 1\n")
    recorder = Recorder([content])
    build = recorder.build

    def build_then_save() -> list[Path]:
        inputs = build()
        if recorder.runs == 2:
            content.write_text("a: 333\n")
        return inputs

    recorder.build = build_then_save  # type: ignore[method-assign]
    thread, stop, result = _start(recorder)
    content.write_text("a: 2\n")
    assert recorder.wait_for(3)
    stop.set()
    thread.join(TIMEOUT)
    assert result == [3]


def test_an_editor_that_saves_by_renaming_is_seen(tmp_path: Path) -> None:
    content = tmp_path / "content.yaml"
    content.write_text("a: 1\n")
    recorder = Recorder([content])
    thread, stop, _ = _start(recorder)
    swap = tmp_path / ".content.yaml.swp"
    swap.write_text("a: 2\n")
    swap.replace(content)
    assert recorder.wait_for(2)
    stop.set()
    thread.join(TIMEOUT)


def test_other_files_do_not_rebuild(tmp_path: Path) -> None:
    content = tmp_path / "content.yaml"
    content.write_text("a: 1\n")
    recorder = Recorder([content])
    thread, stop, result = _start(recorder)
    (tmp_path / "booklet.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.txt").write_text("x")
    time.sleep(0.6)
    stop.set()
    thread.join(TIMEOUT)
    assert result == [1]


def test_a_rebuild_in_the_same_process_gives_the_bytes_of_a_cold_build(tmp_path: Path) -> None:
    """Watch mode rebuilds in one process, with the photo cache and fonts of the last build:
    nothing a layout leaves behind changes the next one. Each edition is one layout pass."""
    from booklet.build import build
    from booklet.content.project import load_project
    from booklet.images import ImageCache
    from tests.conftest import ROOT

    content = ROOT / "tests" / "data" / "tiny.yaml"
    cold = build(load_project(content), tmp_path / "cold", languages=["en", "es"])
    with ImageCache() as images:
        for attempt in ("first", "second"):
            warm = build(load_project(content), tmp_path / attempt, languages=["en", "es"],
                         images=images)  # fmt: skip
            assert [r.rendered.passes for r in warm] == [1, 1]
            assert [r.rendered.pdf for r in warm] == [r.rendered.pdf for r in cold]
