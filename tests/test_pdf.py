"""The built default booklet, opened with pypdf: pages, text, TOC, outline, fonts, metadata."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from booklet.content.inline import plain
from tests.conftest import DEFAULT_CONTENT
from tests.conftest import build_file as build
from tests.conftest import load_edition as load_content

PAPER_POINTS = {
    "half-letter": (396.0, 612.0),
    "a5": (419.53, 595.28),
    "letter": (612.0, 792.0),
    "a4": (595.28, 841.89),
}
SECTIONS = [
    "Welcome",
    "Contents",
    "History",
    "Timeline",
    "Plan of the house",
    "Tips for your visit",
    "Nearby in Coyoacán",
    "Practical information",
]


@pytest.mark.parametrize("paper", sorted(PAPER_POINTS))
def test_every_paper_has_its_size_and_a_sensible_page_count(
    built: Callable[[str], Path], paper: str
) -> None:
    reader = PdfReader(built(paper))
    width, height = PAPER_POINTS[paper]
    assert 20 <= len(reader.pages) <= 48
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.1)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.1)


@pytest.mark.parametrize("paper", sorted(PAPER_POINTS))
def test_every_paper_gives_each_room_its_own_page(built: Callable[[str], Path], paper: str) -> None:
    reader = PdfReader(built(paper))
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    outline = _outline_pages(reader)
    content = load_content(DEFAULT_CONTENT)
    pages = [outline[plain(room.name)] for room in content.rooms]
    assert len(set(pages)) == len(pages)
    for room, page in zip(content.rooms, pages, strict=True):
        assert texts[page - 1].startswith(f"{room.number} "), texts[page - 1][:40]
        assert plain(room.name) in texts[page - 1]
        assert room.local_name in texts[page - 1]


def test_sections_and_rooms_appear_in_order(reader: PdfReader) -> None:
    """Each section heading and room name is printed as a line (or lines) of its own on a body
    page, in reading order. Not the contents page, nor a running footer ("6  History"). Room by
    room has no heading of its own: its rooms are the check."""
    content = load_content(DEFAULT_CONTENT)
    expected = [*SECTIONS[:5], *(plain(room.name) for room in content.rooms), *SECTIONS[5:]]
    pages = ["\n".join(_lines(page)) for page in reader.pages]
    contents = next(i for i, text in enumerate(pages) if text.startswith("Contents\n"))
    starts = []
    for heading in expected:
        alone = re.compile(r"(?:^|\n)" + r"\s+".join(map(re.escape, heading.split())) + r"(?:\n|$)")
        found = [
            i for i, text in enumerate(pages)
            if alone.search(text) and (i != contents or heading == "Contents")
        ]  # fmt: skip
        assert found, f"{heading!r} is not printed as a heading"
        starts.append(found[0])
    assert starts == sorted(starts), list(zip(expected, starts, strict=True))


def _bare_numbers(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip().isdigit()}


def test_cover_and_back_cover_have_no_footer(page_texts: list[str]) -> None:
    assert "The House on Avenida Viena" in " ".join(page_texts[0].split())
    assert _bare_numbers(page_texts[0]) == set()
    assert _bare_numbers(page_texts[-1]) == set()
    for number in (2, 3, len(page_texts) - 1):
        assert str(number) in _bare_numbers(page_texts[number - 1])


def _lines(page: PageObject) -> list[str]:
    """The page's text as visual lines: fragments grouped by baseline, left to right."""
    fragments: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            fragments.append((round(cm[5] + tm[5] * cm[3], 0), cm[4] + tm[4] * cm[0], text))

    page.extract_text(visitor_text=visit)
    rows: dict[float, list[tuple[float, str]]] = {}
    for y, x, text in fragments:
        rows.setdefault(y, []).append((x, text))
    return [" ".join(t.strip() for _, t in sorted(rows[y])) for y in sorted(rows, reverse=True)]


@pytest.mark.parametrize(
    ("heading", "before", "paper"),
    [("Timeline", "History", "letter")],
)
def test_the_footer_names_the_section_at_the_top_of_the_page(
    built: Callable[[str], Path], heading: str, before: str, paper: str
) -> None:
    """In the default booklet on this paper the heading starts mid-page: that page's footer
    still names the section its top belongs to, and the next page's names the new one."""
    pages = [_lines(page) for page in PdfReader(built(paper)).pages]
    [index] = [i for i, lines in enumerate(pages) if heading in lines[1:-1]]
    footer, next_footer = pages[index][-1], pages[index + 1][-1]
    assert re.fullmatch(rf"(\d+ {re.escape(before)}|{re.escape(before)} \d+)", footer), footer
    assert heading in next_footer, next_footer


def _toc_entries(reader: PdfReader) -> dict[str, int]:
    page = next(p for p in reader.pages if p.extract_text().lstrip().startswith("Contents"))
    entries = {}
    for line in _lines(page):
        match = re.fullmatch(r"(.*?)[\s.]*?(\d+)", line.strip())
        if match and match.group(1).strip(" ."):
            entries[match.group(1).strip(" .")] = int(match.group(2))
    return entries


def _outline_pages(reader: PdfReader) -> dict[str, int]:
    pages: dict[str, int] = {}

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages[item.title] = reader.get_destination_page_number(item) + 1

    walk(reader.outline)
    return pages


def test_toc_page_numbers_are_the_pages_where_sections_start(
    reader: PdfReader, page_texts: list[str]
) -> None:
    toc = _toc_entries(reader)
    outline = _outline_pages(reader)
    for section in ("History", "Timeline", "Plan of the house", "Tips for your visit",
                    "Practical information", "Room by room"):  # fmt: skip
        assert section in toc, f"{section} not in the table of contents: {sorted(toc)}"
        page = toc[section]
        assert outline[section] == page
        if section != "Room by room":
            assert section in " ".join(page_texts[page - 1].split())


def test_toc_entries_link_to_their_pages(reader: PdfReader) -> None:
    contents_index = next(
        i for i, p in enumerate(reader.pages) if p.extract_text().lstrip().startswith("Contents")
    )
    annotations = reader.pages[contents_index].get("/Annots") or []
    destinations = [a.get_object().get("/Dest") for a in annotations]
    assert len([d for d in destinations if d is not None]) >= 10


def test_outline_mirrors_sections_and_rooms(reader: PdfReader) -> None:
    outline = _outline_pages(reader)
    content = load_content(DEFAULT_CONTENT)
    for title in [
        "Welcome",
        "History",
        "Timeline",
        "Room by room",
        *[plain(r.name) for r in content.rooms],
    ]:
        assert title in outline, f"{title} missing from outline"
    room_pages = [outline[plain(r.name)] for r in content.rooms]
    assert room_pages == sorted(room_pages)
    assert len(set(room_pages)) == len(room_pages)


def test_metadata(reader: PdfReader) -> None:
    info = reader.metadata
    assert info is not None
    assert info.title == "The House on Avenida Viena — Leon Trotsky House Museum"
    assert info.subject == "A visitor’s guide to the Leon Trotsky House Museum"
    assert "Coyoacán" in (info.get("/Keywords") or "")
    assert (info.creator or "").startswith("booklet ")
    assert info.author
    assert reader.trailer["/Root"].get("/Lang") == "en"


def test_only_embedded_truetype_fonts(reader: PdfReader) -> None:
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            seen.add(name.split("+")[-1])
            assert "Helvetica" not in name and "Times" not in name and "Courier" not in name
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object()["/FontDescriptor"]
                if descendants
                else font["/FontDescriptor"]
            ).get_object()
            assert "/FontFile2" in descriptor, f"{name} is not embedded"
            assert "+" in name, f"{name} is not subset"
    assert {"NotoSerif-Regular", "NotoSerif-Italic", "NotoSans-Regular", "NotoSans-Bold"} <= seen


def test_cyrillic_and_accented_text_is_extractable(page_texts: list[str]) -> None:
    text = "\n".join(page_texts)
    assert "Лев Троцкий" in text
    for word in ("León", "Coyoacán", "Recámara", "Río Churubusco"):
        assert word in text, word


def test_same_input_gives_identical_bytes(tmp_path: Path, default_pdf: Path) -> None:
    again = tmp_path / "again.pdf"
    build(DEFAULT_CONTENT, again)
    assert again.read_bytes() == default_pdf.read_bytes()


def test_timeline_dates_are_written_out(page_texts: list[str]) -> None:
    text = "\n".join(page_texts)
    assert "Aug 20, 1940" in text
    assert "Timeline" in text


def test_practical_page_has_a_qr_code_and_the_marked_details(page_texts: list[str]) -> None:
    start = next(i for i, t in enumerate(page_texts) if t.lstrip().startswith("Practical inform"))
    practical = "\n".join(page_texts[start:-1])
    assert "intromuseotrotsky.blogspot.com" in practical  # the English edition's own page
    assert "†" in practical
    assert "Check before your visit" in practical


@pytest.mark.parametrize("paper", ["half-letter", "a5", "letter", "a4"])
def test_the_check_mark_never_wraps_onto_a_line_of_its_own(
    built: Callable[[str], Path], paper: str
) -> None:
    lines = [
        line.strip()
        for page in PdfReader(built(paper)).pages
        for line in page.extract_text().splitlines()
        if "†" in line
    ]
    assert lines
    assert all(line.strip("† ") for line in lines), lines


def test_identical_bytes_across_processes_and_hash_seeds(tmp_path: Path, default_pdf: Path) -> None:
    import os
    import subprocess
    import sys

    out = tmp_path / "seeded.pdf"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-m", "booklet", "build", str(DEFAULT_CONTENT), "-o", str(out), "-q"],
        check=True,
        env=env,
    )
    assert out.read_bytes() == default_pdf.read_bytes()
