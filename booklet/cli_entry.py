"""The `booklet` console script and `python -m booklet`.

Importing ReportLab and friends takes a few tenths of a second; Ctrl-C in that time should end
with the same one line as later on, not a traceback through importlib, and an interrupt that
an import swallows must still count.

An interrupted run exits through os._exit(130) once everything is cleaned up: when the
KeyboardInterrupt landed inside eval() (ReportLab evaluates colour strings), CPython remembers
it and, at shutdown, re-raises SIGINT on itself, so the exit status would randomly be 130 or
"killed by SIGINT", and SIGTERM would end as SIGINT.

The cyclic garbage collector runs less often than Python's default (every 700 allocations):
a build allocates millions of small objects (fragments, flowables, PDF objects) that are freed
by reference counting, and with the default the collector took ~0.1 s of a 0.7 s default
build rescanning them; at 20,000 it takes 0.025 s, with the same peak memory (see
benchmarks/README.md). Only for the whole process, not for booklet used as a library.

A finished command leaves through os._exit too, after the exit handlers and with stdout and
stderr flushed: tearing the interpreter down (freeing every module, font and PDF object one by
one, a last full collection) took ~0.07 s, a tenth of a default build, and nothing of it is
seen outside the process. Not while another thread runs (a normal exit would wait for it), nor
under a profiler or a tracer (cProfile and the like report after the program returns).
"""

import atexit
import gc
import logging
import os
import sys
import threading
from typing import NoReturn

from booklet import interruption
from booklet.exits import EXIT_INTERRUPTED
from booklet.interruption import INTERRUPTED

GC_THRESHOLDS = (20_000, 20, 50)


def main() -> None:
    gc.set_threshold(*GC_THRESHOLDS)
    interruption.install()
    try:
        from booklet.cli import main as booklet
    except KeyboardInterrupt:
        sys.stderr.write(f"{INTERRUPTED}\n")
        _exit_now(EXIT_INTERRUPTED)
    try:
        booklet()
    except SystemExit as done:
        if done.code == EXIT_INTERRUPTED:
            _exit_now(EXIT_INTERRUPTED)
        if (done.code is None or isinstance(done.code, int)) and _alone():
            _exit_finished(done.code or 0)
        raise


def _alone() -> bool:
    """No other thread, profiler or tracer still has something to do at exit."""
    return threading.active_count() == 1 and sys.getprofile() is None and sys.gettrace() is None


def _exit_finished(code: int) -> None:
    """os._exit(code) once the exit handlers (temporary folders' finalizers, logging's
    shutdown) have run and the output is flushed; returns if it cannot be (a closed pipe), so
    that the interpreter's own exit reports it as it always has."""
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _exit_now(code: int) -> NoReturn:
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
