"""Edition codes: "en", "en-US", "es-MX". A language, optionally a region, and what follows.

The language picks the table of fixed words; the region refines the formats (en-US writes
"May 24, 1940", en-GB "24 May 1940"), the hyphenation dictionary and the PDF's /Lang.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pyphen
from babel import Locale, UnknownLocaleError

_CODE = re.compile(r"([a-z]{2})(?:-([A-Z]{2}))?")

# Without a region, a language hyphenates and formats as its most likely readers expect:
# CLDR's own default for the language, and pyphen's dictionary for that default region.
_DEFAULT_HYPHENATION = {"en": "en_US", "de": "de_DE", "pt": "pt_BR", "it": "it_IT"}


@dataclass(frozen=True)
class EditionCode:
    """A parsed edition code; `str()` gives it back as written ("es-MX")."""

    language: str
    region: str = ""

    def __str__(self) -> str:
        return f"{self.language}-{self.region}" if self.region else self.language


def parse_code(text: str) -> EditionCode | None:
    """The code written as "xx" or "xx-YY", or None if malformed or unknown to CLDR."""
    match = _CODE.fullmatch(text)
    if not match:
        return None
    code = EditionCode(match.group(1), match.group(2) or "")
    try:
        babel_locale(code)
    except (UnknownLocaleError, ValueError):
        return None
    return code


def code_problem(text: str) -> str | None:
    """Why `text` is not an edition code, for a message; None when it is one."""
    if not _CODE.fullmatch(text):
        return f"expected a language code like en or en-US, got '{text}'"
    if parse_code(text) is None:
        return f"'{text}' is not a language (and region) the locale data knows"
    return None


def language_of(code: str) -> str:
    """ "es-MX" -> "es": the part that chooses the table of fixed words and the texts."""
    return code.split("-", 1)[0]


@functools.cache
def babel_locale(code: EditionCode | str) -> Locale:
    """Babel's locale for the edition (raises UnknownLocaleError for an unknown one)."""
    parsed = code if isinstance(code, EditionCode) else EditionCode(*_split(code))
    if parsed.region:
        return Locale(parsed.language, parsed.region)
    return Locale(parsed.language)


def hyphenation_dictionary(code: str) -> str:
    """pyphen's dictionary for the edition, or "" when pyphen has none (no hyphenation)."""
    language, region = _split(code)
    wanted = f"{language}_{region}" if region else _DEFAULT_HYPHENATION.get(language, language)
    return pyphen.language_fallback(wanted) or ""


def choose_edition(wanted: str, editions: list[str]) -> str | None:
    """The edition for a reader of `wanted` ("es" or "es-MX"): the same code, else the first
    edition in the same language; None when there is none."""
    if wanted in editions:
        return wanted
    language = language_of(wanted)
    return next((code for code in editions if language_of(code) == language), None)


def _split(code: str) -> tuple[str, str]:
    language, _, region = code.partition("-")
    return language, region
