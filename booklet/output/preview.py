"""Page previews: PNG pages and a contact sheet of spreads, rendered from the finished PDF bytes.

An editor fitting text wants to glance at the whole booklet as it will be read: the cover alone on
the right, then facing pages 2|3, 4|5 … and the back cover alone on the left. The sheet is drawn
from the same bytes that are written, so what it shows is what prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image, ImageDraw, ImageFont

from booklet.content.errors import UsageError
from booklet.resources import fonts_dir

# The sheet's furniture: quiet grey labels on white, marks in a colour per severity.
SHEET_BACKGROUND = (246, 245, 242)
LABEL_INK = (90, 90, 90)
MARK_COLOURS = {"error": (196, 30, 30), "warning": (222, 140, 0), "info": (60, 110, 190)}
MAX_SCALE = 8.0
MAX_PIXELS_PER_PAGE = 40_000_000


@dataclass(frozen=True)
class PageMark:
    """A small note drawn on a page's tile: what preflight found there."""

    severity: str
    text: str


def parse_pages(spec: str | None, count: int) -> list[int]:
    """1-based page numbers from "1-4,9" (every page when `spec` is None), once each."""
    if spec is None:
        return list(range(1, count + 1))
    pages: list[int] = []
    for part in spec.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d*)\s*)?", part)
        if not match:
            raise UsageError(f"--pages: expected pages like 1-4,9, got {spec!r}")
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else (count if "-" in part else first)
        if first < 1 or last < first:
            raise UsageError(f"--pages: {part.strip()!r} is not a range of pages")
        if last > count:
            raise UsageError(
                f"--pages: the booklet has {count} page{'s' * (count != 1)}; "
                f"{part.strip()!r} asks for page {last}"
            )
        pages.extend(p for p in range(first, last + 1) if p not in pages)
    return pages


def render_pages(pdf: bytes, pages: Iterable[int], scale: float) -> list[Image.Image]:
    """Each requested page as an RGB image, `scale` pixels per point."""
    if not 0 < scale <= MAX_SCALE:
        raise UsageError(f"--scale: expected a number above 0 and at most {MAX_SCALE:g}")
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for number in pages:
            page = document[number - 1]
            width, height = page.get_size()
            if width * height * scale * scale > MAX_PIXELS_PER_PAGE:
                raise UsageError(f"--scale {scale:g} makes page {number} too large to render")
            images.append(page.render(scale=scale, may_draw_forms=True).to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        document.close()


def spreads(count: int) -> list[tuple[int | None, int | None]]:
    """Reading spreads of a `count`-page booklet as (left, right) page numbers.

    The cover stands alone on the right; the back cover stands alone on the left when the page
    count is even (as a printed booklet's is), otherwise the last page ends a spread."""
    if count <= 0:
        return []
    result: list[tuple[int | None, int | None]] = [(None, 1)]
    page = 2
    while page <= count:
        right = page + 1 if page + 1 <= count else None
        result.append((page, right))
        page += 2
    return result


def contact_sheet(
    pdf: bytes,
    *,
    tile_height: int = 220,
    columns: int = 4,
    marks: Mapping[int, Sequence[PageMark]] | None = None,
) -> Image.Image:
    """All pages as spreads, `columns` spreads a row, page numbers under each page and
    preflight's findings as small coloured marks on the pages they concern."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document)
        width_pt, height_pt = document[0].get_size()
        scale = tile_height / height_pt
        tiles = {}
        for number in range(1, count + 1):
            page = document[number - 1]
            tiles[number] = page.render(scale=scale).to_pil().convert("RGB")
            page.close()
    finally:
        document.close()
    tile_width = round(width_pt * scale)
    label_font = _font(max(11, tile_height // 18))
    gutter, label_height = max(12, tile_height // 10), max(16, tile_height // 9)
    spread_width = 2 * tile_width
    layout = spreads(count)
    rows = -(-len(layout) // columns)
    sheet = Image.new(
        "RGB",
        (
            gutter + columns * (spread_width + gutter),
            gutter + rows * (tile_height + label_height + gutter),
        ),
        SHEET_BACKGROUND,
    )
    draw = ImageDraw.Draw(sheet)
    for index, pair in enumerate(layout):
        row, column = divmod(index, columns)
        x0 = gutter + column * (spread_width + gutter)
        y0 = gutter + row * (tile_height + label_height + gutter)
        for side, page in enumerate(pair):
            if page is None:
                continue
            number = page
            x = x0 + side * tile_width
            sheet.paste(tiles[number], (x, y0))
            draw.rectangle(
                (x, y0, x + tile_width - 1, y0 + tile_height - 1), outline=(200, 200, 200)
            )
            _label(draw, str(number), x + tile_width // 2, y0 + tile_height + 2, label_font)
            _marks(draw, (marks or {}).get(number, ()), x, y0, tile_width, label_font)
    return sheet


def write_previews(
    pdf: bytes,
    folder: Path,
    stem: str,
    *,
    pages: str | None = None,
    scale: float = 1.0,
    sheet: bool = False,
    marks: Mapping[int, Sequence[PageMark]] | None = None,
) -> list[Path]:
    """Write `stem-p01.png` … for the chosen pages, and `stem-sheet.png` with `sheet`."""
    document = pypdfium2.PdfDocument(pdf)
    count = len(document)
    document.close()
    chosen = parse_pages(pages, count)
    folder.mkdir(parents=True, exist_ok=True)
    digits = max(2, len(str(count)))
    written = []
    for number, image in zip(chosen, render_pages(pdf, chosen, scale), strict=True):
        path = folder / f"{stem}-p{number:0{digits}d}.png"
        image.save(path, optimize=False)
        written.append(path)
    if sheet:
        path = folder / f"{stem}-sheet.png"
        contact_sheet(pdf, marks=marks).save(path, optimize=False)
        written.append(path)
    return written


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts_dir() / "NotoSans-Regular.ttf"), size)


def _label(
    draw: ImageDraw.ImageDraw, text: str, centre_x: int, top: int, font: ImageFont.FreeTypeFont
) -> None:
    left, _, right, _ = draw.textbbox((0, 0), text, font=font)
    draw.text((centre_x - (right - left) // 2, top), text, fill=LABEL_INK, font=font)


def _marks(
    draw: ImageDraw.ImageDraw,
    marks: Sequence[PageMark],
    x: int,
    y: int,
    width: int,
    font: ImageFont.FreeTypeFont,
) -> None:
    """A coloured dot per finding in the page's top-right corner, with its short text below
    the dots on a white slip so it stays legible on any page."""
    radius = max(4, width // 40)
    for index, mark in enumerate(marks[:6]):
        cx = x + width - radius * 2 - index * radius * 3
        cy = y + radius * 2
        colour = MARK_COLOURS.get(mark.severity, MARK_COLOURS["info"])
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)
    top = y + radius * 4
    for mark in marks[:3]:
        text = mark.text if len(mark.text) <= 28 else mark.text[:27] + "…"
        left, upper, right, lower = draw.textbbox((0, 0), text, font=font)
        bottom = top + round(lower - upper) + 6
        box = (x + 3, top, x + 3 + round(right - left) + 6, bottom)
        draw.rectangle(box, fill=(255, 255, 255), outline=MARK_COLOURS.get(mark.severity))
        draw.text((x + 6, top + 3 - upper), text, fill=LABEL_INK, font=font)
        top = bottom + 2
