"""Tip-card icons: drawn at 18-28 pt, so fewer and bolder lines than the room pictograms."""

from __future__ import annotations

import math

from reportlab.lib.colors import Color

from .pen import Drawing, Pen


def _icon_clock(p: Pen) -> None:
    p.circle(50, 50, 38)
    p.poly([(50, 74), (50, 50), (67, 50)], close=False)


def _icon_book(p: Pen) -> None:
    f = p.ink.fill
    p.poly([(50, 24), (30, 30), (10, 26), (10, 74), (30, 78), (50, 72)], fill=f)
    p.poly([(50, 24), (70, 30), (90, 26), (90, 74), (70, 78), (50, 72)], fill=f)
    p.line(50, 24, 50, 72)


def _icon_walk(p: Pen) -> None:
    p.dot(56, 81, 8.5)
    p.line(53, 66, 46, 43)
    p.poly([(36, 48), (42, 61), (53, 66), (63, 56)], close=False)
    p.poly([(46, 43), (36, 29), (28, 14)], close=False)
    p.poly([(46, 43), (60, 31), (64, 14)], close=False)


def _icon_camera(p: Pen) -> None:
    f = p.ink.fill
    p.poly([(32, 72), (37, 82), (57, 82), (62, 72)], fill=f)
    p.rect(11, 24, 78, 48, fill=f, radius=9)
    p.circle(50, 48, 15)
    p.dot(76, 62, 3.6)


def _icon_bag(p: Pen) -> None:
    f = p.ink.fill
    p.arc(50, 62, 13, 0, 180)
    p.poly([(18, 14), (82, 14), (77, 62), (23, 62)], fill=f)


def _saguaro_path(p: Pen, fill: Color) -> None:
    """A saguaro with two arms, as one outlined flat shape."""
    path = p.canvas.beginPath()
    path.moveTo(42, 14)
    path.lineTo(42, 38)
    path.lineTo(30, 38)
    path.curveTo(24, 38, 20, 42, 20, 48)
    path.lineTo(20, 64)
    path.arcTo(20, 59, 30, 69, 180, -180)
    path.lineTo(30, 48)
    path.lineTo(42, 48)
    path.lineTo(42, 80)
    path.arcTo(42, 72, 58, 88, 180, -180)
    path.lineTo(58, 58)
    path.lineTo(70, 58)
    path.lineTo(70, 70)
    path.arcTo(70, 65, 80, 75, 180, -180)
    path.lineTo(80, 56)
    path.curveTo(80, 51, 76, 48, 72, 48)
    path.lineTo(58, 48)
    path.lineTo(58, 14)
    path.close()
    p.paint(path, fill, True, p.green)


def _icon_cactus(p: Pen) -> None:
    _saguaro_path(p, p.ink.fill)
    p.line(12, 14, 88, 14)


def _icon_coffee(p: Pen) -> None:
    f = p.ink.fill
    p.arc(70, 46, 9, -80, 160)
    p.poly([(22, 60), (28, 27), (64, 27), (70, 60)], fill=f)
    p.line(12, 18, 86, 18)
    p.curve((38, 68), (32, 74), (44, 80), (38, 88))
    p.curve((54, 68), (48, 74), (60, 80), (54, 88))


def _icon_ticket(p: Pen) -> None:
    path = p.canvas.beginPath()
    path.moveTo(10, 28)
    path.lineTo(90, 28)
    path.lineTo(90, 42)
    path.arcTo(82, 42, 98, 58, 270, -180)
    path.lineTo(90, 72)
    path.lineTo(10, 72)
    path.lineTo(10, 58)
    path.arcTo(2, 42, 18, 58, 90, -180)
    path.close()
    p.paint(path, p.ink.fill, True, None)
    for dy in (34, 46, 58):
        p.line(66, dy, 66, dy + 4)


def _icon_map(p: Pen) -> None:
    pts = [(10, 22), (36, 14), (64, 22), (90, 14), (90, 76), (64, 84), (36, 76), (10, 84)]
    p.poly(pts, fill=p.ink.fill)
    p.line(36, 14, 36, 76)
    p.line(64, 22, 64, 84)
    pin = p.canvas.beginPath()
    pin.moveTo(50, 36)
    pin.curveTo(44, 46, 40, 52, 40, 58)
    pin.arcTo(40, 48, 60, 68, 180, -180)
    pin.curveTo(60, 52, 56, 46, 50, 36)
    pin.close()
    p.paint(pin, p.ink.accent, False, None)
    p.dot(50, 58, 3.8, p.ink.fill)


def _icon_quiet(p: Pen) -> None:
    p.poly([(14, 38), (28, 38), (46, 22), (46, 78), (28, 62), (14, 62)], fill=p.ink.fill)
    p.line(60, 38, 84, 62)
    p.line(60, 62, 84, 38)


def _icon_accessibility(p: Pen) -> None:
    p.dot(40, 84, 7.5)
    p.poly([(38, 72), (40, 46), (62, 46), (70, 20), (78, 20)], close=False)
    p.line(39, 61, 56, 61)
    p.arc(40, 38, 22, 105, 265)


def _bubble(p: Pen, x: float, y: float, w: float, h: float, tail: tuple[float, float]) -> None:
    """Speech bubble: rounded box with a tail from its bottom edge to point `tail`."""
    r = 8.0
    tip_x, tip_y = tail
    base = min(max(tip_x - 4, x + r), x + w - r - 9)
    path = p.canvas.beginPath()
    path.moveTo(x + r, y)
    path.lineTo(base, y)
    path.lineTo(tip_x, tip_y)
    path.lineTo(base + 9, y)
    path.lineTo(x + w - r, y)
    path.arcTo(x + w - 2 * r, y, x + w, y + 2 * r, 270, 90)
    path.lineTo(x + w, y + h - r)
    path.arcTo(x + w - 2 * r, y + h - 2 * r, x + w, y + h, 0, 90)
    path.lineTo(x + r, y + h)
    path.arcTo(x, y + h - 2 * r, x + 2 * r, y + h, 90, 90)
    path.lineTo(x, y + r)
    path.arcTo(x, y, x + 2 * r, y + 2 * r, 180, 90)
    path.close()
    p.paint(path, p.ink.fill, True, None)


def _icon_language(p: Pen) -> None:
    _bubble(p, 10, 48, 50, 32, (16, 36))
    _bubble(p, 40, 22, 50, 32, (84, 10))
    for dx in (53, 65, 77):
        p.dot(dx, 38, 3.6)


def _icon_no_photo(p: Pen) -> None:
    f = p.ink.fill
    p.poly([(34, 68), (38, 76), (56, 76), (60, 68)], fill=f)
    p.rect(16, 26, 66, 42, fill=f, radius=8)
    p.circle(49, 47, 12)
    # the bar across, set off from the camera by a band of the card's colour
    p.canvas.setLineWidth(p.width * 2.6)
    p.line(14, 14, 86, 86, color=f)
    p.canvas.setLineWidth(p.width)
    p.line(14, 14, 86, 86, color=p.ink.accent)


def _icon_cafe(p: Pen) -> None:
    f = p.ink.fill
    # a round cafe table with a cup on it
    p.rect(12, 44, 76, 7, fill=f, radius=3.5)
    p.line(50, 44, 50, 16)
    p.line(34, 12, 66, 12)
    p.arc(66, 63, 5.5, -80, 160)
    p.poly([(40, 73), (42, 56), (62, 56), (64, 73)], fill=f)
    p.line(34, 53, 70, 53)
    p.curve((46, 80), (43, 84), (50, 86), (47, 91))
    p.curve((57, 80), (54, 84), (61, 86), (58, 91))


def _person(p: Pen, cx: float, top: float, scale: float, dress: bool) -> None:
    """A standing figure, head at `top`: the pictogram people of public signs."""
    s = scale
    p.dot(cx, top - 7 * s, 7 * s)
    if dress:
        p.poly([(cx - 9 * s, top - 17 * s), (cx + 9 * s, top - 17 * s), (cx + 15 * s, top - 52 * s),
                (cx - 15 * s, top - 52 * s)], fill=p.ink.line)  # fmt: skip
    else:
        p.rect(cx - 11 * s, top - 50 * s, 22 * s, 33 * s, fill=p.ink.line, radius=5 * s)
    for lx in (cx - 5 * s, cx + 5 * s):
        p.line(lx, top - 50 * s, lx, top - 74 * s)


def _icon_toilets(p: Pen) -> None:
    _person(p, 28, 90, 1.0, dress=False)
    _person(p, 72, 90, 1.0, dress=True)
    p.line(50, 10, 50, 90)


def _icon_family(p: Pen) -> None:
    _person(p, 34, 90, 1.0, dress=False)
    _person(p, 72, 64, 0.68, dress=True)
    p.poly([(45, 50), (56, 40), (62, 36)], close=False)


def _icon_lockers(p: Pen) -> None:
    f = p.ink.fill
    for x in (16, 52):
        p.rect(x, 12, 32, 76, fill=f, radius=3)
        for vy in (74, 66):
            p.line(x + 8, vy, x + 24, vy)
        p.rect(x + 23, 38, 4, 12, fill=p.ink.line, outline=False, radius=1.5)


def _icon_audio_guide(p: Pen) -> None:
    f = p.ink.fill
    p.arc(50, 48, 32, 0, 180)
    p.rect(12, 22, 16, 30, fill=f, radius=6)
    p.rect(72, 22, 16, 30, fill=f, radius=6)


def _icon_weather(p: Pen) -> None:
    f = p.ink.fill
    for i in range(8):
        a = math.radians(i * 45 + 22.5)
        p.line(36 + 20 * math.cos(a), 66 + 20 * math.sin(a),
               36 + 27 * math.cos(a), 66 + 27 * math.sin(a), color=p.ink.accent)  # fmt: skip
    p.circle(36, 66, 13, fill=p.ink.accent, outline=False)
    cloud = p.canvas.beginPath()
    cloud.moveTo(28, 18)
    cloud.lineTo(80, 18)
    cloud.arcTo(68, 18, 94, 44, 270, 180)
    cloud.arcTo(46, 30, 78, 62, 10, 150)
    cloud.arcTo(26, 24, 48, 46, 60, 150)
    cloud.arcTo(16, 18, 34, 36, 90, 180)
    cloud.close()
    p.paint(cloud, f, True, None)


def _icon_info(p: Pen) -> None:
    p.circle(50, 50, 38, fill=p.ink.fill)
    p.dot(50, 69, 5.5)
    p.poly([(42, 55), (52, 55), (52, 30)], close=False)
    p.line(42, 28, 60, 28)


def _icon_shop(p: Pen) -> None:
    f = p.ink.fill
    # a gift box with a bow
    p.rect(16, 14, 68, 44, fill=f, radius=3)
    p.rect(12, 58, 76, 14, fill=f, radius=3)
    p.line(50, 14, 50, 72, color=p.ink.accent)
    p.circle(42, 79, 7, color=p.ink.accent)
    p.circle(58, 79, 7, color=p.ink.accent)


def _icon_lift(p: Pen) -> None:
    p.rect(12, 10, 76, 80, fill=p.ink.fill, radius=6)
    p.poly([(36, 58), (50, 76), (64, 58)], fill=p.ink.line)
    p.poly([(36, 42), (50, 24), (64, 42)], fill=p.ink.line)


def _icon_first_aid(p: Pen) -> None:
    p.rect(12, 12, 76, 76, fill=p.ink.fill, radius=12)
    cross = [(42, 24), (58, 24), (58, 42), (76, 42), (76, 58), (58, 58), (58, 76), (42, 76),
             (42, 58), (24, 58), (24, 42), (42, 42)]  # fmt: skip
    p.poly(cross, fill=p.ink.line, outline=False)


def _icon_wifi(p: Pen) -> None:
    p.dot(50, 20, 7)
    for r in (22, 40, 58):
        p.arc(50, 14, r, 45, 90)


TIP_ICONS: dict[str, Drawing] = {
    "clock": _icon_clock,
    "book": _icon_book,
    "walk": _icon_walk,
    "camera": _icon_camera,
    "bag": _icon_bag,
    "cactus": _icon_cactus,
    "coffee": _icon_coffee,
    "ticket": _icon_ticket,
    "map": _icon_map,
    "quiet": _icon_quiet,
    "accessibility": _icon_accessibility,
    "language": _icon_language,
    "no-photo": _icon_no_photo,
    "cafe": _icon_cafe,
    "toilets": _icon_toilets,
    "family": _icon_family,
    "lockers": _icon_lockers,
    "audio-guide": _icon_audio_guide,
    "weather": _icon_weather,
    "info": _icon_info,
    "shop": _icon_shop,
    "lift": _icon_lift,
    "first-aid": _icon_first_aid,
    "wifi": _icon_wifi,
}
