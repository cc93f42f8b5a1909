"""Advice about the plan that `booklet check` gives as warnings, not errors.

A room missing from the plan, or two areas drawn over each other, still make a booklet; they are
usually a slip (a room added to the list but not to the plan, a corner typed wrong), so staff
hear about them before printing. Rooms that share a wall touch, and touching is not overlap.
"""

from __future__ import annotations

import itertools

from booklet.content.errors import Problem
from booklet.content.model import Content, Point

SAMPLES = 48  # per side of the grid that measures an overlap
MIN_OVERLAP = 0.01  # share of the smaller area: less is a rounding of shared walls


def plan_warnings(content: Content) -> list[Problem]:
    """Rooms not on the plan, and plan areas that overlap; [] without a plan."""
    plan = content.plan
    if plan is None:
        return []
    name = content.file.name
    warnings = []
    on_plan = {area.room for area in plan.areas}
    for room in content.rooms:
        if room.id not in on_plan:
            warnings.append(Problem(
                name, room.where.line, room.where.field,
                f"room {room.number} ({room.id}) is not on the plan; add an area for it to "
                "plan.areas, unless it has no place there",
            ))  # fmt: skip
    for first, second in itertools.combinations(plan.areas, 2):
        if overlap(first.outline, second.outline) > MIN_OVERLAP * min(
            area(first.outline), area(second.outline)
        ):
            warnings.append(Problem(
                name, second.where.line, second.where.field,
                f"overlaps {first.where.field} ({second.room} and {first.room}); "
                "check their outlines",
            ))  # fmt: skip
    return sorted(warnings, key=lambda p: p.line or 0)


def area(outline: tuple[Point, ...]) -> float:
    """The polygon's area (shoelace formula)."""
    pairs = zip(outline, (*outline[1:], outline[0]), strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2


def overlap(a: tuple[Point, ...], b: tuple[Point, ...]) -> float:
    """The area two polygons share, measured on a grid over their common bounding box: good to
    a few per cent, for polygons of any shape (a room may be an L)."""
    left = max(min(x for x, _ in a), min(x for x, _ in b))
    right = min(max(x for x, _ in a), max(x for x, _ in b))
    bottom = max(min(y for _, y in a), min(y for _, y in b))
    top = min(max(y for _, y in a), max(y for _, y in b))
    if right <= left or top <= bottom:
        return 0.0
    step_x, step_y = (right - left) / SAMPLES, (top - bottom) / SAMPLES
    hits = sum(
        _inside(point, a) and _inside(point, b)
        for point in (
            (left + (i + 0.5) * step_x, bottom + (j + 0.5) * step_y)
            for i in range(SAMPLES)
            for j in range(SAMPLES)
        )
    )
    return hits * step_x * step_y


def _inside(point: Point, outline: tuple[Point, ...]) -> bool:
    """Even-odd rule: does a ray to the right cross the outline an odd number of times?"""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(outline, (*outline[1:], outline[0]), strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
