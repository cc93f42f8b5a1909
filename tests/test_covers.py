"""Covers, pictogram and icon choices: validated with located messages, and built as chosen.

The three covers (a photo, a drawn motif, a typographic design) are built end to end and the
PDFs opened: text on the cover, the photo's image where it belongs, its pixels in the bleed.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageStat
from pypdf import PdfReader

from booklet.content.drawings import TIP_ICONS
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.panel import Panel, Row
from booklet.layout.flowables.pictogram import PictogramPanel
from booklet.layout.sections import rooms, tips
from booklet.theme.theme import make_theme
from tests.conftest import ROOT, edit, line_of, run_cli
from tests.conftest import build_file as build
from tests.conftest import load_edition as load_content

PHOTOS = ROOT / "tests" / "data" / "photos"
TITLE = "The House on Avenida Viena"
ART = "  cover: {art: trotsky-house}\n"


@pytest.fixture
def content(english_project: Path) -> Path:
    return english_project / "content.yaml"


def _photo_cover(content: Path, photo: str, credit: str = "Aitzol Berasategi") -> None:
    (content.parent / "photos").mkdir(exist_ok=True)
    (content.parent / "photos" / photo).write_bytes((PHOTOS / photo).read_bytes())
    edit(content, ART, f'  cover:\n    image: {{file: photos/{photo}, credit: "{credit}", '
                       'alt: "A path into the mountains"}\n')  # fmt: skip


def _problems(content: Path) -> list[str]:
    code, _, err = run_cli("check", str(content))
    assert code == 1, err
    return [line.removeprefix("error: ") for line in err.splitlines()[:-1]]


# -- validation ------------------------------------------------------------------------------


def test_unknown_pictogram_icon_and_motif_are_refused_with_their_lines(content: Path) -> None:
    edit(content, ART, "  cover: {art: trotsky-hose}\n")
    edit(content, "    pictogram: kitchen\n", "    pictogram: kitchn\n")
    edit(content, "    icon: clock\n", "    icon: wheelchair\n")
    assert _problems(content) == [
        f"content.yaml:{line_of(content, 'trotsky-hose')}: booklet.cover.art: expected one of "
        "trotsky-house, got 'trotsky-hose'; did you mean 'trotsky-house'?",
        f"content.yaml:{line_of(content, 'kitchn')}: rooms[0].pictogram: no pictogram called "
        "'kitchn'; did you mean 'kitchen'?",
        f"content.yaml:{line_of(content, 'wheelchair')}: tips[0].icon: no tip icon called "
        f"'wheelchair'; use one of {', '.join(TIP_ICONS)} or none",
    ]


def test_old_room_kinds_name_their_new_names(content: Path) -> None:
    edit(content, "    kind: outdoor\n", "    kind: garden\n")
    assert _problems(content) == [
        f"content.yaml:{line_of(content, 'kind: garden')}: rooms[6].kind: "
        "kind 'garden' is now called 'outdoor'"
    ]


def test_a_cover_is_a_photo_or_a_motif_not_both(content: Path) -> None:
    edit(content, ART, "  cover:\n    art: trotsky-house\n    image: {file: nowhere.jpg}\n")
    assert _problems(content) == [
        f"content.yaml:{line_of(content, '    art: trotsky-house')}: booklet.cover.art: "
        "give a cover image or art, not both",
        f"content.yaml:{line_of(content, 'nowhere.jpg')}: booklet.cover.image.file: "
        "file not found: nowhere.jpg",
    ]


def test_a_cover_photo_takes_only_file_credit_and_alt(content: Path) -> None:
    _photo_cover(content, "mountain-path.jpg")
    edit(content, 'credit: "Aitzol Berasategi"', 'credit: "A. B.", caption: "Peaks"')
    assert _problems(content) == [
        f"content.yaml:{line_of(content, 'caption:')}: booklet.cover.image.caption: "
        "unknown field; expected one of: file, credit, alt",
    ]


def test_none_and_absent_mean_no_drawing(content: Path) -> None:
    edit(content, "    pictogram: kitchen\n", "    pictogram: none\n")
    edit(content, "    pictogram: dining\n", "")
    edit(content, "    icon: clock\n", "    icon: none\n")
    edit(content, "    icon: book\n", "")
    loaded = load_content(content)
    assert [room.pictogram for room in loaded.rooms[:3]] == ["", "", "office"]
    assert [tip.icon for tip in loaded.tips[:3]] == ["", "", "cactus"]
    assert loaded.booklet.cover.art == "trotsky-house" and loaded.booklet.cover.image is None


# -- layout ----------------------------------------------------------------------------------


def _context(content: Path) -> LayoutContext:
    loaded = load_content(content)
    theme = make_theme(loaded.theme.paper, loaded.theme.palette, loaded.language)
    return LayoutContext(loaded, theme, loaded.labels)


def test_a_room_without_photo_or_pictogram_is_text_only(content: Path) -> None:
    edit(content, "    pictogram: kitchen\n", "")
    edit(content, "    pictogram: dining\n", "    pictogram: none\n")
    story = rooms.build(_context(content))
    drawn = [flowable.name for flowable in story if isinstance(flowable, PictogramPanel)]
    assert drawn == ["office", "study", "bedroom", "child", "garden", "tomb", "tower"]


def test_a_tip_without_an_icon_has_no_icon_space(content: Path) -> None:
    edit(content, "    icon: clock\n", "")
    cards = [card for f in tips.build(_context(content)) if isinstance(f, Row) for card in f.cells]
    assert all(isinstance(card, Panel) for card in cards)
    assert [card.icon is not None for card in cards][:3] == [False, True, True]
    assert cards[0].icon_size == 0


# -- the three covers, built -----------------------------------------------------------------


def _images(page: object) -> list[tuple[int, int]]:
    """Pixel sizes of the image XObjects a page uses."""
    return [(image.image.width, image.image.height) for image in page.images]  # type: ignore[attr-defined]


def _render(pdf: Path, index: int, scale: float = 1.0) -> Image.Image:
    return pypdfium2.PdfDocument(str(pdf))[index].render(scale=scale).to_pil().convert("RGB")


@pytest.mark.parametrize("kind", ["image", "art", "typographic"])
def test_each_cover_kind_builds_with_its_title(content: Path, tmp_path: Path, kind: str) -> None:
    if kind == "image":
        _photo_cover(content, "mountain-path.jpg")
    elif kind == "typographic":
        edit(content, ART, "")
    out = tmp_path / "booklet.pdf"
    build(content, out)
    reader = PdfReader(out)
    cover, back = reader.pages[0], reader.pages[-1]
    text = " ".join(cover.extract_text().split())
    assert TITLE in text and "Leon Trotsky House Museum" in text and "Edition 2026" in text
    assert "Leon Trotsky House Museum" in back.extract_text()
    if kind == "image":
        # One prepared photo, cropped to the page's shape and smaller than the original.
        [(width, height)] = _images(cover)
        assert width < 1600 and abs(width / height - 396 / 612) < 0.01
        assert _images(back) == [(width, height)]  # the back's band shows the same photo
        assert "Cover photo: Aitzol Berasategi" in back.extract_text()
    else:
        assert _images(cover) == [] and _images(back) == []
        assert "Cover photo" not in back.extract_text()


def _share_of_colours(image: Image.Image, colours: int) -> float:
    """The share of pixels taken by the `colours` commonest colours."""
    counts = sorted(
        (count for count, _ in image.getcolors(image.width * image.height)), reverse=True
    )
    return sum(counts[:colours]) / (image.width * image.height)


def test_the_typographic_cover_draws_no_building(content: Path, tmp_path: Path) -> None:
    """Below the title, the motif cover is a picture of many flat colours; the typographic
    cover is paper and the one tint of its initial letter (anti-aliased edges aside)."""
    art = tmp_path / "art.pdf"
    build(content, art)
    edit(content, ART, "")
    typographic = tmp_path / "typographic.pdf"
    build(content, typographic)
    lower = (0, 360, 396, 540)  # between the title block and the ink band, in points at scale 1
    assert _share_of_colours(_render(typographic, 0).crop(lower), 2) > 0.97
    assert _share_of_colours(_render(art, 0).crop(lower), 2) < 0.6


@pytest.mark.parametrize("paper", ["half-letter", "a5", "letter", "a4"])
def test_the_photo_cover_runs_into_the_bleed_on_every_paper(
    content: Path, tmp_path: Path, paper: str
) -> None:
    _photo_cover(content, "night-sea.jpg")
    out = tmp_path / "booklet.pdf"
    build(content, out, paper=paper, profile="print")
    cover = PdfReader(out).pages[0]
    trim, bleed = cover.trimbox, cover.bleedbox
    assert float(trim.left) - float(bleed.left) > 8  # 3 mm or 1/8 in of bleed
    assert TITLE in " ".join(cover.extract_text().split())
    # The strip between the bleed box and the trim box at the top of the sheet is photo: a dark
    # night sky, nowhere near the paper colour (246, 241, 231) or the white sheet around it.
    scale = 2.0
    image = _render(out, 0, scale)
    height = float(cover.mediabox.height)
    top = round((height - float(bleed.top)) * scale) + 1
    strip = image.crop(
        (round(float(bleed.left) * scale) + 1, top,
         round(float(bleed.right) * scale) - 1, round((height - float(trim.top)) * scale) - 1)
    )  # fmt: skip
    mean = ImageStat.Stat(strip).mean
    assert max(mean) < 120, f"the bleed strip is not the photo (mean colour {mean})"
    assert _images(cover)  # the photo, placed by file name after preparation
