"""The fixed words a booklet prints in each language ("Contents", month names, the email's
greeting): one YAML table per language, read by the content checks, the layout and the mail.

This package imports nothing else of booklet, so every stage may use it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any, Protocol

import yaml


class PartialDate(Protocol):
    """A date known to the year, the month or the day (content/dates.py makes them)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...


@dataclass(frozen=True)
class Labels:
    language: str
    table: dict[str, Any]

    def __getitem__(self, key: str) -> str:
        return str(self.table[key])

    def format(self, key: str, **values: object) -> str:
        return str(self.table[key]).format(**values)

    def date(self, date: PartialDate, short: bool = False) -> str:
        """A date as written in this language, at the precision it is known."""
        if date.month is None:
            return str(date.year)
        suffix = "_short" if short else ""
        month = self.table[f"months{suffix}"][date.month - 1]
        if date.day is None:
            return self.format(f"date_month{suffix}", month=month, year=date.year)
        return self.format(f"date_day{suffix}", day=date.day, month=month, year=date.year)

    def date_range(self, start: PartialDate, end: PartialDate | None, short: bool = False) -> str:
        """ "10–17 Apr 1937", "Jun–Aug 1940", "1929–1933": repeat only what differs."""
        if end is None:
            return self.date(start, short)
        suffix = "_short" if short else ""
        months = self.table[f"months{suffix}"]
        if start.year == end.year and start.month and end.month and not start.day and not end.day:
            span = f"{months[start.month - 1]}–{months[end.month - 1]}"
            return self.format(f"date_month{suffix}", month=span, year=start.year)
        if (
            start.year == end.year
            and start.month
            and start.month == end.month
            and start.day
            and end.day
        ):
            month = months[start.month - 1]
            return self.format(
                f"date_day{suffix}", day=f"{start.day}–{end.day}", month=month, year=end.year
            )
        return f"{self.date(start, short)}–{self.date(end, short)}"


def label_languages() -> list[str]:
    """The languages whose fixed words ship with booklet."""
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in resources.files(__name__).iterdir()
        if entry.name.endswith(".yaml")
    )


@functools.cache
def load_labels(language: str) -> Labels:
    """The table for `language`; English when the package has none for it."""
    folder = resources.files(__name__)
    path = folder / f"{language}.yaml"
    if not path.is_file():
        path = folder / "en.yaml"
        language = "en"
    return Labels(language, yaml.safe_load(path.read_text(encoding="utf-8")))
