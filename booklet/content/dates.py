"""Partial dates ("1940", "1940-08", "1940-08-21"): history is rarely known to the day."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

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
