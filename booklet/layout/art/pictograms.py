"""Room pictograms and tip-card icons for the Trotsky house booklet.

The booklet has no photographs of the rooms, so each room page carries a drawing
in the manner of good museum wayfinding signs instead: one line weight, rounded
joins, ink on paper, flat pale fills and a single accent (flag red) used
sparingly. Every drawing is made in a 100 x 100 design space and scaled to the
requested size, so line widths scale with it and the output is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from booklet.content.model import PICTOGRAMS, TIP_ICONS

__all__ = [
    "PICTOGRAM_NAMES",
    "TIP_ICON_NAMES",
    "Ink",
    "draw_pictogram",
    "draw_tip_icon",
]


@dataclass(frozen=True)
class Ink:
    """The three colours a drawing may use."""

    line: Color  # main drawing colour (ink)
    accent: Color  # one accent (a flag red), used sparingly
    fill: Color  # light fill tint (a pale paper tone) for flat shapes


PICTOGRAM_NAMES: tuple[str, ...] = PICTOGRAMS  # the names content may use
TIP_ICON_NAMES: tuple[str, ...] = TIP_ICONS

DESIGN = 100.0  # side of the square design space, in design units
PICTOGRAM_LINE = 1.7  # line weight of room pictograms, in design units
ICON_LINE = 6.5  # bolder line weight of the small tip icons, in design units
FLOOR = 12.0  # floor / ground line of the room pictograms

Point = tuple[float, float]


class Pen:
    """Small drawing helper bound to a canvas already scaled to design units."""

    def __init__(self, canvas: Canvas, ink: Ink, width: float, green: Color | None) -> None:
        self.canvas = canvas
        self.ink = ink
        self.width = width
        self.green = green if green is not None else ink.line
        canvas.setLineWidth(width)
        canvas.setLineJoin(1)
        canvas.setLineCap(1)

    def paint(self, path: object, fill: Color | None, outline: bool, color: Color | None) -> None:
        if fill is not None:
            self.canvas.setFillColor(fill)
        if outline:
            self.canvas.setStrokeColor(color if color is not None else self.ink.line)
        self.canvas.drawPath(path, stroke=int(outline), fill=int(fill is not None))

    def poly(
        self,
        points: Sequence[Point],
        close: bool = True,
        fill: Color | None = None,
        outline: bool = True,
        color: Color | None = None,
    ) -> None:
        """Polygon (or open polyline when `close` is false)."""
        path = self.canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        if close:
            path.close()
        self.paint(path, fill, outline, color)

    def line(self, x1: float, y1: float, x2: float, y2: float, color: Color | None = None) -> None:
        self.poly([(x1, y1), (x2, y2)], close=False, color=color)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: Color | None = None,
        outline: bool = True,
        radius: float = 0.0,
        color: Color | None = None,
    ) -> None:
        path = self.canvas.beginPath()
        if radius > 0:
            path.roundRect(x, y, w, h, min(radius, w / 2, h / 2))
        else:
            path.rect(x, y, w, h)
        self.paint(path, fill, outline, color)

    def ellipse(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: Color | None = None,
        outline: bool = True,
        color: Color | None = None,
    ) -> None:
        path = self.canvas.beginPath()
        path.ellipse(x, y, w, h)
        self.paint(path, fill, outline, color)

    def circle(
        self,
        cx: float,
        cy: float,
        r: float,
        fill: Color | None = None,
        outline: bool = True,
        color: Color | None = None,
    ) -> None:
        self.ellipse(cx - r, cy - r, 2 * r, 2 * r, fill, outline, color)

    def dot(self, cx: float, cy: float, r: float, color: Color | None = None) -> None:
        """Filled disc without outline."""
        self.circle(cx, cy, r, fill=color if color is not None else self.ink.line, outline=False)

    def arc(
        self,
        cx: float,
        cy: float,
        r: float,
        start: float,
        extent: float,
        fill: Color | None = None,
        close: bool = False,
        color: Color | None = None,
    ) -> None:
        """Circular arc (degrees, counter-clockwise from east); `close` makes a segment."""
        path = self.canvas.beginPath()
        path.arc(cx - r, cy - r, cx + r, cy + r, start, extent)
        if close:
            path.close()
        self.paint(path, fill, True, color)

    def curve(self, *points: Point, color: Color | None = None) -> None:
        """Open cubic Bezier through 4 (or 3n + 1) points."""
        path = self.canvas.beginPath()
        path.moveTo(*points[0])
        for i in range(1, len(points) - 2, 3):
            path.curveTo(*points[i], *points[i + 1], *points[i + 2])
        self.paint(path, None, True, color)

    @contextmanager
    def clipped(self, x: float, y: float, w: float, h: float) -> Iterator[None]:
        """Temporarily restrict drawing to a rectangle."""
        self.canvas.saveState()
        path = self.canvas.beginPath()
        path.rect(x, y, w, h)
        self.canvas.clipPath(path, stroke=0, fill=0)
        try:
            yield
        finally:
            self.canvas.restoreState()


# --------------------------------------------------------------------------
# Shared parts
# --------------------------------------------------------------------------


def _floor(p: Pen, x1: float = 6.0, x2: float = 94.0) -> None:
    p.line(x1, FLOOR, x2, FLOOR)


def _brick_field(p: Pen, x: float, y: float, w: float, h: float, course: float = 5.0) -> None:
    """Flat bricks separated by paper-coloured joints, clipped to a rectangle."""
    brick, gap = course * 1.9, course * 0.22
    with p.clipped(x, y, w, h):
        row = 0
        while y + row * course < y + h:
            offset = -brick / 2 if row % 2 else 0.0
            bx = x + offset + gap / 2
            while bx < x + w:
                by = y + row * course + gap / 2
                p.rect(bx, by, brick - gap, course - gap, fill=p.ink.fill, outline=False)
                bx += brick
            row += 1


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


def _round_top(p: Pen, x: float, base: float, w: float, h: float, fill: Color) -> None:
    """A flat-bottomed column with a semicircular top (total height h)."""
    r = w / 2
    path = p.canvas.beginPath()
    path.moveTo(x, base)
    path.lineTo(x, base + h - r)
    path.arcTo(x, base + h - w, x + w, base + h, 180, -180)
    path.lineTo(x + w, base)
    p.paint(path, fill, True, p.green)


def _columnar_cactus(p: Pen, x: float, base: float, w: float, h: float, fill: Color) -> None:
    """One organ-pipe column: rounded top and a single rib down the middle."""
    _round_top(p, x, base, w, h, fill)
    p.line(x + w / 2, base + 1.5, x + w / 2, base + h - w * 0.6, color=p.green)


def _barrel_cactus(p: Pen, x: float, w: float, h: float) -> None:
    """A round cactus sitting on the floor line, with two visible ribs."""
    with p.clipped(x - 2, FLOOR, w + 4, h + 4):
        p.ellipse(x, FLOOR - h * 0.08, w, h * 1.08, fill=p.ink.fill, color=p.green)
        p.ellipse(x + w * 0.29, FLOOR - h * 0.08, w * 0.42, h * 1.08, color=p.green)
    p.line(x - 1, FLOOR, x + w + 1, FLOOR)


# --------------------------------------------------------------------------
# Room pictograms
# --------------------------------------------------------------------------


def _ladle(p: Pen, x: float, top: float, length: float) -> None:
    p.line(x, top, x, top - length)
    p.arc(x, top - length - 0.2, 3.6, 180, 180, fill=p.ink.fill, close=True)


def _tin_cup(p: Pen, x: float, top: float, fill: Color) -> None:
    p.line(x, top, x, top - 4)
    p.rect(x - 3.8, top - 13, 7.6, 8, fill=fill, radius=0.8)
    p.arc(x + 3.8, top - 9, 2.4, -80, 160)


def _kitchen(p: Pen) -> None:
    f = p.ink.fill
    _floor(p)
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
    _floor(p)
    # the window walled up to a narrow strip of glass
    _brick_field(p, 30, 58, 40, 23, course=4.6)
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
    _floor(p)
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
    p.line(34, 100, 34, 82)
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
    _floor(p)
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
    _floor(p)
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
    _floor(p)
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
    _floor(p, 4, 96)
    _columnar_cactus(p, 5, FLOOR, 8, 40, f)
    _columnar_cactus(p, 25, FLOOR, 8, 54, f)
    _columnar_cactus(p, 14, FLOOR, 10, 70, f)
    # round barrel cactus with a small red flower
    _barrel_cactus(p, 35, 19, 17)
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
    _floor(p)
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
    _barrel_cactus(p, 82, 11, 10)


def _treetops(p: Pen, circles: Sequence[tuple[float, float, float]]) -> None:
    """Overlapping discs merged into one outlined canopy."""
    for cx, cy, r in circles:
        p.circle(cx, cy, r, fill=p.ink.fill)
    for cx, cy, r in circles:
        p.circle(cx, cy, r - p.width / 2, fill=p.ink.fill, outline=False)


def _tower(p: Pen) -> None:
    f = p.ink.fill
    _floor(p, 2, 98)
    # cactus and tree tops behind the wall
    _columnar_cactus(p, 12, 48, 6, 18, f)
    _columnar_cactus(p, 19.5, 48, 6, 12, f)
    with p.clipped(0, 48, DESIGN, 52):
        _treetops(p, ((82, 57, 8), (73.5, 54, 6.5), (90, 53, 5.5)))
    # the wall (either side of the tower) with its coping and slits
    for wx, ww in ((4, 32), (64, 32)):
        p.poly([(wx, FLOOR), (wx, 48), (wx + ww, 48), (wx + ww, FLOOR)], close=False)
    p.rect(3, 48, 33, 3, fill=f, radius=1)
    p.rect(64, 48, 33, 3, fill=f, radius=1)
    p.rect(16, 36, 2.4, 7, fill=p.ink.line, outline=False, radius=0.8)
    p.rect(82, 36, 2.4, 7, fill=p.ink.line, outline=False, radius=0.8)
    # brick watchtower with firing slits
    _brick_field(p, 36, FLOOR, 28, 66, course=4.4)
    p.rect(36, FLOOR, 28, 66)
    for sx in (43, 54.4):
        p.rect(sx - 0.8, 58.5, 4.2, 15, fill=p.ink.fill, outline=False)
        p.rect(sx, 60, 2.6, 12, fill=p.ink.line, outline=False, radius=0.8)
    p.rect(34, 78, 32, 3, fill=f)
    p.rect(35, 81, 30, 8, fill=f)
    p.rect(43, 84, 14, 2.2, fill=p.ink.line, outline=False, radius=0.8)
    p.rect(33, 89, 34, 2.5, fill=p.ink.line, radius=0.8)


def _portrait(p: Pen, x: float, y: float, w: float, h: float) -> None:
    """A framed photograph of a sitter: head and shoulders as flat ink on a pale mount."""
    p.rect(x, y, w, h, fill=p.ink.fill)
    p.rect(x + 2.5, y + 2.5, w - 5, h - 5)
    cx = x + w / 2
    with p.clipped(x + 2.5, y + 2.5, w - 5, h - 5):
        p.ellipse(cx - w * 0.3, y - h * 0.12, w * 0.6, h * 0.5, fill=p.ink.line, outline=False)
    p.circle(cx, y + h * 0.55, w * 0.15, fill=p.ink.line, outline=False)


def _exhibition(p: Pen) -> None:
    f = p.ink.fill
    _floor(p)
    # photographs hung in a row on the gallery wall
    _portrait(p, 12, 60, 18, 24)
    p.rect(36, 64, 28, 20, fill=f)
    p.rect(38.5, 66.5, 23, 15)
    p.poly([(38.5, 66.5), (47, 75), (52, 70.5), (61.5, 78)], close=False)
    p.dot(55, 77.5, 1.8)
    _portrait(p, 70, 60, 18, 24)
    # a glass showcase on legs: passport, a letter and the wire-rimmed glasses inside
    for leg_x in (20, 80):
        p.line(leg_x, FLOOR, leg_x, 30)
    p.rect(12, 30, 76, 3.5, fill=f, radius=1)
    p.rect(14, 33.5, 72, 16)
    p.line(78, 46.5, 83.5, 38.5)
    p.rect(19, 33.5, 9.5, 13, fill=p.ink.accent, outline=False, radius=1)
    p.poly([(33, 33.5), (48.5, 33.5), (49.5, 44), (34, 45)], fill=f)
    for i in range(3):
        p.line(36, 41.5 - i * 2.7, 46.5, 41.3 - i * 2.7)
    _glasses(p, 62, 38.5)


# --------------------------------------------------------------------------
# Tip icons (drawn at 18-28 pt: fewer, bolder lines)
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------

_PICTOGRAMS: dict[str, Callable[[Pen], None]] = {
    "kitchen": _kitchen,
    "dining": _dining,
    "office": _office,
    "study": _study,
    "bedroom": _bedroom,
    "child": _child,
    "garden": _garden,
    "tomb": _tomb,
    "tower": _tower,
    "exhibition": _exhibition,
}

_TIP_ICONS: dict[str, Callable[[Pen], None]] = {
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
}


def _lookup(table: dict[str, Callable[[Pen], None]], name: str, kind: str) -> Callable[[Pen], None]:
    try:
        return table[name]
    except KeyError:
        known = ", ".join(sorted(table))
        raise KeyError(f"unknown {kind} {name!r}; expected one of: {known}") from None


def _render(
    canvas: Canvas,
    draw: Callable[[Pen], None],
    x: float,
    y: float,
    size: float,
    ink: Ink,
    line_width: float,
    secondary: Color | None,
) -> None:
    """Scale the design square onto (x, y, size) and draw inside a clip."""
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / DESIGN, size / DESIGN)
    clip = canvas.beginPath()
    clip.rect(0, 0, DESIGN, DESIGN)
    canvas.clipPath(clip, stroke=0, fill=0)
    draw(Pen(canvas, ink, line_width, secondary))
    canvas.restoreState()


def draw_pictogram(
    canvas: Canvas,
    name: str,
    x: float,
    y: float,
    size: float,
    ink: Ink,
    *,
    secondary: Color | None = None,
) -> None:
    """Draw pictogram `name` in the square with lower-left corner (x, y) and side `size` points.

    `secondary` (optional) colours cactus outlines; ink is used when it is None.
    """
    draw = _lookup(_PICTOGRAMS, name, "pictogram")
    _render(canvas, draw, x, y, size, ink, PICTOGRAM_LINE, secondary)


def draw_tip_icon(
    canvas: Canvas,
    name: str,
    x: float,
    y: float,
    size: float,
    ink: Ink,
    *,
    secondary: Color | None = None,
) -> None:
    """Same for the small tip-card icons."""
    draw = _lookup(_TIP_ICONS, name, "tip icon")
    _render(canvas, draw, x, y, size, ink, ICON_LINE, secondary)
