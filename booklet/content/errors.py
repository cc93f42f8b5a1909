"""The one error type the pipeline raises for bad content, and how it is printed.

Every problem remembers where it came from (file, line, field path) so the CLI can print
`content.yaml:42: rooms[3].image: file not found` without knowing anything about YAML.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, at one place."""

    file: str
    line: int | None
    field: str
    message: str
    column: int | None = None  # 1-based; given where it helps, as for YAML syntax errors

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.line and self.column:
            where += f":{self.column}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return printable(text)


def printable(text: str) -> str:
    """Show control, bidi and other invisible characters as \\uXXXX, so a message can never
    drive the user's terminal or hide what it says."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


class ContentError(Exception):
    """Raised with every problem found, so the user fixes them all in one round."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BudgetError(Exception):
    """The output cannot be made to fit the size asked for (exit code 1)."""


class UsageError(Exception):
    """A problem with what the user asked for on the command line (exit code 2)."""


class FileError(Exception):
    """A file booklet must read or write and cannot, for a reason outside booklet: a full disk,
    a read-only folder, a file-size limit (exit code 1). The message names the file."""


_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file would be larger than this system's file-size limit (ulimit -f)",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EIO: "input/output error (a failing disk or a removed drive?)",
    errno.EMFILE: "too many open files",
    errno.ENFILE: "too many open files",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "too many levels of symbolic links",
}


def os_reason(error: OSError) -> str:
    """An operating-system error in plain words ("the disk is full"), without the file name:
    the caller names the file the user asked for, not a temporary one."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    return printable(error.strerror or type(error).__name__).lower()
