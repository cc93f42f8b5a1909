"""The booklet's colours: warm paper, ink, and one strong accent that carries meaning."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor

DEFAULT_PALETTE = {
    "paper": "#f6f1e7",
    "ink": "#221e1a",
    "muted": "#6b635a",
    "accent": "#b0271f",
    "secondary": "#2e6a52",
}
PALETTE_KEYS = tuple(DEFAULT_PALETTE)  # the names a content file may set under theme.palette


@dataclass(frozen=True)
class Palette:
    paper: Color
    ink: Color
    muted: Color
    accent: Color
    secondary: Color
    hex: dict[str, str]

    def tint(self, colour: Color, amount: float) -> Color:
        """`colour` mixed with paper: amount 0 is paper, 1 is the colour itself."""
        return Color(
            *(p + (c - p) * amount for p, c in zip(self.paper.rgb(), colour.rgb(), strict=True))
        )


def make_palette(overrides: dict[str, str]) -> Palette:
    """Build from validated '#rrggbb' strings only; never ReportLab's permissive toColor."""
    values = {**DEFAULT_PALETTE, **overrides}
    return Palette(**{k: HexColor(v) for k, v in values.items()}, hex=values)
