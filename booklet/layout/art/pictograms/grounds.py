"""Gardens and grounds: a courtyard and a farm, and the Trotsky house's garden, tomb and
watchtower."""

from __future__ import annotations

from .pen import (
    DESIGN,
    FLOOR,
    Drawing,
    Pen,
    barrel_cactus,
    brick_field,
    columnar_cactus,
    floor,
    treetops,
)


def _hammer_and_sickle(p: Pen, cx: float, cy: float, size: float) -> None:
    """The emblem in a few strokes: a sickle blade and handle, crossed by a hammer."""
    u = size / 2
    # sickle: blade sweeping from the handle round the right side to a tip at the top
    p.arc(cx + 0.1 * u, cy + 0.1 * u, 0.7 * u, 238, 222)
    p.line(cx - 0.27 * u, cy - 0.49 * u, cx - 0.75 * u, cy - 0.92 * u)
    # hammer: handle from lower right to upper left, head square across it
    p.line(cx + 0.75 * u, cy - 0.8 * u, cx - 0.42 * u, cy + 0.38 * u)
    head = [(-0.76, 0.2), (-0.28, 0.68), (-0.15, 0.55), (-0.63, 0.07)]
    p.poly([(cx + hx * u, cy + hy * u) for hx, hy in head], fill=p.ink.line)


def _rabbit(p: Pen, x: float, y: float) -> None:
    """A sitting rabbit facing left, as one flat ink shape."""
    ink = p.ink.line
    p.ellipse(x + 4, y, 15, 11, fill=ink, outline=False)
    p.circle(x + 4, y + 10, 4.6, fill=ink, outline=False)
    p.ellipse(x + 1.3, y + 12, 3.2, 10, fill=ink, outline=False)
    p.ellipse(x + 4.8, y + 12.5, 3.2, 9, fill=ink, outline=False)
    p.dot(x + 19, y + 5, 2.2, p.ink.fill)
    p.dot(x + 2.6, y + 10.5, 0.8, p.ink.fill)


def _hutch(p: Pen) -> None:
    f = p.ink.fill
    p.line(61, FLOOR, 61, 32)
    p.line(91, FLOOR, 91, 32)
    p.rect(58, 32, 36, 20, fill=f)
    p.poly([(55, 52), (76, 63), (97, 52)], fill=f)
    p.rect(61.5, 35, 19, 14)
    for gx in (66.25, 71, 75.75):
        p.line(gx, 35, gx, 49)
    for gy in (39.7, 44.3):
        p.line(61.5, gy, 80.5, gy)
    p.rect(83.5, 35, 7.5, 14, radius=0.8)
    p.dot(85.5, 42, 1.1)


def _garden(p: Pen) -> None:
    f = p.ink.fill
    floor(p, 4, 96)
    columnar_cactus(p, 5, FLOOR, 8, 40, f)
    columnar_cactus(p, 25, FLOOR, 8, 54, f)
    columnar_cactus(p, 14, FLOOR, 10, 70, f)
    # round barrel cactus with a small red flower
    barrel_cactus(p, 35, 19, 17)
    for fx in (-2.2, 0.0, 2.2):
        p.dot(44.5 + fx, 29.5 + (fx == 0) * 1.4, 1.6, p.ink.accent)
    _hutch(p)
    _rabbit(p, 65, FLOOR + 0.8)


def _agave(p: Pen, cx: float) -> None:
    f = p.ink.fill
    for tip_x, tip_y in ((-10, 9), (10, 10), (-6, 17), (6, 18), (0, 22)):
        p.poly([(cx - 2.5, FLOOR), (cx + tip_x, FLOOR + tip_y), (cx + 2.5, FLOOR)], fill=f)


def _tomb(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # flag on its pole (the one large use of the accent)
    flag = p.canvas.beginPath()
    flag.moveTo(76, 90)
    flag.curveTo(82, 93, 88, 87.5, 94, 90.5)
    flag.lineTo(94, 78.5)
    flag.curveTo(88, 75.5, 82, 81, 76, 78)
    flag.close()
    p.canvas.setFillColor(p.ink.accent)
    p.canvas.drawPath(flag, stroke=0, fill=1)
    p.line(76, FLOOR, 76, 91.5)
    p.dot(76, 93, 1.8)
    # stele on its plinth, with the emblem and two carved lines
    p.rect(30, FLOOR, 36, 5, fill=f)
    p.rect(37, 17, 22, 70, fill=f)
    _hammer_and_sickle(p, 48, 73, 12)
    p.line(42, 60, 54, 60)
    p.line(44, 56.5, 52, 56.5)
    # plants at the foot
    _agave(p, 19)
    barrel_cactus(p, 82, 11, 10)


def _tower(p: Pen) -> None:
    f = p.ink.fill
    floor(p, 2, 98)
    # cactus and tree tops behind the wall
    columnar_cactus(p, 12, 48, 6, 18, f)
    columnar_cactus(p, 19.5, 48, 6, 12, f)
    with p.clipped(0, 48, DESIGN, 52):
        treetops(p, ((82, 57, 8), (73.5, 54, 6.5), (90, 53, 5.5)))
    # the wall (either side of the tower) with its coping and slits
    for wx, ww in ((4, 32), (64, 32)):
        p.poly([(wx, FLOOR), (wx, 48), (wx + ww, 48), (wx + ww, FLOOR)], close=False)
    p.rect(3, 48, 33, 3, fill=f, radius=1)
    p.rect(64, 48, 33, 3, fill=f, radius=1)
    p.rect(16, 36, 2.4, 7, fill=p.ink.line, outline=False, radius=0.8)
    p.rect(82, 36, 2.4, 7, fill=p.ink.line, outline=False, radius=0.8)
    # brick watchtower with firing slits
    brick_field(p, 36, FLOOR, 28, 66, course=4.4)
    p.rect(36, FLOOR, 28, 66)
    for sx in (43, 54.4):
        p.rect(sx - 0.8, 58.5, 4.2, 15, fill=p.ink.fill, outline=False)
        p.rect(sx, 60, 2.6, 12, fill=p.ink.line, outline=False, radius=0.8)
    p.rect(34, 78, 32, 3, fill=f)
    p.rect(35, 81, 30, 8, fill=f)
    p.rect(43, 84, 14, 2.2, fill=p.ink.line, outline=False, radius=0.8)
    p.rect(33, 89, 34, 2.5, fill=p.ink.line, radius=0.8)


def _potted_tree(p: Pen, cx: float) -> None:
    """A clipped orange tree in a tub, with a few fruit."""
    p.poly([(cx - 6, FLOOR), (cx + 6, FLOOR), (cx + 7.5, 24), (cx - 7.5, 24)], fill=p.ink.fill)
    p.line(cx, 24, cx, 32)
    treetops(p, ((cx, 40, 9), (cx - 5, 36, 5.5), (cx + 5, 36, 5.5)))
    for fx, fy in ((-3.5, 43), (3, 38.5), (-4, 34.5)):
        p.dot(cx + fx, fy, 1.5, p.ink.accent)


def _courtyard(p: Pen) -> None:
    f = p.ink.fill
    floor(p, 4, 96)
    # an arcade round the courtyard, under a tiled roof
    p.rect(4, 76, 92, 7, fill=f)
    for tx in range(8, 94, 6):
        p.line(tx, 77.5, tx, 81.5)
    p.rect(2, 83, 96, 3, fill=f, radius=1)
    p.line(6, FLOOR, 6, 76)
    p.line(94, FLOOR, 94, 76)
    for x0 in (12, 40, 68):
        arch = p.canvas.beginPath()
        arch.moveTo(x0, FLOOR)
        arch.lineTo(x0, 52)
        arch.arcTo(x0, 42, x0 + 20, 62, 180, -180)
        arch.lineTo(x0 + 20, FLOOR)
        p.paint(arch, None, True, None)
    # fountain in the middle, orange trees in tubs either side
    p.rect(32, FLOOR, 36, 9, fill=f)
    p.rect(30, 21, 40, 3, fill=f, radius=1)
    p.rect(47, 24, 6, 11, fill=f)
    p.arc(50, 38, 10, 180, 180, fill=f, close=True)
    p.line(50, 38, 50, 48)
    p.curve((50, 48), (44, 50), (41, 46), (40, 40))
    p.curve((50, 48), (56, 50), (59, 46), (60, 40))
    _potted_tree(p, 18)
    _potted_tree(p, 82)


def _farm(p: Pen) -> None:
    f = p.ink.fill
    floor(p, 4, 96)
    # a barn with a hayloft door and a weathervane
    p.rect(22, FLOOR, 48, 38, fill=f)
    roof = [(18, 50), (26, 69), (46, 80), (66, 69), (74, 50)]
    p.poly(roof, fill=f)
    p.poly([(22, 50), (28.5, 66), (46, 75.5), (63.5, 66), (70, 50)], close=False)
    p.rect(33, FLOOR, 26, 26)
    p.line(46, FLOOR, 46, 38)
    for x0 in (33, 46):
        p.line(x0, FLOOR, x0 + 13, 38)
        p.line(x0, 38, x0 + 13, FLOOR)
    p.rect(40, 54, 12, 11, fill=p.ink.line)
    p.line(46, 80, 46, 90)
    p.poly([(40, 88), (50, 88), (50, 89.8), (40, 89.8)], fill=p.ink.line, outline=False)
    p.poly([(50, 86.5), (54, 88.9), (50, 91.3)], fill=p.ink.accent, outline=False)
    # a hay bale and a cart wheel against the wall
    p.rect(76, FLOOR, 18, 13, fill=f, radius=2)
    for hy in (16, 20.5):
        p.line(78, hy, 92, hy)
    p.circle(14, 24, 11, fill=f)
    p.circle(14, 24, 8.5)
    for angle_x, angle_y in ((8.5, 0), (0, 8.5), (6, 6), (6, -6)):
        p.line(14 - angle_x, 24 - angle_y, 14 + angle_x, 24 + angle_y)
    p.dot(14, 24, 2)


PICTOGRAMS: dict[str, Drawing] = {
    "courtyard": _courtyard,
    "farm": _farm,
    "garden": _garden,
    "tomb": _tomb,
    "tower": _tower,
}
