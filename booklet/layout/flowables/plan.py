"""The plan of the house and garden, drawn from the content's coordinates.

A labelled schematic, not a survey: the walled plot, unnumbered features, numbered room areas
(each a link to its page), street names outside the walls and the visitors' entrance.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from booklet.content.model import Plan, PlanShape, Point


@dataclass(frozen=True)
class PlanLook:
    """Colours and type for the plan, taken from the theme by the plan section."""

    wall: Color
    ground: Color
    feature: Color
    feature_text: Color
    fills: dict[str, Color]
    outline: Color
    badge: Color
    badge_text: Color
    street_text: Color
    font: str
    bold_font: str
    italic_font: str
    font_size: float


@dataclass(frozen=True)
class PlanArea:
    shape: PlanShape
    number: int
    kind: str
    link: str
    name: str  # number and room name: what the area's link says to a screen reader


class PlanDrawing(Flowable):
    def __init__(
        self,
        plan: Plan,
        areas: list[PlanArea],
        look: PlanLook,
        max_height: float,
        entrance_label: str,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.areas = areas
        self.look = look
        self.max_height = max_height
        self.entrance_label = entrance_label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        band = self.look.font_size * 2.4
        plot_w, plot_h = self.plan.size
        height_limit = min(self.max_height, available_height)
        self.scale = min((available_width - 2 * band) / plot_w, (height_limit - 2 * band) / plot_h)
        self.band = band
        self.width = available_width
        self.height = plot_h * self.scale + 2 * band
        self.offset_x = (available_width - plot_w * self.scale) / 2
        return self.width, self.height

    def _xy(self, point: Point) -> tuple[float, float]:
        x, y = point
        return self.offset_x + x * self.scale, self.band + (self.plan.size[1] - y) * self.scale

    def draw(self) -> None:
        canvas = self.canv
        look = self.look
        plot_w, plot_h = self.plan.size
        left, bottom = self._xy((0, plot_h))
        canvas.saveState()
        canvas.setFillColor(look.ground)
        canvas.setStrokeColor(look.wall)
        canvas.setLineWidth(2.6)
        canvas.setLineJoin(0)
        canvas.rect(left, bottom, plot_w * self.scale, plot_h * self.scale, stroke=1, fill=1)
        for feature in self.plan.features:
            self._polygon(canvas, feature.outline, look.feature, look.feature_text, 0.5, dash=True)
            self._feature_label(canvas, feature)
        for area in self.areas:
            fill = look.fills.get(area.kind, look.fills["room"])
            self._polygon(canvas, area.shape.outline, fill, look.outline, 0.8)
        for area in self.areas:
            self._badge(canvas, area.shape.outline, area.number)
            self._link(canvas, area)
        self._streets(canvas)
        if self.plan.entrance is not None:
            self._entrance(canvas, self.plan.entrance)
        canvas.restoreState()

    def _polygon(
        self,
        canvas: Canvas,
        outline: tuple[Point, ...],
        fill: Color,
        stroke: Color,
        width: float,
        dash: bool = False,
    ) -> None:
        path = canvas.beginPath()
        first, *rest = (self._xy(p) for p in outline)
        path.moveTo(*first)
        for point in rest:
            path.lineTo(*point)
        path.close()
        canvas.saveState()
        canvas.setFillColor(fill)
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(width)
        if dash:
            canvas.setDash(2, 2)
        canvas.drawPath(path, stroke=1, fill=1)
        canvas.restoreState()

    def _feature_label(self, canvas: Canvas, feature: PlanShape) -> None:
        xs = [self._xy(p)[0] for p in feature.outline]
        ys = [self._xy(p)[1] for p in feature.outline]
        size = self.look.font_size * 0.85
        words = feature.name.split()
        lines = _fit_lines(words, canvas, self.look.italic_font, size, max(xs) - min(xs) - 6)
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        canvas.setFillColor(self.look.feature_text)
        canvas.setFont(self.look.italic_font, size)
        top = cy + (len(lines) - 1) * size * 0.6 - size * 0.35
        for index, line in enumerate(lines):
            canvas.drawCentredString(cx, top - index * size * 1.2, line)

    def _badge(self, canvas: Canvas, outline: tuple[Point, ...], number: int) -> None:
        """The area's number in a disc, shrunk to fit small areas (a plan of many rooms)."""
        x, y = self._xy(label_point(outline))
        xs = [p[0] for p in outline]
        ys = [p[1] for p in outline]
        room = min(max(xs) - min(xs), max(ys) - min(ys)) * self.scale * 0.45
        digits = len(str(number))
        size = min(self.look.font_size, room / (0.55 + 0.3 * digits))
        if size < 2.5:
            return  # too small to read; the legend still lists the room
        radius = size * (0.95 if digits == 1 else 0.8 + 0.3 * digits)
        canvas.setFillColor(self.look.badge)
        canvas.circle(x, y, radius, stroke=0, fill=1)
        canvas.setFillColor(self.look.badge_text)
        canvas.setFont(self.look.bold_font, size)
        canvas.drawCentredString(x, y - size * 0.36, str(number))

    def _link(self, canvas: Canvas, area: PlanArea) -> None:
        xs = [self._xy(p)[0] for p in area.shape.outline]
        ys = [self._xy(p)[1] for p in area.shape.outline]
        canvas.linkRect(
            area.name, area.link, (min(xs), min(ys), max(xs), max(ys)), relative=1, thickness=0
        )

    def _streets(self, canvas: Canvas) -> None:
        plot_w, plot_h = self.plan.size
        left, bottom = self._xy((0, plot_h))
        right, top = self._xy((plot_w, 0))
        size = self.look.font_size * 0.9
        canvas.setFont(self.look.italic_font, size)
        canvas.setFillColor(self.look.street_text)
        gap = self.band * 0.45
        for street in self.plan.streets:
            if street.side == "top":
                canvas.drawCentredString((left + right) / 2, top + gap, street.name)
            elif street.side == "bottom":
                canvas.drawCentredString((left + right) / 2, bottom - gap - size * 0.7, street.name)
            else:
                canvas.saveState()
                if street.side == "left":
                    canvas.translate(left - gap, (top + bottom) / 2)
                    canvas.rotate(90)
                else:
                    canvas.translate(right + gap, (top + bottom) / 2)
                    canvas.rotate(-90)
                canvas.drawCentredString(0, 0, street.name)
                canvas.restoreState()

    def _entrance(self, canvas: Canvas, point: Point) -> None:
        x, y = self._xy(point)
        plot_w, plot_h = self.plan.size
        ex, ey = point
        # Point the arrow inwards from the nearest wall.
        distances = {"top": ey, "bottom": plot_h - ey, "left": ex, "right": plot_w - ex}
        side = min(distances, key=lambda k: distances[k])
        dx, dy = {"top": (0, -1), "bottom": (0, 1), "left": (1, 0), "right": (-1, 0)}[side]
        size = self.look.font_size * 0.9
        canvas.setFillColor(self.look.badge)
        path = canvas.beginPath()
        path.moveTo(x + dx * size, y + dy * size)
        path.lineTo(x - dy * size * 0.7, y + dx * size * 0.7)
        path.lineTo(x + dy * size * 0.7, y - dx * size * 0.7)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)


def label_point(outline: tuple[Point, ...]) -> Point:
    """Where to put an area's number: its centroid, or its bounding-box centre for odd shapes."""
    area = cx = cy = 0.0
    count = len(outline)
    for i in range(count):
        x0, y0 = outline[i]
        x1, y1 = outline[(i + 1) % count]
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) > 1e-9:
        centroid = (cx / (3 * area), cy / (3 * area))
        if contains(outline, centroid):
            return centroid
    xs = [p[0] for p in outline]
    ys = [p[1] for p in outline]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def contains(outline: tuple[Point, ...], point: Point) -> bool:
    """Even-odd point-in-polygon test."""
    x, y = point
    inside = False
    count = len(outline)
    for i in range(count):
        x0, y0 = outline[i]
        x1, y1 = outline[(i + 1) % count]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _fit_lines(words: list[str], canvas: Canvas, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and canvas.stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
