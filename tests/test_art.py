"""Every pictogram and tip icon the content model accepts can be drawn, inside its box."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from booklet.content.model import PICTOGRAMS, TIP_ICONS
from booklet.layout.art.motifs import draw_cover_art, draw_wall_band
from booklet.layout.art.pictograms import Ink, draw_pictogram, draw_tip_icon

INK = Ink(line=HexColor("#221e1a"), accent=HexColor("#b0271f"), fill=HexColor("#e9e0cf"))


def _draw(draw: object) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 600), invariant=1)
    draw(canvas)  # type: ignore[operator]
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("name", PICTOGRAMS)
def test_every_pictogram_draws(name: str) -> None:
    pdf = _draw(lambda c: draw_pictogram(c, name, 10, 10, 120, INK))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


@pytest.mark.parametrize("name", TIP_ICONS)
def test_every_tip_icon_draws(name: str) -> None:
    pdf = _draw(lambda c: draw_tip_icon(c, name, 10, 10, 22, INK))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_unknown_names_are_refused() -> None:
    with pytest.raises(KeyError):
        _draw(lambda c: draw_pictogram(c, "kitchn", 0, 0, 10, INK))


@pytest.mark.parametrize("size", [(396, 612), (420, 595), (330, 600), (480, 600)])
def test_cover_art_and_band_draw_at_every_aspect(size: tuple[int, int]) -> None:
    def draw(canvas: Canvas) -> None:
        draw_cover_art(canvas, 0, 0, size[0], size[1], INK, HexColor("#f6f1e7"))
        draw_wall_band(canvas, 0, 0, size[0], 40, INK)

    assert _draw(draw)
