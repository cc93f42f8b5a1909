"""Cover illustration and decorative wall band for the Trotsky house booklet.

The house on Avenida Viena is known from the street by its high wall, the brick
watchtowers added after the May 1940 raid, the cacti and trees rising behind it
and, inside, the red flag over the tomb. These motifs draw that view as a flat,
poster-like picture (background, ink, accent and tints mixed from them), so the
booklet needs no photograph for its cover. The drawing is deterministic and
clipped to the rectangle it is given.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from .pictograms import Ink

__all__ = ["draw_cover_art", "draw_wall_band"]

CALM_TOP = 0.45  # top share of the cover kept plain for the title
SCENE_TOP = 1.0 - CALM_TOP - 0.005  # nothing is drawn above this fraction of the height


def _mix(a: Color, b: Color, t: float) -> Color:
    """Flat tint: `t` of the way from colour `a` to colour `b`."""
    return Color(
        a.red + (b.red - a.red) * t,
        a.green + (b.green - a.green) * t,
        a.blue + (b.blue - a.blue) * t,
    )


@contextmanager
def _clipped(canvas: Canvas, x: float, y: float, w: float, h: float) -> Iterator[None]:
    """Save state, clip to a rectangle, restore on exit."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(x, y, w, h)
    canvas.clipPath(path, stroke=0, fill=0)
    try:
        yield
    finally:
        canvas.restoreState()


def _box(canvas: Canvas, x: float, y: float, w: float, h: float, color: Color) -> None:
    canvas.setFillColor(color)
    canvas.rect(x, y, w, h, stroke=0, fill=1)


def _disc(canvas: Canvas, cx: float, cy: float, r: float, color: Color) -> None:
    canvas.setFillColor(color)
    canvas.circle(cx, cy, r, stroke=0, fill=1)


def _column(canvas: Canvas, x: float, base: float, w: float, top: float, color: Color) -> None:
    """Flat-bottomed column with a semicircular top reaching `top`."""
    r = w / 2
    path = canvas.beginPath()
    path.moveTo(x, base)
    path.lineTo(x, top - r)
    path.arcTo(x, top - w, x + w, top, 180, -180)
    path.lineTo(x + w, base)
    path.close()
    canvas.setFillColor(color)
    canvas.drawPath(path, stroke=0, fill=1)


def _flag(canvas: Canvas, x: float, top: float, w: float, h: float, color: Color) -> None:
    """A flag on a pole at `x`, its top edge at `top`; negative `w` flies it to the left."""
    wave = h * 0.16
    path = canvas.beginPath()
    path.moveTo(x, top)
    path.curveTo(x + w * 0.35, top + wave, x + w * 0.65, top - wave, x + w, top + wave * 0.3)
    path.lineTo(x + w, top - h + wave * 0.3)
    path.curveTo(x + w * 0.65, top - h - wave, x + w * 0.35, top - h + wave, x, top - h)
    path.close()
    canvas.setFillColor(color)
    canvas.drawPath(path, stroke=0, fill=1)


@dataclass(frozen=True)
class _Palette:
    """Flat colours of the cover, all mixed from the booklet palette."""

    sky: Color
    ink: Color
    accent: Color
    wall: Color
    wall_shade: Color
    coping: Color
    pavement: Color
    road: Color
    brick: Color
    brick_side: Color
    joint: Color
    cactus: Color
    cactus_rib: Color
    tree: Color
    tree_far: Color

    @classmethod
    def build(cls, ink: Ink, background: Color, secondary: Color | None) -> _Palette:
        green = secondary if secondary is not None else ink.line
        brick = _mix(_mix(ink.accent, ink.line, 0.42), background, 0.3)
        return cls(
            sky=background,
            ink=ink.line,
            accent=ink.accent,
            wall=_mix(background, ink.line, 0.09),
            wall_shade=_mix(background, ink.line, 0.17),
            coping=_mix(background, ink.line, 0.32),
            pavement=_mix(background, ink.line, 0.05),
            road=_mix(background, ink.line, 0.2),
            brick=brick,
            brick_side=_mix(brick, ink.line, 0.3),
            joint=_mix(brick, background, 0.22),
            cactus=_mix(green, background, 0.08),
            cactus_rib=_mix(green, ink.line, 0.35),
            tree=_mix(green, ink.line, 0.42),
            tree_far=_mix(_mix(green, ink.line, 0.2), background, 0.35),
        )


@dataclass(frozen=True)
class _Frame:
    """Maps cover fractions to points: x by width, y by height, sizes by `u`."""

    x: float
    y: float
    w: float
    h: float

    @property
    def u(self) -> float:
        return self.w / 100.0

    def px(self, fx: float) -> float:
        return self.x + fx * self.w

    def py(self, fy: float) -> float:
        return self.y + fy * self.h


# Cover layout, as fractions of the height (from the bottom).
_ROAD_TOP = 0.07
_PAVEMENT_TOP = 0.11
_WALL_TOP = 0.385
_TOWER = (0.6, 0.8)  # left and right edge, fractions of the width


def _cover_street(canvas: Canvas, f: _Frame, pal: _Palette) -> None:
    _box(canvas, f.x, f.y, f.w, f.py(_ROAD_TOP) - f.y, pal.road)
    _box(canvas, f.x, f.py(_ROAD_TOP), f.w, f.py(_PAVEMENT_TOP) - f.py(_ROAD_TOP), pal.pavement)
    _box(canvas, f.x, f.py(_ROAD_TOP), f.w, f.u * 0.7, pal.coping)
    canvas.setStrokeColor(pal.wall_shade)
    canvas.setLineWidth(f.u * 0.35)
    for i in range(1, 8):
        jx = f.px(i / 8 - 0.03)
        canvas.line(jx, f.py(_ROAD_TOP) + f.u * 0.7, jx, f.py(_PAVEMENT_TOP))
    canvas.setStrokeColor(pal.sky)
    canvas.setDash(f.u * 5, f.u * 5)
    canvas.setLineWidth(f.u * 0.8)
    mid = f.py(_ROAD_TOP * 0.42)
    canvas.line(f.x, mid, f.x + f.w, mid)
    canvas.setDash()


def _cover_trees(canvas: Canvas, f: _Frame, pal: _Palette) -> None:
    """Tree crowns behind the wall: a far, paler layer and a near, darker one."""
    wall_top = f.py(_WALL_TOP)
    far = ((0.03, 8.5, 9), (0.17, 11.5, 10), (0.3, 9.0, 8), (0.9, 10.5, 9), (1.0, 8.0, 8))
    near = ((0.09, 7.0, 8), (0.22, 6.5, 9), (0.34, 4.5, 6.5), (0.86, 5.0, 7.5), (0.97, 5.5, 8))
    for layer, color in ((far, pal.tree_far), (near, pal.tree)):
        for fx, lift, r in layer:
            _disc(canvas, f.px(fx), wall_top + lift * f.u, r * f.u, color)


def _cover_cacti(canvas: Canvas, f: _Frame, pal: _Palette) -> None:
    """Organ-pipe cacti (columns with one rib each) rising over the wall."""
    base = f.py(_WALL_TOP) - f.u
    columns = ((0.455, 3.6, 12.0), (0.49, 4.4, 18.0), (0.528, 3.8, 14.5), (0.56, 3.2, 9.5))
    canvas.setStrokeColor(pal.cactus_rib)
    canvas.setLineWidth(f.u * 0.45)
    for fx, w, rise in columns:
        x, cw = f.px(fx), w * f.u
        top = min(base + rise * f.u, f.py(SCENE_TOP - 0.03))
        _column(canvas, x, base, cw, top, pal.cactus)
        canvas.line(x + cw / 2, base, x + cw / 2, top - cw * 0.7)


def _cover_flag(canvas: Canvas, f: _Frame, pal: _Palette) -> None:
    """The red flag over the tomb, on its pole behind the wall."""
    wall_top = f.py(_WALL_TOP)
    pole_x = f.px(0.43)
    pole_top = f.py(SCENE_TOP - 0.008)
    canvas.setStrokeColor(pal.ink)
    canvas.setLineCap(1)
    canvas.setLineWidth(f.u * 0.75)
    canvas.line(pole_x, wall_top, pole_x, pole_top)
    _disc(canvas, pole_x, pole_top, f.u * 0.9, pal.ink)
    _flag(canvas, pole_x, pole_top - f.u * 1.2, -f.u * 14, f.u * 8.5, pal.accent)


def _cover_wall(canvas: Canvas, f: _Frame, pal: _Palette) -> None:
    """The street wall with its coping, the steel gate and a walled-up window."""
    foot, top = f.py(_PAVEMENT_TOP), f.py(_WALL_TOP)
    _box(canvas, f.x, foot, f.w, top - foot, pal.wall)
    _box(canvas, f.x, top - f.u * 1.6, f.w, f.u * 1.6, pal.wall_shade)
    _box(canvas, f.x, top - f.u * 0.2, f.w, f.u * 2.2, pal.coping)
    _box(canvas, f.x, foot, f.w, f.u * 1.2, pal.wall_shade)
    _cover_gate(canvas, f, pal, foot)
    _cover_blocked_window(canvas, f, pal)


def _cover_gate(canvas: Canvas, f: _Frame, pal: _Palette, foot: float) -> None:
    gx, gw = f.px(0.12), f.w * 0.2
    gh = f.py(0.29) - foot
    _box(canvas, gx - f.u, foot, gw + 2 * f.u, gh + f.u, pal.wall_shade)
    _box(canvas, gx, foot, gw, gh, pal.ink)
    canvas.setStrokeColor(_mix(pal.ink, pal.sky, 0.22))
    canvas.setLineWidth(f.u * 0.45)
    ribs = 8
    for i in range(1, ribs):
        rx = gx + gw * i / ribs
        canvas.line(rx, foot + f.u * 1.5, rx, foot + gh - f.u * 1.5)
    canvas.setStrokeColor(pal.wall)
    canvas.setLineWidth(f.u * 0.6)
    canvas.line(gx + gw / 2, foot, gx + gw / 2, foot + gh)
    lamp_x, lamp_y = gx + gw / 2, foot + gh + f.u * 4
    _box(canvas, lamp_x - f.u * 0.3, lamp_y - f.u * 3, f.u * 0.6, f.u * 3, pal.ink)
    _disc(canvas, lamp_x, lamp_y, f.u * 1.3, pal.ink)


def _cover_blocked_window(canvas: Canvas, f: _Frame, pal: _Palette) -> None:
    """A window bricked up to a narrow strip after the raid."""
    wx, wy, ww, wh = f.px(0.4), f.py(0.235), f.w * 0.12, f.h * 0.085
    _box(canvas, wx - f.u * 0.8, wy - f.u * 1.4, ww + f.u * 1.6, f.u * 1.4, pal.coping)
    _box(canvas, wx, wy, ww, wh, pal.wall_shade)
    _box(canvas, wx, wy + wh - f.u * 2.2, ww, f.u * 2.2, pal.ink)
    canvas.setStrokeColor(pal.wall)
    canvas.setLineWidth(f.u * 0.35)
    course = f.u * 1.6
    row = 0
    while wy + (row + 1) * course < wy + wh - f.u * 2.2:
        cy = wy + (row + 1) * course
        canvas.line(wx, cy, wx + ww, cy)
        row += 1


def _cover_tower(canvas: Canvas, f: _Frame, pal: _Palette) -> None:
    """Brick watchtower rising from the wall, with firing slits and a flat roof."""
    left, right = f.px(_TOWER[0]), f.px(_TOWER[1])
    foot, body_top = f.py(_PAVEMENT_TOP), f.py(SCENE_TOP - 0.045)
    tw = right - left
    # cast shadow on the wall to the right
    shadow = canvas.beginPath()
    shadow.moveTo(right, foot)
    shadow.lineTo(right, body_top)
    shadow.lineTo(right + tw * 0.16, body_top - tw * 0.16)
    shadow.lineTo(right + tw * 0.16, foot)
    shadow.close()
    canvas.setFillColor(pal.wall_shade)
    canvas.drawPath(shadow, stroke=0, fill=1)
    _box(canvas, left, foot, tw, body_top - foot, pal.brick)
    _box(canvas, right - tw * 0.14, foot, tw * 0.14, body_top - foot, pal.brick_side)
    _tower_bricks(canvas, f, pal, left, right - tw * 0.14, foot, body_top)
    _tower_top(canvas, f, pal, left, right, body_top)
    for sx in (0.3, 0.62):
        _box(canvas, left + tw * sx, body_top - f.h * 0.075, f.u * 1.4, f.h * 0.05, pal.ink)
    _box(canvas, left + tw * 0.45, f.py(0.25), f.u * 1.4, f.h * 0.04, pal.ink)


def _tower_bricks(
    canvas: Canvas, f: _Frame, pal: _Palette, x0: float, x1: float, y0: float, y1: float
) -> None:
    course = f.u * 1.5
    brick = course * 2.6
    canvas.setStrokeColor(pal.joint)
    canvas.setLineWidth(f.u * 0.22)
    with _clipped(canvas, x0, y0, x1 - x0, y1 - y0):
        row = 0
        while y0 + row * course < y1:
            cy = y0 + row * course
            canvas.line(x0, cy, x1, cy)
            bx = x0 - (brick / 2 if row % 2 else 0.0)
            while bx < x1:
                canvas.line(bx, cy, bx, cy + course)
                bx += brick
            row += 1


def _tower_top(
    canvas: Canvas, f: _Frame, pal: _Palette, left: float, right: float, body_top: float
) -> None:
    tw = right - left
    band = f.u * 1.2
    _box(canvas, left - f.u, body_top, tw + 2 * f.u, band, pal.brick_side)
    parapet = f.py(SCENE_TOP) - f.u * 1.6 - body_top - band
    _box(canvas, left - f.u * 0.4, body_top + band, tw + f.u * 0.8, parapet, pal.brick)
    slit_y = body_top + band + parapet * 0.38
    _box(canvas, left + tw * 0.3, slit_y, tw * 0.4, f.u * 1.1, pal.ink)
    _box(canvas, left - f.u * 1.8, f.py(SCENE_TOP) - f.u * 1.6, tw + f.u * 3.6, f.u * 1.6, pal.ink)


def draw_cover_art(
    canvas: Canvas,
    x: float,
    y: float,
    width: float,
    height: float,
    ink: Ink,
    background: Color,
    *,
    secondary: Color | None = None,
) -> None:
    """Full-bleed cover illustration filling the rectangle: the walled house on Avenida Viena
    seen from the street.

    A high wall with its steel gate, a brick watchtower with firing slits, cacti and trees
    rising behind the wall and the red flag over the tomb, in flat poster colours. Works for
    width/height ratios between 0.55 and 0.8; the top 45% is left as plain background for the
    title. `secondary` (optional) is the cactus green; ink is used when it is None.
    """
    pal = _Palette.build(ink, background, secondary)
    frame = _Frame(x, y, width, height)
    with _clipped(canvas, x, y, width, height):
        _box(canvas, x, y, width, height, pal.sky)
        _cover_trees(canvas, frame, pal)
        _cover_flag(canvas, frame, pal)
        _cover_cacti(canvas, frame, pal)
        _cover_wall(canvas, frame, pal)
        _cover_tower(canvas, frame, pal)
        _cover_street(canvas, frame, pal)


# --------------------------------------------------------------------------
# Wall band
# --------------------------------------------------------------------------

# Cactus clumps for the band: (offset, width, top) in band heights, cycled along the
# band so that wide bands stay varied yet deterministic.
_CLUMPS: Sequence[Sequence[tuple[float, float, float]]] = (
    ((0.0, 0.17, 0.84), (0.21, 0.15, 0.68)),
    ((0.0, 0.14, 0.64), (0.18, 0.18, 0.94), (0.4, 0.14, 0.74)),
    ((0.0, 0.16, 0.78),),
    ((0.0, 0.14, 0.7), (0.19, 0.17, 0.88)),
)
_CLUMP_STEP = 1.5  # distance between clumps, in band heights


def _band_cacti(
    canvas: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    keep_out: Sequence[tuple[float, float]],
    color: Color,
) -> None:
    """Cactus clumps along the band, skipping the tower and flag."""
    base = y + h * 0.3
    cx = x + h * 0.35
    i = 0
    while cx < x + w:
        clump = _CLUMPS[i % len(_CLUMPS)]
        span = (clump[-1][0] + clump[-1][1]) * h
        if all(cx + span < lo or cx > hi for lo, hi in keep_out):
            for dx, cw, top in clump:
                _column(canvas, cx + dx * h, base, cw * h, y + top * h, color)
        cx += h * (_CLUMP_STEP + 0.35 * (i % 3))
        i += 1


def _band_crowns(canvas: Canvas, x: float, y: float, w: float, h: float, color: Color) -> None:
    """Pale clusters of tree crowns behind the cacti, every few band heights."""
    cluster = ((-0.38, 0.24), (0.0, 0.34), (0.36, 0.27))
    cx = x + h * 1.9
    i = 0
    while cx - h < x + w:
        for dx, r in cluster:
            _disc(canvas, cx + dx * h, y + h * (0.38 + r * 0.6), r * h, color)
        cx += h * (5.2 + 1.3 * (i % 2))
        i += 1


def _band_tower(canvas: Canvas, tx: float, y: float, h: float, ink: Ink) -> None:
    tw = h * 0.62
    _box(canvas, tx, y, tw, h * 0.84, ink.line)
    _box(canvas, tx - h * 0.06, y + h * 0.84, tw + h * 0.12, h * 0.16, ink.line)
    for sx in (0.28, 0.6):
        _box(canvas, tx + tw * sx, y + h * 0.55, h * 0.055, h * 0.18, ink.fill)
    _box(canvas, tx + tw * 0.3, y + h * 0.895, tw * 0.4, h * 0.045, ink.fill)


def _band_flag(canvas: Canvas, px: float, y: float, h: float, ink: Ink) -> None:
    canvas.setStrokeColor(ink.line)
    canvas.setLineWidth(max(h * 0.035, 0.5))
    canvas.setLineCap(1)
    canvas.line(px, y + h * 0.5, px, y + h * 0.96)
    _flag(canvas, px, y + h * 0.95, h * 0.34, h * 0.22, ink.accent)


def draw_wall_band(
    canvas: Canvas,
    x: float,
    y: float,
    width: float,
    height: float,
    ink: Ink,
    *,
    secondary: Color | None = None,
) -> None:
    """A narrow decorative band (height 20-40 pt): a stylised wall top with a watchtower
    silhouette and cactus tops, for the back cover or section openers.

    `secondary` (optional) colours the cacti; ink is used when it is None.
    """
    h = height
    tower_x = x + width * 0.78 - h * 0.31
    flag_x = x + width * 0.3
    green = secondary if secondary is not None else ink.line
    with _clipped(canvas, x, y, width, height):
        keep_out = ((tower_x - h * 0.3, tower_x + h * 0.9), (flag_x - h * 0.3, flag_x + h * 0.45))
        _band_crowns(canvas, x, y, width, h, _mix(green, ink.fill, 0.62))
        _band_cacti(canvas, x, y, width, h, keep_out, green)
        _band_flag(canvas, flag_x, y, h, ink)
        _box(canvas, x, y, width, h * 0.4, ink.fill)
        _box(canvas, x, y + h * 0.36, width, h * 0.07, ink.line)
        _box(canvas, x, y, width, h * 0.035, ink.line)
        _band_tower(canvas, tower_x, y, h, ink)
