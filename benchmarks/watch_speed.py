"""How much faster is a rebuild in `booklet build --watch` than a cold `booklet build`?

Watch mode keeps one process: the interpreter and its imports, the registered fonts and the
prepared photos (the image cache) survive from one build to the next, so a rebuild after a text
edit only reads the content again and lays it out. The target (issue 15): a rebuild at least
3x faster than a cold build of the same content, for the default booklet and for a 100-room
booklet with a photo in every room.

For each booklet this script times:

* cold: `python -m booklet build` as a whole process (median of --repeat runs, after a warm-up
  run that fills the OS file cache and Python's bytecode cache);
* rebuild: a `booklet build --watch` process is started; once it has built, a word of the first
  room's text is changed, and the time from the edit to the next "watching" line is measured
  (median of --repeat edits). That includes watchfiles' debounce (150 ms), which a person
  saving a file also waits for, so it is the time an editor really sees.

Run from the repository root:

    python benchmarks/watch_speed.py [--rooms 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import (
    DEFAULT_CONTENT,
    content_folder,
    make_photos,
    synthetic_content,
)

TARGET = 3.0
TIMEOUT_S = 600


def cold_build(content: Path, output: Path, repeat: int) -> float:
    """Median wall time of a whole `booklet build` process, after one warm-up."""
    times = []
    for run in range(repeat + 1):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "booklet", "build", str(content), "-o", str(output), "-q"],
            check=True, timeout=TIMEOUT_S,
        )  # fmt: skip
        if run:
            times.append(time.perf_counter() - started)
    return statistics.median(times)


class Watcher:
    """A `booklet build --watch` process, and the moments it reports it is watching again."""

    def __init__(self, content: Path, output: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "booklet", "build", str(content), "-o", str(output), "--watch"],
            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )  # fmt: skip
        self.ready = threading.Condition()
        self.times: list[float] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if line.startswith("watching"):
                with self.ready:
                    self.times.append(time.perf_counter())
                    self.ready.notify_all()
            elif line.startswith("error"):
                print(line, end="", file=sys.stderr)

    def wait(self, builds: int) -> float:
        with self.ready:
            if not self.ready.wait_for(lambda: len(self.times) >= builds, TIMEOUT_S):
                raise TimeoutError(f"no build {builds} within {TIMEOUT_S} s")
            return self.times[builds - 1]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(TIMEOUT_S)


def rebuilds(content: Path, output: Path, repeat: int) -> float:
    """Median time from a text edit to the end of the rebuild it triggers."""
    watcher = Watcher(content, output)
    try:
        watcher.wait(1)
        original = content.read_text(encoding="utf-8")
        times = []
        for edit in range(1, repeat + 2):
            time.sleep(0.3)  # let the watcher settle on its new inputs
            # A word of text changes, as when an editor fixes a sentence.
            changed = original.replace(" the ", f" the (edit {edit}) ", 1)
            content.write_text(changed, encoding="utf-8")
            saved = time.perf_counter()
            finished = watcher.wait(edit + 1)
            if edit > 1:  # the first rebuild warms the layout code paths
                times.append(finished - saved)
        content.write_text(original, encoding="utf-8")
        return statistics.median(times)
    finally:
        watcher.stop()


def measure(label: str, content: Path, output: Path, repeat: int) -> bool:
    cold = cold_build(content, output, repeat)
    warm = rebuilds(content, output, repeat)
    ratio = cold / warm
    verdict = "ok" if ratio >= TARGET else "MISSED"
    print(f"{label:<28} cold {cold:6.2f} s   rebuild {warm:6.2f} s   {ratio:4.1f}x   "
          f"(target {TARGET:.0f}x: {verdict})", flush=True)  # fmt: skip
    return ratio >= TARGET


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=100, help="rooms of the photo booklet")
    parser.add_argument("--repeat", type=int, default=3, help="runs per median")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    ok = True
    with tempfile.TemporaryDirectory(prefix="booklet-watch-") as folder:
        root = Path(folder)
        default = root / "default" / "content.yaml"
        default.parent.mkdir()
        default.write_text(DEFAULT_CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
        ok &= measure("default booklet", default, root / "default.pdf", args.repeat)
        base = yaml.safe_load(DEFAULT_CONTENT.read_text(encoding="utf-8"))
        photos = make_photos(root / "photos", args.rooms, pool=args.rooms, distinct=True, seed=1)
        data = synthetic_content(base, args.rooms, seed=1)
        content = content_folder(root, data, photos, f"rooms-{args.rooms}")
        label = f"{args.rooms} rooms with photos"
        ok &= measure(label, content, root / "rooms.pdf", args.repeat)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
