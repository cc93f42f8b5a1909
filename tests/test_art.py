"""Every pictogram, tip icon and cover motif the content model accepts is drawn, inside its box.

The drawings are rendered without their safety clip on a page larger than their box, and the
painted pixels are measured: a drawing that leans on the clip (a line running off the edge, a
shape cut in half) is found here, not on a printed page.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdfium2
import pytest
from PIL import Image, ImageChops
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from booklet.content.drawings import COVER_ART, NONE, PICTOGRAMS, TIP_ICONS
from booklet.layout.art import pictograms
from booklet.layout.art.covers import MOTIFS
from booklet.layout.art.pictograms import Ink, draw_pictogram, draw_tip_icon

INK = Ink(line=HexColor("#221e1a"), accent=HexColor("#b0271f"), fill=HexColor("#e9e0cf"))
PAGE = HexColor("#ffffff")
MARGIN = 40.0  # points of empty page around the box
SCALE = 4.0  # pixels per point when measuring


def _render(size: tuple[float, float], draw: Callable[[Canvas], None]) -> Image.Image:
    """Draw on a white page of `size` points; the rendering as an RGB image."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    canvas.setFillColor(PAGE)
    canvas.rect(0, 0, *size, stroke=0, fill=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    page = pypdfium2.PdfDocument(buffer.getvalue())[0]
    return page.render(scale=SCALE).to_pil().convert("RGB")


def _painted(image: Image.Image) -> tuple[tuple[int, int, int, int] | None, int]:
    """Bounding box (pixels) of everything not white, and how many pixels are painted."""
    mask = ImageChops.difference(image, Image.new("RGB", image.size, "white")).convert("L")
    mask = mask.point(lambda value: 255 if value > 24 else 0)
    return mask.getbbox(), mask.histogram()[255]


def _check_inside(draw: Callable[[Canvas, float, float, float], None], box: float) -> None:
    side = box + 2 * MARGIN
    image = _render((side, side), lambda canvas: draw(canvas, MARGIN, MARGIN, box))
    bounds, painted = _painted(image)
    assert bounds is not None, "nothing was drawn"
    # Anti-aliasing may tint one pixel beyond a stroke's edge; allow that and no more.
    low, high = MARGIN * SCALE - 1, (MARGIN + box) * SCALE + 1
    left, top, right, bottom = bounds
    assert low <= left and right <= high and low <= top and bottom <= high, (
        f"drawing spans {bounds} px, its box is {low:.0f}..{high:.0f}"
    )
    # A real drawing, not a speck: at least 4% of its box is painted.
    assert painted >= 0.04 * (box * SCALE) ** 2


def test_every_name_has_a_drawing_and_every_drawing_a_name() -> None:
    assert set(pictograms.PICTOGRAMS) == set(PICTOGRAMS)
    assert set(pictograms.TIP_ICONS) == set(TIP_ICONS)
    assert set(MOTIFS) == set(COVER_ART)
    assert NONE not in PICTOGRAMS and NONE not in TIP_ICONS
    assert len(PICTOGRAMS) >= 9 + 24 and len(TIP_ICONS) >= 24


@pytest.mark.parametrize("name", PICTOGRAMS)
def test_every_pictogram_draws_inside_its_box(name: str) -> None:
    def draw(canvas: Canvas, x: float, y: float, size: float) -> None:
        draw_pictogram(canvas, name, x, y, size, INK, secondary=HexColor("#2e6a52"), clip=False)

    _check_inside(draw, 100)


@pytest.mark.parametrize("name", TIP_ICONS)
def test_every_tip_icon_draws_inside_its_box(name: str) -> None:
    def draw(canvas: Canvas, x: float, y: float, size: float) -> None:
        draw_tip_icon(canvas, name, x, y, size, INK, clip=False)

    _check_inside(draw, 40)


def test_the_clip_keeps_a_drawing_in_its_box_even_at_an_offset() -> None:
    """Drawn where the tip cards put them (an odd origin and size), still inside."""

    def draw(canvas: Canvas, x: float, y: float, size: float) -> None:
        draw_pictogram(canvas, "library", x + 0.37, y + 0.61, size - 1, INK)

    _check_inside(draw, 87)


@pytest.mark.parametrize(
    ("draw", "name"),
    [(draw_pictogram, "kitchn"), (draw_pictogram, NONE), (draw_tip_icon, "wheelchair")],
)
def test_unknown_names_are_refused(draw: Callable[..., None], name: str) -> None:
    with pytest.raises(KeyError, match=f"unknown .*'{name}'"):
        _render((50, 50), lambda canvas: draw(canvas, name, 0, 0, 10, INK))


@pytest.mark.parametrize("art", COVER_ART)
@pytest.mark.parametrize("size", [(396, 612), (420, 595), (612, 792), (595, 842)])
def test_cover_motifs_fill_their_rectangle_and_keep_the_top_calm(
    art: str, size: tuple[int, int]
) -> None:
    """On every paper's proportions the motif paints its whole rectangle (nothing outside),
    and its top (45%, less a point of anti-aliasing) is one flat colour for the title."""
    width, height = size
    background = HexColor("#f6f1e7")
    motif = MOTIFS[art]

    def draw(canvas: Canvas) -> None:
        motif.cover(canvas, MARGIN, MARGIN, width, height, INK, background)
        motif.band(canvas, MARGIN, MARGIN + height + 10, width, 40, INK)

    image = _render((width + 2 * MARGIN, height + 2 * MARGIN + 60), draw)
    bounds, _ = _painted(image)
    assert bounds is not None
    left, top, right, bottom = bounds
    page_height = image.height
    assert left >= MARGIN * SCALE - 1 and right <= (MARGIN + width) * SCALE + 1
    assert top >= 10 * SCALE - 1 and bottom <= page_height - MARGIN * SCALE + 1
    calm = image.crop(
        (
            round(MARGIN * SCALE) + 2,
            round(page_height - (MARGIN + height) * SCALE) + 2,
            round((MARGIN + width) * SCALE) - 2,
            round(page_height - (MARGIN + height * 0.56) * SCALE),
        )
    )
    assert calm.getextrema() == tuple((c, c) for c in calm.getpixel((0, 0))), (
        "the title area of the cover art is not plain"
    )
