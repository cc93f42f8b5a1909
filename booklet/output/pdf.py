"""PDF metadata from the content, and writing the file so a failure never leaves half a PDF."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from booklet import __version__
from booklet.content.inline import plain
from booklet.content.model import Content


def pdf_metadata(content: Content) -> dict[str, str | bool]:
    info = content.booklet
    title = plain(info.title)
    return {
        "title": f"{title} — {plain(content.museum.name)}",
        "author": ", ".join(info.authors) or plain(content.museum.name),
        "subject": plain(info.subtitle),
        "keywords": ", ".join(plain(k) for k in info.keywords),
        "creator": f"booklet {__version__}",
        "lang": content.language,
        "displayDocTitle": True,
    }


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
