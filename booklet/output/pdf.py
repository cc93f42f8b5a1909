"""Writing the PDF so a failure never leaves half a file: the consumer that puts bytes on disk."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(data: bytes, target: Path) -> None:
    """Write to a temp file beside `target`, fsync, then rename over it.

    An existing file at `target` is only ever replaced by a complete new one. If `target` is a
    symlink, the link itself is replaced, never the file it points to.
    """
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
