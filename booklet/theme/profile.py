"""Output profiles: the same booklet for reading on screen, for the print shop, for email."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """`dpi` is the resolution images are prepared at; `bleed` runs edge-touching art past the
    trim and adds crop marks, TrimBox and BleedBox for the print shop."""

    name: str
    dpi: int
    bleed: bool
    pad_to_signature: bool


PROFILES: dict[str, Profile] = {
    "screen": Profile("screen", dpi=150, bleed=False, pad_to_signature=False),
    "print": Profile("print", dpi=300, bleed=True, pad_to_signature=True),
}

# Room around the bleed for the crop marks, which start just outside the bleed.
MARK_LENGTH = 18.0
MARK_GAP = 3.0
