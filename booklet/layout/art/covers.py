"""Cover motifs by name: the drawing for the front cover and the band for the back cover.

Content chooses a motif with `booklet.cover.art` (the names are in booklet/content/drawings.py).
A motif's cover drawing keeps the top CALM share of its rectangle plain for the title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from .motifs import draw_cover_art, draw_wall_band
from .pictograms import Ink

__all__ = ["MOTIFS", "Motif"]


class CoverDrawer(Protocol):
    def __call__(
        self, canvas: Canvas, x: float, y: float, width: float, height: float, ink: Ink,
        background: Color, *, secondary: Color | None = None,
    ) -> None: ...  # fmt: skip


class BandDrawer(Protocol):
    def __call__(
        self, canvas: Canvas, x: float, y: float, width: float, height: float, ink: Ink,
        *, secondary: Color | None = None,
    ) -> None: ...  # fmt: skip


@dataclass(frozen=True)
class Motif:
    cover: CoverDrawer
    band: BandDrawer


MOTIFS: dict[str, Motif] = {
    # The walled house on Avenida Viena: wall, gate, watchtower, cacti, the red flag.
    "trotsky-house": Motif(draw_cover_art, draw_wall_band),
}
