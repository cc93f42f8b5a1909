"""What typesetting hands on: the PDF bytes and what its consumers need to know about them.

Write, impose, preflight and the mail's cover stamp all take a `Rendered`; none of them lays
anything out again. No ReportLab import here, so a consumer can name the type cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from booklet.theme.profile import Profile

if TYPE_CHECKING:
    from booklet.layout.measure import StoryLog

COVER_PHOTO = ":cover"
"""Key of the prepared cover photo in `Rendered.images` (room ids have no ':')."""

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 in points from the lower-left corner of the trimmed page."""


@dataclass(frozen=True)
class PlacedImage:
    """A prepared photo and the size (points) it is drawn at."""

    file: Path
    width: float
    height: float


@dataclass(frozen=True)
class Rendered:
    """One edition typeset for one profile."""

    pdf: bytes
    language: str
    profile: Profile
    paper: str
    pages: int
    unpadded_pages: int
    """Pages before spare pages were added to fill the last sheet."""
    key_pages: dict[str, int]
    """The page each PDF destination (layout/keys.py) landed on, in document order."""
    passes: int
    """ReportLab passes over the story: 1, or 2 when the contents reservation missed an entry."""
    images: dict[str, PlacedImage]
    """Each prepared photo and its placed size: a room's by its id, the cover's as COVER_PHOTO."""
    positions: dict[str, Box]
    """Named places on the pages, e.g. "cover.band" (the ink band the mail stamps a name in)."""
    title_overflow: float
    """Points by which the cover's title block is too tall even at its smallest (preflight)."""
    trimmed: bytes | None = None
    """With bleed and imposition asked for: the same booklet at trim size, to impose."""
    log: StoryLog = field(default_factory=lambda: _empty_log(), compare=False, repr=False)
    """copy-fit: every block placed on every page in the last pass, for the layout report."""


def _empty_log() -> StoryLog:
    """A Rendered made outside typesetting (a test's) has an empty record; the import is here
    so that naming the type stays free of ReportLab."""
    from booklet.layout.measure import StoryLog

    return StoryLog()
