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
READY_MS = 50  # watchfiles wakes this often when nothing changes (stop, first yield)


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
    file). `on_ready` is called each time it starts waiting for a change. Returns the number of
    builds when `stop` is set; Ctrl-C raises KeyboardInterrupt.

    The watcher listens only from a moment after a build ends. A file saved in between (or
    while the build ran, for a file the last build read too) sends no event; it is caught by
    its modification time and size, which differ from what they were before."""
    inputs = _resolved(build())
    stamps = _stamps(inputs)
    builds = 1
    while not (stop is not None and stop.is_set()):
        folders = sorted({path.parent for path in inputs if path.parent.is_dir()})
        if not folders:
            break
        changed = _wait_for_change(folders, inputs, stamps, stop, debounce_ms, on_ready)
        if not changed:
            break
        PROGRESS.info("changed: %s; rebuilding", ", ".join(sorted(p.name for p in changed)))
        before = _stamps(inputs)  # as the build is about to read them
        inputs = _resolved(build()) or inputs
        stamps = {**_stamps(inputs), **{p: s for p, s in before.items() if p in inputs}}
        builds += 1
    return builds


Stamp = tuple[int, int] | None  # modification time (ns) and size; None: the file is missing


def _stamps(paths: Iterable[Path]) -> dict[Path, Stamp]:
    return {path: _stamp(path) for path in paths}


def _stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _wait_for_change(
    folders: list[Path],
    inputs: set[Path],
    stamps: dict[Path, Stamp],
    stop: threading.Event | None,
    debounce_ms: int,
    on_ready: Callable[[], None] | None,
) -> set[Path]:
    """The inputs whose stamps changed before the watcher listened, or those in the next
    batch of file-system events (empty when stopped). `on_ready` is called first: a change
    made before the watcher listens is still seen, by its stamp."""
    if on_ready is not None:
        on_ready()
    listening = False
    for batch in watchfiles.watch(
        *folders,
        watch_filter=lambda _change, name: Path(name).resolve() in inputs,
        debounce=debounce_ms,
        step=50,
        stop_event=stop,
        rust_timeout=READY_MS,
        yield_on_timeout=True,  # the first yield says the watcher is listening
        raise_interrupt=True,
    ):
        if not listening:
            listening = True
            missed = {path for path in inputs if _stamp(path) != stamps.get(path)}
            if missed:
                return missed
        changed = {Path(name).resolve() for _change, name in batch}
        if changed:
            return changed
    return set()


def _resolved(paths: Iterable[Path]) -> set[Path]:
    return {Path(path).resolve() for path in paths}
