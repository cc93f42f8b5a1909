"""Any museum: only what every museum has is required, and the booklet leaves out the rest.

The model's defaults and the one-round report are pinned on inline YAML; a few small builds
show each absence in the PDF (sections by their bookmarks, text by page); the two example
projects in examples/ are built and read back.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.content.errors import ContentError
from booklet.content.model import Content, read_content
from booklet.content.plan_checks import plan_warnings
from booklet.content.source import load_source
from tests.conftest import MINIMAL, ROOT, build_file, run_cli

PLAN = """\
plan:
  areas:
    - {room: the-wheel-room, outline: [[0, 0], [50, 0], [50, 40], [0, 40]]}
"""


def content(text: str, folder: Path = Path("/museum")) -> Content:
    return read_content(load_source(textwrap.dedent(text).encode(), "content.yaml"),
                        folder / "content.yaml")  # fmt: skip


def problems(text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        content(text)
    return [str(p) for p in caught.value.problems]


def with_rooms(*rooms: str) -> str:
    """MINIMAL with these rooms (each a flow mapping) instead of its own."""
    return MINIMAL[: MINIMAL.index("rooms:")] + "rooms:\n" + "".join(f"  - {r}\n" for r in rooms)


def outline(pdf: Path) -> list[str]:
    """The top-level bookmarks: the booklet's sections in order."""
    return [entry.title for entry in PdfReader(pdf).outline if not isinstance(entry, list)]


def texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def build(tmp_path: Path, text: str, name: str = "booklet.pdf", **options: object) -> Path:
    folder = tmp_path / name.removesuffix(".pdf")
    folder.mkdir()
    (folder / "content.yaml").write_text(text, encoding="utf-8")
    out = folder / name
    build_file(folder / "content.yaml", out, **options)
    return out


# -- the model: what is required, and the defaults -------------------------------------------


def test_the_four_required_things_make_a_content() -> None:
    c = content(MINIMAL)
    assert c.welcome is None and c.plan is None
    assert (c.tips, c.nearby, c.sources) == ((), (), ())
    assert c.history.intro == "" and c.history.chapters == () and c.history.timeline == ()
    assert c.practical.getting_there == "" and c.museum.website == "" and c.museum.hours == ()
    assert c.booklet.language == "en" and c.booklet.subtitle == "" and c.booklet.edition == ""
    [room] = c.rooms
    assert (room.id, room.number, room.kind, room.pictogram) == ("the-wheel-room", 1, "room", "")


def test_an_empty_file_names_every_required_field_in_one_round() -> None:
    assert problems("{}\n") == [
        "content.yaml:1: booklet.title: required field is missing",
        "content.yaml:1: museum.name: required field is missing",
        "content.yaml:1: museum.address.street: required field is missing",
        "content.yaml:1: museum.address.city: required field is missing",
        "content.yaml:1: museum.address.country: required field is missing",
        "content.yaml:1: rooms: required field is missing; add at least one room with name "
        "and text",
    ]


def test_a_missing_address_is_reported_with_its_siblings() -> None:
    text = MINIMAL.replace(
        '  address: {street: "1 Mill Lane", city: "Harrow Creek", country: "United States"}\n',
        "",
    )
    assert problems(text) == [
        "content.yaml:4: museum.address.street: required field is missing",
        "content.yaml:4: museum.address.city: required field is missing",
        "content.yaml:4: museum.address.country: required field is missing",
    ]


def test_room_ids_are_slugs_of_their_names_made_unique() -> None:
    c = content(with_rooms(
        '{name: "Gallery", text: A.}',
        '{name: "Gallery", text: B.}',
        '{name: "Café & Garden: 1900–1950", text: C.}',
        '{name: {en: "The Study", es: "El estudio"}, text: D.}',
        '{name: "Кухня", text: E.}',
        '{id: gallery-3, name: "Gallery", text: F.}',
    ))  # fmt: skip
    assert [room.id for room in c.rooms] == [
        "gallery", "gallery-2", "cafe-garden-1900-1950", "the-study", "room-5", "gallery-3",
    ]  # fmt: skip
    assert [room.number for room in c.rooms] == [1, 2, 3, 4, 5, 6]


def test_a_number_given_twice_names_the_room_numbered_by_position() -> None:
    found = problems(with_rooms("{name: A, text: A.}", "{name: B, number: 1, text: B.}"))
    assert found == [
        "content.yaml:8: rooms[1].number: number 1 already used by rooms[0] "
        "(numbered by its position)"
    ]


def test_the_plan_names_rooms_by_their_default_ids() -> None:
    c = content(MINIMAL + PLAN)
    assert c.plan is not None and c.plan.areas[0].room == "the-wheel-room"


# -- plan warnings ----------------------------------------------------------------------------


def test_a_room_missing_from_the_plan_is_a_warning() -> None:
    c = content(with_rooms('{name: "Wheel Room", text: A.}', '{name: "Loft", text: B.}')
                + PLAN.replace("the-wheel-room", "wheel-room"))  # fmt: skip
    assert [str(w) for w in plan_warnings(c)] == [
        "content.yaml:8: rooms[1]: room 2 (loft) is not on the plan; add an area for it to "
        "plan.areas, unless it has no place there"
    ]


@pytest.mark.parametrize(
    ("second", "overlaps"),
    [
        ("[[50, 0], [100, 0], [100, 40], [50, 40]]", False),  # shares a wall
        ("[[40, 10], [90, 10], [90, 60], [40, 60]]", True),  # a corner over the first
        ("[[0, 40], [100, 40], [100, 70], [60, 70], [60, 50], [0, 50]]", False),  # an L below
        ("[[10, 10], [20, 10], [20, 20], [10, 20]]", True),  # wholly inside
    ],
)
def test_overlapping_plan_areas_are_a_warning_shared_walls_are_not(
    second: str, overlaps: bool
) -> None:
    text = with_rooms('{name: "Wheel Room", text: A.}', '{name: "Loft", text: B.}') + PLAN.replace(
        "the-wheel-room", "wheel-room"
    ) + f"    - {{room: loft, outline: {second}}}\n"  # fmt: skip
    warnings = [str(w) for w in plan_warnings(content(text))]
    expected = ["content.yaml:12: plan.areas[1]: overlaps plan.areas[0] (loft and wheel-room); "
                "check their outlines"]  # fmt: skip
    assert warnings == (expected if overlaps else [])


def test_check_prints_plan_warnings_and_passes(tmp_path: Path) -> None:
    (tmp_path / "content.yaml").write_text(
        with_rooms('{name: "Wheel Room", text: A.}', '{name: "Loft", text: B.}')
        + PLAN.replace("the-wheel-room", "wheel-room"),
        encoding="utf-8",
    )
    code, _, err = run_cli("check", str(tmp_path))
    assert code == 0, err
    assert err.splitlines()[0].startswith("warning: content.yaml:8: rooms[1]: room 2 (loft)")


# -- the booklet leaves out what is absent ---------------------------------------------------


def test_the_minimal_booklet_is_cover_contents_room_and_back(tmp_path: Path) -> None:
    pdf = build(tmp_path, MINIMAL)
    assert outline(pdf) == ["Contents", "Room by room"]
    pages = texts(pdf)
    assert len(pages) == 4
    assert "The Mill" in pages[0] and "Edition" not in pages[0]
    assert "The wheel turned here." in pages[2]
    assert "1 Mill Lane" in pages[-1] and "http" not in " ".join(pages)
    for absent in ("Welcome", "History", "Timeline", "Plan", "Tips", "Practical", "Scan"):
        assert absent not in " ".join(pages), absent


def test_history_and_timeline_each_stand_alone(tmp_path: Path) -> None:
    chapters = MINIMAL + "history:\n  chapters: [{title: Then, text: It was.}]\n"
    timeline = MINIMAL + 'history:\n  timeline: [{date: "1880", event: Built}]\n'
    assert outline(build(tmp_path, chapters, "chapters.pdf")) == [
        "Contents", "History", "Room by room",
    ]  # fmt: skip
    assert outline(build(tmp_path, timeline, "timeline.pdf")) == [
        "Contents", "Timeline", "Room by room",
    ]  # fmt: skip


def test_the_practical_page_has_only_the_details_given(tmp_path: Path) -> None:
    pdf = build(tmp_path, MINIMAL + "practical: {getting_there: Bus 12 to Mill Lane.}\n")
    assert outline(pdf)[-1] == "Practical information"
    page = texts(pdf)[-2]
    assert "GETTING THERE" in page and "Bus 12 to Mill Lane." in page
    for absent in ("OPENING HOURS", "ADMISSION", "PHONE", "ACCESSIBILITY", "SCAN"):
        assert absent not in page, absent


def test_print_spare_pages_without_a_plan_are_the_checklist_and_notes(tmp_path: Path) -> None:
    # Rooms over half a page each, so that each has its own page (short ones share one).
    words = "The mill wheel turned here for a century of harvests. " * 30
    rooms = [f'{{name: "Room {n}", text: "Text {n}. {words}"}}' for n in range(1, 4)]
    pdf = build(tmp_path, with_rooms(*rooms), profile="print")
    pages = texts(pdf)
    assert len(pages) == 8  # cover, contents, three rooms, checklist, notes, back
    assert pages[5].startswith("Your visit") and pages[6].startswith("Notes")
    assert not any("plan" in page.casefold() for page in pages)


# -- the examples -----------------------------------------------------------------------------

EXAMPLES = ROOT / "examples"


def test_the_small_town_example(tmp_path: Path) -> None:
    """Four rooms, a photo cover, history chapters but no timeline, no plan, one language."""
    out = tmp_path / "harrow-creek.pdf"
    [result] = build_file(EXAMPLES / "harrow-creek" / "content.yaml", out)
    assert outline(out) == [
        "Welcome to Harrow Creek", "Contents", "History", "Room by room",
        "Tips for your visit", "Practical information",
    ]  # fmt: skip
    reader = PdfReader(out)
    assert len(reader.pages) == 11 and result.rendered.language == "en"
    cover, back = reader.pages[0], reader.pages[-1]
    assert len(cover.images) == 1 and len(back.images) == 1  # the photo, and its band
    assert "Cover photo: Aitzol Berasategi" in back.extract_text()
    rooms = [page for page in reader.pages if "ROOM" in page.extract_text() or "AREA" in
             page.extract_text()]  # fmt: skip
    assert sum(1 for page in rooms if page.images) == 3  # three photos, one pictogram
    assert "Timeline" not in " ".join(texts(out)) and "SCAN" not in " ".join(texts(out))


def test_the_industrial_example(tmp_path: Path) -> None:
    """Fourteen rooms, photos and new pictograms, a plan whose legend stays on its page, a
    contents page that stays one page, on A5."""
    out = tmp_path / "lantern-works.pdf"
    build_file(EXAMPLES / "lantern-works" / "content.yaml", out)
    sections = outline(out)
    assert sections == [
        "Welcome to the Works", "Contents", "History", "Timeline", "Plan of the works",
        "Room by room", "Tips for your visit", "Nearby", "Practical information",
    ]  # fmt: skip
    reader = PdfReader(out)
    pages = texts(out)
    width = float(reader.pages[0].mediabox.width)
    assert abs(width - 148 / 25.4 * 72) < 1  # A5
    contents = pages.index(next(p for p in pages if p.startswith("Contents")))
    assert "Practical information" in pages[contents]  # the whole list on one page
    plan = next(i for i, p in enumerate(pages) if p.startswith("Plan of the works"))
    assert "14 The Roof Walk" in pages[plan]  # the legend's last line is on the plan's page
    photos = sum(1 for page in reader.pages[contents + 1 : -1] if page.images)
    assert photos == 7
    assert "SCAN FOR THE MUSEUM" in pages[-2]


@pytest.mark.parametrize("name", ["harrow-creek", "lantern-works"])
def test_the_examples_check_clean(name: str) -> None:
    code, _, err = run_cli("check", str(EXAMPLES / name))
    assert code == 0, err
    assert "warning" not in err
