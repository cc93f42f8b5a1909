"""One object with everything visual the layout needs, built from the content's theme choice."""

from __future__ import annotations

from dataclasses import dataclass

from booklet.theme.font_files import FontChoice
from booklet.theme.fonts import FontSet, fonts_for
from booklet.theme.palette import Palette, make_palette
from booklet.theme.paper import PAPERS, Paper
from booklet.theme.profile import MARK_GAP, MARK_LENGTH, PROFILES, Profile
from booklet.theme.styles import Styles, make_styles


@dataclass(frozen=True)
class Theme:
    paper: Paper
    palette: Palette
    fonts: FontSet
    styles: Styles
    profile: Profile = PROFILES["screen"]

    def size(self, points: float) -> float:
        """A length in points at half-letter, scaled for this paper."""
        return points * self.paper.scale

    @property
    def bleed(self) -> float:
        """How far edge-touching art runs past the trim (0 on screen)."""
        return self.paper.bleed if self.profile.bleed else 0.0

    @property
    def offset(self) -> float:
        """Distance from the sheet's corner to the trim: bleed plus room for crop marks."""
        return self.bleed + MARK_GAP + MARK_LENGTH if self.profile.bleed else 0.0


def make_theme(
    paper: str,
    palette: dict[str, str],
    language: str,
    profile: str = "screen",
    fonts: FontChoice | None = None,
) -> Theme:
    """The theme for one edition; `fonts` is the museum's `theme.fonts` (the bundled
    families where it gives none)."""
    families = fonts_for(fonts or FontChoice())
    chosen = PAPERS[paper]
    colours = make_palette(palette)
    styles = make_styles(chosen, colours, families, language)
    return Theme(chosen, colours, families, styles, PROFILES[profile])
