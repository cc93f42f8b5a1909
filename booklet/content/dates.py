"""Partial dates ("1940", "1940-08", "1940-08-21"): history is rarely known to the day. And the
booklet's own date, for its PDF metadata."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from booklet.content.errors import UsageError

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[int, int, int]:
        """Order by the earliest day the date could mean."""
        return (self.year, self.month or 0, self.day or 0)


def parse_date(text: str) -> PartialDate | None:
    """The date written as YYYY, YYYY-MM or YYYY-MM-DD, or None if it is not a real date."""
    match = _DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
_EDITION_DATE = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")
_LAST_SECOND = 253402300799  # 9999-12-31 23:59:59 UTC: a PDF date has four year digits


def creation_date(edition: str, source_date_epoch: str | None) -> datetime.datetime | None:
    """When the booklet was made, for the PDF's metadata; the same for the same inputs.

    SOURCE_DATE_EPOCH (the reproducible-builds convention: seconds since 1970, UTC) when set;
    otherwise the first day the edition names ("2026" -> 2026-01-01, "2026-03" -> 2026-03-01,
    "Edición 2026" -> 2026-01-01); None when it names no year. Not the content file's time:
    a fresh checkout of the same content would give another date, so other bytes.
    Raises UsageError for a SOURCE_DATE_EPOCH that is not a whole number of seconds."""
    if source_date_epoch is not None and source_date_epoch.strip():
        text = source_date_epoch.strip()
        if not text.isdigit() or int(text) > _LAST_SECOND:
            raise UsageError(
                f"{SOURCE_DATE_EPOCH} must be a whole number of seconds since 1970-01-01 UTC, "
                f"like 1767225600; got {text[:40]!r}"
            )
        return datetime.datetime.fromtimestamp(int(text), datetime.UTC)
    for match in _EDITION_DATE.finditer(edition):
        date = parse_date(match.group(0))
        if date is not None:
            return datetime.datetime(date.year, date.month or 1, date.day or 1, tzinfo=datetime.UTC)
    return None
