"""The fixed words a booklet prints in each language ("Contents", "Opening hours", the email's
greeting): one YAML table per language, read by the content checks, the layout and the mail.

Dates, times and numbers are not in the tables: they come from CLDR for the edition's locale
(booklet.locales.formats), so every part of an edition writes them by one rule. A museum's own
tables (`labels/xx.yaml` beside its content) are read by the load stage
(content/label_files.py) and handed in here as data.

This package imports only the foundation booklet.locales, so every stage may use it."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from typing import Any

from booklet.labels.tables import MuseumTables, load_table, museum_languages, shipped_languages
from booklet.locales.formats import Formats, PartialDate, formats_for

Quotes = tuple[str, str, str, str]


@dataclass(frozen=True)
class Labels:
    language: str
    """The edition code: "en", or with a region, "en-GB"."""
    table: dict[str, Any]

    def __getitem__(self, key: str) -> str:
        return str(self.table[key])

    def format(self, key: str, **values: object) -> str:
        """A phrase with its blanks filled; numbers are written the edition's way."""
        shown = {k: self.formats.number(v) if isinstance(v, int | float) else v
                 for k, v in values.items()}  # fmt: skip
        return str(self.table[key]).format(**shown)

    @property
    def formats(self) -> Formats:
        return formats_for(self.language)

    @property
    def quotes(self) -> Quotes:
        """Double open, double close, single open, single close; a mark may carry a space."""
        first, second, third, fourth = self.table["quotes"]
        return first, second, third, fourth

    def date(self, date: PartialDate, short: bool = False) -> str:
        """A date as written in this edition, at the precision it is known."""
        return self.formats.date(date, short)

    def date_range(self, start: PartialDate, end: PartialDate | None, short: bool = False) -> str:
        """ "10–17 Apr 1937", "Jun–Aug 1940", "1929–1933": repeat only what differs."""
        return self.formats.date_range(start, end, short)

    def time_range(self, opens: datetime.time, closes: datetime.time) -> str:
        """Opening hours as the edition's locale writes them: "10:00 AM–5:00 PM"."""
        return self.formats.time_range(opens, closes)


def label_languages(museum: MuseumTables | None = None) -> list[str]:
    """The languages whose fixed words ship with booklet, and those the museum wrote."""
    return sorted({*shipped_languages(), *museum_languages(museum)})


def load_labels(language: str, museum: MuseumTables | None = None) -> Labels:
    """The table for the edition `language` ("fr", "en-GB"), with the museum's own words
    (`museum`, its labels/ tables by name) when given; English wherever neither has a word."""
    if not museum:
        return _shipped_labels(language)
    return Labels(language, load_table(language, museum))


@functools.cache
def _shipped_labels(language: str) -> Labels:
    return Labels(language, load_table(language))
