"""The `booklet` console script and `python -m booklet`.

Importing ReportLab and friends takes a few tenths of a second; Ctrl-C in that time should end
with the same one line as later on, not a traceback through importlib, and an interrupt that
an import swallows must still count.

An interrupted run exits through os._exit(130) once everything is cleaned up: when the
KeyboardInterrupt landed inside eval() (ReportLab evaluates colour strings), CPython remembers
it and, at shutdown, re-raises SIGINT on itself, so the exit status would randomly be 130 or
"killed by SIGINT", and SIGTERM would end as SIGINT.
"""

import logging
import os
import sys
from typing import NoReturn

from booklet import interruption
from booklet.exits import EXIT_INTERRUPTED
from booklet.interruption import INTERRUPTED


def main() -> None:
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
        raise


def _exit_now(code: int) -> NoReturn:
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
