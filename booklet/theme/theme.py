"""One object with everything visual the layout needs, built from the content's theme choice."""

from __future__ import annotations

from dataclasses import dataclass

from booklet.theme.fonts import FontSet, register_fonts
from booklet.theme.palette import Palette, make_palette
from booklet.theme.paper import PAPERS, Paper
from booklet.theme.styles import Styles, make_styles


@dataclass(frozen=True)
class Theme:
    paper: Paper
    palette: Palette
    fonts: FontSet
    styles: Styles

    def size(self, points: float) -> float:
        """A length in points at half-letter, scaled for this paper."""
        return points * self.paper.scale


def make_theme(paper: str, palette: dict[str, str], language: str) -> Theme:
    fonts = register_fonts()
    chosen = PAPERS[paper]
    colours = make_palette(palette)
    return Theme(chosen, colours, fonts, make_styles(chosen, colours, fonts, language))
