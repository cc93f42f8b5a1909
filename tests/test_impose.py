"""Saddle-stitch imposition: the sheet order, pages placed two-up on the parent sheet, and
`booklet build --impose` end to end, checked by folding the sheets on paper (in the test)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from booklet.output.impose import PARENT_SHEETS, impose, sheet_order
from booklet.theme.paper import PAPERS
from tests.conftest import DEFAULT_CONTENT, Padded, add_rooms, run_cli
from tests.test_print import SPARE

# Parent sheet (landscape) each paper folds from, in points.
PARENTS = {
    "half-letter": ("US Letter", 792.0, 612.0),
    "a5": ("A4", 841.89, 595.28),
    "letter": ("Tabloid (11 x 17 in)", 1224.0, 792.0),
    "a4": ("A3", 1190.55, 841.89),
}
TRIM = {"half-letter": (396.0, 612.0), "a5": A5, "letter": LETTER, "a4": A4}
MARKER_FONT, MARKER_SIZE = "Helvetica-Bold", 36

Fragment = tuple[float, float, str]  # x, y of the text origin on the sheet, and the text


def fragments(page: PageObject) -> list[Fragment]:
    found: list[Fragment] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = cm[4] + tm[4] * cm[0] + tm[5] * cm[2]
            y = cm[5] + tm[4] * cm[1] + tm[5] * cm[3]
            found.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    return found


# -- sheet order -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pages", "order"),
    [
        (4, [(4, 1), (2, 3)]),
        (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
        (12, [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]),
        (16, [(16, 1), (2, 15), (14, 3), (4, 13), (12, 5), (6, 11), (10, 7), (8, 9)]),
    ],
)
def test_sheet_order_by_hand(pages: int, order: list[tuple[int, int]]) -> None:
    assert sheet_order(pages) == order


@pytest.mark.parametrize("pages", [1, 2, 6, 10, 13, 30])
def test_sheet_order_needs_a_multiple_of_four(pages: int) -> None:
    with pytest.raises(ValueError) as raised:
        sheet_order(pages)
    assert str(raised.value) == (
        f"a saddle-stitched booklet needs a multiple of 4 pages, got {pages}"
    )


@pytest.mark.parametrize("pages", range(4, 68, 4))
def test_sheet_order_folds_into_the_booklet(pages: int) -> None:
    """Printed duplex and flipped on the short edge, the back of a sheet's right half is the
    front's right half turned over; stacked and folded, sheets nest from the outside in."""
    sides = sheet_order(pages)
    assert len(sides) == pages // 2
    assert sorted(p for side in sides for p in side) == list(range(1, pages + 1))
    for sheet in range(pages // 4):
        (front_left, front_right), (back_left, back_right) = sides[2 * sheet : 2 * sheet + 2]
        assert front_right % 2 == 1 and back_right % 2 == 1  # right-hand pages are odd
        assert back_left == front_right + 1  # the same leaf, recto then verso
        assert front_left == back_right + 1
        assert front_right == 1 + 2 * sheet  # sheet 0 is the outermost
        assert front_left == pages - 2 * sheet


# -- impose() on synthetic pages ---------------------------------------------------------------


def marker(number: int) -> str:
    return f"PAGE-{number:02d}"


def synthetic(pages: int, size: tuple[float, float]) -> bytes:
    """A PDF of `pages` pages, each with a big unique marker at its centre."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    for number in range(1, pages + 1):
        canvas.setFont(MARKER_FONT, MARKER_SIZE)
        canvas.drawCentredString(size[0] / 2, size[1] / 2, marker(number))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("paper", "pages"),
    [("half-letter", 8), ("a5", 12), ("letter", 16), ("a4", 8), ("half-letter", 24)],
)
def test_impose_places_each_page_on_its_half_of_the_sheet(paper: str, pages: int) -> None:
    width, height = TRIM[paper]
    imposed = impose(synthetic(pages, (width, height)), paper, "Test booklet")
    name, sheet_w, sheet_h = PARENTS[paper]
    assert (imposed.parent.name, imposed.sheets) == (name, pages // 4)
    assert (imposed.parent.width, imposed.parent.height) == pytest.approx(
        (sheet_w, sheet_h), abs=0.01
    )
    reader = PdfReader(io.BytesIO(imposed.pdf))
    assert len(reader.pages) == pages // 2
    assert reader.metadata.title == "Test booklet (imposed for saddle stitching)"
    expected = sheet_order(pages)
    text_width = stringWidth(marker(pages), MARKER_FONT, MARKER_SIZE)
    for index, page in enumerate(reader.pages):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            (sheet_w, sheet_h), abs=0.01
        )
        found = {text: (x, y) for x, y, text in fragments(page)}
        left, right = expected[index]
        assert sorted(found) == sorted([marker(left), marker(right)]), index
        # The fold runs down the middle: each page's centre is half a page from it.
        for number, centre in ((left, sheet_w / 2 - width / 2), (right, sheet_w / 2 + width / 2)):
            x, y = found[marker(number)]
            assert x + text_width / 2 == pytest.approx(centre, abs=0.05), (index, number)
            assert y == pytest.approx(sheet_h / 2, abs=0.05)


@pytest.mark.parametrize("pages", [10, 6, 2])
def test_impose_refuses_a_page_count_the_booklet_has_not_padded(pages: int) -> None:
    with pytest.raises(ValueError, match=f"needs a multiple of 4 pages, got {pages}$"):
        impose(synthetic(pages, TRIM["a5"]), "a5", "Test")


def test_parent_sheets_are_twice_the_page_in_landscape() -> None:
    for paper, sheet in PARENT_SHEETS.items():
        assert sheet.width > sheet.height  # landscape
        assert sheet.width >= 2 * PAPERS[paper].width - 0.01
        assert sheet.height >= PAPERS[paper].height - 0.01
        assert (sheet.name, sheet.width, sheet.height) == pytest.approx(PARENTS[paper], abs=0.01)


# -- booklet build --impose --------------------------------------------------------------------


@dataclass
class ImposedBuild:
    booklet: PdfReader
    imposed: PdfReader
    stderr: str
    out: Path


@pytest.fixture(scope="module")
def imposed_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., ImposedBuild]:
    """`booklet build --impose` of the default content, once per set of options."""
    cache: dict[tuple[str, ...], ImposedBuild] = {}

    def get(*options: str) -> ImposedBuild:
        if options not in cache:
            out = tmp_path_factory.mktemp("impose") / "booklet.pdf"
            code, stdout, err = run_cli(
                "build", str(DEFAULT_CONTENT), "-o", str(out), "--impose", *options
            )
            assert (code, stdout) == (0, ""), err
            [imposed] = out.parent.glob("*-imposed.pdf")
            [pdf] = [p for p in out.parent.iterdir() if p != imposed]
            assert imposed.name == pdf.name.replace(".pdf", "-imposed.pdf")
            cache[options] = ImposedBuild(PdfReader(pdf), PdfReader(imposed), err, pdf)
        return cache[options]

    return get


def test_build_impose_writes_the_imposed_file(imposed_build: Callable[..., ImposedBuild]) -> None:
    result = imposed_build()
    assert sorted(p.name for p in result.out.parent.iterdir()) == [
        "booklet-imposed.pdf",
        "booklet.pdf",
    ]
    pages = len(result.booklet.pages)
    assert pages % 4 == 0
    assert len(result.imposed.pages) == pages // 2
    for page in result.imposed.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (792, 612)
    imposed = result.out.with_name("booklet-imposed.pdf")
    assert (
        f"wrote {imposed}: {pages // 4} sheets of US Letter; print double-sided, flip on the "
        "short edge, then fold the stack in half and staple on the fold"
    ) in result.stderr.splitlines()


FOOTER_Y = PAPERS["half-letter"].footer_y
COVERS = {"": ("The House on", "This booklet is a companion"),
          "es": ("La casa de la", "Esta guía, preparada por voluntarios")}  # fmt: skip


def printed_page(found: list[Fragment], cover: str, back: str) -> int | str:
    """Which booklet page a half-sheet shows: its footer number, or cover / back."""
    numbers = [t for x, y, t in found if t.isdigit() and abs(y - FOOTER_Y) < 1]
    texts = " ".join(t for _, _, t in found)
    if not numbers:
        assert (cover in texts) != (back in texts), texts[:80]
        return "cover" if cover in texts else "back"
    assert len(numbers) == 1, numbers
    return int(numbers[0])


@pytest.mark.parametrize("language", ["", "es"])
def test_imposed_sheets_fold_into_the_booklet(
    imposed_build: Callable[..., ImposedBuild], language: str
) -> None:
    result = imposed_build(*(["--lang", language] if language else []))
    pages = len(result.booklet.pages)
    cover, back = COVERS[language]
    # The booklet itself: a number in the footer of every page but the covers.
    assert printed_page(fragments(result.booklet.pages[0]), cover, back) == "cover"
    assert printed_page(fragments(result.booklet.pages[-1]), cover, back) == "back"
    for number in range(2, pages):
        assert printed_page(fragments(result.booklet.pages[number - 1]), cover, back) == number
    name = {1: "cover", pages: "back"}
    for index, sheet in enumerate(result.imposed.pages):
        half = float(sheet.mediabox.width) / 2
        found = fragments(sheet)
        shown = [
            printed_page([f for f in found if f[0] < half], cover, back),
            printed_page([f for f in found if f[0] >= half], cover, back),
        ]
        sheet_number, back_side = divmod(index, 2)
        if back_side:  # the verso of the front's right page, then of its left page
            expected = [2 + 2 * sheet_number, pages - 1 - 2 * sheet_number]
        else:  # the outside of the fold: the last unplaced page left, the first right
            expected = [pages - 2 * sheet_number, 1 + 2 * sheet_number]
        assert shown == [name.get(p, p) for p in expected], index


def test_impose_pads_the_spanish_edition_to_whole_sheets(
    imposed_build: Callable[..., ImposedBuild],
) -> None:
    result = imposed_build("--lang", "es")
    pages = len(result.booklet.pages)
    assert result.out.name == "booklet.pdf"  # one edition: -o is the file name
    assert pages % 4 == 0
    assert len(result.imposed.pages) == pages // 2
    imposed = result.out.with_name("booklet-imposed.pdf")
    assert any(
        line.startswith(f"wrote {imposed}: {pages // 4} sheets of US Letter;")
        for line in result.stderr.splitlines()
    )
    added = re.search(r"^'es' edition: added (\d) spare pages? before", result.stderr, re.M)
    last = " ".join(result.booklet.pages[-2].extract_text().split())
    assert last.startswith("Notas" if added else "Información práctica")


def test_print_profile_imposes_trim_size_pages(imposed_build: Callable[..., ImposedBuild]) -> None:
    screen, printed = imposed_build(), imposed_build("--profile", "print")
    # The booklet PDF is the print one: bleed and crop marks around every page.
    page = printed.booklet.pages[0]
    assert float(page.mediabox.width) > float(page.trimbox.width) == pytest.approx(396)
    assert len(printed.imposed.pages) == len(printed.booklet.pages) // 2
    for index, sheet in enumerate(printed.imposed.pages):
        media = tuple(float(v) for v in sheet.mediabox)
        assert media == (0, 0, 792, 612)
        assert tuple(float(v) for v in sheet.trimbox) == media
        assert tuple(float(v) for v in sheet.bleedbox) == media
        assert b"1 1 1 1 K" not in sheet.get_contents().get_data()  # no crop marks
        # Trim-size pages in the same places as on the screen imposition.
        expected = [
            (round(x, 2), round(y, 2), t) for x, y, t in fragments(screen.imposed.pages[index])
        ]
        assert [(round(x, 2), round(y, 2), t) for x, y, t in fragments(sheet)] == expected


@pytest.mark.parametrize("spare", [1, 2, 3])
def test_a_padded_booklet_imposes_with_its_spare_pages_before_the_back_cover(
    tmp_path: Path, spare: int, padded: Callable[[int], Padded]
) -> None:
    """Rooms are added until the booklet needs `spare` spare pages (the search is shared with
    test_print.py); every sheet side is then read back, so spare pages after the back cover
    (or a back cover moved inward) would fail."""
    content = add_rooms(tmp_path, padded(spare).extra)
    out = tmp_path / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(out), "--impose")
    assert code == 0, err
    spares = "1 spare page" if spare == 1 else f"{spare} spare pages"
    assert f"'en' edition: added {spares} before the back cover" in err
    booklet = PdfReader(out)
    pages = len(booklet.pages)
    assert pages % 4 == 0
    cover, back = COVERS[""]
    spares = [" ".join(page.extract_text().split()) for page in booklet.pages[-1 - spare : -1]]
    assert all(text.startswith(title) for text, title in zip(spares, SPARE[spare], strict=True))
    assert printed_page(fragments(booklet.pages[-1]), cover, back) == "back"
    imposed = PdfReader(out.with_name("booklet-imposed.pdf"))
    assert len(imposed.pages) == pages // 2
    name = {1: "cover", pages: "back"}
    for index, sheet in enumerate(imposed.pages):
        half = float(sheet.mediabox.width) / 2
        found = fragments(sheet)
        shown = [
            printed_page([f for f in found if f[0] < half], cover, back),
            printed_page([f for f in found if f[0] >= half], cover, back),
        ]
        sheet_number, back_side = divmod(index, 2)
        if back_side:
            expected = [2 + 2 * sheet_number, pages - 1 - 2 * sheet_number]
        else:
            expected = [pages - 2 * sheet_number, 1 + 2 * sheet_number]
        assert shown == [name.get(p, p) for p in expected], index


def on_footer_line(found: list[Fragment], paper: str) -> list[Fragment]:
    """Fragments moved up or down so `paper`'s footer sits where printed_page reads it."""
    shift = FOOTER_Y - PAPERS[paper].footer_y
    return [(x, y + shift, text) for x, y, text in found]


def test_a_padded_a4_print_booklet_imposes_sheet_by_sheet_with_the_back_cover_outside(
    imposed_build: Callable[..., ImposedBuild],
) -> None:
    """The default content needs spare pages on A4. For print, the imposed file is the booklet
    laid out again without bleed: that second layout must keep the spare pages just before the
    back cover, so the back cover is on the outside of the first sheet, next to the cover."""
    result = imposed_build("--paper", "a4", "--profile", "print")
    added = re.search(
        r"^'en' edition: added (\d) spare pages? before the back cover", result.stderr, re.M
    )
    assert added, "the content no longer needs spare pages on A4: pick another paper"
    spare = int(added[1])
    booklet = [" ".join(page.extract_text().split()) for page in result.booklet.pages]
    pages = len(booklet)
    assert pages % 4 == 0
    cover, back = COVERS[""]
    assert cover in booklet[0]
    assert booklet[-2 - spare].startswith("Practical information")  # the content's last page
    for text, title in zip(booklet[-1 - spare : -1], SPARE[spare], strict=True):
        assert text.startswith(title), (text[:40], title)
    assert back in booklet[-1]
    # Every booklet page is told apart by its own text, so each half-sheet is identified.
    page_text = [sorted(t for *_, t in fragments(page)) for page in result.booklet.pages]
    assert len({tuple(t) for t in page_text}) == pages
    name, sheet_w, sheet_h = PARENTS["a4"]
    assert any(
        line.startswith(f"wrote {result.out.with_name('booklet-imposed.pdf')}: "
                        f"{pages // 4} sheets of {name};")
        for line in result.stderr.splitlines()
    )  # fmt: skip
    # Sheet 1: back cover | cover outside, page 2 | last spare inside; then inwards.
    sides = []
    for sheet in range(pages // 4):
        sides += [[pages - 2 * sheet, 1 + 2 * sheet], [2 + 2 * sheet, pages - 1 - 2 * sheet]]
    assert len(result.imposed.pages) == len(sides)
    label = {1: "cover", pages: "back"}
    for index, (sheet, expected) in enumerate(zip(result.imposed.pages, sides, strict=True)):
        assert (float(sheet.mediabox.width), float(sheet.mediabox.height)) == pytest.approx(
            (sheet_w, sheet_h), abs=0.01
        )
        found = on_footer_line(fragments(sheet), "a4")
        halves = [
            [f for f in found if f[0] < sheet_w / 2],
            [f for f in found if f[0] >= sheet_w / 2],
        ]
        shown = [printed_page(half, cover, back) for half in halves]
        assert shown == [label.get(p, p) for p in expected], index
        assert [sorted(t for *_, t in half) for half in halves] == [
            page_text[p - 1] for p in expected
        ], index
    # The last spare page (Notes) is the other side of the back cover's leaf.
    inside = [t for x, _, t in fragments(result.imposed.pages[1]) if x >= sheet_w / 2]
    assert SPARE[spare][-1] in inside
