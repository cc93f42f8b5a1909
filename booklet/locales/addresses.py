"""Postal addresses laid out by the country's own convention.

A US address reads "Burlington, VT 05401", a British one puts the postcode on a line of its own,
a Mexican one "04100 Ciudad de México". The patterns follow each country's postal service (as
collected in Google's libaddressinput); countries not listed get the most common layout, postal
code before the town.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from babel import Locale

# One line per entry; {name} placeholders are dropped with the separators next to them when the
# field is empty. "neighbourhood" is a district within the town (colonia, locality), "borough"
# the municipality or alcaldía, "region" the state, province or county.
_LAYOUTS: dict[str, tuple[str, ...]] = {
    "US": ("{street}", "{line2}", "{neighbourhood}", "{city}, {region} {postal_code}"),
    "CA": ("{street}", "{line2}", "{neighbourhood}", "{city} {region} {postal_code}"),
    "AU": ("{street}", "{line2}", "{neighbourhood}", "{city} {region} {postal_code}"),
    "GB": ("{street}", "{line2}", "{neighbourhood}", "{city}", "{region}", "{postal_code}"),
    "MX": (
        "{street}", "{line2}", "{neighbourhood}, {borough}", "{postal_code} {city}, {region}",
    ),
    "FR": ("{street}", "{line2}", "{neighbourhood}", "{postal_code} {city}"),
    "DE": ("{street}", "{line2}", "{neighbourhood}", "{postal_code} {city}"),
    "ES": ("{street}", "{line2}", "{neighbourhood}", "{postal_code} {city} ({region})"),
    "IT": ("{street}", "{line2}", "{neighbourhood}", "{postal_code} {city} {region}"),
}  # fmt: skip
_DEFAULT = ("{street}", "{line2}", "{neighbourhood}, {borough}", "{postal_code} {city}", "{region}")
_FIELD = re.compile(r"\{(\w+)\}")
# Short names people write that CLDR does not list among the country's names.
_ALIASES = {
    "usa": "US", "u.s.a.": "US", "u.s.": "US", "us": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "méxico": "MX", "deutschland": "DE",
}  # fmt: skip
_NAME_LANGUAGES = ("en", "es", "fr", "de", "it", "pt")


@dataclass(frozen=True)
class PostalAddress:
    """The parts of an address; every part but the street may be empty."""

    street: str
    city: str = ""
    postal_code: str = ""
    region: str = ""
    line2: str = ""
    neighbourhood: str = ""
    borough: str = ""
    country: str = ""
    """The country's name as printed (in the edition's language)."""
    country_code: str = ""
    """ISO 3166 code ("MX") that picks the layout; "" for the default layout."""


def address_lines(address: PostalAddress) -> list[str]:
    """The address as printed, one line per entry, empty parts and their separators left out;
    the country closes the last line."""
    values = {
        "street": address.street, "line2": address.line2,
        "neighbourhood": address.neighbourhood, "borough": address.borough,
        "city": address.city, "region": address.region, "postal_code": address.postal_code,
    }  # fmt: skip
    layout = _LAYOUTS.get(address.country_code, _DEFAULT)
    lines = [line for line in (_fill(pattern, values) for pattern in layout) if line]
    country = address.country.strip()
    if country and lines:
        # A booklet's fact table is short of room: the country ends the last line, as a
        # reader abroad writes it ("Burlington, VT 05401, USA"), not a line of its own.
        lines[-1] = f"{lines[-1]}, {country}"
    return lines


def country_code(name: str) -> str:
    """The ISO code of a country written as its code ("MX") or its name in a language booklet
    ships ("Mexico", "México", "Mexique", "USA"); "" when not recognised."""
    text = name.strip()
    if re.fullmatch(r"[A-Z]{2}", text) and text in _territories("en"):
        return text
    key = text.casefold()
    if key in _ALIASES:
        return _ALIASES[key]
    # Language by language, English first: loading a locale's names takes a few hundredths
    # of a second, and most countries are found in the first.
    for language in _NAME_LANGUAGES:
        code = _names(language).get(key)
        if code:
            return code
    return ""


def country_name(code: str, language: str) -> str:
    """CLDR's name of the country in `language` ("MX" in French: "Mexique")."""
    return _territories(language).get(code, code)


def _fill(pattern: str, values: dict[str, str]) -> str:
    """Fill one line's pattern. An empty field takes the separator before it along, and the
    first field printed needs none, so "{city}, {region} {postal_code}" never prints a stray
    comma; text after the last field (a closing parenthesis) stays only if that field is there.
    """
    pieces = _FIELD.split(pattern)  # separator, field, separator, field, ..., closing text
    printed = [
        (pieces[index - 1], values[pieces[index]].strip())
        for index in range(1, len(pieces), 2)
        if values[pieces[index]].strip()
    ]
    if not printed:
        return ""
    line = "".join((sep if n else "") + value for n, (sep, value) in enumerate(printed))
    return line + (pieces[-1] if values[pieces[-2]].strip() else "")


@functools.cache
def _territories(language: str) -> dict[str, str]:
    return {code: str(name) for code, name in Locale(language).territories.items()
            if re.fullmatch(r"[A-Z]{2}", code)}  # fmt: skip


@functools.cache
def _names(language: str) -> dict[str, str]:
    return {name.casefold(): code for code, name in _territories(language).items()}
