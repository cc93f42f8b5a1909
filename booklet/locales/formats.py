"""Dates, times, numbers and lists as an edition's locale writes them (CLDR through Babel).

One `Formats` per edition serves the timeline, the body and the email alike, so an edition never
writes "May 24, 1940" in one place and "24 May 1940" in another. Everything returned is ready to
print: CLDR's narrow and thin spaces become no-break spaces (ReportLab would break a line at
them), and a range dash is set tight, "10–17 Apr 1937".
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable
from typing import Literal, Protocol

from babel import Locale
from babel.dates import (
    format_interval,
    format_skeleton,
    format_time,
    get_month_names,
    get_time_format,
)
from babel.lists import format_list
from babel.numbers import format_decimal

from booklet.locales.codes import babel_locale


class PartialDate(Protocol):
    """A date known to the year, the month or the day (content/dates.py makes them; a
    datetime.date is one known to the day)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...


ListStyle = Literal["standard", "or"]
NO_BREAK = "\u00a0"
_THIN, _NARROW = "\u2009", "\u202f"

# Languages whose orthography ends an abbreviation with a period where CLDR writes none: the
# Real Academia Española writes "ago.", "sept.", CLDR's Spanish data "ago", "sept".
_PERIOD_AFTER_ABBREVIATION = frozenset({"es"})

# CLDR skeletons by precision: the long forms for running text and email, the short ones for
# the timeline's narrow column.
_SKELETONS = {
    (False, "day"): "yMMMMd",
    (False, "month"): "yMMMM",
    (True, "day"): "yMMMd",
    (True, "month"): "yMMM",
    (False, "year"): "y",
    (True, "year"): "y",
}


class Formats:
    """How one edition writes the things the program formats (not the staff's own texts)."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.locale: Locale = babel_locale(code)

    @property
    def twelve_hour(self) -> bool:
        """Whether the locale's short time is on a 12-hour clock ("5:00 PM")."""
        return "h" in get_time_format("short", locale=self.locale).pattern.replace("'h'", "")

    def date(self, date: PartialDate, short: bool = False) -> str:
        """A date at the precision it is known: "May 24, 1940", "May 1940" or "1940"."""
        precision = _precision(date)
        text = format_skeleton(_SKELETONS[short, precision], _day(date), locale=self.locale)
        if short and not any(c.isalpha() for c in text) and precision != "year":
            # Some locales abbreviate to figures ("7/11/1879" in pt-PT): a reader of a
            # timeline should not have to decode day and month, so write the month out.
            text = format_skeleton(_SKELETONS[False, precision], _day(date), locale=self.locale)
        return printable(self._abbreviations(text) if short else text)

    def date_range(
        self, start: PartialDate, end: PartialDate | None,
        short: bool = False,
    ) -> str:  # fmt: skip
        """ "10–17 Apr 1937", "Jun–Aug 1940", "1929–1933": the locale says what to repeat."""
        if end is None:
            return self.date(start, short)
        first, last = start, end
        precision = _precision(first)
        if precision != _precision(last):
            # "19 Dec 1936 – Jan 1937": each end at its own precision. Ends of several words
            # take a spaced dash, kept on the line of the first end.
            return f"{self.date(first, short)}{NO_BREAK}– {self.date(last, short)}"
        skeleton = _SKELETONS[short, precision]
        text = format_interval(_day(first), _day(last), skeleton, locale=self.locale)
        return printable(self._abbreviations(text) if short else text)

    def time(self, time: datetime.time) -> str:
        """ "10:00 AM" in en-US, "10:00" in en-GB, "10 h 00" in fr-CA."""
        return printable(format_time(time, "short", locale=self.locale))

    def time_range(self, start: datetime.time, end: datetime.time) -> str:
        """Opening hours: "10:00 AM–5:00 PM", "10:00–17:00 Uhr"."""
        return printable(format_interval(start, end, self._clock(), locale=self.locale))

    def number(self, value: float) -> str:
        """ "12,345.5" in English, "12 345,5" in French."""
        return printable(format_decimal(value, locale=self.locale))

    def join(self, items: Iterable[str], style: ListStyle = "standard") -> str:
        """ "a, b, and c" in en-US, "a, b y c" in Spanish; `style` "or" for alternatives."""
        return printable(format_list(list(items), style=style, locale=self.locale))

    def _abbreviations(self, text: str) -> str:
        """ "20 ago 1940" → "20 ago. 1940" where the language's orthography wants the period."""
        if self.locale.language not in _PERIOD_AFTER_ABBREVIATION:
            return text
        return _abbreviated_months(self.locale).sub(lambda m: m.group(0) + ".", text)

    def _clock(self) -> str:
        return "hm" if self.twelve_hour else "Hm"


@functools.cache
def formats_for(code: str) -> Formats:
    """The (cached) formats of an edition code such as "fr" or "en-GB"."""
    return Formats(code)


@functools.cache
def _abbreviated_months(locale: Locale) -> re.Pattern[str]:
    """Whole-word abbreviated month names (those shorter than the full name), not already
    followed by a period."""
    wide = get_month_names("wide", locale=locale)
    short = get_month_names("abbreviated", locale=locale)
    names = sorted({short[m] for m in short if short[m] != wide[m]}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?![\w.])")


def printable(text: str) -> str:
    """CLDR's spacing made safe for ReportLab, which treats U+2009 and U+202F as breakable.

    A range dash loses its thin spaces (set tight, as in "10–17"), every other narrow or thin
    space becomes a no-break space, so "5:00 PM" never splits over two lines."""
    text = text.replace(f"{_THIN}–{_THIN}", "–")
    return text.replace(_THIN, NO_BREAK).replace(_NARROW, NO_BREAK)


def _precision(date: PartialDate) -> str:
    if date.month is None:
        return "year"
    return "month" if date.day is None else "day"


def _day(date: PartialDate) -> datetime.date:
    return datetime.date(date.year, date.month or 1, date.day or 1)
