"""Writing the PDF so a failure never leaves half a file: the consumer that puts bytes on disk."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from booklet.content.errors import FileError, UsageError, os_reason
from booklet.output.names import OUTPUT_FOLDER

fcntl: ModuleType | None = None
if sys.platform != "win32":
    import fcntl


def write_atomically(data: bytes, target: Path) -> None:
    """Write to a temp file beside `target`, fsync, then rename over it.

    An existing file at `target` is only ever replaced by a complete new one. If `target` is a
    symlink, the link itself is replaced, never the file it points to; anything else that is
    not a regular file (a device, a FIFO) is refused. Temp files a killed run left behind for
    the same target are removed first. A failure leaves no temp file and no folder this call
    created; it raises FileError naming `target` and the reason in plain words.
    """
    check_target(target)
    created: list[Path] = []
    try:
        _make_folders(target.parent, created)
        _remove_stale_parts(target)
        _write_and_rename(data, target)
    except OSError as error:
        _remove_empty(created)
        raise FileError(f"cannot write {target}: {os_reason(error)}") from None
    except BaseException:
        _remove_empty(created)
        raise


def check_target(target: Path) -> None:
    """Refuse an output that exists and is neither a regular file nor a symlink: renaming over
    a device or a FIFO would replace it (as root, `-o /dev/null` would replace the system's)."""
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return  # absent, or unreadable: the write itself reports it
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return
    kind = (
        "a folder" if stat.S_ISDIR(mode)
        else "a character device" if stat.S_ISCHR(mode)
        else "a block device" if stat.S_ISBLK(mode)
        else "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "not a regular file"
    )  # fmt: skip
    raise UsageError(
        f"output {target} is {kind}, not a regular file; give a file name like "
        f"{OUTPUT_FOLDER / 'booklet.pdf'}"
    )


def part_pattern(target: Path) -> re.Pattern[str]:
    """The names of our temp files for `target`: `.booklet.pdf.` + mkstemp's 8 characters +
    `.part`."""
    return re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.part")


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Create `folder` and any missing parents, adding each one made to `created`."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:
            continue
        created.append(path)


def _remove_empty(folders: list[Path]) -> None:
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _write_and_rename(data: bytes, target: Path) -> None:
    handle, temp_name = _locked_temp(target)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        os.fsync(handle)
        os.fchmod(handle, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    finally:
        os.close(handle)  # releases the lock


def _locked_temp(target: Path) -> tuple[int, str]:
    """A new temp file beside `target`, locked while we write it, so that another build's
    clean-up (which only removes unlocked ones) can tell it from a killed run's leftover."""
    while True:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        if fcntl is None:
            return handle, temp_name
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if os.path.samestat(os.fstat(handle), os.stat(temp_name)):
                return handle, temp_name
        except FileNotFoundError:
            pass
        os.close(handle)  # another build's clean-up took it before we locked it: again


def _remove_stale_parts(target: Path) -> None:
    """Remove our temp files for `target` that no running build holds (a kill -9 leaves one)."""
    if fcntl is None:
        return
    pattern = part_pattern(target)
    with os.scandir(target.parent) as entries:
        stale = [
            e.path
            for e in entries
            if pattern.fullmatch(e.name) and e.is_file(follow_symlinks=False)
        ]
    for path in stale:
        try:
            handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.path.samestat(os.fstat(handle), os.lstat(path)):
                os.unlink(path)
        except OSError:
            pass  # locked (a build is writing it) or gone: leave it
        finally:
            os.close(handle)
