"""Locale data from CLDR: edition codes, and dates, times, numbers and lists per locale."""

from __future__ import annotations

import datetime

import pytest

from booklet.content.dates import PartialDate
from booklet.locales.codes import (
    EditionCode,
    choose_edition,
    code_problem,
    hyphenation_dictionary,
    parse_code,
)
from booklet.locales.formats import NO_BREAK, formats_for, printable

NB = NO_BREAK

# code: (day, month, year, short day, day range, month range, year range)
DATES = {
    "en": ("May 24, 1940", "May 1940", "1940", "May 24, 1940",
           "Apr 10–17, 1937", "Jun–Aug 1940", "1929–1933"),
    "en-US": ("May 24, 1940", "May 1940", "1940", "May 24, 1940",
              "Apr 10–17, 1937", "Jun–Aug 1940", "1929–1933"),
    "en-GB": ("24 May 1940", "May 1940", "1940", "24 May 1940",
              "10–17 Apr 1937", "Jun–Aug 1940", "1929–1933"),
    # Spanish abbreviations take a period (RAE), which CLDR's data leaves out.
    "es": ("24 de mayo de 1940", "mayo de 1940", "1940", "24 may. 1940",
           "10–17 abr. 1937", "jun.–ago. 1940", "1929–1933"),
    "es-MX": ("24 de mayo de 1940", "mayo de 1940", "1940", "24 may. 1940",
              "10–17 de abr. de 1937", "jun.–ago. de 1940", "1929–1933"),
    "fr": ("24 mai 1940", "mai 1940", "1940", "24 mai 1940",
           "10–17 avr. 1937", "juin–août 1940", "1929–1933"),
    "de-DE": ("24. Mai 1940", "Mai 1940", "1940", "24. Mai 1940",
              "10.–17. Apr. 1937", "Juni–Aug. 1940", "1929–1933"),
    "it": ("24 maggio 1940", "maggio 1940", "1940", "24 mag 1940",
           "10–17 apr 1937", "giu–ago 1940", "1929–1933"),
    "pt": ("24 de maio de 1940", "maio de 1940", "1940", "24 de mai. de 1940",
           "10–17 de abr. de 1937", "jun.–ago. de 1940", "1929–1933"),
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(DATES))
def test_dates_at_every_precision(code: str) -> None:
    day, month, year, short, days, months, years = DATES[code]
    f = formats_for(code)
    assert f.date(PartialDate(1940, 5, 24)) == day
    assert f.date(datetime.date(1940, 5, 24)) == day
    assert f.date(PartialDate(1940, 5)) == month
    assert f.date(PartialDate(1940)) == year
    assert f.date(PartialDate(1940, 5, 24), short=True) == short
    assert f.date_range(PartialDate(1937, 4, 10), PartialDate(1937, 4, 17), short=True) == days
    assert f.date_range(PartialDate(1940, 6), PartialDate(1940, 8), short=True) == months
    assert f.date_range(PartialDate(1929), PartialDate(1933)) == years
    assert f.date_range(PartialDate(1940, 5, 24), None) == day


def test_a_range_across_years_repeats_the_year() -> None:
    f = formats_for("en-GB")
    assert f.date_range(PartialDate(1936, 12), PartialDate(1937, 1)) == "December 1936–January 1937"


def test_a_range_of_mixed_precision_writes_each_end_as_known() -> None:
    text = formats_for("en").date_range(PartialDate(1936, 12, 19), PartialDate(1937, 1))
    assert text == f"December 19, 1936{NB}– January 1937"


def test_a_numeric_short_date_is_written_out_on_the_timeline() -> None:
    # CLDR's pt-PT abbreviates to "07/11/1879"; the timeline spells the month.
    assert (
        formats_for("pt-PT").date(PartialDate(1879, 11, 7), short=True) == "7 de novembro de 1879"
    )


# code: (time, opening hours)
TIMES = {
    "en": (f"5:00{NB}PM", f"10:00{NB}AM–5:00{NB}PM"),
    "en-US": (f"5:00{NB}PM", f"10:00{NB}AM–5:00{NB}PM"),
    "en-GB": ("17:00", "10:00–17:00"),
    "en-AU": (f"5:00{NB}pm", f"10:00{NB}am–5:00{NB}pm"),
    "es": ("17:00", "10:00–17:00"),
    "es-MX": (f"5:00{NB}p.m.", f"10:00{NB}a.m.–5:00{NB}p.m."),
    "fr-FR": ("17:00", "10:00–17:00"),
    "fr-CA": ("17 h 00", "10 h 00–17 h 00"),
    "de-DE": ("17:00", "10:00–17:00 Uhr"),
    "it": ("17:00", "10:00–17:00"),
    "pt": ("17:00", "10:00–17:00"),
}


@pytest.mark.parametrize("code", sorted(TIMES))
def test_times_follow_the_locales_clock(code: str) -> None:
    time, hours = TIMES[code]
    f = formats_for(code)
    assert f.time(datetime.time(17, 0)) == time
    assert f.time_range(datetime.time(10), datetime.time(17)) == hours
    assert f.twelve_hour == ("M" in time or "m" in time)


@pytest.mark.parametrize(
    ("code", "number", "joined"),
    [
        ("en", "12,345.5", "Kitchen, Study, and Garden"),
        ("en-GB", "12,345.5", "Kitchen, Study and Garden"),
        ("es", "12.345,5", "Kitchen, Study y Garden"),
        ("fr", f"12{NB}345,5", "Kitchen, Study et Garden"),
        ("de", "12.345,5", "Kitchen, Study und Garden"),
        ("it", "12.345,5", "Kitchen, Study e Garden"),
        ("pt", "12.345,5", "Kitchen, Study e Garden"),
    ],
)
def test_numbers_and_lists(code: str, number: str, joined: str) -> None:
    f = formats_for(code)
    assert f.number(12345.5) == number
    assert f.join(["Kitchen", "Study", "Garden"]) == joined


def test_alternatives_join_with_or() -> None:
    assert formats_for("en").join(["cash", "card"], style="or") == "cash or card"
    assert formats_for("fr").join(["espèces", "carte"], style="or") == "espèces ou carte"


def test_nothing_formatted_has_a_space_reportlab_would_break_at() -> None:
    """ReportLab breaks lines at thin and narrow no-break spaces: none may reach the page."""
    for code in [*DATES, *TIMES]:
        f = formats_for(code)
        texts = [
            f.date_range(PartialDate(1937, 4, 10), PartialDate(1937, 4, 17)),
            f.date_range(PartialDate(1936, 12), PartialDate(1937, 1), short=True),
            f.time_range(datetime.time(10), datetime.time(17, 30)),
            f.number(1234567.25),
        ]
        for text in texts:
            assert "\u2009" not in text and "\u202f" not in text, (code, text)
    assert printable("10\u2009–\u200917") == "10–17"
    assert printable("5:00\u202fPM") == f"5:00{NB}PM"


# -- edition codes -----------------------------------------------------------------------------


def test_edition_codes() -> None:
    assert parse_code("en") == EditionCode("en")
    assert parse_code("es-MX") == EditionCode("es", "MX")
    assert str(parse_code("pt-BR")) == "pt-BR"
    for bad in ("EN", "en_US", "en-us", "eng", "xx", "en-ZZ", ""):
        assert parse_code(bad) is None, bad
    assert code_problem("en-US") is None
    assert code_problem("en_US") == "expected a language code like en or en-US, got 'en_US'"
    assert code_problem("xx") == "'xx' is not a language (and region) the locale data knows"


@pytest.mark.parametrize(
    ("code", "dictionary"),
    [("en", "en_US"), ("en-US", "en_US"), ("en-GB", "en_GB"), ("es", "es"), ("es-MX", "es"),
     ("fr", "fr"), ("fr-CA", "fr"), ("de", "de_DE"), ("de-AT", "de_AT"), ("it", "it_IT"),
     ("pt", "pt_BR"), ("pt-PT", "pt_PT"), ("ar", ""), ("el", "el")],
)  # fmt: skip
def test_hyphenation_follows_language_and_region(code: str, dictionary: str) -> None:
    assert hyphenation_dictionary(code) == dictionary


def test_a_reader_gets_the_edition_in_their_language() -> None:
    editions = ["en-US", "es-MX", "fr"]
    assert choose_edition("es", editions) == "es-MX"
    assert choose_edition("es-MX", editions) == "es-MX"
    assert choose_edition("fr-CA", editions) == "fr"
    assert choose_edition("en", editions) == "en-US"
    assert choose_edition("de", editions) is None
    assert choose_edition("es-MX", ["en", "es"]) == "es"
    assert choose_edition("pt-PT", ["pt", "pt-PT"]) == "pt-PT"
    assert choose_edition("pt-BR", ["pt", "pt-PT"]) == "pt"
