"""Rebuild on change: watch the files a build read and run the build again when one changes.

The folders holding the inputs are watched, not the files themselves: editors save by writing a
new file and renaming it over the old one, which a watch on the old file would miss. Only
changes to files the last build read (or could read: a label table appearing beside the content)
trigger a rebuild, so a PDF written next to content.yaml does not rebuild itself forever.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchfiles

PROGRESS = logging.getLogger("booklet.progress")
DEBOUNCE_MS = 150


def watch(
    build: Callable[[], Iterable[Path]],
    *,
    stop: threading.Event | None = None,
    debounce_ms: int = DEBOUNCE_MS,
    on_ready: Callable[[], None] | None = None,
) -> int:
    """Run `build` now and again after each change to a file it reports having read.

    `build` returns the paths it read (the content file, label tables, fonts, photos) and
    handles its own failures (a failed build still returns what to watch, at least the content
    file). Returns the number of builds when `stop` is set; Ctrl-C raises KeyboardInterrupt.
    """
    inputs = _resolved(build())
    builds = 1
    while not (stop is not None and stop.is_set()):
        folders = sorted({path.parent for path in inputs if path.parent.is_dir()})
        if not folders:
            break
        if on_ready is not None:
            on_ready()
        changed = _wait_for_change(folders, inputs, stop, debounce_ms)
        if not changed:
            break
        PROGRESS.info("changed: %s; rebuilding", ", ".join(sorted(p.name for p in changed)))
        inputs = _resolved(build()) or inputs
        builds += 1
    return builds


def _wait_for_change(
    folders: list[Path], inputs: set[Path], stop: threading.Event | None, debounce_ms: int
) -> set[Path]:
    """The inputs that changed in the next batch of file-system events (empty when stopped)."""
    for batch in watchfiles.watch(
        *folders,
        watch_filter=lambda _change, name: Path(name).resolve() in inputs,
        debounce=debounce_ms,
        step=50,
        stop_event=stop,
        rust_timeout=500,
        yield_on_timeout=False,
        raise_interrupt=True,
    ):
        changed = {Path(name).resolve() for _change, name in batch}
        if changed:
            return changed
    return set()


def _resolved(paths: Iterable[Path]) -> set[Path]:
    return {Path(path).resolve() for path in paths}
