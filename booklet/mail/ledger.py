"""Who already has the booklet: `travelers.csv.sent`, one delivered address per line.

A line is appended and forced to disk right after the server accepts each message, so a run
that crashes or is interrupted can simply be run again: it sends only to the rest. (A crash in
the instant between the server's "250 OK" and the write can still mean one duplicate; SMTP
offers no way to close that gap.) While a run is sending it holds a lock on the ledger, so two
runs on the same list cannot both send.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

from booklet.content.errors import UsageError

if sys.platform != "win32":
    import fcntl


def ledger_path(travelers_file: Path) -> Path:
    return travelers_file.with_name(travelers_file.name + ".sent")


def read_ledger(path: Path) -> set[str]:
    """The addresses already delivered, lowercased (the ledger compares without case)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return set()
    except OSError as error:
        raise UsageError(f"cannot read the ledger {path}: {error.strerror}") from None
    return {line.strip().lower() for line in text.splitlines() if line.strip()}


class Ledger:
    """The ledger opened for appending, locked against a second run; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: BinaryIO | None = None

    def __enter__(self) -> Ledger:
        try:
            stream = self.path.open("a+b")
        except OSError as error:
            raise UsageError(
                f"cannot write the ledger {self.path} (it records who has the booklet, beside "
                f"the list): {error.strerror}"
            ) from None
        if sys.platform != "win32":
            try:
                fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                stream.close()
                raise UsageError(
                    f"another `booklet send` is using {self.path}; wait for it to finish"
                ) from None
        # A crash mid-write can leave half a line; start ours on a line of its own.
        if stream.seek(0, os.SEEK_END) > 0:
            stream.seek(-1, os.SEEK_END)
            if stream.read(1) != b"\n":
                stream.write(b"\n")
        self._stream = stream
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._stream is not None:
            self._stream.close()  # closing releases the lock
            self._stream = None

    def record(self, address: str) -> None:
        """Append one delivered address and make sure it is on disk before going on."""
        assert self._stream is not None, "use the Ledger in a with block"
        self._stream.write(address.encode("utf-8") + b"\n")
        self._stream.flush()
        os.fsync(self._stream.fileno())
