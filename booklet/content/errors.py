"""The one error type the pipeline raises for bad content, and how it is printed.

Every problem remembers where it came from (file, line, field path) so the CLI can print
`content.yaml:42: rooms[3].image: file not found` without knowing anything about YAML.
"""

from __future__ import annotations

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
