"""The reader and the content model, on small inline YAML: milliseconds per case.

The command-line tests (test_validation.py, test_hostile.py) show the same rules end to end on
real files; these pin each rule and each default at the lowest level that shows it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from booklet.content.errors import ContentError
from booklet.content.model import Content, read_content
from booklet.content.reader import Reader
from booklet.content.source import Node, load_source

MINIMAL = """\
booklet: {title: {en: Title, es: Título}, subtitle: Sub, language: en, edition: "2026"}
welcome: {title: Welcome, text: Hello.}
museum:
  name: The Museum
  local_name: El Museo
  address: {street: Calle 1, city: Ciudad, country: Mexico}
  website: https://example.org
  hours: [{days: Tue–Sun, opens: "10:00", closes: "17:00"}]
history:
  chapters: [{title: Then, text: It was.}]
  timeline: [{date: "1937", event: Arrival}]
plan:
  areas: [{room: study, outline: [[1, 1], [5, 1], [5, 5]]}]
rooms:
  - {id: study, number: 1, name: Study, text: The desk.}
tips: [{title: Early, text: Quiet.}]
practical: {getting_there: Walk.}
"""


def parse(text: str) -> Node:
    return load_source(textwrap.dedent(text).encode(), "content.yaml")


def content(text: str = MINIMAL, language: str | None = None) -> Content:
    return read_content(parse(text), Path("/museum/content.yaml"), language)


def problems(text: str, language: str | None = None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        content(text, language)
    return [str(p) for p in caught.value.problems]


def with_(old: str, new: str) -> str:
    assert MINIMAL.count(old) == 1, old
    return MINIMAL.replace(old, new)


# -- defaults ---------------------------------------------------------------------------------


def test_the_minimal_content_takes_every_default() -> None:
    c = content()
    room = c.rooms[0]
    assert (room.kind, room.pictogram, room.local_name, room.summary, room.image) == (
        "room", "", "", "", None,
    )  # fmt: skip
    assert c.tips[0].icon == ""  # no drawing
    assert c.theme.paper == "half-letter" and c.theme.palette == {}
    assert c.plan.size == (100.0, 70.0) and c.plan.entrance is None
    assert c.history.timeline[0].until is None and not c.history.timeline[0].highlight
    assert c.nearby == () and c.sources == ()
    assert c.booklet.translations == () and c.booklet.local_language == ""
    assert c.museum.hours[0].line(c.labels) == "Tue–Sun: 10:00\u00a0AM–5:00\u00a0PM"


def test_optional_fields_are_read_when_given() -> None:
    c = content(
        with_(
            "{id: study, number: 1, name: Study, text: The desk.}",
            "{id: study, number: 1, name: Study, text: The desk., kind: structure, "
            "pictogram: tower, summary: High., local_name: Torre}",
        )
        + "nearby: [{name: Market, text: Food., walk_minutes: 5}]\n"
        + 'theme: {paper: a5, palette: {accent: "#AABBCC"}}\n'
    )
    room = c.rooms[0]
    assert (room.kind, room.pictogram, room.summary, room.local_name) == (
        "structure", "tower", "High.", "Torre",
    )  # fmt: skip
    assert c.nearby[0].walk_minutes == 5
    assert c.theme.paper == "a5" and c.theme.palette == {"accent": "#aabbcc"}


# -- editions ---------------------------------------------------------------------------------


def test_a_text_resolves_to_the_edition_and_collects_what_is_untranslated() -> None:
    text = with_("booklet: {", "booklet: {translations: [es], ")
    spanish = content(text, "es")
    assert spanish.language == "es" and spanish.booklet.title == "Título"
    assert spanish.welcome.title == "Welcome"  # a plain string prints as written...
    untranslated = {p.field for p in spanish.untranslated}
    assert {"booklet.subtitle", "welcome.title", "rooms[0].name"} <= untranslated
    assert "booklet.title" not in untranslated  # ...and only a mapping counts as translated
    assert content(text).untranslated == ()


def test_an_edition_the_content_lacks_is_a_problem() -> None:
    assert problems(MINIMAL, "fr") == [
        "content.yaml:1: booklet.translations: the content has no 'fr' edition (en)"
    ]


# -- problems, all at once, with line and field -----------------------------------------------


def test_unknown_and_missing_fields() -> None:
    found = problems(with_("welcome: {title: Welcome, text: Hello.}", "welcome: {titel: Welcome}"))
    assert found == [
        "content.yaml:2: welcome.titel: unknown field; did you mean 'title'?",
        "content.yaml:2: welcome.text: required field is missing",
    ]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("number: 1,", "number: one,", "rooms[0].number: expected a whole number, got text 'one'"),
        ("number: 1,", "number: 0,", "rooms[0].number: must be between 1 and 9999, got 0"),
        ('opens: "10:00"', "opens: 10:00", 'museum.hours[0].opens: YAML reads 10:00 as a number; '
         'put it in quotes: "10:00"'),
        ('opens: "10:00"', 'opens: "25:00"', 'museum.hours[0].opens: expected a time like '
         '"10:00", "17:30" or "10:00 AM", got \'25:00\''),
        ('date: "1937"', 'date: "37"', "history.timeline[0].date: expected \"YYYY\", "
         "\"YYYY-MM\" or \"YYYY-MM-DD\", got '37'"),
        ("event: Arrival}", "event: Arrival, highlight: yes}", "history.timeline[0].highlight: "
         "expected true or false, got a yes/no value (yes)"),
        ("[[1, 1], [5, 1], [5, 5]]", "[[1, 1], [5, 1], [500, 5]]", "plan.areas[0].outline[2]: "
         "point (500, 5) is outside plan.size 100 x 70"),
        ("{room: study,", "{room: studdy,", "plan.areas[0].room: no room has id 'studdy'; "
         "did you mean 'study'?"),
        ("website: https://example.org", "website: javascript:x", "museum.website: links must "
         "start with http://, https:// or mailto:, got 'javascript:x'"),
        ("{title: Early, text: Quiet.}", "{title: Early, text: Quiet., icon: clok}",
         "tips[0].icon: no tip icon called 'clok'; did you mean 'clock'?"),
    ],
)  # fmt: skip
def test_one_wrong_value(old: str, new: str, problem: str) -> None:
    [found] = problems(with_(old, new))
    assert found.split(": ", 1)[1] == problem


def test_timeline_dates_must_be_in_order_and_a_bad_date_is_reported_once() -> None:
    text = with_(
        'timeline: [{date: "1937", event: Arrival}]',
        'timeline: [{date: "1940", event: B}, {date: "1939", event: A}, {date: "x", event: C}]',
    )
    assert [p.split(": ", 1)[1] for p in problems(text)] == [
        'history.timeline[2].date: expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got \'x\'',
        "history.timeline[1].date: events must be in date order",
    ]


def test_duplicate_room_ids_and_numbers_name_the_first() -> None:
    text = with_(
        "  - {id: study, number: 1, name: Study, text: The desk.}",
        "  - {id: study, number: 1, name: Study, text: The desk.}\n"
        "  - {id: study, number: 1, name: Again, text: Again.}",
    )
    assert [p.split(": ", 1)[1] for p in problems(text)] == [
        "rooms[1].id: id 'study' already used by rooms[0]",
        "rooms[1].number: number 1 already used by rooms[0]",
    ]


def test_a_bad_room_number_is_not_also_a_duplicate() -> None:
    text = with_(
        "  - {id: study, number: 1, name: Study, text: The desk.}",
        "  - {id: study, number: x, name: Study, text: The desk.}\n"
        "  - {id: hall, number: x, name: Hall, text: Wide.}",
    )
    assert len(problems(text)) == 2


def test_a_bad_plan_size_falls_back_without_more_problems() -> None:
    [found] = problems(with_("plan:\n", "plan:\n  size: [100]\n"))
    assert found.endswith("plan.size: expected [x, y], got 1 number")


def test_a_palette_colour_hidden_by_a_comment_gets_a_hint() -> None:
    [found] = problems(MINIMAL + "theme:\n  palette:\n    accent: #b0271f\n")
    assert "theme.palette.accent: empty; a colour starts with '#'" in found


def test_a_palette_colour_must_be_hex() -> None:
    [found] = problems(MINIMAL + 'theme: {palette: {accent: "red"}}\n')
    assert found.endswith("theme.palette.accent: expected a colour like \"#b0271f\", got 'red'")


# -- the reader on its own --------------------------------------------------------------------


def test_the_reader_collects_problems_instead_of_stopping() -> None:
    root = parse("a: [1]\nb: yes\nc: 1.5\n")
    r = Reader("content.yaml", "en")
    f = r.fields(root, "", ("a", "b", "c", "d"))
    r.string(f["a"], "a")
    r.boolean(f["b"], "b")
    assert r.number(f["c"], "c") == 1.5
    assert [str(p) for p in r.problems] == [
        "content.yaml:1: d: required field is missing",
        "content.yaml:1: a: expected text, got a list",
        "content.yaml:2: b: expected true or false, got a yes/no value (yes)",
    ]
