"""Addresses laid out by country, times read as staff write them, and both in the model."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from booklet.content.errors import ContentError
from booklet.content.model import Content, read_content
from booklet.content.source import load_source
from booklet.content.times import parse_time
from booklet.locales.addresses import PostalAddress, address_lines, country_code, country_name
from tests.conftest import ENGLISH_CONTENT

ADDRESSES = {
    "US": (
        PostalAddress("1 Church Street", "Burlington", "05401", "VT", line2="Suite 200",
                      country="USA"),
        ["1 Church Street", "Suite 200", "Burlington, VT 05401, USA"],
    ),
    "CA": (
        PostalAddress("111 Wellington St", "Ottawa", "K1A 0A9", "ON", country="Canada"),
        ["111 Wellington St", "Ottawa ON K1A 0A9, Canada"],
    ),
    "AU": (
        PostalAddress("1 Macquarie St", "Sydney", "2000", "NSW", country="Australia"),
        ["1 Macquarie St", "Sydney NSW 2000, Australia"],
    ),
    "GB": (
        PostalAddress("12 High Street", "Millbrook", "MB4 2QT", neighbourhood="Old Town",
                      country="United Kingdom"),
        ["12 High Street", "Old Town", "Millbrook", "MB4 2QT, United Kingdom"],
    ),
    "MX": (
        PostalAddress("Av. Río Churubusco 410", "Ciudad de México", "04100",
                      neighbourhood="Col. Del Carmen", borough="Alcaldía Coyoacán",
                      country="México"),
        ["Av. Río Churubusco 410", "Col. Del Carmen, Alcaldía Coyoacán",
         "04100 Ciudad de México, México"],
    ),
    "FR": (
        PostalAddress("6 rue de Rivoli", "Paris", "75001", country="France"),
        ["6 rue de Rivoli", "75001 Paris, France"],
    ),
    "DE": (
        PostalAddress("Unter den Linden 2", "Berlin", "10117", country="Deutschland"),
        ["Unter den Linden 2", "10117 Berlin, Deutschland"],
    ),
    "ES": (
        PostalAddress("Calle Mayor 1", "Marbella", "29601", "Málaga", country="España"),
        ["Calle Mayor 1", "29601 Marbella (Málaga), España"],
    ),
    "IT": (
        PostalAddress("Via del Corso 1", "Roma", "00186", "RM", country="Italia"),
        ["Via del Corso 1", "00186 Roma RM, Italia"],
    ),
    "NL": (
        PostalAddress("Museumstraat 1", "Amsterdam", "1071 XX", country="Netherlands"),
        ["Museumstraat 1", "1071 XX Amsterdam, Netherlands"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("code", sorted(ADDRESSES))
def test_each_country_lays_its_address_out_its_own_way(code: str) -> None:
    address, lines = ADDRESSES[code]
    assert country_code(address.country) == code
    assert address_lines(PostalAddress(**{**vars(address), "country_code": code})) == lines


@pytest.mark.parametrize(
    ("code", "address", "lines"),
    [
        ("US", PostalAddress("1 Main St", "Burlington", country="USA"),
         ["1 Main St", "Burlington, USA"]),
        ("US", PostalAddress("1 Main St", "", "05401", "VT"), ["1 Main St", "VT 05401"]),
        ("ES", PostalAddress("Calle Mayor 1", "Madrid", "28013"),
         ["Calle Mayor 1", "28013 Madrid"]),
        ("MX", PostalAddress("Calle 5", "Puebla", "72000", "Pue.", borough="Centro"),
         ["Calle 5", "Centro", "72000 Puebla, Pue."]),
        ("", PostalAddress("Main Road 1", "Kyiv", "01001", "Kyiv City", borough="Pechersk"),
         ["Main Road 1", "Pechersk", "01001 Kyiv", "Kyiv City"]),
    ],
)  # fmt: skip
def test_empty_parts_take_their_separators_with_them(
    code: str, address: PostalAddress, lines: list[str]
) -> None:
    assert address_lines(PostalAddress(**{**vars(address), "country_code": code})) == lines


def test_countries_are_recognised_by_name_in_any_shipped_language_or_code() -> None:
    for name in ("Mexico", "México", "Mexique", "Mexiko", "Messico", "MX"):
        assert country_code(name) == "MX", name
    for name in ("USA", "U.S.A.", "United States", "Estados Unidos", "États-Unis"):
        assert country_code(name) == "US", name
    assert country_code("UK") == country_code("Royaume-Uni") == "GB"
    assert country_code("Atlantis") == ""
    assert country_code("XX") == ""
    assert country_name("MX", "fr") == "Mexique"
    assert country_name("DE", "es") == "Alemania"


# -- times -------------------------------------------------------------------------------------

TIMES = {
    "10:00": (10, 0), "9:30": (9, 30), "09:30": (9, 30), "17:00": (17, 0), "23:59": (23, 59),
    "10 AM": (10, 0), "10am": (10, 0), "10:00 a.m.": (10, 0), "10:00 A.M.": (10, 0),
    "5 PM": (17, 0), "5:30pm": (17, 30), "5 p.m.": (17, 0), "12 PM": (12, 0), "12 AM": (0, 0),
    "12:30 a.m.": (0, 30), "10 h": (10, 0), "10h30": (10, 30), "10 h 30": (10, 30),
    "10.30": (10, 30), " 10:00 ": (10, 0),
}  # fmt: skip
NOT_TIMES = ["10", "24:00", "10:60", "10:5", "13 PM", "0 AM", "ten", "10::00", "10:00 am pm", ""]


@pytest.mark.parametrize("text", sorted(TIMES))
def test_times_staff_write(text: str) -> None:
    assert parse_time(text) == datetime.time(*TIMES[text])


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_times(text: str) -> None:
    assert parse_time(text) is None


# -- in the content model ----------------------------------------------------------------------

ADDRESS = """\
  address:
    street: "Av. Río Churubusco 410"
    neighbourhood: "Col. Del Carmen"
    borough: "Alcaldía Coyoacán"
    postal_code: "04100"
    city: "Ciudad de México"
    country: "Mexico"
"""
HOURS = '    - {days: "Tuesday to Sunday", opens: "10:00", closes: "17:00"}\n'


def read(tmp_path: Path, old: str, new: str, language: str | None = None) -> Content:
    text = ENGLISH_CONTENT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    return read_content(load_source(text.encode(), path.name), path, language)


def test_a_us_address_with_state_and_second_line(tmp_path: Path) -> None:
    content = read(
        tmp_path,
        ADDRESS,
        '  address:\n    street: "1 Church Street"\n    line2: "Suite 200"\n'
        '    city: "Burlington"\n    region: "VT"\n    postal_code: "05401"\n'
        '    country: "USA"\n',
    )
    assert content.museum.address.country_code == "US"
    assert content.museum.address.lines() == [
        "1 Church Street", "Suite 200", "Burlington, VT 05401, USA",
    ]  # fmt: skip


def test_a_country_given_by_code_is_named_in_each_editions_language(tmp_path: Path) -> None:
    new = ADDRESS.replace('country: "Mexico"', "country: MX")
    text = ENGLISH_CONTENT.read_text(encoding="utf-8").replace(ADDRESS, new)
    text = text.replace("  language: en\n", "  language: en\n  translations: [fr]\n", 1)
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    root = load_source(text.encode(), path.name)
    english, french = read_content(root, path), read_content(root, path, "fr")
    assert english.museum.address.lines()[-1] == "04100 Ciudad de México, Mexico"
    assert french.museum.address.lines()[-1] == "04100 Ciudad de México, Mexique"
    assert not any(p.field == "museum.address.country" for p in french.untranslated)


def test_an_unknown_country_code_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read(tmp_path, 'country: "Mexico"', "country: QQ")
    [problem] = caught.value.problems
    assert problem.field == "museum.address.country"
    assert problem.message == "'QQ' is not a country code; write the country's name"


def test_opening_hours_accept_12_hour_times(tmp_path: Path) -> None:
    content = read(tmp_path, HOURS, '    - {days: "Daily", opens: "10 AM", closes: "5:30 p.m."}\n')
    [hours] = content.museum.hours
    assert (hours.opens, hours.closes) == (datetime.time(10), datetime.time(17, 30))


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        ("10 o'clock", "17:00", "opens: expected a time like \"10:00\", \"17:30\" or "
         "\"10:00 AM\", got '10 o'clock'"),
        ("17:00", "10:00", "closes: closes at 10:00, not after it opens at 17:00"),
    ],
)  # fmt: skip
def test_bad_opening_hours(tmp_path: Path, opens: str, closes: str, message: str) -> None:
    new = f'    - {{days: "Daily", opens: "{opens}", closes: "{closes}"}}\n'
    with pytest.raises(ContentError) as caught:
        read(tmp_path, HOURS, new)
    [problem] = caught.value.problems
    assert f"{problem.field.rsplit('.', 1)[1]}: {problem.message}" == message
