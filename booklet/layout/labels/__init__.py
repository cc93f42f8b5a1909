"""Per-language tables of the fixed words the layout prints ("Contents", "Opening hours", ...).

Dates, times and numbers are not in the tables: they come from CLDR for the edition's locale
(booklet.locales.formats), so every part of an edition writes them by one rule.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from booklet.content.dates import PartialDate
from booklet.layout.labels.tables import (
    load_table,
    museum_languages,
    museum_tables_state,
    shipped_languages,
)
from booklet.locales.formats import Formats, formats_for

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


def label_languages(folder: Path | None = None) -> list[str]:
    """The languages whose fixed words ship with booklet, and those the museum wrote."""
    return sorted({*shipped_languages(), *museum_languages(folder)})


def load_labels(language: str, folder: Path | None = None) -> Labels:
    """The table for the edition `language` ("fr", "en-GB"), with the museum's own words from
    `folder/labels/` when given; English wherever neither has a word.

    Cached by the museum's files as they are now (name, size, modification time): a process
    that builds again (watch mode) reads an edited `labels/xx.yaml` again."""
    return _load_labels(language, folder, museum_tables_state(folder))


@functools.lru_cache(maxsize=64)
def _load_labels(language: str, folder: Path | None, state: tuple[object, ...]) -> Labels:
    return Labels(language, load_table(language, folder))
