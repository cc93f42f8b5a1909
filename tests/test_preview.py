"""Page previews and the contact sheet, on small PDFs whose pages are told apart by colour."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from booklet.content.errors import UsageError
from booklet.output.preview import (
    SHEET_BACKGROUND,
    PageMark,
    contact_sheet,
    parse_pages,
    render_pages,
    spreads,
    write_previews,
)

WIDTH, HEIGHT = 200, 300


def _colour(number: int) -> tuple[int, int, int]:
    """A colour per page, far from white, grey and each other."""
    return ((number * 67) % 200 + 30, (number * 131) % 200 + 30, (number * 29) % 200 + 30)


def _pdf(count: int) -> bytes:
    """`count` pages, each filled with its own colour."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(WIDTH, HEIGHT), invariant=True)
    for number in range(1, count + 1):
        canvas.setFillColorRGB(*(c / 255 for c in _colour(number)))
        canvas.rect(0, 0, WIDTH, HEIGHT, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _close(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(abs(x - y) <= 3 for x, y in zip(a, b, strict=False))


@pytest.mark.parametrize(
    ("spec", "count", "expected"),
    [
        (None, 3, [1, 2, 3]),
        ("1-4,9", 10, [1, 2, 3, 4, 9]),
        ("2", 5, [2]),
        ("3-", 5, [3, 4, 5]),
        ("4,1-2,2", 5, [4, 1, 2]),
    ],
)
def test_parse_pages(spec: str | None, count: int, expected: list[int]) -> None:
    assert parse_pages(spec, count) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("1-12", "--pages: the booklet has 10 pages; '1-12' asks for page 12"),
        ("a", "--pages: expected pages like 1-4,9, got 'a'"),
        ("5-2", "--pages: '5-2' is not a range of pages"),
        ("0", "--pages: '0' is not a range of pages"),
    ],
)
def test_parse_pages_refuses(spec: str, message: str) -> None:
    with pytest.raises(UsageError) as error:
        parse_pages(spec, 10)
    assert str(error.value) == message


def test_spreads_put_the_cover_and_back_cover_alone() -> None:
    assert spreads(8) == [(None, 1), (2, 3), (4, 5), (6, 7), (8, None)]
    assert spreads(7) == [(None, 1), (2, 3), (4, 5), (6, 7)]
    assert spreads(1) == [(None, 1)]


def test_render_pages_draws_the_chosen_pages() -> None:
    images = render_pages(_pdf(4), [2, 4], scale=0.5)
    assert [image.size for image in images] == [(100, 150), (100, 150)]
    assert _close(images[0].getpixel((50, 75)), _colour(2))
    assert _close(images[1].getpixel((50, 75)), _colour(4))


def test_render_pages_refuses_a_huge_scale() -> None:
    with pytest.raises(UsageError, match="--scale"):
        render_pages(_pdf(1), [1], scale=20)


def test_contact_sheet_has_one_tile_per_page_in_spread_order() -> None:
    count, tile, columns = 8, 120, 2
    sheet = contact_sheet(_pdf(count), tile_height=tile, columns=columns)
    tile_width = round(WIDTH * tile / HEIGHT)
    gutter, label = max(12, tile // 10), max(16, tile // 9)
    found: list[int | None] = []
    for index in range(len(spreads(count))):
        row, column = divmod(index, columns)
        x0 = gutter + column * (2 * tile_width + gutter)
        y0 = gutter + row * (tile + label + gutter)
        for side in (0, 1):
            pixel = sheet.getpixel((x0 + side * tile_width + tile_width // 2, y0 + tile // 2))
            match = [n for n in range(1, count + 1) if _close(pixel, _colour(n))]
            assert match or _close(pixel, SHEET_BACKGROUND), (index, side, pixel)
            found.append(match[0] if match else None)
    assert found == [None, 1, 2, 3, 4, 5, 6, 7, 8, None]


def test_contact_sheet_draws_marks_on_the_page_they_concern() -> None:
    plain = contact_sheet(_pdf(3), tile_height=150, columns=2)
    marked = contact_sheet(
        _pdf(3), tile_height=150, columns=2, marks={3: [PageMark("error", "widow")]}
    )
    assert plain.size == marked.size
    difference = [
        (x, y)
        for x in range(0, plain.width, 2)
        for y in range(0, plain.height, 2)
        if plain.getpixel((x, y)) != marked.getpixel((x, y))
    ]
    assert difference
    # Page 3 is the right-hand page of the second spread, in the second column of row one.
    tile_width = round(WIDTH * 150 / HEIGHT)
    left = 15 + (2 * tile_width + 15) + tile_width
    assert all(left <= x < left + tile_width for x, _ in difference)


def test_write_previews_names_files_by_page(tmp_path: Path) -> None:
    written = write_previews(_pdf(12), tmp_path / "out", "booklet", pages="1,10", sheet=True)
    assert [p.name for p in written] == ["booklet-p01.png", "booklet-p10.png", "booklet-sheet.png"]
    with Image.open(written[1]) as image:
        assert image.size == (WIDTH, HEIGHT)
    again = write_previews(_pdf(12), tmp_path / "again", "booklet", pages="1,10", sheet=True)
    assert [p.read_bytes() for p in written] == [p.read_bytes() for p in again]
