"""The kinds of single values in a content file: texts, names, codes, numbers, choices,
dates, times, colours, points, photos, font files. Each reads one node, and describes itself
for the field reference and the JSON Schema (see kinds.py for the structure that holds them).
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from booklet.content.dates import PartialDate, parse_date
from booklet.content.drawings import NONE
from booklet.content.inline import url_problem
from booklet.content.kinds import JSON, Kind, join
from booklet.content.paths import resolve_content_file
from booklet.content.photos import ImageProblem, inspect_image
from booklet.content.reader import Reader, shown
from booklet.content.source import Node
from booklet.content.times import parse_time
from booklet.content.urls import url_syntax_problem
from booklet.locales.addresses import country_code, country_name
from booklet.locales.codes import code_problem
from booklet.theme.font_files import FontProblem, inspected
from booklet.words import counted

LANGUAGE = re.compile(r"[a-z]{2}")
LANGUAGE_PATTERN = "^[a-z]{2}(?:-[A-Z]{2})?$"  # a language, and perhaps its region
NON_BLANK = r"\S"  # the schema's word for "must not be empty" (blank text is refused too)
# A text may be a plain whole number (a title "1984", an edition 2026): YAML reads it as one.
WHOLE_NUMBER = {"type": "integer", "minimum": 0}

# -- text and names --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text(Kind):
    """Visitor-facing text: one string, or one per edition (`{en: …, es: …}`), with the
    inline markup. A `neutral` text (a photographer's name) needs no translation; a
    `read_aloud` one (alt text) is spoken by screen readers, not printed."""

    max_length: int = 4000
    neutral: bool = False
    read_aloud: bool = False
    type_name = "text"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        return r.text(node, path, self.max_length, self.neutral, self.read_aloud)

    def schema(self) -> JSON:
        one = {"anyOf": [{"type": "string", "maxLength": self.max_length, "pattern": NON_BLANK},
                         WHOLE_NUMBER]}  # fmt: skip
        return {
            "anyOf": [
                *one["anyOf"],
                {
                    "type": "object",
                    "description": "One text per edition, by two-letter language code.",
                    "propertyNames": {"pattern": LANGUAGE_PATTERN},
                    "additionalProperties": one,
                    "minProperties": 1,
                },
            ]
        }

    def limit(self) -> str:
        return f"{self.max_length:,} characters"


@dataclass(frozen=True)
class Name(Kind):
    """A plain string that is the same in every edition: a place name, a phone number."""

    max_length: int = 200
    pattern: str = ""  # a regular expression the whole value must match
    hint: str = ""  # what to write when it does not match
    what: str = "string"  # its name in the field reference
    form: str = ""  # its form in the field reference, instead of the length limit

    @property
    def type_name(self) -> str:  # type: ignore[override]
        return self.what

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        value = r.string(node, path, self.max_length)
        if value and self.pattern and not re.fullmatch(self.pattern, value):
            r.problem(node.line, path, f"{self.hint}, got '{shown(value)}'")
        return value

    def schema(self) -> JSON:
        if self.pattern:
            return {"type": "string", "pattern": f"^(?:{self.pattern})$"}
        return {"anyOf": [{"type": "string", "maxLength": self.max_length, "pattern": NON_BLANK},
                          WHOLE_NUMBER]}  # fmt: skip

    def limit(self) -> str:
        return self.form or f"{self.max_length:,} characters"


def sender_parts(text: str) -> tuple[str, str] | None:
    """("Name", "address") from "Name <address>" or "address"; None if it holds no address.

    email.utils is imported here, not at the top: it costs ~5 ms of every start-up, and only
    content with a `mail.from` needs it."""
    from email.utils import parseaddr

    name, address = parseaddr(text)
    if not re.fullmatch(r"[^@\s]+@[A-Za-z0-9.-]+", address):
        return None
    return name, address


@dataclass(frozen=True)
class Sender(Kind):
    """An email sender: "visits@museum.example" or "Museum <visits@museum.example>"."""

    type_name = "email address"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        value = r.string(node, path, 200)
        if value and sender_parts(value) is None:
            r.problem(
                node.line, path,
                "expected an email address like visits@museum.example or "
                f'"Museum <visits@museum.example>", got \'{shown(value)}\'',
            )  # fmt: skip
        return value

    def schema(self) -> JSON:
        return {"type": "string", "maxLength": 200, "pattern": "@"}

    def limit(self) -> str:
        return "an address, optionally with a name"


# Names with a form of their own, spelled like kinds in the declaration.


def Language(like: str = "es") -> Name:
    return Name(2, "[a-z]{2}", f"expected a two-letter code like {like}", "language code",
                f"two letters, like {like}")  # fmt: skip


def Slug() -> Name:
    hint = "use lowercase letters, digits and hyphens, like 'dining-room'"
    return Name(60, "[a-z0-9]+(?:-[a-z0-9]+)*", hint, "id",
                "lowercase letters, digits and hyphens; 60 characters")  # fmt: skip


@dataclass(frozen=True)
class Edition(Kind):
    """An edition's code: a language, optionally with its region ("en", "es-MX"); the region
    picks how dates, times and numbers are written."""

    type_name = "language code"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        value = r.string(node, path, 5)
        problem = code_problem(shown(value)) if value else None
        if problem:
            r.problem(node.line, path, problem)
            return None
        return value

    def schema(self) -> JSON:
        return {"type": "string", "pattern": "^[a-z]{2}(?:-[A-Z]{2})?$"}

    def limit(self) -> str:
        return "like en, or with a region: en-US, es-MX"


@dataclass(frozen=True)
class Time(Kind):
    """A time of day as staff write it ("10:00", "17:30", "10 AM", "10:00 a.m."), printed as
    each edition's locale writes times."""

    type_name = "time"
    # What the schema can say of it: an hour (0-23), minutes, or AM/PM.
    PATTERN = (
        r"^\s*(?:[01]?[0-9]|2[0-3])(?:\s*(?:[:.]|[Hh]\s*)[0-5][0-9]|\s*[Hh])"
        r"(?:\s*[AaPp]\.?\s*[Mm]\.?)?\s*$"
        r"|^\s*(?:0?[1-9]|1[0-2])\s*[AaPp]\.?\s*[Mm]\.?\s*$"
    )

    def read(self, r: Reader, node: Node, path: str) -> datetime.time | None:
        value = r.string(node, path, 12)
        parsed = parse_time(value) if value else None
        if value and parsed is None:
            r.problem(node.line, path, 'expected a time like "10:00", "17:30" or "10:00 AM", '
                                       f"got '{shown(value)}'")  # fmt: skip
        return parsed

    def schema(self) -> JSON:
        return {"type": "string", "maxLength": 12, "pattern": self.PATTERN}

    def limit(self) -> str:
        return '"10:00", "17:30" or "10:00 AM", in quotes'


@dataclass(frozen=True)
class Country(Kind):
    """A country by its name (a text, translated like any other) or by its ISO code ("MX"),
    which each edition names in its own language. Reads as (name, code); the code picks the
    postal layout of the address."""

    type_name = "text or country code"

    def read(self, r: Reader, node: Node, path: str) -> tuple[str, str] | None:
        as_code = node.is_scalar and re.fullmatch(r"[A-Z]{2}", str(node.value)) is not None
        name = r.text(node, path, 120, neutral=as_code)
        if name is None:
            return None
        code = country_code(name) if name else ""
        if as_code and not code:
            message = f"'{shown(name)}' is not a country code; write the country's name"
            r.problem(node.line, path, message)
            return None
        return (country_name(code, r.language) if as_code else name), code

    def schema(self) -> JSON:
        return Text(120).schema()

    def limit(self) -> str:
        return "120 characters, or a code like MX"


@dataclass(frozen=True)
class Url(Kind):
    """A web address (http, https or mailto). One printed as a QR code must stay short."""

    max_length: int = 2000
    qr: bool = False
    type_name = "URL"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        value = r.url(node, path)
        if value and url_problem(value) is None:
            problem = url_syntax_problem(value)
            if problem:
                r.problem(node.line, path, f"not a valid URL: {problem}")
        if value and self.qr and len(value) > self.max_length:
            r.problem(node.line, path,
                      f"too long for a QR code that scans from print: {len(value)} characters, "
                      f"at most {self.max_length}")  # fmt: skip
        return value

    def schema(self) -> JSON:
        return {
            "type": "string",
            "maxLength": self.max_length,
            "pattern": "^(?:[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]|[Mm][Aa][Ii][Ll][Tt][Oo]:)",
        }

    def limit(self) -> str:
        return f"{self.max_length:,} characters" if self.qr else ""


@dataclass(frozen=True)
class Website(Kind):
    """The museum's web address, also printed as a QR code: one URL, or one per edition."""

    url: Url = Url(300, qr=True)
    type_name = "URL or {language: URL}"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        if not node.is_mapping:
            return self.url.read(r, node, path)
        urls: dict[str, str | None] = {}
        for code, line in node.key_lines.items():
            if not LANGUAGE.fullmatch(code):
                r.problem(line, join(path, code), "expected a two-letter language code")
            else:
                urls[code] = self.url.read(r, node.value[code], join(path, code))
        if r.source_language not in urls:
            r.problem(node.line, path, f"no '{r.source_language}' URL")
        return urls.get(r.language) or urls.get(r.source_language, "")

    def schema(self) -> JSON:
        one = self.url.schema()
        return {
            "anyOf": [
                one,
                {
                    "type": "object",
                    "propertyNames": {"pattern": "^[a-z]{2}$"},
                    "additionalProperties": one,
                    "minProperties": 1,
                },
            ]
        }

    def limit(self) -> str:
        return self.url.limit()


# -- numbers, choices, dates -----------------------------------------------------------------


@dataclass(frozen=True)
class Integer(Kind):
    low: int
    high: int
    type_name = "whole number"

    def read(self, r: Reader, node: Node, path: str) -> int | None:
        return r.integer(node, path, self.low, self.high)

    def schema(self) -> JSON:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}

    def limit(self) -> str:
        return f"{self.low}–{self.high:,}"


@dataclass(frozen=True)
class Number(Kind):
    type_name = "number"

    def read(self, r: Reader, node: Node, path: str) -> float | None:
        return r.number(node, path)

    def schema(self) -> JSON:
        return {"type": "number"}


@dataclass(frozen=True)
class Boolean(Kind):
    type_name = "true or false"

    def read(self, r: Reader, node: Node, path: str) -> bool | None:
        return r.boolean(node, path)

    def schema(self) -> JSON:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed set of names; `renamed` maps old names to the ones that replaced them."""

    options: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...] = ()
    type_name = "name"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        old = dict(self.renamed)
        if node.is_scalar and node.value in old:
            r.problem(node.line, path, f"{path.rsplit('.', 1)[-1]} '{node.value}' is now "
                                       f"called '{old[node.value]}'")  # fmt: skip
            return old[node.value]
        return r.choice(node, path, self.options)

    def schema(self) -> JSON:
        return {"enum": list(self.options)}

    def limit(self) -> str:
        return f"one of {', '.join(self.options)}"


@dataclass(frozen=True)
class Drawing(Kind):
    """A drawing by name (pictogram, tip icon); absent or `none` is no drawing ("")."""

    names: tuple[str, ...]
    what: str
    type_name = "name"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        name = r.string(node, path, 40)
        if name and name != NONE and name not in self.names:
            close = difflib.get_close_matches(name, self.names, n=1, cutoff=0.6)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else f"use one of {', '.join(self.names)} or none"
            )
            r.problem(node.line, path, f"no {self.what} called '{shown(name)}'; {hint}")
            return None
        return "" if name == NONE else name

    def schema(self) -> JSON:
        return {"enum": [*self.names, NONE]}

    def limit(self) -> str:
        return f"a {self.what} (see Drawings by name) or none"


@dataclass(frozen=True)
class Date(Kind):
    """A date only as precise as the sources: "YYYY", "YYYY-MM" or "YYYY-MM-DD"."""

    type_name = "date"

    def read(self, r: Reader, node: Node, path: str) -> PartialDate | None:
        raw = r.string(node, path, 10)
        if not raw:
            return None
        parsed = parse_date(raw)
        if parsed is None:
            r.problem(node.line, path,
                      f'expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got \'{raw}\'')  # fmt: skip
        return parsed

    def schema(self) -> JSON:
        month, day = "(?:0[1-9]|1[0-2])", "(?:0[1-9]|[12][0-9]|3[01])"
        return {"type": "string", "pattern": f"^[0-9]{{4}}(?:-{month}(?:-{day})?)?$"}

    def limit(self) -> str:
        return '"YYYY", "YYYY-MM" or "YYYY-MM-DD"'


@dataclass(frozen=True)
class Colour(Kind):
    type_name = "colour"

    def read(self, r: Reader, node: Node, path: str) -> str | None:
        if node.tag == "tag:yaml.org,2002:null" and not node.quoted:
            hint = "a colour starts with '#', which YAML reads as a comment"
            r.problem(node.line, path, f'empty; {hint}: put it in quotes, like "#b0271f"')
            return None
        value = r.string(node, path, 7)
        if value is None or len(value) > 7:  # unreadable, or already reported as too long
            return None
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            r.problem(node.line, path,
                      f"expected a colour like \"#b0271f\", got '{shown(value)}'")  # fmt: skip
            return None
        return value.lower()

    def schema(self) -> JSON:
        return {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}

    def limit(self) -> str:
        return '"#rrggbb"'


@dataclass(frozen=True)
class Point(Kind):
    """[x, y] in the units of the plan's size."""

    type_name = "[x, y]"

    def read(self, r: Reader, node: Node, path: str) -> tuple[float, float] | None:
        """The point, or None when it is not one (already reported)."""
        if not node.is_sequence:
            r.problem(node.line, path, f"expected [x, y], got {r.kind(node)}")
            return None
        values = [r.number(n, p) for p, n in r.items(node, path)]
        if len(values) != 2:
            r.problem(node.line, path, f"expected [x, y], got {counted(len(values), 'number')}")
            return None
        x, y = values
        return None if x is None or y is None else (x, y)

    def schema(self) -> JSON:
        return {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}


@dataclass(frozen=True)
class Photo(Kind):
    """A photo file, relative to the content file's folder: kept inside it, and checked for
    format and size while validating."""

    type_name = "file"

    def read(self, r: Reader, node: Node, path: str) -> Any:
        name = r.string(node, path, 300) or ""
        resolved = r.base / name
        if name:
            resolved, problem = resolve_content_file(r.base, name)
            if problem is None:
                try:
                    inspect_image(resolved, r.decode_images)
                except ImageProblem as exc:
                    problem = str(exc)
            if problem:
                r.problem(node.line, path, problem)
        return resolved

    def schema(self) -> JSON:
        return {"type": "string", "maxLength": 300, "pattern": NON_BLANK}

    def limit(self) -> str:
        return "JPEG, PNG, WebP, TIFF or GIF; 40 MB, 80 megapixels"


@dataclass(frozen=True)
class FontFile(Kind):
    """A TrueType font file, relative to the content file's folder: kept inside it, and
    checked (outlines, a licence that allows embedding) while validating, so a bad font is a
    problem at its line before anything is laid out. None when it cannot be used."""

    type_name = "file"

    def read(self, r: Reader, node: Node, path: str) -> Path | None:
        name = r.string(node, path, 300)
        if not name:
            return None
        resolved, problem = resolve_content_file(r.base, name)
        if problem is None:
            try:
                inspected(resolved)
            except FontProblem as exc:
                problem = f"{resolved.name} {exc}"
            except OSError as exc:
                problem = f"cannot read {name}: {exc.strerror or exc}"
        if problem:
            r.problem(node.line, path, problem)
            return None
        return resolved

    def schema(self) -> JSON:
        return {"type": "string", "maxLength": 300, "pattern": NON_BLANK}

    def limit(self) -> str:
        return "TrueType (.ttf) whose licence allows embedding; 30 MB"
