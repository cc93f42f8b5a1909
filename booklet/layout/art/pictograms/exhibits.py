"""Collections and how they are shown: gallery, painting, sculpture, exhibit case,
archaeology, natural history, costume and music."""

from __future__ import annotations

import itertools

from reportlab.lib.colors import Color

from .pen import FLOOR, Drawing, Pen, floor


def vase(p: Pen, cx: float, base: float, w: float, h: float, fill: Color) -> None:
    """A symmetric vase: a round belly on a foot, a narrow neck and a lip."""
    half = w / 2
    path = p.canvas.beginPath()
    path.moveTo(cx - half * 0.45, base)
    path.curveTo(cx - half * 1.25, base + h * 0.3, cx - half * 1.1, base + h * 0.62,
                 cx - half * 0.3, base + h * 0.78)  # fmt: skip
    path.lineTo(cx - half * 0.3, base + h * 0.92)
    path.lineTo(cx - half * 0.55, base + h)
    path.lineTo(cx + half * 0.55, base + h)
    path.lineTo(cx + half * 0.3, base + h * 0.92)
    path.lineTo(cx + half * 0.3, base + h * 0.78)
    path.curveTo(cx + half * 1.1, base + h * 0.62, cx + half * 1.25, base + h * 0.3,
                 cx + half * 0.45, base)  # fmt: skip
    path.close()
    p.paint(path, fill, True, None)


def _hung(p: Pen, x: float, y: float, w: float, h: float, rail: float) -> None:
    """A frame hung from the picture rail on two wires, with its mount."""
    p.line(x + w * 0.2, y + h, x + w / 2, rail)
    p.line(x + w * 0.8, y + h, x + w / 2, rail)
    p.rect(x, y, w, h, fill=p.ink.fill)
    p.rect(x + 3, y + 3, w - 6, h - 6)


def _gallery(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    rail = 90.0
    p.line(4, rail, 96, rail)
    # a portrait, a landscape with a red sun, a still life
    _hung(p, 8, 48, 22, 28, rail)
    p.circle(19, 65, 4)
    p.arc(19, 51, 8, 30, 120)
    _hung(p, 36, 42, 30, 38, rail)
    p.curve((39, 52), (47, 62), (52, 58), (63, 62))
    p.curve((39, 58), (44, 62), (48, 64), (55, 56))
    p.dot(56, 70, 3.2, p.ink.accent)
    _hung(p, 72, 50, 20, 24, rail)
    p.rect(77, 53, 5, 6, fill=f)
    p.circle(85, 57, 3)
    # labels beside the frames
    for lx, ly in ((14, 43), (46, 37), (78, 45)):
        p.rect(lx, ly, 10, 2.5, fill=p.ink.line, outline=False, radius=0.6)
    # a bench to sit and look
    p.rect(28, 24, 44, 4, fill=f, radius=1)
    p.rect(32, FLOOR, 4, 12, fill=f)
    p.rect(64, FLOOR, 4, 12, fill=f)


def _painting(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # easel with a canvas on its ledge
    p.line(30, FLOOR, 44, 90)
    p.line(60, FLOOR, 46, 90)
    p.line(45, 60, 49, FLOOR)
    p.rect(22, 38, 46, 36, fill=f)
    p.rect(25, 41, 40, 30)
    p.curve((25, 50), (34, 60), (42, 55), (65, 60))
    p.curve((38, 41), (46, 50), (56, 49), (65, 46))
    p.dot(54, 65, 3, p.ink.accent)
    p.rect(20, 34, 50, 4, fill=f, radius=1)
    # stool with a jar of brushes and a palette
    p.rect(72, 30, 22, 3, fill=f, radius=1)
    p.line(75, FLOOR, 76, 30)
    p.line(91, FLOOR, 90, 30)
    p.line(75.5, 20, 90.5, 20)
    p.rect(75, 33, 8, 11, fill=f, radius=1)
    for bx, tip in ((77, (75, 54)), (79, (80, 56)), (81, (85, 53))):
        p.line(bx, 44, *tip)
    palette = p.canvas.beginPath()
    palette.ellipse(83, 33, 11, 14)
    p.paint(palette, f, True, None)
    p.dot(87.5, 37, 1.3)
    for dx, dy, colour in ((86, 43, p.ink.line), (90, 41, p.ink.accent), (90.5, 37, p.ink.line)):
        p.dot(dx, dy, 1.1, colour)


def _bust(p: Pen, cx: float, base: float) -> None:
    f = p.ink.fill
    shoulders = p.canvas.beginPath()
    shoulders.moveTo(cx - 14, base)
    shoulders.curveTo(cx - 14, base + 8, cx - 10, base + 12, cx - 4, base + 13)
    shoulders.lineTo(cx - 3.5, base + 19)
    shoulders.lineTo(cx + 3.5, base + 19)
    shoulders.lineTo(cx + 4, base + 13)
    shoulders.curveTo(cx + 10, base + 12, cx + 14, base + 8, cx + 14, base)
    shoulders.close()
    p.paint(shoulders, f, True, None)
    p.ellipse(cx - 7, base + 17, 14, 19, fill=f)
    p.curve((cx - 7, base + 29), (cx - 4, base + 37), (cx + 6, base + 37), (cx + 7, base + 28))
    p.line(cx, base + 26.5, cx + 1, base + 22.5)


def _sculpture(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # a bust on a plinth
    p.rect(32, FLOOR, 36, 3.5, fill=f)
    p.rect(36, 15.5, 28, 32, fill=f)
    p.rect(33, 47.5, 34, 3.5, fill=f)
    p.rect(44, 28, 12, 3, fill=p.ink.line, outline=False, radius=0.6)
    _bust(p, 50, 51)
    # rope barrier on two posts in front
    for px in (12, 88):
        p.ellipse(px - 5, FLOOR, 10, 3, fill=f)
        p.rect(px - 1.3, FLOOR + 2, 2.6, 24, fill=f)
        p.dot(px, FLOOR + 28, 2.6)
    p.curve((13, FLOOR + 25), (30, 10), (70, 10), (87, FLOOR + 25), color=p.ink.accent)


def _exhibit_case(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # cabinet, glass case and lid
    p.rect(24, FLOOR, 52, 28, fill=f)
    p.rect(28, 16, 44, 20)
    p.rect(44, 24, 12, 4, fill=p.ink.line, outline=False, radius=0.6)
    p.rect(24, 40, 52, 44)
    p.rect(21, 84, 58, 4, fill=f, radius=1)
    p.line(24, 42.5, 76, 42.5)
    # a vase on a small stand inside
    p.rect(42, 42.5, 16, 3.5, fill=f)
    vase(p, 50, 46, 20, 30, f)
    p.line(43.5, 58, 56.5, 58, color=p.ink.accent)
    # reflections on the glass
    p.line(63, 78, 72, 69)
    p.line(67, 80, 73, 74)


def _archaeology(p: Pen) -> None:
    f = p.ink.fill
    # soil either side of a trench, with strata and stones
    for x0, x1 in ((6, 28), (72, 94)):
        p.rect(x0, FLOOR, x1 - x0, 36, fill=f)
        for sy in (22, 31, 40):
            p.curve((x0, sy), (x0 + 7, sy + 1.5), (x1 - 7, sy - 1.5), (x1, sy))
    for sx, sy in ((12, 26), (20, 35), (79, 17), (87, 36), (16, 16)):
        p.ellipse(sx, sy, 4, 2.6, fill=p.ink.line, outline=False)
    floor(p, 28, 72)
    # a pot half dug out, shards and a trowel
    vase(p, 45, FLOOR, 18, 22, f)
    p.poly([(58, FLOOR), (64, FLOOR), (62, 16)], fill=f)
    p.poly([(64, FLOOR + 1), (69, FLOOR), (68, 15)], fill=f)
    p.poly([(82, 48), (86, 62), (90, 48)], fill=p.ink.fill)
    p.line(86, 62, 86, 72)
    p.rect(84.5, 69, 3, 9, fill=p.ink.line, radius=1)
    # survey pegs with their string, over the trench
    for px in (28, 72):
        p.line(px, 48, px, 60)
    p.line(28, 58, 72, 58, color=p.ink.accent)


def _natural_history(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    p.rect(8, FLOOR, 84, 5, fill=f)
    p.rect(14, 13.5, 12, 2, fill=p.ink.line, outline=False, radius=0.5)
    # a long-necked dinosaur skeleton on its mount: legs, spine, ribs and skull
    p.line(48, 17, 48, 38)
    for x, y in ((34, 49), (58, 51)):
        p.poly([(x, y), (x - 3, 33), (x, 17)], close=False)
        p.poly([(x + 5, y + 0.5), (x + 4, 33), (x + 7, 17)], close=False)
        p.line(x - 1, 17, x + 4, 17)
    spine = ((4, 20), (14, 30), (24, 44), (36, 51), (50, 54), (62, 53), (68, 58), (74, 68),
             (78, 78), (82, 82))  # fmt: skip
    p.poly(spine, close=False)
    for (x1, y1), (x2, y2) in itertools.pairwise(spine[:4]):
        for t in (0.3, 0.7):
            tx, ty = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            p.line(tx - 1.6, ty + 1.6, tx + 1.6, ty - 1.6)
    for rx in (40, 45, 50, 55):
        top = 52 + (rx - 40) * 0.1
        p.curve((rx, top), (rx - 3, 46), (rx - 2, 40), (rx + 1, 37))
    skull = [(80, 79.5), (90, 82), (92, 86), (86, 88.5), (80, 86)]
    p.poly(skull, fill=f)
    p.dot(85, 85, 1.2)
    p.line(84, 80.5, 90.5, 83)


def _costume(p: Pen) -> None:
    f = p.ink.fill
    floor(p)
    # a gown on a dress form
    p.poly([(40, FLOOR), (50, 17), (60, FLOOR)], close=False)
    p.line(50, 17, 50, 26)
    gown = p.canvas.beginPath()
    gown.moveTo(43.5, 74)
    gown.lineTo(56.5, 74)
    gown.curveTo(59, 66, 56, 60, 55, 57)
    gown.curveTo(62, 48, 70, 36, 72, 26)
    gown.lineTo(28, 26)
    gown.curveTo(30, 36, 38, 48, 45, 57)
    gown.curveTo(44, 60, 41, 66, 43.5, 74)
    gown.close()
    p.paint(gown, f, True, None)
    p.rect(44, 55, 12, 3.2, fill=p.ink.accent, outline=False, radius=1)
    p.curve((47, 54), (44, 44), (40, 34), (38, 27))
    p.curve((53, 54), (56, 44), (60, 34), (62, 27))
    p.rect(48, 74, 4, 5, fill=f)
    p.circle(50, 81, 2.5, fill=p.ink.line, outline=False)
    # a coat on a hanger and a hat on its stand
    p.arc(16, 86, 2, 0, 200)
    p.poly([(6, 74), (16, 84), (26, 74)])
    coat = [(7, 74), (25, 74), (27, 40), (5, 40)]
    p.poly(coat, fill=f)
    p.line(16, 74, 16, 40)
    for by in (64, 56, 48):
        p.dot(18.5, by, 1)
    p.line(84, FLOOR, 84, 52)
    p.ellipse(78, FLOOR, 12, 3, fill=f)
    p.ellipse(72, 52, 24, 5, fill=f)
    p.rect(77, 54.5, 14, 10, fill=f, radius=3)
    p.line(77, 58, 91, 58)


def _upright_piano(p: Pen) -> None:
    f = p.ink.fill
    p.rect(10, FLOOR, 44, 56, fill=f)
    p.rect(8, 68, 48, 3.5, fill=f, radius=1)
    p.rect(14, 16, 36, 12, radius=1)
    p.rect(6, 34, 52, 9)
    p.rect(6, 32, 52, 2.5, fill=f)
    for kx in (10.5, 14.5, 22.5, 26.5, 30.5, 38.5, 42.5, 50.5, 54.5):
        p.rect(kx - 1.2, 37.5, 2.4, 5.5, fill=p.ink.line, outline=False)
    # music on the stand
    p.rect(23, 46, 18, 13, fill=f)
    for ly in (49, 52, 55):
        p.line(25, ly, 39, ly)
    p.dot(29, 52, 1.2)
    p.dot(34, 55, 1.2)


def _gramophone(p: Pen) -> None:
    f = p.ink.fill
    p.rect(64, 34, 30, 3, fill=f, radius=1)
    p.line(68, FLOOR, 68, 34)
    p.line(90, FLOOR, 90, 34)
    p.line(68, 20, 90, 20)
    p.rect(67, 37, 24, 10, fill=f, radius=1)
    p.ellipse(68, 46, 20, 3, fill=f)
    horn = p.canvas.beginPath()
    horn.moveTo(80, 48)
    horn.curveTo(80, 56, 74, 64, 68, 76)
    horn.lineTo(88, 84)
    horn.curveTo(86, 74, 84, 58, 83, 48)
    horn.close()
    p.paint(horn, f, True, None)
    p.ellipse(65.5, 73, 25, 13, fill=f)
    p.ellipse(71, 76, 14, 7)


def _music(p: Pen) -> None:
    floor(p)
    _upright_piano(p)
    _gramophone(p)
    # a note in the air
    p.dot(40, 80, 2.6, p.ink.accent)
    p.line(42.4, 80, 42.4, 92, color=p.ink.accent)
    p.curve((42.4, 92), (45, 90), (48, 88), (46, 84), color=p.ink.accent)


PICTOGRAMS: dict[str, Drawing] = {
    "gallery": _gallery,
    "painting": _painting,
    "sculpture": _sculpture,
    "exhibit-case": _exhibit_case,
    "archaeology": _archaeology,
    "natural-history": _natural_history,
    "costume": _costume,
    "music": _music,
}
