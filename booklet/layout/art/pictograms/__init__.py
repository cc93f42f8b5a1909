"""Room pictograms and tip-card icons, drawn in one line style, by name.

Each name content may use (booklet/content/drawings.py) has one drawing here, grouped by
theme in the modules beside this one. Every drawing is made in a 100 x 100 design space and
scaled to the requested square, so the output is deterministic at any size.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from . import exhibits, grounds, house, icons, interiors, trades
from .pen import DESIGN, ICON_LINE, PICTOGRAM_LINE, Drawing, Ink, Pen

__all__ = ["PICTOGRAMS", "TIP_ICONS", "Ink", "draw_pictogram", "draw_tip_icon"]

PICTOGRAMS: dict[str, Drawing] = {
    **house.PICTOGRAMS,
    **grounds.PICTOGRAMS,
    **interiors.PICTOGRAMS,
    **exhibits.PICTOGRAMS,
    **trades.PICTOGRAMS,
}
TIP_ICONS: dict[str, Drawing] = icons.TIP_ICONS


def _lookup(table: dict[str, Drawing], name: str, kind: str) -> Drawing:
    try:
        return table[name]
    except KeyError:
        known = ", ".join(sorted(table))
        raise KeyError(f"unknown {kind} {name!r}; expected one of: {known}") from None


def _render(
    canvas: Canvas,
    draw: Drawing,
    box: tuple[float, float, float],
    ink: Ink,
    line_width: float,
    secondary: Color | None,
    clip: bool,
) -> None:
    """Scale the design square onto the box (x, y, side) and draw, inside a clip."""
    x, y, size = box
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / DESIGN, size / DESIGN)
    if clip:
        path = canvas.beginPath()
        path.rect(0, 0, DESIGN, DESIGN)
        canvas.clipPath(path, stroke=0, fill=0)
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
    clip: bool = True,
) -> None:
    """Draw pictogram `name` in the square with lower-left corner (x, y) and side `size` points.

    `secondary` (optional) colours plants; ink is used when it is None. Every drawing stays
    inside its square by design; the clip only guards against a slip (tests turn it off to
    check that no drawing relies on it)."""
    draw = _lookup(PICTOGRAMS, name, "pictogram")
    _render(canvas, draw, (x, y, size), ink, PICTOGRAM_LINE, secondary, clip)


def draw_tip_icon(
    canvas: Canvas,
    name: str,
    x: float,
    y: float,
    size: float,
    ink: Ink,
    *,
    secondary: Color | None = None,
    clip: bool = True,
) -> None:
    """Same for the small tip-card icons (bolder lines)."""
    draw = _lookup(TIP_ICONS, name, "tip icon")
    _render(canvas, draw, (x, y, size), ink, ICON_LINE, secondary, clip)
