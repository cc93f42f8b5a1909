"""Rooms of a lived-in house, as drawn for the Trotsky house: kitchen, dining room, office,
study, bedroom and a child's room (each with the details of that house's rooms)."""

from __future__ import annotations

from reportlab.lib.colors import Color

from .pen import FLOOR, Drawing, Pen, brick_field, floor


def _ladle(p: Pen, x: float, top: float, length: float) -> None:
    p.line(x, top, x, top - length)
    p.arc(x, top - length - 0.2, 3.6, 180, 180, fill=p.ink.fill, close=True)


def _tin_cup(p: Pen, x: float, top: float, fill: Color) -> None:
    p.line(x, top, x, top - 4)
    p.rect(x - 3.8, top - 13, 7.6, 8, fill=fill, radius=0.8)
    p.arc(x + 3.8, top - 9, 2.4, -80, 160)


def _kitchen(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # hanging rail with ladles and tin cups
    p.line(9, 88, 53, 88)
    p.dot(9, 88, 1.8)
    p.dot(53, 88, 1.8)
    _ladle(p, 15, 88, 12)
    _tin_cup(p, 25, 88, f)
    _ladle(p, 35, 88, 9)
    _tin_cup(p, 45, 88, p.ink.accent)
    # enamel stove on short legs
    p.line(16, FLOOR, 16.5, 19)
    p.line(44, FLOOR, 43.5, 19)
    p.rect(12, 19, 36, 33, fill=f, radius=2)
    for kx in (18, 24, 30, 36, 42):
        p.dot(kx, 47.5, 1.4)
    p.rect(16, 23, 28, 19, radius=1.5)
    p.line(20, 38.5, 40, 38.5)
    p.rect(22, 27, 16, 7, radius=1)
    # pot and kettle on the hob
    p.rect(15, 52, 13, 9, fill=f, radius=1)
    p.line(13, 58.5, 15, 58.5)
    p.line(28, 58.5, 30, 58.5)
    p.line(21.5, 61, 21.5, 63)
    p.poly([(33, 52), (45, 52), (43, 60), (35, 60)], fill=f)
    p.line(44.5, 55, 48.5, 60)
    p.arc(39, 60, 4, 0, 180)
    # icebox with jars on top
    p.line(62, FLOOR, 62, 16)
    p.line(86, FLOOR, 86, 16)
    p.rect(59, 16, 30, 52, fill=f, radius=1.5)
    p.rect(57, 68, 34, 3.5, fill=f, radius=1)
    p.rect(63, 44, 22, 20, radius=1)
    p.rect(63, 20, 22, 20, radius=1)
    for door_y in (44, 20):
        p.rect(79.5, door_y + 7.5, 3.2, 5.5, fill=p.ink.line, radius=0.8)
        p.rect(61.2, door_y + 3, 1.8, 3, fill=p.ink.line, outline=False)
        p.rect(61.2, door_y + 14, 1.8, 3, fill=p.ink.line, outline=False)
    p.rect(62, 71.5, 9, 9, fill=f, radius=1.2)
    p.rect(61.3, 80.5, 10.4, 2.2, fill=p.ink.line, outline=False, radius=0.6)
    p.rect(74, 71.5, 7, 6.5, fill=f, radius=1.2)
    p.rect(73.4, 78, 8.2, 2, fill=p.ink.line, outline=False, radius=0.6)


def _chair(p: Pen, back_x: float, direction: float) -> None:
    """A side-view chair; `direction` is +1 (seat to the right) or -1."""
    front_x = back_x + 11 * direction
    p.poly([(back_x, FLOOR), (back_x, 26), (back_x - 2 * direction, 50)], close=False)
    p.line(back_x, 26, front_x, 26)
    p.line(front_x, FLOOR, front_x, 26)
    p.line(back_x - 0.8 * direction, 34, back_x - 1.6 * direction, 44)
    p.line(back_x, 18, front_x, 18)


def _dining(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # the window walled up to a narrow strip of glass
    brick_field(p, 30, 58, 40, 23, course=4.6)
    p.rect(30, 58, 40, 31)
    p.line(30, 81, 70, 81)
    for mx in (40, 50, 60):
        p.line(mx, 81, mx, 89)
    p.rect(27, 55.5, 46, 2.5, fill=f, radius=1)
    # table with a cloth, pitcher, fruit bowl and glass
    p.line(24, FLOOR, 24, 30)
    p.line(76, FLOOR, 76, 30)
    p.poly([(19, 40), (81, 40), (79, 30), (21, 30)], fill=f)
    p.rect(16, 40, 68, 2.5, fill=f, radius=1)
    p.poly([(27, 42.5), (35, 42.5), (36, 48), (33.5, 52), (28.5, 52), (26, 48)], fill=f)
    p.arc(36.5, 47.5, 2.6, -90, 180)
    p.rect(49, 42.5, 4, 2, fill=f, outline=True)
    p.arc(51, 49.5, 8, 180, 180, fill=f, close=True)
    p.dot(47, 52.2, 2.8, p.ink.line)
    p.circle(53.5, 52.2, 2.8, fill=f)
    p.rect(65, 42.5, 5, 8, radius=0.8)
    _chair(p, 10, 1)
    _chair(p, 90, -1)


def _newspaper_stack(p: Pen, x: float, y: float, w: float, h: float, folds: int) -> None:
    p.rect(x, y, w, h, fill=p.ink.fill, radius=0.6)
    for i in range(1, folds + 1):
        fy = y + h * i / (folds + 1)
        p.line(x + 1.5, fy, x + w - 1.5, fy)


def _office_shelves(p: Pen) -> None:
    f = p.ink.fill
    p.rect(64, FLOOR, 28, 76)
    for shelf_y in (31, 50, 69):
        p.line(64, shelf_y, 92, shelf_y)
    _newspaper_stack(p, 67, FLOOR, 13, 11, 2)
    _newspaper_stack(p, 81.5, FLOOR, 8, 6, 1)
    for i, h in enumerate((15, 13, 15.5)):
        p.rect(67 + i * 4.4, 31, 4.4, h, fill=f)
    p.poly([(81, 31), (85, 31), (90.5, 43), (86.5, 44.5)], fill=f)
    _newspaper_stack(p, 66.5, 50, 14, 6, 1)
    _newspaper_stack(p, 67.5, 56, 12, 6, 1)
    p.rect(83, 50, 6.5, 14, fill=f)
    p.dot(86.25, 57, 1.2)
    _newspaper_stack(p, 67, 69, 10, 10, 2)
    _newspaper_stack(p, 79.5, 69, 10, 5, 1)
    _newspaper_stack(p, 80.5, 74, 8.5, 4, 0)


def _typewriter(p: Pen) -> None:
    f = p.ink.fill
    p.rect(14.5, 53, 15, 12)
    p.rect(11, 50, 22, 4, fill=f, radius=2)
    p.dot(9.8, 52, 1.5)
    p.dot(34.2, 52, 1.5)
    p.poly([(10, 43), (34, 43), (32, 50), (12, 50)], fill=p.ink.line)
    for row_y, x0, x1 in ((45.2, 13.5, 30.5), (47.8, 15, 29)):
        kx = x0
        while kx <= x1 + 0.01:
            p.dot(kx, row_y, 0.8, f)
            kx += 2.83 if row_y < 46 else 2.8


def _dictaphone(p: Pen) -> None:
    f = p.ink.fill
    p.rect(41, 43, 15, 8, fill=p.ink.line, radius=1)
    p.rect(42, 51, 13, 6, fill=f, radius=3)
    p.line(46, 51.5, 46, 56.5)
    p.curve((42.5, 54), (37, 56), (37, 64), (42, 65))
    p.poly([(42, 63), (47, 61.5), (47, 68.5), (42, 67)], fill=f)


def _office(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    _office_shelves(p)
    # desk with drawer pedestal
    p.rect(8, FLOOR, 17, 28, fill=f)
    p.rect(10.5, 28, 12, 9, radius=0.8)
    p.rect(10.5, 15, 12, 10, radius=0.8)
    p.dot(16.5, 32.5, 1.1)
    p.dot(16.5, 20, 1.1)
    p.line(56, FLOOR, 56, 40)
    p.rect(6, 40, 54, 3, fill=f, radius=1)
    _typewriter(p)
    _dictaphone(p)
    # pendant lamp
    p.line(34, 99.1, 34, 82)  # from the ceiling: the round cap ends at the top edge
    p.poly([(27, 75), (41, 75), (37.5, 82), (30.5, 82)], fill=f)


def _glasses(p: Pen, cx: float, cy: float) -> None:
    """Wire-rimmed spectacles lying open, seen slightly from above."""
    for lens_x in (cx - 6.4, cx + 6.4):
        p.ellipse(lens_x - 4.8, cy - 3.6, 9.6, 7.2)
    p.arc(cx, cy + 0.4, 1.8, 30, 120)
    p.line(cx - 11.2, cy + 1.2, cx - 9.6, cy + 5.5)
    p.line(cx + 11.2, cy + 1.2, cx + 9.6, cy + 5.5)


def _papers(p: Pen) -> None:
    f = p.ink.fill
    p.poly([(50, 42), (77, 44), (75, 57), (48.5, 55)], fill=f)
    p.poly([(45, 39), (70, 38.5), (71, 53), (46.5, 53.5)], fill=f)
    for i, length in enumerate((17, 17, 11)):
        y0 = 49.5 - i * 3.5
        p.line(50, y0, 50 + length, y0 - 0.2)


def _study(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # desk: top in perspective, front edge, legs and a drawer
    p.line(10, FLOOR, 10, 30)
    p.line(90, FLOOR, 90, 30)
    p.rect(38, 24, 24, 6, fill=f)
    p.dot(50, 27, 1.1)
    p.poly([(6, 34), (94, 34), (84, 60), (16, 60)])
    p.rect(6, 30, 88, 4, fill=f, radius=1)
    # books stacked at the back left
    for bx, by, bw in ((15, 45, 26), (17, 50.5, 22), (14.5, 56, 25)):
        p.rect(bx, by, bw, 5.5, fill=f, radius=0.8)
        p.line(bx + bw - 4, by + 1, bx + bw - 4, by + 4.5)
    # papers with a few lines of writing, a red pencil, the glasses in front
    _papers(p)
    p.line(74, 38, 86, 42.5, color=p.ink.accent)
    _glasses(p, 29, 38.5)
    # inkwell and pen at the back right
    p.rect(77.5, 47, 8, 5.5, fill=p.ink.line, radius=1.2)
    p.rect(79.5, 52.5, 4, 2, fill=p.ink.line, outline=False)
    p.line(81.5, 54, 86, 64)


def _steel_shutters(p: Pen) -> None:
    f = p.ink.fill
    p.rect(55, 45, 34, 40, fill=p.ink.line, radius=1)
    for px in (57.5, 72.5):
        p.rect(px, 47.5, 14, 35, fill=f, outline=False)
        for rx in (px + 2.2, px + 11.8):
            for ry in (50, 80):
                p.dot(rx, ry, 0.9)
    p.rect(56, 63.5, 32, 3, fill=p.ink.line, outline=False, radius=1)
    p.rect(69.5, 61, 5, 8, fill=p.ink.line, outline=False, radius=1)


def _bullet_holes(p: Pen) -> None:
    """Chipped plaster (pale halo) round small accent dots, as left by the 1940 raid."""
    holes = ((19, 62), (24.5, 72), (30, 57), (35.5, 78), (41, 65), (46.5, 74), (27, 84), (50, 58))
    for hx, hy in holes:
        p.dot(hx, hy, 3.0, p.ink.fill)
    for hx, hy in holes:
        p.dot(hx, hy, 1.5, p.ink.accent)


def _bedroom(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    _steel_shutters(p)
    _bullet_holes(p)
    # bed: headboard, footboard, frame, mattress, pillow and blanket
    p.rect(8, FLOOR, 5, 34, fill=f, radius=2.5)
    p.rect(60, FLOOR, 4, 24, fill=f, radius=2)
    p.rect(13, 20, 47, 4, fill=f)
    p.rect(13, 24, 47, 7, radius=2)
    p.rect(15, 31, 14, 6, fill=f, radius=3)
    p.rect(28, 21, 32, 12.5, fill=f, radius=2)
    p.line(34, 21.5, 34, 33)
    # bedside table with a lamp
    p.rect(68, FLOOR, 16, 18, fill=f)
    p.line(70, 23, 82, 23)
    p.dot(76, 26.5, 1.1)
    p.line(76, 30, 76, 36)
    p.poly([(71, 36), (81, 36), (79, 42), (73, 42)], fill=f)


def _satchel(p: Pen, x: float) -> None:
    f = p.ink.fill
    p.arc(x + 11, 29, 5, 0, 180)
    p.rect(x, FLOOR, 22, 17, fill=f, radius=2.5)
    p.rect(x, 19.5, 22, 10, fill=f, radius=2.5)
    for sx in (x + 5, x + 14):
        p.rect(sx, 16.5, 3, 6, fill=p.ink.line, outline=False, radius=0.8)


def _child(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # small bed with a guard rail
    p.rect(12, FLOOR, 4, 32, fill=f, radius=2)
    p.dot(14, 46, 2.4)
    p.rect(54, FLOOR, 4, 22, fill=f, radius=2)
    p.dot(56, 36, 2.4)
    p.rect(16, 19, 38, 5, fill=f)
    p.rect(16, 24, 38, 6, radius=2)
    p.line(16, 40, 36, 40)
    for sx in (21, 26, 31):
        p.line(sx, 30, sx, 40)
    p.line(36, 30, 36, 40)
    p.rect(18, 30, 11, 5, fill=f, radius=2.5)
    p.rect(38, 21, 16, 11, fill=f, radius=2)
    # school satchel on the floor
    _satchel(p, 65)
    # a small framed picture of a sailing boat
    p.rect(26, 56, 20, 16, fill=f)
    p.poly([(30, 61), (42, 61), (40, 59), (32, 59)], fill=p.ink.line)
    p.line(36, 61, 36, 69)
    p.poly([(36.8, 62), (36.8, 69), (41, 62)], fill=p.ink.accent, outline=False)


PICTOGRAMS: dict[str, Drawing] = {
    "kitchen": _kitchen,
    "dining": _dining,
    "office": _office,
    "study": _study,
    "bedroom": _bedroom,
    "child": _child,
}
