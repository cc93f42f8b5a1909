"""The pen every drawing uses, and the parts several drawings share.

Drawings are made in a 100 x 100 design space (y upwards, the floor line at FLOOR) and scaled
to the requested size, so line widths scale with them and the output is deterministic. The
style is that of good museum wayfinding signs: one line weight, rounded joins, ink on paper,
flat pale fills and a single accent used sparingly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class Ink:
    """The three colours a drawing may use."""

    line: Color  # main drawing colour (ink)
    accent: Color  # one accent (a flag red), used sparingly
    fill: Color  # light fill tint (a pale paper tone) for flat shapes


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


Drawing = Callable[[Pen], None]


# --------------------------------------------------------------------------
# Shared parts
# --------------------------------------------------------------------------


def floor(p: Pen, x1: float = 6.0, x2: float = 94.0) -> None:
    p.line(x1, FLOOR, x2, FLOOR)


def brick_field(p: Pen, x: float, y: float, w: float, h: float, course: float = 5.0) -> None:
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


def round_top(p: Pen, x: float, base: float, w: float, h: float, fill: Color) -> None:
    """A flat-bottomed column with a semicircular top (total height h)."""
    r = w / 2
    path = p.canvas.beginPath()
    path.moveTo(x, base)
    path.lineTo(x, base + h - r)
    path.arcTo(x, base + h - w, x + w, base + h, 180, -180)
    path.lineTo(x + w, base)
    p.paint(path, fill, True, p.green)


def columnar_cactus(p: Pen, x: float, base: float, w: float, h: float, fill: Color) -> None:
    """One organ-pipe column: rounded top and a single rib down the middle."""
    round_top(p, x, base, w, h, fill)
    p.line(x + w / 2, base + 1.5, x + w / 2, base + h - w * 0.6, color=p.green)


def barrel_cactus(p: Pen, x: float, w: float, h: float) -> None:
    """A round cactus sitting on the floor line, with two visible ribs."""
    with p.clipped(x - 2, FLOOR, w + 4, h + 4):
        p.ellipse(x, FLOOR - h * 0.08, w, h * 1.08, fill=p.ink.fill, color=p.green)
        p.ellipse(x + w * 0.29, FLOOR - h * 0.08, w * 0.42, h * 1.08, color=p.green)
    p.line(x - 1, FLOOR, x + w + 1, FLOOR)


def treetops(p: Pen, circles: Sequence[tuple[float, float, float]]) -> None:
    """Overlapping discs merged into one outlined canopy."""
    for cx, cy, r in circles:
        p.circle(cx, cy, r, fill=p.ink.fill)
    for cx, cy, r in circles:
        p.circle(cx, cy, r - p.width / 2, fill=p.ink.fill, outline=False)
