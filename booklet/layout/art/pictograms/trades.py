"""Trades, industry and science: workshop, machinery, printing, textile, shop front,
apothecary, laboratory, maritime, transport and cinema."""

from __future__ import annotations

import math

from .pen import FLOOR, Drawing, Pen, floor


def _tool_board(p: Pen) -> None:
    f = p.ink.fill
    p.rect(10, 50, 80, 38, fill=f, radius=1)
    # hand saw
    p.rect(15, 70, 8, 11, fill=f, radius=2.5)
    p.rect(17.5, 74, 3, 4, radius=1)
    p.poly([(23, 81), (46, 78), (46, 74.5), (23, 71)], fill=p.ink.fill)
    # hammer, spanner, chisel and a screwdriver with a red handle
    p.line(55, 56, 55, 76)
    p.rect(49, 76, 12, 5, fill=p.ink.line, radius=1)
    p.line(65, 58, 70, 80)
    p.circle(64.5, 56.5, 2.8)
    p.circle(70.5, 82, 2.8)
    p.rect(76, 70, 3.5, 12, fill=f, radius=1)
    p.line(77.75, 70, 77.75, 58)
    p.rect(82.5, 70, 4, 12, fill=p.ink.accent, radius=1.5)
    p.line(84.5, 70, 84.5, 56)
    for hx, hy in ((19, 60), (32, 60), (45, 60), (32, 66)):
        p.dot(hx, hy, 0.9)


def _workshop(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    _tool_board(p)
    # workbench with a vice, a plank and a plane
    p.rect(12, FLOOR, 4, 24, fill=f)
    p.rect(84, FLOOR, 4, 24, fill=f)
    p.line(16, 20, 84, 20)
    p.rect(8, 36, 84, 5, fill=f, radius=1)
    p.rect(10, 41, 10, 6, fill=p.ink.line, radius=1)
    p.line(15, 32, 15, 36)
    p.line(11, 32, 19, 32)
    p.rect(26, 41, 30, 3, fill=f)
    p.poly([(60, 41), (76, 41), (74, 46), (62, 46)], fill=f)
    p.circle(71, 48, 2, fill=f)


def _gear(p: Pen, cx: float, cy: float, r: float, teeth: int, phase: float) -> None:
    """A spur gear: a toothed rim (teeth 16% of the radius deep), spokes and a hub."""
    outer, root = r, r * 0.84
    points = []
    for i in range(teeth):
        base = 2 * math.pi * i / teeth + phase
        step = 2 * math.pi / teeth
        for frac, radius in ((0.0, root), (0.18, outer), (0.5, outer), (0.68, root)):
            angle = base + frac * step
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    p.poly(points, fill=p.ink.fill)
    p.circle(cx, cy, root * 0.68)
    for i in range(5):
        angle = 2 * math.pi * i / 5 + phase
        c, s = math.cos(angle), math.sin(angle)
        p.line(cx + c * r * 0.2, cy + s * r * 0.2, cx + c * root * 0.68, cy + s * root * 0.68)
    p.circle(cx, cy, r * 0.2, fill=p.ink.fill)
    p.dot(cx, cy, r * 0.08)


def _machinery(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    p.rect(8, FLOOR, 84, 5, fill=f)
    p.poly([(26, 17), (48, 17), (42, 48), (32, 48)], fill=f)
    _gear(p, 37, 50, 27, 14, 0.0)
    _gear(p, 72, 71, 15, 8, 0.2)
    # a pressure gauge on its pipe
    p.poly([(86, 17), (86, 28)], close=False)
    p.circle(86, 35, 7, fill=f)
    p.line(86, 35, 89.5, 39, color=p.ink.accent)
    p.dot(86, 35, 1.1)


def _press(p: Pen) -> None:
    """A screw-and-bar hand press with its carriage."""
    f = p.ink.fill
    for x in (18, 56):
        p.rect(x, FLOOR, 6, 66, fill=f)
    p.rect(14, 72, 46, 10, fill=f, radius=2)
    p.rect(37, 56, 6, 16, fill=f)
    for ty in (59, 63, 67):
        p.line(37, ty, 43, ty + 2.5)
    p.line(40, 62, 76, 68)
    p.dot(77, 68.2, 2.4)
    p.rect(27, 48, 26, 6, fill=f, radius=1)
    p.rect(10, 36, 78, 5, fill=f, radius=1)
    p.rect(29, 41, 22, 3.5, fill=p.ink.line, outline=False)
    p.line(14, FLOOR, 14, 36)
    p.line(84, FLOOR, 84, 36)


def _printing(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    _press(p)
    # printed sheets drying on a line
    p.line(62, 92, 96, 88)
    for sx, top in ((66, 91.5), (82, 89.6)):
        p.rect(sx, top - 16, 12, 16, fill=f)
        p.rect(sx + 2, top - 7, 4, 4.5, fill=p.ink.accent if sx == 66 else p.ink.line,
               outline=False)  # fmt: skip
        for ly in (top - 10, top - 12.5):
            p.line(sx + 2, ly, sx + 10, ly)
        p.line(sx + 7.5, top - 4.2, sx + 10, top - 4.2)


def _spinning_wheel(p: Pen) -> None:
    f = p.ink.fill
    cx, cy, r = 60, 54, 24
    p.line(52, 30, cx, cy)
    p.line(68, 31, cx, cy)
    p.circle(cx, cy, r)
    p.circle(cx, cy, r - 3.5)
    for i in range(10):
        a = 2 * math.pi * i / 10
        p.line(cx + 2.5 * math.cos(a), cy + 2.5 * math.sin(a),
               cx + (r - 3.5) * math.cos(a), cy + (r - 3.5) * math.sin(a))  # fmt: skip
    p.circle(cx, cy, 2.5, fill=f)
    # table, legs and treadle
    p.rect(10, 28, 78, 4, fill=f, radius=1)
    p.line(16, 28, 12, FLOOR)
    p.line(82, 28, 88, FLOOR)
    p.line(76, 28, 70, FLOOR)
    p.line(54, FLOOR + 2, 76, FLOOR + 4)
    p.line(62, 16, cx, cy - 2.5)
    # flyer and bobbin on their posts, the drive band and the distaff
    p.line(18, 32, 18, 46)
    p.line(30, 32, 30, 46)
    p.rect(19, 41, 10, 6, fill=p.ink.accent, radius=2)
    p.line(12, 44, 36, 44)
    p.line(33, 46, cx - 4, cy + r - 1)
    p.line(33, 42, cx - 6, cy - r + 5)
    p.line(24, 47, 24, 58)
    fibre = p.canvas.beginPath()
    fibre.moveTo(24, 58)
    fibre.curveTo(15, 64, 18, 78, 24, 84)
    fibre.curveTo(30, 78, 33, 64, 24, 58)
    fibre.close()
    p.paint(fibre, f, True, None)


def _textile(p: Pen) -> None:
    floor(p)
    _spinning_wheel(p)
    # two balls of yarn
    for bx, by, r in ((90, FLOOR + 4.5, 4.5), (81, FLOOR + 3.5, 3.5)):
        p.circle(bx, by, r, fill=p.ink.fill)
        p.arc(bx - r * 0.3, by + r * 0.2, r * 0.7, 200, 120)


def _awning(p: Pen, x0: float, x1: float, top: float, depth: float) -> None:
    f = p.ink.fill
    stripes = 8
    w = (x1 - x0) / stripes
    for i in range(stripes):
        xa = x0 + i * w
        p.poly([(xa, top), (xa + w, top), (xa + w, top - depth), (xa, top - depth)],
               fill=f if i % 2 == 0 else None, outline=False)  # fmt: skip
    p.rect(x0, top - depth, x1 - x0, depth)
    for i in range(stripes):
        p.arc(x0 + i * w + w / 2, top - depth, w / 2, 180, 180, fill=f if i % 2 == 0 else None)


def _shop_front(p: Pen) -> None:
    f = p.ink.fill
    floor(p, 4, 96)
    p.rect(8, FLOOR, 5, 68, fill=f)
    p.rect(87, FLOOR, 5, 68, fill=f)
    p.rect(6, 80, 88, 12, fill=f, radius=1)
    p.rect(10, 82.5, 80, 7)
    for lx, lw in ((22, 6), (30, 9), (41, 5), (48, 8), (58, 6), (66, 10)):
        p.rect(lx, 84.5, lw, 3, fill=p.ink.line, outline=False, radius=0.6)
    _awning(p, 13, 87, 80, 10)
    # shop window with goods on a shelf, and the door
    p.rect(15, 24, 44, 38)
    p.line(37, 24, 37, 62)
    p.line(15, 40, 59, 40)
    for jx, jh in ((18, 9), (25, 7), (40, 10), (48, 8)):
        p.rect(jx, 40, 6, jh, fill=f, radius=1)
        p.rect(jx - 0.5, 40 + jh, 7, 2, fill=p.ink.line, outline=False, radius=0.6)
    vase_top = 24 + 10
    p.ellipse(19, 24, 12, 4, fill=f)
    p.arc(25, 28, 6, 0, 180, fill=f, close=True)
    p.rect(42, 24, 12, vase_top - 24 - 2, fill=f, radius=1)
    p.rect(15, FLOOR, 44, 12, fill=f)
    p.rect(18, 15, 38, 6)
    p.rect(64, FLOOR, 20, 50, fill=f)
    p.rect(67, 36, 14, 22)
    p.rect(67, 16, 14, 15)
    p.dot(80, 33, 1.2)
    p.rect(69.5, 44, 9, 5, fill=p.ink.accent, outline=False, radius=0.8)
    p.line(71, 49, 74, 53)
    p.line(77, 49, 74, 53)


def _jar(p: Pen, x: float, base: float, w: float, h: float, accent: bool) -> None:
    f = p.ink.fill
    p.rect(x, base, w, h, fill=p.ink.accent if accent else f, radius=w * 0.28)
    p.rect(x + w * 0.15, base + h, w * 0.7, 2.2, fill=p.ink.line, outline=False, radius=0.6)
    p.rect(x + w * 0.2, base + h * 0.35, w * 0.6, h * 0.3, fill=f)


def _apothecary(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # shelves of labelled jars
    p.rect(8, 52, 84, 38)
    p.rect(6, 90, 88, 3.5, fill=f, radius=1)
    p.line(8, 70, 92, 70)
    for i, (w, h) in enumerate(((9, 12), (8, 10), (9, 12), (7, 9), (9, 12), (8, 10), (9, 12))):
        _jar(p, 11 + i * 11.5, 52, w, h, accent=False)
    for i, (w, h) in enumerate(((8, 11), (9, 12), (8, 9), (9, 12), (8, 11), (9, 12), (8, 10))):
        _jar(p, 11 + i * 11.5, 70, w, h, accent=(i == 4))
    # counter with drawers; mortar and pestle, and a balance
    p.rect(8, FLOOR, 84, 22, fill=f)
    p.rect(6, 34, 88, 3.5, fill=f, radius=1)
    for dx in (12, 39, 66):
        for dy in (15, 24.5):
            p.rect(dx, dy, 22, 7.5, radius=0.8)
            p.dot(dx + 11, dy + 3.75, 1)
    p.arc(24, 44, 7, 180, 180, fill=f, close=True)
    p.rect(19, 37.5, 10, 2, fill=p.ink.line, outline=False)
    p.line(26, 44, 33, 50)
    p.line(72, 37.5, 72, 49)
    p.rect(68, 37.5, 8, 2, fill=p.ink.line, outline=False)
    p.line(62, 49, 82, 49)
    for sx in (62, 82):
        p.line(sx, 49, sx - 3, 43)
        p.line(sx, 49, sx + 3, 43)
        p.arc(sx, 43, 4, 180, 180, fill=f, close=True)


def _laboratory(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    p.rect(6, 36, 88, 4, fill=f, radius=1)
    p.rect(10, FLOOR, 26, 24, fill=f)
    p.rect(14, 16, 18, 16, radius=0.8)
    p.dot(23, 24, 1)
    p.line(88, FLOOR, 88, 36)
    p.line(64, FLOOR, 64, 36)
    # ring stand, round flask and a burner with its flame
    p.rect(10, 40, 22, 2.5, fill=f)
    p.line(14, 42.5, 14, 84)
    p.line(14, 72, 27, 72)
    p.circle(28, 60, 8.5, fill=f)
    p.rect(26, 67, 4, 12, fill=f)
    p.line(25, 79, 31, 79)
    p.rect(25, 42.5, 6, 5, fill=f)
    p.poly([(28, 47.5), (26, 50.5), (28, 53.5), (30, 50.5)], fill=p.ink.accent, outline=False)
    # conical flask with liquid
    p.poly([(40, 40), (58, 40), (52, 58), (52, 68), (46, 68), (46, 58)], fill=None)
    p.poly([(41.6, 44), (56.4, 44), (54.3, 50.5), (43.7, 50.5)], fill=f, outline=False)
    p.line(41.6, 44, 56.4, 44)
    p.line(45, 68, 53, 68)
    # test tubes in a rack
    p.rect(64, 40, 26, 3, fill=f)
    p.rect(64, 52, 26, 3, fill=f)
    p.line(66, 43, 66, 52)
    p.line(88, 43, 88, 52)
    for i, level in enumerate((8, 14, 5, 11)):
        tx = 68 + i * 5.5
        p.rect(tx, 44, 3.5, 20, radius=1.7)
        p.rect(tx, 44, 3.5, level, fill=p.ink.line, radius=1.7)


def _ship_model(p: Pen) -> None:
    f = p.ink.fill
    hull = p.canvas.beginPath()
    hull.moveTo(12, 48)
    hull.curveTo(15, 36, 30, 31, 48, 31)
    hull.curveTo(66, 31, 80, 36, 88, 50)
    hull.lineTo(74, 46)
    hull.lineTo(20, 46)
    hull.close()
    p.paint(hull, f, True, None)
    p.line(16, 42.5, 84, 42.5)
    p.line(86, 48, 96, 56)
    for mx, top in ((30, 82), (50, 90), (68, 80)):
        p.line(mx, 46, mx, top)
        for sy, sw, sh in ((top - 30, 18, 12), (top - 16, 14, 10)):
            sail = p.canvas.beginPath()
            sail.moveTo(mx - sw / 2, sy + sh)
            sail.lineTo(mx + sw / 2, sy + sh)
            sail.curveTo(mx + sw / 2 + 1.5, sy + sh / 2, mx + sw / 2 + 1.5, sy + sh / 2,
                         mx + sw / 2, sy)  # fmt: skip
            sail.lineTo(mx - sw / 2, sy)
            sail.curveTo(mx - sw / 2 + 1.5, sy + sh / 2, mx - sw / 2 + 1.5, sy + sh / 2,
                         mx - sw / 2, sy + sh)  # fmt: skip
            sail.close()
            p.paint(sail, f, True, None)
    p.poly([(50, 90), (58, 88), (50, 86)], fill=p.ink.accent, outline=False)
    p.line(96, 56, 68, 80)
    p.line(12, 48, 30, 82)


def _maritime(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # a ship model on its cradle and plinth
    p.rect(16, FLOOR, 68, 10, fill=f)
    p.rect(40, 15, 20, 4, fill=p.ink.line, outline=False, radius=0.6)
    for cx in (34, 64):
        p.poly([(cx - 4, 22), (cx + 4, 22), (cx + 2, 32), (cx - 2, 32)], fill=f)
    _ship_model(p)


def _wheel(p: Pen, cx: float, cy: float, r: float, spokes: int) -> None:
    p.circle(cx, cy, r, fill=p.ink.fill)
    p.circle(cx, cy, r * 0.8)
    for i in range(spokes):
        a = 2 * math.pi * i / spokes
        p.line(cx, cy, cx + r * 0.8 * math.cos(a), cy + r * 0.8 * math.sin(a))
    p.dot(cx, cy, r * 0.18)


def _transport(p: Pen) -> None:
    f = p.ink.fill
    floor(p, 2, 98)
    # a small steam locomotive
    p.rect(8, 74, 28, 4, fill=f, radius=1)
    p.rect(11, 34, 22, 40, fill=f)
    p.rect(15, 56, 14, 12, radius=1)
    p.rect(33, 38, 44, 22, fill=f, radius=2)
    for bx in (45, 57):
        p.line(bx, 38, bx, 60)
    p.rect(75, 37, 8, 24, fill=f, radius=3)
    p.poly([(73, 61), (81, 61), (83, 76), (71, 76)], fill=f)
    p.rect(70, 76, 14, 3, fill=p.ink.line, radius=1)
    p.arc(60, 60, 4.5, 0, 180, fill=f, close=True)
    p.rect(6, 28, 84, 6, fill=f, radius=1)
    p.poly([(84, 28), (92, 28), (96, FLOOR + 2), (86, FLOOR + 2)], fill=f)
    for px, py, r in ((80, 86, 3.5), (88, 93, 2.8), (72, 91, 2.5)):
        p.circle(px, py, r, fill=f)
    _wheel(p, 30, 22, 10, 8)
    _wheel(p, 54, 22, 10, 8)
    _wheel(p, 74, 18, 6, 6)
    _wheel(p, 12, 18, 6, 6)
    p.line(30, 19, 54, 19, color=p.ink.accent)


def _reel(p: Pen, cx: float, cy: float, r: float) -> None:
    p.circle(cx, cy, r, fill=p.ink.fill)
    for i in range(5):
        a = 2 * math.pi * i / 5 + 0.3
        p.circle(cx + r * 0.55 * math.cos(a), cy + r * 0.55 * math.sin(a), r * 0.2)
    p.dot(cx, cy, r * 0.14)


def _cinema(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # the projector's light beam across the room
    p.poly([(58, 50), (94, 76), (94, 24)], fill=f, outline=False)
    p.line(58, 50, 94, 76)
    p.line(58, 50, 94, 24)
    # projector on a stand, with its reels and film path
    p.rect(8, 36, 50, 3.5, fill=f, radius=1)
    p.line(14, FLOOR, 18, 36)
    p.line(52, FLOOR, 48, 36)
    p.line(16, 22, 50, 22)
    p.rect(14, 39.5, 36, 19, fill=f, radius=3)
    p.rect(50, 45, 8, 10, fill=p.ink.line, radius=1)
    p.line(22, 58.5, 22, 65)
    p.line(42, 58.5, 42, 65)
    _reel(p, 22, 74, 11)
    _reel(p, 44, 74, 11)
    p.line(33, 74, 33, 58.5)
    p.rect(20, 44, 6, 6, fill=p.ink.accent, outline=False, radius=1)


PICTOGRAMS: dict[str, Drawing] = {
    "workshop": _workshop,
    "machinery": _machinery,
    "printing": _printing,
    "textile": _textile,
    "shop-front": _shop_front,
    "apothecary": _apothecary,
    "laboratory": _laboratory,
    "maritime": _maritime,
    "transport": _transport,
    "cinema": _cinema,
}
