"""`booklet check --preflight`: the print shop's checks, each naming the line and field in
content.yaml and, where it helps, the page: resolution, glyphs, fit, pages, alt text, --strict."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from booklet.theme.paper import PAPERS
from booklet.theme.theme import make_theme
from tests.conftest import DEFAULT_CONTENT, ENGLISH_CONTENT, add_rooms, edit, line_of, run_cli
from tests.conftest import build_file as build

ROW = re.compile(
    r"^(?P<severity>error|warning|info) +(?P<check>(?:\[[a-z]{2}\] )?(?:glyphs|links|resolution"
    r"|alt text|fit|layout|pages|qr code)) +(?P<rest>\S.*)$"
)
SUMMARY = re.compile(r"^preflight: (\d+) errors?, (\d+) warnings?$")
STUDY = "    pictogram: study\n"
ASPECT = (4, 3)  # every test photo has this shape, so it is placed at the same size


@dataclass
class Preflight:
    code: int
    rows: list[tuple[str, str, str]]  # severity, check, "where: message"
    summary: tuple[int, int]
    lines: list[str]

    def of(self, check: str) -> list[tuple[str, str]]:
        return [(severity, rest) for severity, c, rest in self.rows if c == check]


def preflight(content: Path, *options: str) -> Preflight:
    """Run `booklet check --preflight` and read its table, checking that it is aligned."""
    code, stdout, err = run_cli("check", str(content), "--preflight", *options)
    assert stdout == ""
    lines = err.splitlines()
    lines = [line for line in lines if not re.fullmatch(r"preparing \d+ images?", line)]
    end = next(i for i, line in enumerate(lines) if SUMMARY.match(line))
    table = lines[:end]
    matches = [ROW.match(line) for line in table]
    assert all(matches), table
    rows = [(m["severity"], m["check"], m["rest"]) for m in matches if m]
    # A readable table: severities, checks and places each start in one column.
    severity_width = max(len(r[0]) for r in rows)
    check_width = max(len(r[1]) for r in rows)
    for line, (severity, check, rest) in zip(table, rows, strict=True):
        assert line == f"{severity:<{severity_width}}  {check:<{check_width}}  {rest}"
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[r[0]] for r in rows] == sorted(order[r[0]] for r in rows)  # errors first
    errors, warnings = (int(n) for n in SUMMARY.match(lines[end]).groups())  # type: ignore[union-attr]
    assert errors == sum(r[0] == "error" for r in rows)
    assert warnings == sum(r[0] == "warning" for r in rows)
    return Preflight(code, rows, (errors, warnings), lines)


def copy_english(folder: Path) -> Path:
    (folder / "assets" / "images").mkdir(parents=True, exist_ok=True)
    content = folder / "content.yaml"
    shutil.copy(ENGLISH_CONTENT, content)
    return content


def outline_pages(pdf: Path) -> dict[str, int]:
    reader = PdfReader(pdf)
    pages: dict[str, int] = {}

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                title = item.title.replace("’", "'")  # typographic apostrophes or not
                pages[title] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    return pages


# -- the default content -----------------------------------------------------------------------


def test_default_content_passes_preflight() -> None:
    result = preflight(DEFAULT_CONTENT)
    assert result.code == 0
    assert result.summary[0] == 0
    # Each edition's QR code opens its own page, and names the line it comes from.
    en, es = "https://intromuseotrotsky.blogspot.com", "https://museocasadeleontrotsky.blogspot.com"
    assert result.of("qr code") == [
        ("info", f"content.yaml:{line_of(DEFAULT_CONTENT, en)}: museum.website.en: encodes {en}")
    ]
    assert result.of("[es] qr code") == [
        ("info", f"content.yaml:{line_of(DEFAULT_CONTENT, es)}: museum.website.es: encodes {es}")
    ]
    assert result.of("links") == [("info", "content.yaml: every link is http(s) or mailto")]
    assert result.of("layout") == [
        ("info", "24 pages: no lone headings or boxes, widows, orphans, runts or short pages")
    ]
    [(_, pages)] = [row for row in result.of("pages") if row[0] == "info"]
    assert re.fullmatch(
        r"(\d+) pages: \d+ pages of content \+ [0-3] spare = \1 \(\d+ sheets folded\)", pages
    )
    assert result.lines[-2].endswith("content.yaml: OK (10 rooms; editions: en, es)")


# -- image resolution --------------------------------------------------------------------------


def add_photo(
    content: Path, pixels: tuple[int, int], extra: str = ', caption: "The desk", alt: "A desk"'
) -> int:
    """Put a noise photo of `pixels` on the study; return the line of its `image:` field."""
    (content.parent / "assets" / "images").mkdir(parents=True, exist_ok=True)
    Image.effect_noise(pixels, 60).convert("RGB").save(
        content.parent / "assets" / "images" / "study.jpg", "JPEG", quality=90
    )
    edit(content, STUDY, f"{STUDY}    image: {{file: assets/images/study.jpg{extra}}}\n")
    return line_of(content, "    image: {file: assets/images/study.jpg")


@dataclass
class Placement:
    width: float  # points
    height: float
    page: int


@pytest.fixture(scope="module")
def placement(tmp_path_factory: pytest.TempPathFactory) -> Placement:
    """Where and how big the study photo is placed: measured in a built PDF."""
    folder = tmp_path_factory.mktemp("placement")
    content = copy_english(folder)
    add_photo(content, (ASPECT[0] * 300, ASPECT[1] * 300))
    [result] = build(content, folder / "booklet.pdf")
    draw = re.compile(rb"([\d.]+) 0 0 ([\d.]+) [\d.-]+ [\d.-]+ cm\s*/(\S+) Do")
    found = []
    for number, page in enumerate(PdfReader(result.output).pages, start=1):
        for width, height, _ in draw.findall(page.get_contents().get_data()):
            found.append(Placement(float(width), float(height), number))
    [placed] = found
    assert placed.width / placed.height == pytest.approx(ASPECT[0] / ASPECT[1], rel=1e-3)
    return placed


def dpi(pixels: tuple[int, int], placed: Placement) -> int:
    return round(min(pixels[0] / (placed.width / 72), pixels[1] / (placed.height / 72)))


def photo_of(dots: float, placed: Placement) -> tuple[int, int]:
    """A 4:3 photo giving about `dots` per inch where the study photo is placed."""
    unit = round(dots * placed.width / 72 / ASPECT[0])
    return ASPECT[0] * unit, ASPECT[1] * unit


def test_a_low_resolution_photo_is_an_error(english_project: Path, placement: Placement) -> None:
    content = english_project / "content.yaml"
    pixels = photo_of(60, placement)
    line = add_photo(content, pixels)
    expected = dpi(pixels, placement)
    assert 55 <= expected <= 65
    result = preflight(content)
    assert result.code == 1
    assert result.of("resolution") == [
        (
            "error",
            f"content.yaml:{line}: rooms[3].image.file: study.jpg is {expected} dpi at its "
            f"printed size on page {placement.page}; print needs 200 or more",
        )
    ]
    assert result.summary == (1, 0)
    assert result.lines[-1] == "preflight: 1 error, 0 warnings"  # and no "OK" after it


def test_a_150_dpi_photo_is_a_warning(english_project: Path, placement: Placement) -> None:
    content = english_project / "content.yaml"
    pixels = photo_of(150, placement)
    line = add_photo(content, pixels)
    expected = dpi(pixels, placement)
    assert 145 <= expected <= 155
    result = preflight(content)
    assert result.code == 0
    assert result.of("resolution") == [
        (
            "warning",
            f"content.yaml:{line}: rooms[3].image.file: study.jpg is {expected} dpi at its "
            f"printed size on page {placement.page}; it may print soft (200+ recommended)",
        )
    ]
    assert result.summary == (0, 1)
    assert result.lines[-2].endswith("content.yaml: OK (9 rooms; editions: en)")
    strict = preflight(content, "--strict")
    assert (strict.code, strict.rows) == (1, result.rows)
    assert strict.lines[-1] == "preflight: 0 errors, 1 warning"


def test_a_300_dpi_photo_passes(english_project: Path, placement: Placement) -> None:
    content = english_project / "content.yaml"
    add_photo(content, photo_of(300, placement))
    result = preflight(content, "--strict")
    assert (result.code, result.summary, result.of("resolution")) == (0, (0, 0), [])


def test_resolution_is_not_checked_for_screen(english_project: Path) -> None:
    content = english_project / "content.yaml"
    add_photo(content, (200, 150))
    result = preflight(content, "--profile", "screen")
    assert result.of("resolution") == []
    assert result.code == 0


# -- alt text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "heard"),
    [
        ("", "only the room's name"),
        (', caption: "The desk"', "its caption"),
        (', alt: "A desk covered in papers"', ""),
    ],
    ids=["neither", "caption", "alt"],
)
def test_a_photo_needs_alt_text(
    english_project: Path, placement: Placement, extra: str, heard: str
) -> None:
    content = english_project / "content.yaml"
    line = add_photo(content, photo_of(300, placement), extra)
    result = preflight(content)
    assert result.code == 0
    warned = bool(heard)
    assert result.of("alt text") == (
        [
            (
                "warning",
                f"content.yaml:{line}: rooms[3].image.file: study.jpg has no alt text; "
                f"a screen reader hears {heard} instead",
            )
        ]
        if warned
        else []
    )
    if warned:
        strict = preflight(content, "--strict")
        assert strict.code == 1
        assert strict.summary == (0, 1)


# -- glyphs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("char", "code_point"), [("字", "U+5B57"), ("🏛", "U+1F3DB")])
def test_a_character_the_fonts_lack_is_an_error(
    english_project: Path, char: str, code_point: str
) -> None:
    content = english_project / "content.yaml"
    edit(content, '    name: "Kitchen"\n', f'    name: "Kitchen {char}"\n')
    line = line_of(content, f'    name: "Kitchen {char}"')
    message = (
        f"character '{char}' ({code_point}) is in none of the booklet's fonts and would print "
        "as a blank box; add a font that has it (theme.fonts), replace it, or build with "
        "--allow-missing-glyphs"
    )
    code, _, err = run_cli("check", str(content))
    assert code == 1
    assert f"  content.yaml:{line}: rooms[0].name: {message}\n" in err
    result = preflight(content)
    assert result.code == 1
    assert result.of("glyphs") == [("error", f"content.yaml:{line}: rooms[0].name: {message}")]


def test_glyphs_are_checked_in_every_translation(project: Path) -> None:
    content = project / "content.yaml"
    edit(
        content,
        '      en: "Kitchen"\n      es: "Cocina"\n',
        '      en: "Kitchen"\n      es: "Cocina 字"\n',
    )
    line = line_of(content, '      es: "Cocina 字"')
    result = preflight(content)
    assert result.code == 1
    assert result.of("glyphs") == [
        (
            "error",
            f"content.yaml:{line}: rooms[1].name.es: character '字' (U+5B57) is in none of the "
            "booklet's fonts and would print as a blank box; add a font that has it "
            "(theme.fonts), replace it, or build with --allow-missing-glyphs",
        )
    ]


# -- fit ---------------------------------------------------------------------------------------

LONG_TITLE = "Extraordinarily Comprehensive Illustrated Companion Handbook Interpretations"


def _cover_bottom_baseline(pdf: Path) -> float:
    """Baseline of the lowest line of the cover's title block (the native title)."""
    found = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if "Лев" in text:
            found.append(cm[5] + tm[5] * cm[3])

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    [baseline] = found
    return baseline


def _title_sizes(pdf: Path) -> set[float]:
    """Font sizes of the cover's title words."""
    sizes = set()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if any(word in text for word in LONG_WORDS):
            sizes.add(round(size * tm[3] * cm[3], 1))

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return sizes


LONG_WORDS = ("Extraordinarily", "Comprehensive", "Illustrated", "Interpretations")


def test_a_long_title_shrinks_to_fit_the_cover_without_breaking_words(
    english_project: Path,
) -> None:
    content = english_project / "content.yaml"
    assert len(LONG_TITLE) <= 80  # within the validation limit
    edit(content, '  title: "The House on Avenida Viena"', f'  title: "{LONG_TITLE}"')
    result = preflight(content, "--strict")
    assert (result.code, result.of("fit")) == (0, [])
    [built] = build(content, english_project / "booklet.pdf")
    # The block ends inside the calm top 45% of the cover, above the drawing.
    assert _cover_bottom_baseline(built.output) > PAPERS["half-letter"].height * 0.55
    [size] = _title_sizes(built.output)
    default = make_theme("half-letter", {}, "en").styles["cover.title"].fontSize
    assert default * 0.6 <= size < default
    words = PdfReader(built.output).pages[0].extract_text().split()
    assert all(word in words for word in LONG_WORDS), words  # none split across lines


def test_a_title_too_tall_even_at_its_smallest_is_refused(
    english_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("booklet.layout.sections.cover.TITLE_MIN_SHARE", 1.0)  # no shrinking
    content = english_project / "content.yaml"
    edit(content, '  title: "The House on Avenida Viena"', f'  title: "{LONG_TITLE}"')
    line = line_of(content, f'  title: "{LONG_TITLE}"')
    result = preflight(content)
    assert result.code == 1
    [(severity, rest)] = result.of("fit")
    match = re.fullmatch(
        rf"content\.yaml:{line}: booklet\.title: the title block is (\d+) pt too tall for the "
        r"cover; shorten the title or subtitle",
        rest,
    )
    assert severity == "error" and match, rest
    assert int(match[1]) > 20
    out = english_project / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")
    assert code == 1
    assert err.splitlines() == [
        f"error: content.yaml:{line}: booklet.title: the title block is {match[1]} pt too tall "
        "for the half-letter cover even with the title at its smallest; shorten the title or "
        "subtitle",
        "1 problem found; nothing was written.",
    ]
    assert not out.exists()


def test_the_default_title_fits(english_project: Path) -> None:
    result = preflight(english_project / "content.yaml", "--strict")
    assert (result.code, result.summary, result.of("fit")) == (0, (0, 0), [])


SENTENCE = "The room is described at great length, sentence after sentence, so that it runs on. "


def lengthen(content: Path, room: str) -> int:
    """Add four long paragraphs to a room's text; return the line of the room's entry."""
    text = content.read_text(encoding="utf-8")
    start = text.index(f"  - id: {room}\n")
    body = text.index("    text: |\n", start) + len("    text: |\n")
    content.write_text(text[:body] + ("      " + SENTENCE * 6 + "\n\n") * 4 + text[body:])
    return line_of(content, f"  - id: {room}")


def test_a_room_running_over_two_pages_is_a_warning(english_project: Path) -> None:
    content = english_project / "content.yaml"
    line = lengthen(content, "study")
    [built] = build(content, english_project / "booklet.pdf")
    outline = outline_pages(built.output)
    start_page, next_page = outline["Trotsky's study"], outline["Trotsky and Natalia's bedroom"]
    assert next_page - start_page >= 2
    result = preflight(content)
    assert result.code == 0
    assert result.of("fit") == [
        (
            "warning",
            f"content.yaml:{line}: rooms[3]: 'Trotsky's study' runs over "
            f"{next_page - start_page} pages (from page {start_page}) even with a smaller "
            "picture and tighter spacing; shorten its text to keep it on one page",
        )
    ]


def test_the_last_room_running_over_two_pages_is_a_warning(english_project: Path) -> None:
    content = english_project / "content.yaml"
    line = lengthen(content, "watchtowers")
    [built] = build(content, english_project / "booklet.pdf")
    outline = outline_pages(built.output)
    start_page, next_page = outline["Watchtowers and guard house"], outline["Tips for your visit"]
    assert next_page - start_page >= 2  # it does run over
    result = preflight(content)
    assert result.of("fit") == [
        (
            "warning",
            f"content.yaml:{line}: rooms[8]: 'Watchtowers and guard house' runs over "
            f"{next_page - start_page} pages (from page {start_page}) even with a smaller "
            "picture and tighter spacing; shorten its text to keep it on one page",
        )
    ]


# -- pages and signatures ----------------------------------------------------------------------


@pytest.fixture
def spilling(
    tmp_path: Path, rooms_to_spill: Callable[[int], tuple[int, int]]
) -> Callable[[int], tuple[Path, int]]:
    """Content whose page count before padding is 4k + `spill`, and that count."""

    def get(spill: int) -> tuple[Path, int]:
        extra, pages = rooms_to_spill(spill)
        return add_rooms(tmp_path, extra), pages

    return get


@pytest.mark.parametrize(("spill", "carried"), [(1, "1 page"), (2, "2 pages")])
def test_a_sheet_carrying_one_or_two_pages_is_a_warning(
    spilling: Callable[[int], tuple[Path, int]], spill: int, carried: str
) -> None:
    content, pages = spilling(spill)
    spare = 4 - spill
    result = preflight(content)
    assert result.code == 0
    assert result.of("pages") == [
        (
            "warning",
            f"page {pages}: {pages} pages: the last sheet carries only {carried} of content "
            f"and {spare} spare pages; trimming {carried} of text would save a sheet",
        ),
        (
            "info",
            f"{pages + spare} pages: {pages} pages of content + {spare} spare = {pages + spare} "
            f"({(pages + spare) // 4} sheets folded)",
        ),
    ]


@pytest.mark.parametrize("spill", [3, 0])
def test_a_nearly_full_last_sheet_is_fine(
    spilling: Callable[[int], tuple[Path, int]], spill: int
) -> None:
    content, pages = spilling(spill)
    total = pages + (4 - spill) % 4
    result = preflight(content, "--strict")
    assert result.code == 0
    assert result.of("pages") == [
        (
            "info",
            f"{total} pages: {pages} pages of content + {total - pages} spare = {total} "
            f"({total // 4} sheets folded)",
        )
    ]


def test_screen_preflight_counts_the_spare_pages_printing_would_add(
    spilling: Callable[[int], tuple[Path, int]],
) -> None:
    content, _ = spilling(2)
    result = preflight(content, "--profile", "screen")
    [(_, warning)] = [row for row in result.of("pages") if row[0] == "warning"]
    assert "of content and 2 spare pages" in warning, warning


# -- --strict ----------------------------------------------------------------------------------


def test_strict_fails_on_warnings_and_errors_fail_regardless(
    english_project: Path, placement: Placement
) -> None:
    content = english_project / "content.yaml"
    add_photo(content, photo_of(300, placement), "")  # one warning: no alt text
    assert preflight(content).code == 0
    assert preflight(content, "--strict").code == 1
    edit(content, '    name: "Kitchen"\n', '    name: "Kitchen 字"\n')
    strict = preflight(content, "--strict")
    assert (strict.code, strict.summary) == (1, (1, 1))
