"""Print production (`--profile print`): TrimBox and BleedBox, crop marks outside the bleed, art
that runs into the bleed, 300 dpi photos, and spare pages that make whole folded sheets."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageDraw
from pypdf import PageObject, PdfReader

from booklet.theme.profile import MARK_GAP, MARK_LENGTH
from tests.conftest import (
    DEFAULT_CONTENT,
    Padded,
    add_rooms,
    edit,
    extra_room,
    run_cli,
)
from tests.conftest import build_file as build

# Trim size and bleed (points) of each paper.
PAPERS = {
    "half-letter": (396.0, 612.0, 9.0),
    "a5": (419.528, 595.276, 8.504),
    "letter": (612.0, 792.0, 9.0),
    "a4": (595.276, 841.89, 8.504),
}
# Whitespace-tolerant: the tagged-PDF finishing step may rewrite a page's stream one
# instruction per line.
REGISTRATION = re.compile(rb"1 1 1 1 K\s(.*?)\sQ", re.S)
SEGMENT = re.compile(rb"n\s+(-?[\d.]+)\s+(-?[\d.]+)\s+m\s+(-?[\d.]+)\s+(-?[\d.]+)\s+l\s+S")
TRANSLATE = re.compile(rb"1 0 0 1 (-?[\d.]+) (-?[\d.]+) cm\s*")
WHITE = (255, 255, 255)

Box = tuple[float, float, float, float]


def box(rectangle: object) -> Box:
    return tuple(float(v) for v in rectangle)  # type: ignore[attr-defined, return-value]


def grown(b: Box, by: float) -> Box:
    return (b[0] - by, b[1] - by, b[2] + by, b[3] + by)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def print_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfReader]:
    """The default booklet built with --profile print on every paper."""
    readers = {}
    folder = tmp_path_factory.mktemp("print")
    for paper in PAPERS:
        out = folder / f"{paper}.pdf"
        build(DEFAULT_CONTENT, out, paper=paper, profile="print")
        readers[paper] = PdfReader(out)
    return readers


# -- boxes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_print_pages_have_trim_and_bleed_boxes(
    print_pdfs: dict[str, PdfReader], paper: str
) -> None:
    width, height, bleed = PAPERS[paper]
    reader = print_pdfs[paper]
    for page in reader.pages:
        trim, bleed_box, media = box(page.trimbox), box(page.bleedbox), box(page.mediabox)
        assert trim[2] - trim[0] == pytest.approx(width, abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(height, abs=0.01)
        assert bleed_box == pytest.approx(grown(trim, bleed), abs=0.01)
        # The sheet has room for the crop marks around the bleed, the same on every side.
        assert media == pytest.approx(grown(bleed_box, MARK_GAP + MARK_LENGTH), abs=0.01)
        assert media[:2] == (0, 0)
        assert box(page.cropbox) == media


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_screen_pages_are_the_trim_size_without_boxes(
    built: Callable[[str], Path], paper: str
) -> None:
    width, height, _ = PAPERS[paper]
    for page in PdfReader(built(paper)).pages:
        media = box(page.mediabox)
        assert media == pytest.approx((0, 0, width, height), abs=0.01)
        assert "/TrimBox" not in page and "/BleedBox" not in page
        assert box(page.trimbox) == box(page.bleedbox) == media
        assert b"1 1 1 1 K" not in page.get_contents().get_data()


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_print_booklet_is_whole_sheets(print_pdfs: dict[str, PdfReader], paper: str) -> None:
    assert len(print_pdfs[paper].pages) % 4 == 0


# -- crop marks --------------------------------------------------------------------------------


def crop_marks(page: PageObject) -> set[tuple[float, float, float, float]]:
    """Line segments drawn in registration colour, in sheet coordinates."""
    data = page.get_contents().get_data()
    dx = dy = 0.0
    position = 0
    while match := TRANSLATE.match(data, position):  # the page starts by moving to the trim
        dx, dy = dx + float(match[1]), dy + float(match[2])
        position = match.end()
    blocks = REGISTRATION.findall(data)
    assert len(blocks) == 1, "crop marks drawn once per page"
    segments = set()
    for x1, y1, x2, y2 in SEGMENT.findall(blocks[0]):
        segments.add(tuple(round(v, 2) for v in (float(x1) + dx, float(y1) + dy,
                                                 float(x2) + dx, float(y2) + dy)))  # fmt: skip
    return segments  # type: ignore[return-value]


def inside(x: float, y: float, b: Box) -> bool:
    """Strictly inside: a point on the box's edge line but beyond its corner is outside."""
    return b[0] < x < b[2] and b[1] < y < b[3]


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_crop_marks_are_outside_the_trim_and_the_bleed(
    print_pdfs: dict[str, PdfReader], paper: str
) -> None:
    for page in print_pdfs[paper].pages:
        trim, bleed = box(page.trimbox), box(page.bleedbox)
        marks = crop_marks(page)
        assert len(marks) == 8  # two at each corner
        for x1, y1, x2, y2 in marks:
            assert x1 == x2 or y1 == y2, "marks are horizontal or vertical"
            assert abs(x2 - x1) + abs(y2 - y1) == pytest.approx(MARK_LENGTH, abs=0.01)
            for x, y in ((x1, y1), (x2, y2)):
                assert not inside(x, y, trim) and not inside(x, y, bleed), (x, y)
                assert inside(x, y, grown(box(page.mediabox), 0.01))
            # Each mark lines up with a trim edge, so the guillotine can follow it.
            assert {x1, x2} & {round(trim[0], 2), round(trim[2], 2)} or {y1, y2} & {
                round(trim[1], 2),
                round(trim[3], 2),
            }
            # The whole segment lies beyond the bleed on one side (it never crosses it).
            assert (
                max(x1, x2) <= bleed[0] + 0.01
                or min(x1, x2) >= bleed[2] - 0.01
                or max(y1, y2) <= bleed[1] + 0.01
                or min(y1, y2) >= bleed[3] - 0.01
            )


def test_expected_crop_marks_on_half_letter(print_pdfs: dict[str, PdfReader]) -> None:
    # Trim 30..426 x 30..642; marks from 3 pt past the bleed (9 pt) to the sheet edge.
    expected = set()
    for x, sx in ((30.0, -1), (426.0, 1)):
        for y, sy in ((30.0, -1), (642.0, 1)):
            expected.add((x + sx * 12, y, x + sx * 30, y))
            expected.add((x, y + sy * 12, x, y + sy * 30))
    assert crop_marks(print_pdfs["half-letter"].pages[0]) == expected


# -- bleed -------------------------------------------------------------------------------------


def render(reader: PdfReader, index: int) -> Image.Image:
    document = pypdfium2.PdfDocument(reader.stream)
    return document[index].render(scale=1).to_pil().convert("RGB")


def pixel(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    """The pixel at PDF point (x, y), y upwards from the sheet's bottom edge."""
    return image.getpixel((int(x), int(image.height - y)))  # type: ignore[return-value]


def dark(colour: tuple[int, int, int]) -> bool:
    return max(colour) < 80


@pytest.mark.parametrize("paper", ["half-letter", "a4"])
def test_cover_art_runs_into_the_bleed(print_pdfs: dict[str, PdfReader], paper: str) -> None:
    reader = print_pdfs[paper]
    trim, bleed = box(reader.pages[0].trimbox), box(reader.pages[0].bleedbox)
    image = render(reader, 0)
    middle_y = (trim[1] + trim[3]) / 2
    middle_x = (trim[0] + trim[2]) / 2
    # Up both sides, the strip 3 pt outside the trim is covered by the art, never blank paper.
    for step in range(int(trim[1]), int(trim[3]), 12):
        for x in (trim[0] - 3, trim[2] + 3):
            assert pixel(image, x, step) != WHITE, (x, step)
    # The ink band at the bottom runs into the bleed, and the art stops where the bleed ends.
    for x in (trim[0] + 10, middle_x, trim[2] - 10):
        assert dark(pixel(image, x, trim[1] - 3)), x
        assert dark(pixel(image, x, trim[1] + 3)), x
        assert pixel(image, x, bleed[1] - 3) == WHITE
    assert pixel(image, middle_x, trim[3] + 3) != WHITE  # the calm background, at the top
    assert pixel(image, middle_x, bleed[3] + 3) == WHITE
    assert pixel(image, bleed[0] - 3, middle_y) == WHITE


@pytest.mark.parametrize("paper", ["half-letter", "a4"])
def test_back_cover_background_fills_the_bleed(
    print_pdfs: dict[str, PdfReader], paper: str
) -> None:
    reader = print_pdfs[paper]
    last = len(reader.pages) - 1
    trim, bleed = box(reader.pages[last].trimbox), box(reader.pages[last].bleedbox)
    image = render(reader, last)
    middle_x, low_y = (trim[0] + trim[2]) / 2, trim[1] + 40
    for x, y in (
        (trim[0] - 3, low_y), (trim[2] + 3, low_y), (middle_x, trim[1] - 3),
        (middle_x, trim[3] + 3), (bleed[0] + 0.5, bleed[1] + 0.5), (bleed[2] - 1, bleed[3] - 1),
    ):  # fmt: skip
        assert dark(pixel(image, x, y)), (x, y, pixel(image, x, y))
    for x, y in ((bleed[0] - 3, low_y), (bleed[2] + 3, low_y), (middle_x, bleed[1] - 3)):
        assert pixel(image, x, y) == WHITE, (x, y)


# -- photo resolution --------------------------------------------------------------------------

_DRAW = re.compile(rb"([\d.]+) 0 0 ([\d.]+) [\d.-]+ [\d.-]+ cm\s*/(\S+) Do")


def placed_images(page: PageObject) -> list[tuple[float, int]]:
    """(placed width in points, width in pixels) of every image drawn on the page."""
    xobjects = page["/Resources"].get("/XObject", {})
    found = []
    for width, _height, name in _DRAW.findall(page.get_contents().get_data()):
        xobject = xobjects["/" + name.decode()].get_object()
        if xobject["/Subtype"] == "/Image":
            found.append((float(width), int(xobject["/Width"])))
    return found


def test_photos_are_prepared_at_300_dpi_for_print_and_150_for_screen(tmp_path: Path) -> None:
    project = tmp_path / "photos"
    (project / "assets" / "images").mkdir(parents=True)
    content = project / "content.yaml"
    shutil.copy(DEFAULT_CONTENT, content)
    photo = Image.new("RGB", (4000, 3000), (220, 20, 20))
    ImageDraw.Draw(photo).rectangle((0, 0, 1999, 2999), fill=(20, 20, 220))
    photo.save(project / "assets" / "images" / "study.jpg", "JPEG", quality=90)
    image = '    image: {file: assets/images/study.jpg, caption: "Desk"}\n'
    edit(content, "    pictogram: study\n", "    pictogram: study\n" + image)
    placed = {}
    for profile in ("screen", "print"):
        out = tmp_path / profile / "booklet.pdf"
        [result] = build(content, out, profile=profile)
        images = [i for page in PdfReader(out).pages for i in placed_images(page)]
        assert len(images) == 1, images
        placed[profile] = images[0]
        assert result.pages == len(PdfReader(out).pages)
    (screen_pt, screen_px), (print_pt, print_px) = placed["screen"], placed["print"]
    assert print_pt == pytest.approx(screen_pt, abs=0.01)  # the same place on the page
    assert screen_px == pytest.approx(screen_pt / 72 * 150, abs=1)
    assert print_px == pytest.approx(print_pt / 72 * 300, abs=1)
    assert print_px / screen_px == pytest.approx(2, rel=0.01)


# -- spare pages -------------------------------------------------------------------------------

SPARE = {
    1: ["Notes"],
    2: ["Your visit", "Notes"],
    3: ["The plan, to carry with you", "Your visit", "Notes"],
}


def test_english_content_fills_whole_sheets_without_spare_pages(
    padded: Callable[[int], Padded],
) -> None:
    full = padded(0)
    assert full.result.pages == full.result.pages_before_padding == len(full.texts)
    assert full.result.pages % 4 == 0
    assert full.texts[-2].startswith("Practical information")
    assert not any(t.startswith(("Notes", "Your visit", "The plan, to")) for t in full.texts)


@pytest.mark.parametrize("spare", [1, 2, 3])
def test_spare_pages_sit_before_the_back_cover(padded: Callable[[int], Padded], spare: int) -> None:
    build = padded(spare)
    unpadded = build.result.pages_before_padding
    assert unpadded % 4 == 4 - spare  # 4k+3, 4k+2, 4k+1 pages of content
    assert build.result.pages == unpadded + spare == len(build.texts)
    assert build.result.pages % 4 == 0
    texts = build.texts
    assert "The House on Avenida Viena" in texts[0]  # the cover is page 1
    assert "This booklet is a companion" in texts[-1]  # the back cover is last
    assert texts[unpadded - 2].startswith("Practical information")  # the content's last page
    spare_pages = texts[unpadded - 1 : -1]
    assert len(spare_pages) == spare
    for text, title in zip(spare_pages, SPARE[spare], strict=True):
        assert text.startswith(title), (text[:40], title)
    if spare >= 2:
        checklist = spare_pages[-2]
        assert "Tick off the rooms and areas as you see them." in checklist
        for number, name in [(1, "Kitchen"), (2, "Dining room"), (9, "Watchtowers")]:
            assert f"{number} {name}" in checklist, name
        for number in range(10, 10 + build.extra):
            assert f"{number} Extra room {number}" in checklist
    if spare == 3:
        plan = spare_pages[0]
        assert "Av. Río Churubusco (visitor entrance)" in plan
        assert "Calle Viena (old entrance, walled up)" in plan


def test_cli_reports_the_spare_pages(padded: Callable[[int], Padded], tmp_path: Path) -> None:
    three = padded(3)
    content = add_rooms(tmp_path, three.extra)
    out = tmp_path / "booklet.pdf"
    code, stdout, err = run_cli("build", str(content), "-o", str(out), "--profile", "print")
    assert (code, stdout) == (0, "")
    lines = err.splitlines()
    assert "'en' edition: added 3 spare pages before the back cover to fill the last sheet" in lines
    assert any(line.startswith(f"wrote {out} ({three.result.pages} pages, ") for line in lines)
    assert out.read_bytes() == three.result.rendered.pdf


def test_screen_profile_adds_no_spare_pages(
    padded: Callable[[int], Padded], tmp_path: Path
) -> None:
    three = padded(3)
    content = add_rooms(tmp_path, three.extra)
    [result] = build(content, tmp_path / "booklet.pdf")
    assert result.pages == result.pages_before_padding == three.result.pages_before_padding
    texts = [flat(page.extract_text()) for page in PdfReader(result.output).pages]
    assert texts[-2].startswith("Practical information")


def test_spanish_print_edition_uses_spanish_spare_pages(
    tmp_path: Path, expected_warnings: list[str]
) -> None:
    # The default Spanish edition fills whole sheets; one more room (untranslated, so built
    # with fallback) makes it need spare pages.
    content = tmp_path / "content.yaml"
    shutil.copy(DEFAULT_CONTENT, content)
    edit(content, "\ntips:\n", f"\n{extra_room(11)}\ntips:\n")
    [result] = build(
        content, tmp_path / "booklet.pdf", languages=["es"], profile="print", allow_fallback=True
    )
    assert [w.split(": ")[2] for w in expected_warnings] == [
        "rooms[10].name", "rooms[10].summary", "rooms[10].text"
    ]  # fmt: skip
    texts = [flat(page.extract_text()) for page in PdfReader(result.output).pages]
    spare = result.pages - result.pages_before_padding
    assert result.pages % 4 == 0 and spare > 0
    titles = ["Llévese el plano", "Su recorrido", "Notas"][3 - spare :]
    for text, title in zip(texts[-1 - spare : -1], titles, strict=True):
        assert text.startswith(title), (text[:40], title)
