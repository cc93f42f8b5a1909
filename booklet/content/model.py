"""The content model: what a booklet says, as typed, validated, read-only data.

`read_content` turns a node tree into a Content for one language, or raises ContentError with
every problem found. Field names here are the YAML keys; the docs in README.md mirror them.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from booklet.content.dates import PartialDate, parse_date
from booklet.content.drawings import COVER_ART, NONE, PICTOGRAMS, TIP_ICONS
from booklet.content.errors import ContentError, Problem
from booklet.content.fonts import FontChoice, read_fonts
from booklet.content.paths import resolve_content_file
from booklet.content.photos import ImageProblem, inspect_image
from booklet.content.reader import Reader, shown
from booklet.content.source import Node
from booklet.content.times import parse_time
from booklet.locales.addresses import PostalAddress, address_lines, country_code, country_name
from booklet.locales.codes import code_problem, parse_code
from booklet.words import counted

# What a room is, for its heading (room or area) and its colour on the plan.
ROOM_KINDS = ("room", "outdoor", "memorial", "structure")
_RENAMED_KINDS = {"garden": "outdoor", "tomb": "memorial", "tower": "structure"}
PAPERS = ("half-letter", "a5", "letter", "a4")
STREET_SIDES = ("top", "bottom", "left", "right")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
MAX_QR_URL = 300
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class Located:
    """Where a value came from, for messages raised after validation (layout, images)."""

    line: int | None
    field: str


@dataclass(frozen=True)
class Cover:
    """A photo cover, a drawn motif (by name), or neither: a typographic cover."""

    image: Image | None = None
    art: str = ""


@dataclass(frozen=True)
class BookletInfo:
    title: str
    subtitle: str
    native_title: str
    native_language: str
    """The language of `native_title` (e.g. ru), so a screen reader pronounces it rightly."""
    language: str
    translations: tuple[str, ...]
    local_language: str
    nearby_title: str
    edition: str
    authors: tuple[str, ...]
    keywords: tuple[str, ...]
    colophon: str
    cover: Cover = Cover()
    language_lines: dict[str, int] = field(default_factory=dict, compare=False)
    """Where each edition's language code is written, for messages about an edition."""
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)
    """Where each of these fields is written, for messages from layout (a title too long)."""


@dataclass(frozen=True)
class Welcome:
    title: str
    text: str


@dataclass(frozen=True)
class Address:
    street: str
    neighbourhood: str
    borough: str
    postal_code: str
    city: str
    country: str
    line2: str = ""
    region: str = ""
    country_code: str = ""
    """ISO 3166 code ("MX") read from the country; it picks the postal layout."""

    def lines(self) -> list[str]:
        """The address as printed by its country's convention, without the empty parts."""
        return address_lines(
            PostalAddress(
                street=self.street, city=self.city, postal_code=self.postal_code,
                region=self.region, line2=self.line2, neighbourhood=self.neighbourhood,
                borough=self.borough, country=self.country, country_code=self.country_code,
            )
        )  # fmt: skip


@dataclass(frozen=True)
class Hours:
    days: str
    opens: datetime.time
    closes: datetime.time


@dataclass(frozen=True)
class Museum:
    name: str
    local_name: str
    institution: str
    address: Address
    website: str
    phone: str
    hours: tuple[Hours, ...]
    closed: str
    admission: str
    visit_length: str
    verify: frozenset[str]


@dataclass(frozen=True)
class Chapter:
    title: str
    text: str


@dataclass(frozen=True)
class TimelineEvent:
    date: PartialDate
    until: PartialDate | None
    event: str
    highlight: bool


@dataclass(frozen=True)
class History:
    intro: str
    chapters: tuple[Chapter, ...]
    timeline: tuple[TimelineEvent, ...]


Point = tuple[float, float]


@dataclass(frozen=True)
class Street:
    name: str
    side: str


@dataclass(frozen=True)
class PlanShape:
    """A polygon on the plan: a numbered room area (room set) or a plain feature."""

    name: str
    outline: tuple[Point, ...]
    room: str = ""


@dataclass(frozen=True)
class Plan:
    title: str
    caption: str
    size: Point
    streets: tuple[Street, ...]
    entrance: Point | None
    features: tuple[PlanShape, ...]
    areas: tuple[PlanShape, ...]


@dataclass(frozen=True)
class Image:
    path: Path
    caption: str
    credit: str
    alt: str
    where: Located


@dataclass(frozen=True)
class Room:
    id: str
    number: int
    name: str
    local_name: str
    kind: str
    pictogram: str
    summary: str
    text: str
    highlights: tuple[str, ...]
    image: Image | None
    where: Located


@dataclass(frozen=True)
class Tip:
    title: str
    text: str
    icon: str
    where: Located = Located(None, "tips")


@dataclass(frozen=True)
class NearbyPlace:
    name: str
    local_name: str
    walk_minutes: int | None
    text: str


@dataclass(frozen=True)
class Practical:
    getting_there: str
    accessibility: str
    photography: str
    bags: str
    verify_note: str
    verify: frozenset[str]


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class ThemeChoice:
    paper: str
    palette: dict[str, str] = field(default_factory=dict)
    fonts: FontChoice = field(default_factory=FontChoice)


@dataclass(frozen=True)
class Content:
    """One language's view of a content file, ready for layout."""

    file: Path
    language: str
    booklet: BookletInfo
    welcome: Welcome
    museum: Museum
    history: History
    plan: Plan
    rooms: tuple[Room, ...]
    tips: tuple[Tip, ...]
    nearby: tuple[NearbyPlace, ...]
    practical: Practical
    sources: tuple[Source, ...]
    theme: ThemeChoice
    untranslated: tuple[Problem, ...] = ()
    untranslated_read_aloud: tuple[Problem, ...] = ()  # alt texts: spoken, not printed
    section_lines: dict[str, int] = field(default_factory=dict)


def read_content(
    root: Node, file: Path, language: str | None = None, decode_images: bool = False
) -> Content:
    """Validate the whole tree for one language (None: the content's own language).

    `decode_images` decodes every image in full (for `check`); otherwise only headers are read
    here and damaged image data is reported, with its line, when the images are processed."""
    name = file.name
    if not root.is_mapping:
        raise ContentError(
            [
                Problem(
                    name,
                    root.line,
                    "",
                    "expected a mapping of sections "
                    "(booklet:, museum:, rooms: ...) at the top of the file",
                )
            ]
        )
    probe = Reader(name, "en")
    top = probe.fields(
        root,
        "",
        ("booklet", "welcome", "museum", "history", "plan", "rooms", "tips", "practical"),
        ("nearby", "sources", "theme"),
    )
    source_language = _source_language(top.get("booklet"))
    r = Reader(name, language or source_language, source_language)
    r.problems.extend(probe.problems)
    booklet = _booklet(r, top.get("booklet"), file.parent, decode_images)
    rooms = _rooms(r, top.get("rooms"), file.parent, decode_images)
    content = Content(
        file=file,
        language=r.language,
        booklet=booklet,
        welcome=_welcome(r, top.get("welcome")),
        museum=_museum(r, top.get("museum")),
        history=_history(r, top.get("history")),
        plan=_plan(r, top.get("plan"), rooms),
        rooms=rooms,
        tips=tuple(_tip(r, p, n) for p, n in r.items(top.get("tips"), "tips", 1, 40)),
        nearby=tuple(_nearby(r, p, n) for p, n in r.items(top.get("nearby"), "nearby", 0, 40)),
        practical=_practical(r, top.get("practical")),
        sources=tuple(_source(r, p, n) for p, n in r.items(top.get("sources"), "sources", 0, 60)),
        theme=_theme(r, top.get("theme"), file.parent),
    )
    untranslated = tuple(r.untranslated)
    if language and language != source_language and language not in booklet.translations:
        # Not a fault of the content: a language it has no edition in is one untranslated
        # whole, which --allow-fallback prints in the content's own texts (with that
        # language's fixed words, dates and quotes).
        section = top.get("booklet")
        line = section.key_lines.get("translations", section.line) if section else None
        editions = ", ".join([source_language, *booklet.translations])
        missing = f"the content has no '{language}' edition ({editions})"
        untranslated = (Problem(name, line, "booklet.translations", missing),)
    if r.problems:
        raise ContentError(sorted(r.problems, key=lambda p: p.line or 0))
    return replace(
        content,
        untranslated=untranslated,
        untranslated_read_aloud=tuple(r.untranslated_read_aloud),
        section_lines=dict(root.key_lines),
    )


def _source_language(node: Node | None) -> str:
    if node is not None and node.is_mapping:
        lang = node.value.get("language")
        if lang is not None and lang.is_scalar and parse_code(lang.value) is not None:
            return str(lang.value)
    return "en"


def _booklet(r: Reader, node: Node | None, base: Path, decode: bool) -> BookletInfo:
    f = r.fields(
        node,
        "booklet",
        ("title", "subtitle", "language", "edition"),
        (
            "native_title",
            "native_language",
            "translations",
            "local_language",
            "nearby_title",
            "authors",
            "keywords",
            "colophon",
            "cover",
        ),
    )
    # An edition is a language, optionally with its region ("en-US", "es-MX"): the region
    # picks how dates, times and numbers are written.
    language = r.string(f.get("language"), "booklet.language", 5)
    if language and code_problem(language):
        r.problem(f["language"].line, "booklet.language", str(code_problem(shown(language))))
    native_language = r.string(f.get("native_language"), "booklet.native_language", 2)
    if native_language and not re.fullmatch(r"[a-z]{2}", native_language):
        r.problem(
            f["native_language"].line, "booklet.native_language",
            f"expected a two-letter code like ru, got '{native_language}'",
        )  # fmt: skip
    translations: list[str] = []
    language_lines = {language: f["language"].line} if "language" in f else {}
    for path, node in r.items(f.get("translations"), "booklet.translations"):
        code = r.string(node, path, 5)
        if code and code_problem(code):
            r.problem(node.line, path, str(code_problem(shown(code))))
        elif code and (code == language or code in translations):
            r.problem(node.line, path, f"'{code}' is already an edition of this content")
        elif code:
            translations.append(code)
            language_lines[code] = node.line
    return BookletInfo(
        title=r.text(f.get("title"), "booklet.title", 80),
        subtitle=r.text(f.get("subtitle"), "booklet.subtitle", 160),
        native_title=r.string(f.get("native_title"), "booklet.native_title", 60),
        native_language=native_language,
        language=language,
        translations=tuple(translations),
        local_language=r.string(f.get("local_language"), "booklet.local_language", 2)
        if "local_language" in f
        else "",
        nearby_title=r.text(f.get("nearby_title"), "booklet.nearby_title", 80)
        if "nearby_title" in f
        else "",
        edition=r.text(f.get("edition"), "booklet.edition", 40, neutral=True),
        authors=tuple(r.string(n, p, 120) for p, n in r.items(f.get("authors"), "booklet.authors")),
        keywords=tuple(r.text(n, p, 60) for p, n in r.items(f.get("keywords"), "booklet.keywords")),
        colophon=r.text(f.get("colophon"), "booklet.colophon", 1200),
        cover=_cover(r, f.get("cover"), base, decode) if "cover" in f else Cover(),
        language_lines=language_lines,
        field_lines={key: value.line for key, value in f.items()},
    )


def _cover(r: Reader, node: Node | None, base: Path, decode: bool) -> Cover:
    f = r.fields(node, "booklet.cover", (), ("image", "art"))
    if "image" in f and "art" in f:
        r.problem(f["art"].line, "booklet.cover.art", "give a cover image or art, not both")
    image = f.get("image")
    return Cover(
        image=_image(r, image, "booklet.cover.image", base, decode, ("credit", "alt"))
        if image is not None
        else None,
        art=r.choice(f.get("art"), "booklet.cover.art", COVER_ART) if "art" in f else "",
    )


def _welcome(r: Reader, node: Node | None) -> Welcome:
    f = r.fields(node, "welcome", ("title", "text"))
    return Welcome(
        r.text(f.get("title"), "welcome.title", 80), r.text(f.get("text"), "welcome.text")
    )


def _museum(r: Reader, node: Node | None) -> Museum:
    required = ("name", "local_name", "address", "website", "hours")
    optional = ("institution", "phone", "closed", "admission", "visit_length")
    names = required + optional
    f = r.fields(node, "museum", required, (*optional, "verify"))
    a = r.fields(
        f.get("address"),
        "museum.address",
        ("street", "city", "country"),
        ("line2", "neighbourhood", "borough", "region", "postal_code"),
    )
    # Place names are shared by every edition; only the country is translated (Mexico/México),
    # or written as its code ("MX") and named in each edition's language.
    places = {
        k: r.string(a.get(k), f"museum.address.{k}", 120)
        for k in ("street", "line2", "neighbourhood", "borough", "region", "postal_code", "city")
    }
    node = a.get("country")
    # A code is the same in every edition; the name CLDR gives it is already translated.
    as_code = node is not None and node.is_scalar and _COUNTRY_CODE.fullmatch(str(node.value))
    country = r.text(node, "museum.address.country", 120, neutral=bool(as_code))
    code = country_code(country)
    if as_code and not code:
        message = f"'{shown(country)}' is not a country code; write the country's name"
        r.problem(node.line if node else None, "museum.address.country", message)
    elif as_code:
        country = country_name(code, r.language)
    address = Address(**places, country=country, country_code=code)
    hours = tuple(_hours(r, p, n) for p, n in r.items(f.get("hours"), "museum.hours", 1, 14))
    verify = _verify_list(r, f.get("verify"), "museum.verify", names)
    return Museum(
        name=r.text(f.get("name"), "museum.name", 120),
        local_name=r.string(f.get("local_name"), "museum.local_name", 120),
        institution=r.string(f.get("institution"), "museum.institution", 200),
        address=address,
        website=_website(r, f.get("website")),
        phone=r.string(f.get("phone"), "museum.phone", 40),
        hours=hours,
        closed=r.text(f.get("closed"), "museum.closed", 120),
        admission=r.text(f.get("admission"), "museum.admission", 400),
        visit_length=r.text(f.get("visit_length"), "museum.visit_length", 300),
        verify=verify,
    )


def _website(r: Reader, node: Node | None) -> str:
    """The museum's address on the web, also printed as a QR code, so it must stay short.

    One URL for every edition, or one per edition (`{en: ..., es: ...}`) when the museum has a
    page in each language; an edition without its own URL uses the source language's."""
    if node is None or not node.is_mapping:
        return _qr_url(r, node, "museum.website")
    urls: dict[str, str] = {}
    for code, line in node.key_lines.items():
        if not re.fullmatch(r"[a-z]{2}", code):
            r.problem(line, f"museum.website.{code}", "expected a two-letter language code")
        else:
            urls[code] = _qr_url(r, node.value[code], f"museum.website.{code}")
    if r.source_language not in urls:
        r.problem(node.line, "museum.website", f"no '{r.source_language}' URL")
    return urls.get(r.language) or urls.get(r.source_language, "")


def _qr_url(r: Reader, node: Node | None, path: str) -> str:
    value = r.url(node, path)
    if len(value) > MAX_QR_URL:
        r.problem(node.line if node else None, path,
                  f"too long for a QR code that scans from print: {len(value)} characters, "
                  f"at most {MAX_QR_URL}")  # fmt: skip
    return value


def _hours(r: Reader, path: str, node: Node) -> Hours:
    """Times are read as written ("10:00", "10 AM", "10:00 a.m.") and printed as each
    edition's locale writes them."""
    f = r.fields(node, path, ("days", "opens", "closes"))
    times = []
    for key in ("opens", "closes"):
        value = r.string(f.get(key), f"{path}.{key}", 12)
        parsed = parse_time(value) if value else None
        if value and parsed is None:
            r.problem(
                f[key].line,
                f"{path}.{key}",
                f'expected a time like "10:00", "17:30" or "10:00 AM", got \'{shown(value)}\'',
            )
        times.append(parsed or datetime.time(0))
    opens, closes = times
    if "closes" in f and closes <= opens and closes != datetime.time(0):
        r.problem(
            f["closes"].line,
            f"{path}.closes",
            f"closes at {closes:%H:%M}, not after it opens at {opens:%H:%M}",
        )
    return Hours(r.text(f.get("days"), f"{path}.days", 80), opens, closes)


def _verify_list(
    r: Reader, node: Node | None, path: str, allowed: tuple[str, ...]
) -> frozenset[str]:
    return frozenset(r.choice(n, p, allowed) for p, n in r.items(node, path))


def _history(r: Reader, node: Node | None) -> History:
    f = r.fields(node, "history", ("chapters", "timeline"), ("intro",))
    chapters = []
    for path, item in r.items(f.get("chapters"), "history.chapters", 1, 60):
        c = r.fields(item, path, ("title", "text"))
        chapters.append(
            Chapter(
                r.text(c.get("title"), f"{path}.title", 100),
                r.text(c.get("text"), f"{path}.text", 20_000),
            )
        )
    events: list[TimelineEvent] = []
    dated: list[tuple[int, PartialDate]] = []
    for path, item in r.items(f.get("timeline"), "history.timeline", 1, 200):
        e = r.fields(item, path, ("date", "event"), ("until", "highlight"))
        before = len(r.problems)
        date = _date(r, e.get("date"), f"{path}.date")
        if len(r.problems) == before and "date" in e:
            dated.append((len(events), date))
        until = _date(r, e.get("until"), f"{path}.until") if "until" in e else None
        events.append(
            TimelineEvent(
                date,
                until,
                r.text(e.get("event"), f"{path}.event", 300),
                r.boolean(e.get("highlight"), f"{path}.highlight"),
            )
        )
    for (_, previous), (index, date) in itertools.pairwise(dated):
        if date.sort_key() < previous.sort_key():
            line = f["timeline"].value[index].line
            r.problem(line, f"history.timeline[{index}].date", "events must be in date order")
    return History(r.text(f.get("intro"), "history.intro", 2000), tuple(chapters), tuple(events))


def _date(r: Reader, node: Node | None, path: str) -> PartialDate:
    raw = r.string(node, path, 10)
    if not raw:
        return PartialDate(1, None, None)
    parsed = parse_date(raw)
    if parsed is None:
        r.problem(
            node.line if node else None,
            path,
            f'expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got \'{raw}\'',
        )
        return PartialDate(1, None, None)
    return parsed


def _rooms(r: Reader, node: Node | None, base: Path, decode: bool) -> tuple[Room, ...]:
    rooms: list[Room] = []
    seen_ids: dict[str, int] = {}
    seen_numbers: dict[int, int] = {}
    for path, item in r.items(node, "rooms", 1, 2000):
        f = r.fields(
            item,
            path,
            ("id", "number", "name", "text"),
            ("local_name", "kind", "pictogram", "summary", "highlights", "image"),
        )
        room_id = r.string(f.get("id"), f"{path}.id", 60)
        if room_id and not _SLUG.fullmatch(room_id):
            r.problem(
                f["id"].line,
                f"{path}.id",
                "use lowercase letters, digits and hyphens, like 'dining-room'",
            )
        elif room_id and room_id in seen_ids:
            r.problem(
                f["id"].line,
                f"{path}.id",
                f"id '{room_id}' already used by rooms[{seen_ids[room_id]}]",
            )
        before = len(r.problems)
        number = r.integer(f.get("number"), f"{path}.number", 1, 9999)
        number_ok = "number" in f and len(r.problems) == before
        if number_ok and number in seen_numbers:
            r.problem(
                f["number"].line,
                f"{path}.number",
                f"number {number} already used by rooms[{seen_numbers[number]}]",
            )
        index = len(rooms)
        if room_id:
            seen_ids.setdefault(room_id, index)
        if number_ok:
            seen_numbers.setdefault(number, index)
        rooms.append(
            Room(
                id=room_id,
                number=number,
                name=r.text(f.get("name"), f"{path}.name", 80),
                local_name=r.string(f.get("local_name"), f"{path}.local_name", 80)
                if "local_name" in f
                else "",
                kind=_kind(r, f.get("kind"), f"{path}.kind") if "kind" in f else "room",
                pictogram=_drawing(
                    r, f.get("pictogram"), f"{path}.pictogram", PICTOGRAMS, "pictogram"
                ),
                summary=r.text(f.get("summary"), f"{path}.summary", 300) if "summary" in f else "",
                text=r.text(f.get("text"), f"{path}.text", 20_000),
                highlights=tuple(
                    r.text(n, p, 200)
                    for p, n in r.items(f.get("highlights"), f"{path}.highlights", 0, 12)
                ),
                image=_image(r, f.get("image"), f"{path}.image", base, decode)
                if "image" in f
                else None,
                where=Located(item.line, path),
            )
        )
    return tuple(rooms)


def _kind(r: Reader, node: Node | None, path: str) -> str:
    old = node.value if node is not None and node.is_scalar else None
    if isinstance(old, str) and old in _RENAMED_KINDS:
        new = _RENAMED_KINDS[old]
        r.problem(node.line if node else None, path, f"kind '{old}' is now called '{new}'")
        return new
    return r.choice(node, path, ROOM_KINDS)


def _drawing(r: Reader, node: Node | None, path: str, names: tuple[str, ...], what: str) -> str:
    """A pictogram or icon name; absent or `none` is "" (no drawing)."""
    name = r.string(node, path, 40) if node is not None else ""
    if name and name != NONE and name not in names:
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of {', '.join(names)} or none"
        r.problem(node.line if node else None, path, f"no {what} called '{shown(name)}'; {hint}")
    return "" if name == NONE else name


def _image(
    r: Reader,
    node: Node | None,
    path: str,
    base: Path,
    decode: bool,
    optional: tuple[str, ...] = ("caption", "credit", "alt"),
) -> Image:
    f = r.fields(node, path, ("file",), optional)
    name = r.string(f.get("file"), f"{path}.file", 300)
    line = f["file"].line if "file" in f else (node.line if node else None)
    resolved = base / name
    if name:
        resolved, problem = resolve_content_file(base, name)
        if problem is None:
            try:
                inspect_image(resolved, decode)
            except ImageProblem as exc:
                problem = str(exc)
        if problem:
            r.problem(line, f"{path}.file", problem)
    return Image(
        path=resolved,
        caption=r.text(f.get("caption"), f"{path}.caption", 300) if "caption" in f else "",
        credit=r.text(f.get("credit"), f"{path}.credit", 200, neutral=True)
        if "credit" in f
        else "",
        alt=r.text(f.get("alt"), f"{path}.alt", 300, read_aloud=True) if "alt" in f else "",
        where=Located(line, f"{path}.file"),
    )


def _plan(r: Reader, node: Node | None, rooms: tuple[Room, ...]) -> Plan:
    f = r.fields(
        node, "plan", ("areas",), ("title", "caption", "size", "streets", "entrance", "features")
    )
    before = len(r.problems)
    size = _point(r, f.get("size"), "plan.size") if "size" in f else (100.0, 70.0)
    if len(r.problems) > before:
        size = (100.0, 70.0)
    elif size[0] <= 0 or size[1] <= 0:
        r.problem(f["size"].line, "plan.size", "width and height must be positive")
        size = (100.0, 70.0)
    streets = []
    for path, item in r.items(f.get("streets"), "plan.streets", 0, 4):
        s = r.fields(item, path, ("name", "side"))
        streets.append(
            Street(
                r.text(s.get("name"), f"{path}.name", 80),
                r.choice(s.get("side"), f"{path}.side", STREET_SIDES),
            )
        )
    entrance = _point(r, f.get("entrance"), "plan.entrance", size) if "entrance" in f else None
    features = []
    for path, item in r.items(f.get("features"), "plan.features", 0, 40):
        s = r.fields(item, path, ("name", "outline"))
        features.append(
            PlanShape(
                r.text(s.get("name"), f"{path}.name", 80),
                _outline(r, s.get("outline"), f"{path}.outline", size),
            )
        )
    room_ids = {room.id for room in rooms}
    areas = []
    for path, item in r.items(f.get("areas"), "plan.areas", 1, 2000):
        s = r.fields(item, path, ("room", "outline"))
        room_id = r.string(s.get("room"), f"{path}.room", 60)
        if room_id and room_id not in room_ids:
            close = difflib.get_close_matches(room_id, sorted(room_ids), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            r.problem(s["room"].line, f"{path}.room", f"no room has id '{room_id}'{hint}")
        areas.append(
            PlanShape(room_id, _outline(r, s.get("outline"), f"{path}.outline", size), room_id)
        )
    return Plan(
        title=r.text(f.get("title"), "plan.title", 80) if "title" in f else "",
        caption=r.text(f.get("caption"), "plan.caption", 300) if "caption" in f else "",
        size=size,
        streets=tuple(streets),
        entrance=entrance,
        features=tuple(features),
        areas=tuple(areas),
    )


def _point(r: Reader, node: Node | None, path: str, bounds: Point | None = None) -> Point:
    values = [r.number(n, p) for p, n in r.items(node, path)]
    if len(values) != 2:
        got = counted(len(values), "number")
        r.problem(node.line if node else None, path, f"expected [x, y], got {got}")
        return (0.0, 0.0)
    x, y = values
    if bounds and not (0 <= x <= bounds[0] and 0 <= y <= bounds[1]):
        r.problem(
            node.line if node else None,
            path,
            f"point ({x:g}, {y:g}) is outside plan.size {bounds[0]:g} x {bounds[1]:g}",
        )
    return (x, y)


def _outline(r: Reader, node: Node | None, path: str, size: Point) -> tuple[Point, ...]:
    points = tuple(_point(r, n, p, size) for p, n in r.items(node, path, 3, 64))
    return points


def _tip(r: Reader, path: str, node: Node) -> Tip:
    f = r.fields(node, path, ("title", "text"), ("icon",))
    icon = _drawing(r, f.get("icon"), f"{path}.icon", TIP_ICONS, "tip icon")
    return Tip(
        r.text(f.get("title"), f"{path}.title", 80),
        r.text(f.get("text"), f"{path}.text", 1200),
        icon,
        Located(f["text"].line if "text" in f else node.line, f"{path}.text"),
    )


def _nearby(r: Reader, path: str, node: Node) -> NearbyPlace:
    f = r.fields(node, path, ("name", "text"), ("local_name", "walk_minutes"))
    return NearbyPlace(
        name=r.text(f.get("name"), f"{path}.name", 100),
        local_name=r.string(f.get("local_name"), f"{path}.local_name", 100)
        if "local_name" in f
        else "",
        walk_minutes=r.integer(f.get("walk_minutes"), f"{path}.walk_minutes", 1, 240)
        if "walk_minutes" in f
        else None,
        text=r.text(f.get("text"), f"{path}.text", 2000),
    )


def _practical(r: Reader, node: Node | None) -> Practical:
    names = ("getting_there", "accessibility", "photography", "bags")
    f = r.fields(node, "practical", ("getting_there",), (*names[1:], "verify_note", "verify"))
    texts = {
        k: (r.text(f.get(k), f"practical.{k}", 2000) if k in f else "")
        for k in (*names, "verify_note")
    }
    return Practical(**texts, verify=_verify_list(r, f.get("verify"), "practical.verify", names))


def _source(r: Reader, path: str, node: Node) -> Source:
    f = r.fields(node, path, ("title",), ("url",))
    return Source(
        r.text(f.get("title"), f"{path}.title", 300),
        r.url(f.get("url"), f"{path}.url") if "url" in f else "",
    )


def _theme(r: Reader, node: Node | None, base: Path) -> ThemeChoice:
    f = r.fields(node, "theme", (), ("paper", "palette", "fonts"))
    paper = r.choice(f.get("paper"), "theme.paper", PAPERS) if "paper" in f else "half-letter"
    colours = ("paper", "ink", "muted", "accent", "secondary")
    p = r.fields(f.get("palette"), "theme.palette", (), colours)
    palette = {}
    for key, value_node in p.items():
        if value_node.tag == "tag:yaml.org,2002:null" and not value_node.quoted:
            hint = "a colour starts with '#', which YAML reads as a comment"
            r.problem(
                value_node.line,
                f"theme.palette.{key}",
                f'empty; {hint}: put it in quotes, like "#b0271f"',
            )
            continue
        before = len(r.problems)
        value = r.string(value_node, f"theme.palette.{key}", 7)
        if len(r.problems) > before:
            continue
        if not _HEX.fullmatch(value):
            r.problem(
                value_node.line,
                f"theme.palette.{key}",
                f"expected a colour like \"#b0271f\", got '{shown(value)}'",
            )
        else:
            palette[key] = value.lower()
    fonts = read_fonts(r, f.get("fonts"), base) if "fonts" in f else FontChoice()
    return ThemeChoice(paper, palette, fonts)
