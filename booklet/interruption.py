"""A stop request (Ctrl-C, SIGTERM) that cannot get lost.

Python raises a signal as KeyboardInterrupt wherever the program happens to be. ReportLab has
bare `except:` clauses (its colour parser, for one) that catch it and raise a ValueError
instead, or carry on as if nothing happened. So the request is also remembered: the CLI reports
any failure after a request as an interruption, and the build checks before writing each file.
"""

import signal

from booklet.exits import EXIT_INTERRUPTED

__all__ = ["EXIT_INTERRUPTED", "INTERRUPTED", "install", "requested", "stop_if_requested"]
INTERRUPTED = "error: interrupted; nothing was written."

_requested = False


def install() -> None:
    """Route SIGINT and SIGTERM through `_request`, so both are remembered."""
    signal.signal(signal.SIGINT, _request)
    signal.signal(signal.SIGTERM, _request)


def requested() -> bool:
    return _requested


def stop_if_requested() -> None:
    """Raise KeyboardInterrupt again if a request was swallowed somewhere below us."""
    if _requested:
        raise KeyboardInterrupt


def _request(_signum: int, _frame: object) -> None:
    global _requested
    _requested = True
    raise KeyboardInterrupt
