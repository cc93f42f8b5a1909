"""Times of day as staff write them: "10:00", "17:30", "10 AM", "10:00 a.m.", "10 h 30".

Whatever the input, the booklet prints times the way the edition's locale writes them; this
module only reads them.
"""

from __future__ import annotations

import datetime
import re

_TIME = re.compile(
    r"(?P<hour>\d{1,2})"
    r"(?:\s*(?:[:.]|h\s*)(?P<minute>\d{2})|\s*(?P<hours>h))?"
    r"(?:\s*(?P<half>[ap])\.?\s*m\.?)?",
    re.IGNORECASE,
)


def parse_time(text: str) -> datetime.time | None:
    """The time written in `text`, or None if it is not one.

    24-hour ("09:30", "17:00", "10 h 30"), or 12-hour with AM/PM in any common spelling
    ("10 AM", "10:00 a.m.", "5pm"); 12 AM is midnight and 12 PM noon."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    elif match["minute"] is None and not match["hours"]:
        return None  # a bare "10" could be anything
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)
