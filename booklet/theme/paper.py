"""Page sizes, margins and the safe area for each paper the booklet can be printed on.

The one home of the paper names (`PAPERS`): the content checks and the command line take them
from here. No ReportLab import, so `booklet --help` can list them cheaply; the units are
ReportLab's own (points; `mm` computed exactly as reportlab.lib.units does)."""

from __future__ import annotations

from dataclasses import dataclass

inch = 72.0
mm = inch / 2.54 * 0.1
A4 = (210 * mm, 297 * mm)
A5 = (148 * mm, 210 * mm)
LETTER = (8.5 * inch, 11 * inch)


@dataclass(frozen=True)
class Paper:
    """A trim size with its margins; `scale` sizes type and art relative to half-letter."""

    name: str
    width: float
    height: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    bleed: float
    scale: float

    @property
    def frame_width(self) -> float:
        return self.width - 2 * self.margin_x

    @property
    def frame_height(self) -> float:
        return self.height - self.margin_top - self.margin_bottom

    @property
    def footer_y(self) -> float:
        """Baseline of the running footer, inside the safe area below the text frame."""
        return self.margin_bottom * 0.5


PAPERS: dict[str, Paper] = {
    "half-letter": Paper(
        "half-letter",
        5.5 * inch,
        8.5 * inch,
        0.6 * inch,
        0.65 * inch,
        0.8 * inch,
        0.125 * inch,
        1.0,
    ),
    "a5": Paper("a5", A5[0], A5[1], 15 * mm, 16 * mm, 20 * mm, 3 * mm, 1.0),
    "letter": Paper(
        "letter", LETTER[0], LETTER[1], 1.0 * inch, 0.9 * inch, 1.0 * inch, 0.125 * inch, 1.25
    ),
    "a4": Paper("a4", A4[0], A4[1], 25 * mm, 22 * mm, 26 * mm, 3 * mm, 1.25),
}
