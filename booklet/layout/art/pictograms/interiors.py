"""Rooms of historic buildings: hall, parlour, library, chapel, schoolroom, staircase, cellar
and attic."""

from __future__ import annotations

import math

from reportlab.lib.colors import Color

from .pen import FLOOR, Drawing, Pen, floor


def arched(p: Pen, x: float, base: float, w: float, h: float, fill: Color | None = None) -> None:
    """A flat-bottomed opening with a round top (total height h): doors, windows, arcades."""
    r = w / 2
    path = p.canvas.beginPath()
    path.moveTo(x, base)
    path.lineTo(x, base + h - r)
    path.arcTo(x, base + h - w, x + w, base + h, 180, -180)
    path.lineTo(x + w, base)
    if fill is not None:
        path.close()
    p.paint(path, fill, True, None)


def _column(p: Pen, x: float, w: float, top: float) -> None:
    f = p.ink.fill
    p.rect(x - 2, FLOOR, w + 4, 4, fill=f)
    p.rect(x, FLOOR + 4, w, top - FLOOR - 8, fill=f)
    for fx in (x + w * 0.33, x + w * 0.67):
        p.line(fx, FLOOR + 7, fx, top - 7)
    p.rect(x - 2, top - 4, w + 4, 4, fill=f)


def _hall(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    _column(p, 12, 10, 76)
    _column(p, 78, 10, 76)
    p.rect(7, 76, 86, 6, fill=f)
    p.rect(5, 82, 90, 3.5, fill=f, radius=1)
    # double door under a fanlight
    arched(p, 38, FLOOR, 24, 44, fill=f)
    p.line(38, 44, 62, 44)
    for angle_x, angle_y in ((42.5, 48), (50, 50.5), (57.5, 48)):
        p.line(50, 44, angle_x, angle_y)
    p.line(50, FLOOR, 50, 44)
    for px in (40.5, 52.5):
        p.rect(px, 17, 7, 10, radius=0.8)
        p.rect(px, 30, 7, 11, radius=0.8)
    p.dot(48, 29, 1.1)
    p.dot(52, 29, 1.1)
    # chandelier
    p.line(50, 76, 50, 66)
    p.curve((38, 66), (40, 60), (60, 60), (62, 66))
    p.dot(50, 61.5, 1.6)
    for cx in (38, 62):
        p.line(cx, 66, cx, 69.5)
        p.dot(cx, 70.5, 1.2, p.ink.accent)


def _armchair(p: Pen, x: float) -> None:
    """A wing armchair seen from the front, `x` its left edge (30 units wide)."""
    f = p.ink.fill
    p.line(x + 5, FLOOR, x + 5, 18)
    p.line(x + 25, FLOOR, x + 25, 18)
    p.rect(x + 3, 18, 24, 34, fill=f, radius=5)
    p.rect(x + 7, 24, 16, 9, fill=f, radius=2.5)
    p.rect(x, 18, 6, 21, fill=f, radius=3)
    p.rect(x + 24, 18, 6, 21, fill=f, radius=3)


def _parlour(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # fireplace with a fire, mantel clock and a mirror above
    p.rect(12, FLOOR, 38, 34, fill=f)
    arched(p, 20, FLOOR, 22, 23, fill=p.ink.line)
    flame = [(25, 14), (26, 20), (28.5, 17.5), (31, 25), (33.5, 18), (35.5, 21), (37, 14)]
    p.poly(flame, fill=p.ink.accent, outline=False)
    p.rect(22, FLOOR, 18, 2.2, fill=f, outline=False)
    p.rect(9, 46, 44, 3.5, fill=f, radius=1)
    p.rect(26.5, 49.5, 9, 6, fill=f, radius=1)
    p.arc(31, 55.5, 4.5, 0, 180, fill=f, close=True)
    p.circle(31, 55.3, 2.4)
    p.ellipse(19, 62, 24, 26, fill=f)
    p.ellipse(22.5, 65.5, 17, 19)
    p.line(31, 88, 31, 92)
    _armchair(p, 60)
    # a small framed picture above the chair
    p.rect(66, 64, 18, 14, fill=f)
    p.rect(69, 67, 12, 8)


def _book_row(p: Pen, x0: float, x1: float, shelf: float, pattern: tuple[float, ...]) -> None:
    """Upright books along a shelf; `pattern` gives (width, height) pairs, cycled."""
    x, i = x0, 0
    while True:
        w, h = pattern[i % len(pattern)], pattern[(i + 1) % len(pattern)] * 1.5 + 6
        if x + w > x1:
            break
        fill = p.ink.line if i % 7 == 3 else p.ink.fill
        p.rect(x, shelf, w, min(h, 14.5), fill=fill)
        x += w
        i += 1


def _library(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # tall bookcase with four shelves of books and a ladder against it
    p.rect(6, FLOOR, 58, 78)
    p.rect(4, 90, 62, 3.5, fill=f, radius=1)
    shelves = (16, 34, 52, 70)
    for shelf_y in shelves:
        p.line(6, shelf_y, 64, shelf_y)
    _book_row(p, 8, 62, 16, (4.0, 5.0, 3.5, 4.5, 3.0, 5.5))
    _book_row(p, 8, 48, 34, (3.5, 4.5, 5.0, 3.0, 4.0))
    p.poly([(49, 34), (53, 34), (60.5, 45), (57, 46.8)], fill=p.ink.accent)
    _book_row(p, 8, 62, 52, (5.0, 3.0, 4.0, 4.5, 3.5, 5.0, 4.0))
    _book_row(p, 8, 40, 70, (4.5, 3.5, 5.0, 4.0))
    p.rect(44, 70, 16, 3.5, fill=f)
    p.rect(45, 73.5, 14, 3.5, fill=f)
    # library ladder leaning on the case
    p.line(60, FLOOR, 50, 92)
    p.line(70, FLOOR, 60, 92)
    for step in range(1, 8):
        t = step / 8
        p.line(60 - 10 * t, FLOOR + 80 * t, 70 - 10 * t, FLOOR + 80 * t)
    # globe on a stand
    p.line(77, FLOOR, 84, 26)
    p.line(91, FLOOR, 84, 26)
    p.line(84, 26, 84, 30)
    p.circle(84, 42, 10, fill=f)
    p.arc(84, 42, 13, 100, 200)
    p.line(84 + 13 * math.cos(math.radians(100)), 42 + 13 * math.sin(math.radians(100)), 86, 56.5)
    p.poly([(78, 46), (82, 48), (85, 45), (83, 41), (79, 40)], fill=p.ink.line, outline=False)
    p.poly([(86, 38), (90, 40), (91, 35), (87, 34)], fill=p.ink.line, outline=False)


def _pew_ends(p: Pen, x: float, direction: float) -> None:
    """Three pew ends in a row, seen from the aisle, getting smaller towards the altar."""
    for i in range(3):
        w, h = 8 - 1.5 * i, 26 - 4 * i
        left = x + direction * 8.5 * i - (w if direction < 0 else 0)
        end = p.canvas.beginPath()
        end.moveTo(left, FLOOR)
        end.lineTo(left, FLOOR + h - w / 2)
        end.arcTo(left, FLOOR + h - w, left + w, FLOOR + h, 180, -180)
        end.lineTo(left + w, FLOOR)
        end.close()
        p.paint(end, p.ink.fill, True, None)
        seat = FLOOR + h * 0.42
        p.line(left + w * 0.25, seat, left + w * 0.75, seat)


def _chapel(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # pointed window with a mullion and a small round light
    window = p.canvas.beginPath()
    window.moveTo(38, 50)
    window.lineTo(38, 72)
    window.curveTo(38, 82, 44, 87.5, 50, 91)
    window.curveTo(56, 87.5, 62, 82, 62, 72)
    window.lineTo(62, 50)
    window.close()
    p.paint(window, f, True, None)
    p.line(50, 50, 50, 76)
    p.line(38, 63, 62, 63)
    p.circle(50, 81.5, 3.2, fill=p.ink.accent)
    p.rect(35, 47.5, 30, 2.5, fill=f, radius=1)
    # altar with a cloth and two candles
    p.rect(32, FLOOR, 36, 20, fill=f)
    p.rect(29, 32, 42, 3, fill=f, radius=1)
    p.poly([(44, 32), (56, 32), (56, 21), (50, 18), (44, 21)], fill=f)
    for cx in (36, 64):
        p.rect(cx - 2.5, 35, 5, 2, fill=p.ink.line, outline=False)
        p.rect(cx - 1.3, 37, 2.6, 8, fill=f)
        p.dot(cx, 47, 1.3, p.ink.accent)
    _pew_ends(p, 6, 1)
    _pew_ends(p, 94, -1)


def _school_desk(p: Pen, x: float) -> None:
    """An old school desk with its bench, from the side, `x` its left edge."""
    f = p.ink.fill
    p.rect(x, 24, 11, 3, fill=f)
    p.line(x + 1, 27, x - 1, 40)
    p.line(x + 2, FLOOR, x + 2, 24)
    p.line(x + 9, FLOOR, x + 9, 24)
    p.poly([(x + 14, 36), (x + 30, 39.5), (x + 30, 42.5), (x + 14, 39)], fill=f)
    p.rect(x + 15, 29, 14, 6, fill=f)
    p.line(x + 27, FLOOR, x + 27, 29)
    p.line(x + 2, 18, x + 27, 18)


def _schoolroom(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # blackboard with chalk letters, chalk and sponge on its ledge
    p.rect(12, 50, 76, 36, fill=f, radius=1)
    p.rect(15.5, 53.5, 69, 29, fill=p.ink.line, outline=False)
    chalk = p.ink.fill
    p.poly([(22, 60), (26.5, 76), (31, 60)], close=False, color=chalk)
    p.line(23.8, 66.5, 29.2, 66.5, color=chalk)
    p.line(36, 60, 36, 76, color=chalk)
    p.curve((36, 76), (43, 76), (43, 68), (36, 68.5), color=chalk)
    p.curve((36, 68.5), (44, 68.5), (44, 60), (36, 60), color=chalk)
    p.arc(53, 68, 8, 45, 270, color=chalk)
    p.curve((64, 62), (68, 68), (72, 56), (78, 64), color=chalk)
    p.rect(10, 47, 80, 3, fill=f, radius=1)
    p.rect(66, 50, 6, 2.2, fill=chalk, outline=False)
    p.rect(76, 50, 8, 4, fill=p.ink.line, radius=0.8)
    _school_desk(p, 12)
    _school_desk(p, 56)
    p.circle(78, 45.5, 3, fill=p.ink.accent)
    p.line(78, 48.5, 79, 51)


def _staircase(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    rise, run, x0, steps, lift = 7.0, 10.0, 14.0, 7, 25.0
    profile = [(x0, FLOOR)]
    for i in range(steps):
        y = FLOOR + rise * (i + 1)
        profile += [(x0 + run * i, y), (x0 + run * (i + 1), y)]
    landing = FLOOR + rise * steps
    profile += [(94, landing), (94, FLOOR)]
    p.poly(profile, fill=f)

    def rail(x: float) -> float:
        """The handrail runs `lift` above the line of the step nosings."""
        return FLOOR + rise + (x - x0) * rise / run + lift

    # balusters from each tread to the handrail, the newel post, the landing rail
    for i in range(steps):
        bx = x0 + run * i + run / 2
        p.line(bx, FLOOR + rise * (i + 1), bx, rail(bx))
    for bx in (84.0, 89.0):
        p.line(bx, landing, bx, landing + lift - 1)
    top_x = x0 + run * (steps - 0.5)
    p.poly([(x0 + 2.5, rail(x0 + 2.5)), (top_x, rail(top_x)), (94, landing + lift - 1)],
           close=False)  # fmt: skip
    p.rect(x0 - 2.5, FLOOR, 5, rise + lift + 2, fill=f)
    p.dot(x0, FLOOR + rise + lift + 4.5, 3, p.ink.accent)
    # a round-topped window on the wall above the flight
    arched(p, 22, 62, 16, 26, fill=f)
    p.line(30, 62, 30, 80)
    p.line(22, 72, 38, 72)


def _barrel_end(p: Pen, cx: float, cy: float, r: float, tap: bool) -> None:
    """A barrel lying on its side, seen end-on: head, hoop ring, staves and bung."""
    f = p.ink.fill
    p.circle(cx, cy, r, fill=f)
    p.circle(cx, cy, r * 0.78)
    for dx in (-0.4, 0.0, 0.4):
        half = (0.78**2 - dx**2) ** 0.5 * r
        p.line(cx + dx * r, cy - half, cx + dx * r, cy + half)
    if tap:
        p.rect(cx - 1.6, cy - r * 0.55, 3.2, 5, fill=p.ink.accent, radius=0.8)


def _cellar(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # the barrel vault, with its ring of voussoirs
    vault = p.canvas.beginPath()
    vault.moveTo(6, FLOOR)
    vault.lineTo(6, 56)
    vault.arcTo(6, 22, 94, 90, 180, -180)
    vault.lineTo(94, FLOOR)
    p.paint(vault, None, True, None)
    inner = p.canvas.beginPath()
    inner.moveTo(11, FLOOR)
    inner.lineTo(11, 56)
    inner.arcTo(11, 27, 89, 85, 180, -180)
    inner.lineTo(89, FLOOR)
    p.paint(inner, None, True, None)
    for angle in (20, 40, 60, 80, 100, 120, 140, 160):
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        p.line(50 + 39 * c, 56 + 29 * s, 50 + 44 * c, 56 + 34 * s)
    # a small barred light at the crown
    p.rect(44, 70, 12, 9, fill=f, radius=1)
    for bx in (47.5, 50, 52.5):
        p.line(bx, 70, bx, 79)
    # barrels stacked on a rack
    p.poly([(16, FLOOR), (84, FLOOR), (82, 17), (18, 17)], fill=f)
    _barrel_end(p, 34, 29.5, 12.5, tap=True)
    _barrel_end(p, 66, 29.5, 12.5, tap=False)
    _barrel_end(p, 50, 52, 12.5, tap=False)


def _trunk(p: Pen, x: float, w: float) -> None:
    f = p.ink.fill
    p.rect(x, FLOOR, w, 16, fill=f, radius=1)
    lid = p.canvas.beginPath()
    lid.moveTo(x, 28)
    lid.curveTo(x, 36, x + w, 36, x + w, 28)
    lid.close()
    p.paint(lid, f, True, None)
    for sx in (x + w * 0.25, x + w * 0.75):
        p.line(sx, FLOOR, sx, 33.5)
    p.rect(x + w / 2 - 2, 24, 4, 5, fill=p.ink.line, radius=0.8)


def _rocking_chair(p: Pen) -> None:
    """A rocking chair from the side, facing left, low enough for the eaves."""
    f = p.ink.fill
    p.curve((52, 16), (60, FLOOR - 1), (74, FLOOR - 1), (84, 17))
    p.line(57, 15, 58, 27)
    p.line(76, 14.5, 74.5, 27)
    p.rect(54, 27, 22, 3.5, fill=f, radius=1)
    p.poly([(72, 30.5), (77, 52), (80.5, 51.5), (75.5, 30.5)], fill=f)
    for t in (0.35, 0.6, 0.85):
        p.line(73.5 + 5 * t, 30.5 + 21.5 * t, 73.5 + 5 * t - 4.5, 30.5 + 21.5 * t)
    p.line(56, 30.5, 56, 39)
    p.line(56, 39, 74, 41)


def _attic(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # knee walls, roof slopes and a collar beam
    p.poly([(6, FLOOR), (6, 38), (50, 92), (94, 38), (94, FLOOR)], close=False)
    p.poly([(11, 38), (50, 85.5), (89, 38)], close=False)
    p.line(6, 38, 11, 38)
    p.line(89, 38, 94, 38)
    p.poly([(30, 61), (70, 61), (67.5, 65), (32.5, 65)], fill=f)
    # round window in the gable
    p.circle(50, 75, 5.5, fill=f)
    p.line(50, 69.5, 50, 80.5)
    p.line(44.5, 75, 55.5, 75)
    # a trunk, a hatbox and a rocking chair under the eaves
    _trunk(p, 12, 28)
    p.rect(30, 34, 10, 6, fill=f, radius=1)
    p.ellipse(29.5, 38.5, 11, 3, fill=f)
    _rocking_chair(p)


PICTOGRAMS: dict[str, Drawing] = {
    "hall": _hall,
    "parlour": _parlour,
    "library": _library,
    "chapel": _chapel,
    "schoolroom": _schoolroom,
    "staircase": _staircase,
    "cellar": _cellar,
    "attic": _attic,
}
