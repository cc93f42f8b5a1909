"""Machine-readable results: `check --json` and `build --json` print one JSON document on stdout.

Editors and CI read the same problems a person reads on stderr, as records: file, line, column,
field, message, severity and which check found it. Human messages keep going to stderr, so
`booklet check --json > report.json` still shows them.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from booklet import __version__
from booklet.content.errors import Problem

if TYPE_CHECKING:
    from booklet.output.preflight import Finding

REPORT_VERSION = 1
SEVERITIES = ("error", "warning", "info")
# "content.yaml:12:4: rooms[0].image.file: message", every part after the file optional.
_LOCATED = re.compile(
    r"(?P<file>[^\s:]+?)(?::(?P<line>\d+))?(?::(?P<column>\d+))?"
    r"(?:: (?P<field>[A-Za-z_][\w.\[\]-]*)(?=: ))?(?:: (?P<message>.*))?",
    re.S,
)


@dataclass
class Report:
    """What one command found, gathered as it runs, written once at the end."""

    command: str
    content: Path
    problems: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def add_problems(self, problems: Iterable[Problem], severity: str, check: str) -> None:
        for problem in problems:
            column = getattr(problem, "column", None)
            where = (problem.file, problem.line, column, problem.field)
            self.problems.append(_record(*where, problem.message, severity, check))

    def add_findings(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            record = _parsed(finding.where, finding.message, finding.severity, finding.check)
            self.problems.append(record)

    def add_message(self, text: str, severity: str, check: str) -> None:
        """A line as it was printed ("warning: content.yaml:3: field: ...")."""
        text = text.removeprefix(f"{severity}: ")
        self.problems.append(_parsed(text, None, severity, check))

    def document(self, ok: bool) -> str:
        counts = {s: sum(p["severity"] == s for p in self.problems) for s in SEVERITIES}
        body = {
            "report": REPORT_VERSION,
            "booklet": __version__,
            "command": self.command,
            "content": str(self.content),
            "ok": ok,
            "counts": counts,
            "problems": self.problems,
            **self.extra,
        }
        return json.dumps(body, ensure_ascii=False, indent=2)


class WarningCollector(logging.Handler):
    """Every warning the pipeline logs (logger "booklet"), kept for the report."""

    def __init__(self, report: Report) -> None:
        super().__init__(logging.WARNING)
        self.report = report

    def emit(self, record: logging.LogRecord) -> None:
        severity = "error" if record.levelno >= logging.ERROR else "warning"
        self.report.add_message(record.getMessage(), severity, "build")


def _parsed(where: str, message: str | None, severity: str, check: str) -> dict[str, Any]:
    match = _LOCATED.fullmatch(where.strip())
    if match is None or (message is None and match["message"] is None):
        return _record(None, None, None, "", message or where, severity, check)
    line = int(match["line"]) if match["line"] else None
    column = int(match["column"]) if match["column"] else None
    text = message if message is not None else match["message"]
    if message is not None and match["message"]:
        text = f"{match['message']}: {message}"  # "where" held more than a location
    return _record(match["file"], line, column, match["field"] or "", text, severity, check)


def _record(
    file: str | None,
    line: int | None,
    column: int | None,
    field_path: str,
    message: str,
    severity: str,
    check: str,
) -> dict[str, Any]:
    return {
        "file": file,
        "line": line,
        "column": column,
        "field": field_path,
        "message": message,
        "severity": severity,
        "check": check,
    }
