"""The content model: what a booklet says, as typed, validated, read-only data.

`read_content` reads a node tree through the declaration (declaration.py: every field, its kind,
whether it is required and its default) into a Content for one language, then applies the rules
that span fields (unique room ids and numbers, dates in order, plan points inside the plan), or
raises ContentError with every problem found. A section the file leaves out is empty here (or
None: welcome, plan), and the layout leaves its pages out.
"""

from __future__ import annotations

import datetime
import difflib
import itertools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from booklet.content import declaration as d
from booklet.content.dates import PartialDate
from booklet.content.errors import ContentError, Problem
from booklet.content.kinds import Fields, slug
from booklet.content.reader import Reader
from booklet.content.source import Node
from booklet.labels import Labels, load_labels
from booklet.labels.tables import MuseumTables
from booklet.locales.addresses import PostalAddress, address_lines
from booklet.locales.codes import parse_code


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

    def line(self, labels: Labels) -> str:
        """The opening hours as printed in the booklet and the email, times as the edition's
        locale writes them: "Tuesday to Sunday: 10:00 AM–5:00 PM"."""
        return f"{self.days}{labels['colon']}{labels.time_range(self.opens, self.closes)}"


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
    where: Located = field(default=Located(None, "plan"), compare=False)


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
class Mail:
    """What `booklet send` takes from the content: the sender ("Name <address>" or an
    address), used when no --from is given."""

    sender: str = ""
    line: int | None = None


@dataclass(frozen=True)
class ThemeChoice:
    paper: str
    palette: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Content:
    """One language's view of a content file, ready for layout."""

    file: Path
    language: str
    booklet: BookletInfo
    welcome: Welcome | None
    museum: Museum
    history: History
    plan: Plan | None
    rooms: tuple[Room, ...]
    tips: tuple[Tip, ...]
    nearby: tuple[NearbyPlace, ...]
    practical: Practical
    sources: tuple[Source, ...]
    theme: ThemeChoice
    labels: Labels = field(compare=False, repr=False)
    """The edition's fixed words: booklet's table for its language with the museum's own."""
    mail: Mail = Mail()
    untranslated: tuple[Problem, ...] = ()
    untranslated_read_aloud: tuple[Problem, ...] = ()  # alt texts: spoken, not printed
    section_lines: dict[str, int] = field(default_factory=dict)


def read_content(
    root: Node,
    file: Path,
    language: str | None = None,
    decode_images: bool = False,
    museum_labels: MuseumTables | None = None,
) -> Content:
    """Validate the whole tree for one language (None: the content's own language).

    `decode_images` decodes every image in full (for `check`); otherwise only headers are read
    here and damaged image data is reported, with its line, when the images are processed.
    `museum_labels` are the museum's own tables of fixed words (content/label_files.py)."""
    name = file.name
    if not root.is_mapping:
        raise ContentError([Problem(
            name, root.line, "",
            "expected a mapping of sections (booklet:, museum:, rooms: ...) at the top of the file",
        )])  # fmt: skip
    source_language = _source_language(root.value.get("booklet"))
    r = Reader(name, language or source_language, source_language,
               base=file.parent, decode_images=decode_images)  # fmt: skip
    top = d.CONTENT.read(r, root, "")
    booklet = _booklet(r, top["booklet"])
    rooms = _rooms(r, top["rooms"], top.nodes.get("rooms"))
    content = Content(
        file=file,
        language=r.language,
        booklet=booklet,
        welcome=Welcome(**top["welcome"]) if "welcome" in top.nodes else None,
        museum=_museum(r, top["museum"]),
        history=_history(r, top["history"]),
        plan=_plan(r, top["plan"], rooms) if "plan" in top.nodes else None,
        rooms=rooms,
        tips=tuple(_tip(tip) for tip in top["tips"]),
        nearby=tuple(NearbyPlace(**place) for place in top["nearby"]),
        practical=Practical(**{**top["practical"],
                               "verify": frozenset(top["practical"]["verify"])}),
        sources=tuple(Source(**source) for source in top["sources"]),
        theme=ThemeChoice(top["theme"]["paper"],
                          {k: v for k, v in top["theme"]["palette"].items() if v}),
        labels=load_labels(r.language, museum_labels),
        mail=Mail(top["mail"]["from"], top["mail"].line_of("from")),
    )  # fmt: skip
    if language and language != source_language and language not in booklet.translations:
        section = top["booklet"]
        editions = ", ".join([source_language, *booklet.translations])
        r.problem(section.line_of("translations"), "booklet.translations",
                  f"the content has no '{language}' edition ({editions})")  # fmt: skip
    if r.problems:
        raise ContentError(sorted(r.problems, key=lambda p: p.line or 0))
    return replace(
        content,
        untranslated=tuple(r.untranslated),
        untranslated_read_aloud=tuple(r.untranslated_read_aloud),
        section_lines=dict(root.key_lines),
    )


def _source_language(node: Node | None) -> str:
    if node is not None and node.is_mapping:
        lang = node.value.get("language")
        if lang is not None and lang.is_scalar and parse_code(lang.value) is not None:
            return str(lang.value)
    return "en"


def _booklet(r: Reader, f: Fields) -> BookletInfo:
    language = f["language"]
    language_lines = {language: f.nodes["language"].line} if "language" in f.nodes else {}
    translations: list[str] = []
    if "translations" in f.nodes:
        for node, code in zip(f.nodes["translations"].value, f["translations"], strict=False):
            if code and (code == language or code in translations):
                path = f"booklet.translations[{len(translations)}]"
                r.problem(node.line, path, f"'{code}' is already an edition of this content")
            elif code:
                translations.append(code)
                language_lines[code] = node.line
    cover = f["cover"]
    if "image" in cover.nodes and "art" in cover.nodes:
        r.problem(cover.line_of("art"), "booklet.cover.art", "give a cover image or art, not both")
    values = {k: v for k, v in f.items() if k not in ("cover", "translations", "authors",
                                                      "keywords")}  # fmt: skip
    return BookletInfo(
        **values,
        translations=tuple(translations),
        authors=tuple(f["authors"]),
        keywords=tuple(f["keywords"]),
        cover=Cover(_image(cover["image"]) if "image" in cover.nodes else None, cover["art"]),
        language_lines=language_lines,
        field_lines={key: node.line for key, node in f.nodes.items()},
    )


def _image(f: Fields) -> Image:
    return Image(
        path=f["file"],
        caption=f.get("caption", ""),
        credit=f["credit"],
        alt=f["alt"],
        where=Located(f.line_of("file"), f"{f.path}.file"),
    )


def _museum(r: Reader, f: Fields) -> Museum:
    address = f["address"]
    country, code = address["country"] or ("", "")
    for hours in f["hours"]:
        opens, closes = hours["opens"], hours["closes"]
        if opens is not None and closes is not None and opens >= closes != datetime.time(0):
            r.problem(hours.line_of("closes"), f"{hours.path}.closes",
                      f"closes at {closes:%H:%M}, not after it opens at {opens:%H:%M}")  # fmt: skip
    return Museum(
        **{k: v for k, v in f.items() if k not in ("address", "hours", "verify")},
        address=Address(**{**address, "country": country}, country_code=code),
        hours=tuple(Hours(**hours) for hours in f["hours"]),
        verify=frozenset(f["verify"]),
    )


def _history(r: Reader, f: Fields) -> History:
    events = f["timeline"]
    dated = [(index, e["date"]) for index, e in enumerate(events) if e["date"] is not None]
    for (_, previous), (index, date) in itertools.pairwise(dated):
        if date.sort_key() < previous.sort_key():
            r.problem(events[index].line, f"history.timeline[{index}].date",
                      "events must be in date order")  # fmt: skip
    return History(
        f["intro"],
        tuple(Chapter(**chapter) for chapter in f["chapters"]),
        tuple(TimelineEvent(e["date"] or PartialDate(1), e["until"], e["event"], e["highlight"])
              for e in events),
    )  # fmt: skip


def _rooms(r: Reader, items: list[Fields], node: Node | None) -> tuple[Room, ...]:
    """Rooms with their ids (default: a slug of the name) and numbers (default: the position),
    each id and number used once."""
    ids: dict[str, int] = {}
    for index, f in enumerate(items):
        if f["id"]:
            if f["id"] in ids:
                r.problem(f.line_of("id"), f"{f.path}.id",
                          f"id '{f['id']}' already used by rooms[{ids[f['id']]}]")  # fmt: skip
            ids.setdefault(f["id"], index)
    numbers: dict[int, int] = {}
    rooms = []
    for index, f in enumerate(items):
        number = f["number"] if "number" in f.nodes else index + 1
        if number is not None and number in numbers:
            by = f"rooms[{numbers[number]}]"
            if "number" not in items[numbers[number]].nodes:
                by += " (numbered by its position)"
            r.problem(f.line_of("number"), f"{f.path}.number",
                      f"number {number} already used by {by}")  # fmt: skip
        if number is not None:
            numbers.setdefault(number, index)
        room_id = f["id"] if "id" in f.nodes else _default_id(r, f, ids, index, number)
        values = {k: v for k, v in f.items() if k not in ("id", "number", "highlights", "image")}
        rooms.append(Room(
            **values, id=room_id, number=number or 0, highlights=tuple(f["highlights"]),
            image=_image(f["image"]) if "image" in f.nodes else None,
            where=Located(f.line, f.path),
        ))  # fmt: skip
    return tuple(rooms)


def _default_id(r: Reader, f: Fields, taken: dict[str, int], index: int, number: Any) -> str:
    """A slug of the room's name in the content's own language (the same in every edition),
    made unique with -2, -3...; a name with no Latin letters gives room-NUMBER."""
    name = f.nodes.get("name")
    if name is not None and name.is_mapping:
        name = name.value.get(r.source_language)
    base = (slug(name.value) if name is not None and name.is_scalar else "") or f"room-{number}"
    room_id, suffix = base, 2
    while room_id in taken:
        room_id, suffix = f"{base}-{suffix}", suffix + 1
    taken[room_id] = index
    return room_id


def _plan(r: Reader, f: Fields, rooms: tuple[Room, ...]) -> Plan:
    size = f["size"] or d.PLAN_SIZE
    if size[0] <= 0 or size[1] <= 0:
        r.problem(f.line_of("size"), "plan.size", "width and height must be positive")
        size = d.PLAN_SIZE
    if f["entrance"] is not None:
        _inside(r, f["entrance"], f.nodes["entrance"], "plan.entrance", size)
    room_ids = sorted(room.id for room in rooms if room.id)
    features, areas = [], []
    for shape in f["features"]:
        features.append(PlanShape(shape["name"], _outline(r, shape, size),
                                  where=Located(shape.line, shape.path)))  # fmt: skip
    for area in f["areas"]:
        room_id = area["room"]
        if room_id and room_id not in room_ids:
            close = difflib.get_close_matches(room_id, room_ids, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            r.problem(area.line_of("room"), f"{area.path}.room",
                      f"no room has id '{room_id}'{hint}")  # fmt: skip
        areas.append(PlanShape(room_id, _outline(r, area, size), room_id,
                               Located(area.line, area.path)))  # fmt: skip
    return Plan(
        title=f["title"],
        caption=f["caption"],
        size=size,
        streets=tuple(Street(**street) for street in f["streets"]),
        entrance=f["entrance"],
        features=tuple(features),
        areas=tuple(areas),
    )


def _outline(r: Reader, shape: Fields, size: Point) -> tuple[Point, ...]:
    points = [point or (0.0, 0.0) for point in shape["outline"]]
    nodes = shape.nodes["outline"].value if "outline" in shape.nodes else []
    for index, (point, node) in enumerate(zip(points, nodes, strict=False)):
        _inside(r, point, node, f"{shape.path}.outline[{index}]", size)
    return tuple(points)


def _inside(r: Reader, point: Point | None, node: Node, path: str, size: Point) -> None:
    if point is not None and not (0 <= point[0] <= size[0] and 0 <= point[1] <= size[1]):
        r.problem(node.line, path, f"point ({point[0]:g}, {point[1]:g}) is outside plan.size "
                                   f"{size[0]:g} x {size[1]:g}")  # fmt: skip


def _tip(f: Fields) -> Tip:
    return Tip(f["title"], f["text"], f["icon"], Located(f.line_of("text"), f"{f.path}.text"))
