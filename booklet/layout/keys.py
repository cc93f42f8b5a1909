"""PDF destination names: the one place that spells the keys links, the outline, the plan's
numbers and preflight's page lookups share."""

from __future__ import annotations

SOURCES = "sources"


def section_key(name: str) -> str:
    return f"section-{name}"


def room_key(room_id: str) -> str:
    """PDF destination name of a room's page."""
    return f"room-{room_id}"


def chapter_key(index: int) -> str:
    return f"chapter-{index}"


def spare_key(name: str) -> str:
    """A spare page added to fill the last sheet (notes, checklist, plan again)."""
    return f"spare-{name}"
