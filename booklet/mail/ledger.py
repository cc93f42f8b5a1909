"""What became of each message: `travelers.csv.sent`, one line per event, beside the list.

    # booklet send ledger: STATE ADDRESS TOUR, one line per event; the last line for ...
    sending ana@example.org visit=2026-08-20 edition=2026
    delivered ana@example.org visit=2026-08-20 edition=2026
    sending bob@example.org visit=none edition=2026
    unknown bob@example.org visit=none edition=2026

A line is keyed by what was sent: the address and the tour (the visit date and the booklet's
edition, or `campaign=NAME`), so the same traveler on next month's tour gets next month's
booklet; for each key the last line counts. Every line is forced to disk before the run goes on.

`sending` is written ahead, just before the last piece of a message goes to the server: from
then on the server may accept it. `delivered` follows the server's "250 OK"; `unknown` a
connection that ended (or a Ctrl-C) before the answer; `failed` an answer that refused it. A
key whose last line is `sending` or `unknown` may have been delivered: it is not sent again
unless someone asks (--resend-unknown). So no crash, not even a `kill -9` or a power cut
between the server's acceptance and our write, sends a message twice on its own; the price
is that such a message waits for a person's decision. A bare address on a line of its own (what
older versions wrote, or a person) counts as delivered for every tour.

The ledger is locked while a run uses it and read only once the lock is held, so two runs on
the same list cannot both send, and the second one never decides from a stale copy.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Literal

from booklet.content.errors import FileError, UsageError, os_reason

fcntl: ModuleType | None = None
if sys.platform != "win32":
    import fcntl

State = Literal["sending", "delivered", "unknown", "failed"]  # as written
Outcome = Literal["delivered", "unknown"]  # as read: what a run must respect
STATES: tuple[State, ...] = ("sending", "delivered", "unknown", "failed")
HEADER = (
    "# booklet send ledger: STATE ADDRESS TOUR, one line per event; the last line for an "
    "address and tour counts\n"
)
MAX_LEDGER_BYTES = 200 * 1024 * 1024


def ledger_path(travelers_file: Path) -> Path:
    return travelers_file.with_name(travelers_file.name + ".sent")


def ledger_line(state: State, address: str, tour: str) -> str:
    """One line of the ledger, without its line end (as a person would add it by hand)."""
    return f"{state} {address} {tour}"


@dataclass
class Entries:
    """The ledger as read: the state of each (address, tour), addresses delivered for every
    tour, and the lines that meant nothing (a torn write, a typo), by number."""

    states: dict[tuple[str, str], Outcome] = field(default_factory=dict)
    everywhere: set[str] = field(default_factory=set)
    ignored: list[int] = field(default_factory=list)

    def state(self, address: str, tour: str) -> Outcome | None:
        """ "delivered", "unknown", or None: not sent for this tour (or it failed)."""
        key = address.lower()
        state = self.states.get((key, tour))
        if state is None and key in self.everywhere:
            return "delivered"
        return state

    def note(self, state: State, address: str, tour: str) -> None:
        key = (address.lower(), tour)
        if state == "failed":
            self.states.pop(key, None)
        else:
            self.states[key] = "delivered" if state == "delivered" else "unknown"


def parse_ledger(text: str) -> Entries:
    """Read every line; spaces, tabs, a byte-order mark and case around an address do not
    matter."""
    entries = Entries()
    for number, raw in enumerate(text.splitlines(), 1):
        words = raw.replace("\ufeff", "").split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) == 1 and "@" in words[0]:
            entries.everywhere.add(words[0].lower())
        elif len(words) >= 3 and words[0] in STATES and "@" in words[1]:
            entries.note(STATES[STATES.index(words[0])], words[1], " ".join(words[2:]))
        else:
            entries.ignored.append(number)
    return entries


def read_ledger(path: Path) -> Entries:
    """The ledger without locking it (for a dry run, which records nothing)."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_LEDGER_BYTES)
    except FileNotFoundError:
        return Entries()
    except OSError as error:
        raise FileError(f"cannot read the ledger {path}: {os_reason(error)}") from None
    return parse_ledger(data.decode("utf-8", errors="replace"))


class LedgerError(Exception):
    """A line could not be recorded; `line` is what should have been written."""

    def __init__(self, line: str, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


class Ledger:
    """The ledger opened for appending, locked against a second run, then read; use as a
    context manager. `entries` is what it said when the lock was taken, kept up to date."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries = Entries()
        self._handle: int | None = None
        self._size = 0

    def __enter__(self) -> Ledger:
        try:
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as error:
            raise FileError(
                f"cannot write the ledger {self.path} (it records who has the booklet, beside "
                f"the list): {os_reason(error)}"
            ) from None
        try:
            if fcntl is not None:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    raise UsageError(
                        f"another `booklet send` is using {self.path}; wait for it to finish"
                    ) from None
            size = os.fstat(handle).st_size
            if size > MAX_LEDGER_BYTES:
                raise UsageError(
                    f"the ledger {self.path} is over {MAX_LEDGER_BYTES // 2**20} MB; "
                    "move it aside and list the travelers still to send in a new file"
                )
            data = _read_all(handle)
            self.entries = parse_ledger(data.decode("utf-8", errors="replace"))
            self._handle, self._size = handle, size
            # A crash mid-write can leave half a line; start ours on a line of its own.
            if not data:
                self._append(HEADER.encode("utf-8"))
            elif not data.endswith(b"\n"):
                self._append(b"\n")
        except OSError as error:
            os.close(handle)
            self._handle = None
            raise FileError(f"cannot use the ledger {self.path}: {os_reason(error)}") from None
        except BaseException:
            os.close(handle)
            self._handle = None
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._handle is not None:
            os.close(self._handle)  # closing releases the lock
            self._handle = None

    def record(self, state: State, address: str, tour: str) -> None:
        """Append one line and make sure it is on disk before going on; LedgerError if not
        (the file is cut back to its last whole line)."""
        line = ledger_line(state, address, tour)
        try:
            self._append(f"{line}\n".encode())
        except OSError as error:
            raise LedgerError(line, os_reason(error)) from None
        self.entries.note(state, address, tour)

    def _append(self, data: bytes) -> None:
        assert self._handle is not None, "use the Ledger in a with block"
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._handle, view) :]
            os.fsync(self._handle)
        except OSError:
            with contextlib.suppress(OSError):  # if not, the next run ignores a torn line
                os.ftruncate(self._handle, self._size)
            raise
        self._size += len(data)


def _read_all(handle: int) -> bytes:
    chunks = []
    os.lseek(handle, 0, os.SEEK_SET)
    while chunk := os.read(handle, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)
