"""Files named by content must stay inside the content folder and be plain files."""

from __future__ import annotations

import stat
from pathlib import Path, PurePosixPath, PureWindowsPath


def resolve_content_file(base: Path, name: str) -> tuple[Path, str | None]:
    """Resolve `name` against the content folder; return (path, problem or None)."""
    if any(not c.isprintable() for c in name):
        return base / "invalid", "file name contains a control character"
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute():
        return base / "invalid", f"must be a path relative to the content folder, got '{name}'"
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        return base / "invalid", f"must not leave the content folder ('..' in '{name}')"
    try:
        root = base.resolve()
        path = (base / name).resolve()
    except (RuntimeError, OSError, ValueError):
        return base / "invalid", f"cannot be resolved (a symlink loop?): {name}"
    if not path.is_relative_to(root):
        return path, f"leads outside the content folder: {name}"
    try:
        info = path.stat()
    except FileNotFoundError:
        return path, f"file not found: {name}"
    except OSError as exc:
        return path, f"cannot read {name}: {exc.strerror}"
    if not stat.S_ISREG(info.st_mode):
        return path, f"not a regular file: {name}"
    if info.st_size == 0:
        return path, f"file is empty: {name}"
    return path, None
