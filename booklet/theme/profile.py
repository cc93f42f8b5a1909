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
    jpeg_quality: int = 85
    max_bytes: int | None = None


PROFILES: dict[str, Profile] = {
    "screen": Profile("screen", dpi=150, bleed=False, pad_to_signature=False),
    "print": Profile("print", dpi=300, bleed=True, pad_to_signature=True, jpeg_quality=90),
    # Sized for an inbox: steps down from here until the PDF fits the budget.
    "email": Profile(
        "email", dpi=150, bleed=False, pad_to_signature=False, jpeg_quality=80, max_bytes=2_000_000
    ),
}

# Resolution and JPEG quality the email profile tries in turn to meet its size budget; the
# last is the floor below which photos stop being pleasant on a phone.
EMAIL_STEPS: tuple[tuple[int, int], ...] = (
    (150, 80),
    (130, 75),
    (110, 72),
    (96, 68),
    (84, 64),
    (72, 60),
)

# Room around the bleed for the crop marks, which start just outside the bleed.
MARK_LENGTH = 18.0
MARK_GAP = 3.0
