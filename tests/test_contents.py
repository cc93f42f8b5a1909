"""The contents page and the plan's legend: one layout pass, then each entry's page number is
drawn in its place (layout/forward.py). Read back from the built PDF: the number a reader sees
(the text of the entry's Link in the structure tree) is the page its link goes to, set flush
right, however far a longer text moves the sections."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from reportlab.platypus import Flowable

import booklet.layout.render as render_module
from booklet.layout.flowables.heading import Anchor, Heading
from booklet.theme.paper import PAPERS
from tests.conftest import ROOT, edit
from tests.conftest import build_file as build
from tests.tagged import mcid_texts

TINY = ROOT / "tests" / "data" / "tiny.yaml"
LONG_CHAPTER = " ".join(["The house was built of adobe and stone around a courtyard."] * 60)


@dataclass(frozen=True)
class Entry:
    """One line of the contents or the legend, as a reader and a renderer get it."""

    page: int  # index of the page the line is on
    title: str
    number: str  # the page number as printed
    number_mcid: int
    target: int  # the page its link goes to (1-based)


def entries(pdf_path: Path) -> list[Entry]:
    """Every contents and legend entry, from the structure tree: a TOCI holding a Link whose
    marked content is the title and then the number, and whose annotation is the link."""
    texts = mcid_texts(pdf_path)
    found: list[Entry] = []
    with pikepdf.open(pdf_path) as pdf:
        pages = {page.objgen: index for index, page in enumerate(pdf.pages)}

        def walk(node: object) -> None:
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid)
            elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") != "/OBJR":
                if node.get("/S") == "/TOCI":
                    link = node.K
                    assert link.S == "/Link"
                    page = pages[link.Pg.objgen]
                    title, number = [int(kid) for kid in link.K if isinstance(kid, int)]
                    [annotation] = [k.Obj for k in link.K if isinstance(k, pikepdf.Dictionary)]
                    found.append(Entry(
                        page, texts[page].get(title, "").strip(), texts[page].get(number, ""),
                        number, pages[annotation.Dest[0].objgen] + 1,
                    ))  # fmt: skip
                else:
                    walk(node.get("/K"))

        walk(pdf.Root.StructTreeRoot.K)
    return found


def right_edges(pdf_path: Path, page: int, mcids: set[int]) -> list[float]:
    """Where the text drawn in each of `mcids` ends on the page: the advance of its last
    character (its "loose" box), not its ink, which a narrow digit like 1 leaves short."""
    document = pdfium.PdfDocument(pdf_path)
    try:
        text_page = document[page].get_textpage()
        ends: dict[int, float] = {}  # by text object: the last character's box wins
        for index in range(text_page.count_chars()):
            obj = pdfium_raw.FPDFText_GetTextObject(text_page.raw, index)
            if obj and pdfium_raw.FPDFPageObj_GetMarkedContentID(obj) in mcids:
                key = ctypes.cast(obj, ctypes.c_void_p).value or 0
                ends[key] = text_page.get_charbox(index, loose=True)[2]
        return list(ends.values())
    finally:
        document.close()


def built(tmp_path: Path, chapters: int) -> tuple[Path, int]:
    """The small booklet with `chapters` long history chapters added; its path and passes."""
    content = tmp_path / "content.yaml"
    content.write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    extra = "".join(
        f', {{title: "Part {n}", text: "{LONG_CHAPTER}"}}' for n in range(1, chapters + 1)
    )
    edit(content, 'es: "Se construyó."}}]', f'es: "Se construyó."}}}}{extra}]')
    [result] = build(content, tmp_path / f"booklet-{chapters}.pdf")
    return result.output, result.rendered.passes


@pytest.mark.parametrize("chapters", [0, 4])
def test_one_pass_and_every_number_is_the_page_its_entry_links_to(
    tmp_path: Path, chapters: int
) -> None:
    pdf, passes = built(tmp_path, chapters)
    assert passes == 1
    found = entries(pdf)
    # The contents (sections and rooms) and the plan's legend (rooms again, numbered).
    assert {"History", "Timeline", "Tips for your visit", "Study", "2 Garden"} <= {
        entry.title for entry in found
    }
    for entry in found:
        assert entry.number == str(entry.target), entry


def test_the_numbers_follow_the_sections_when_a_longer_history_moves_them(
    tmp_path: Path,
) -> None:
    short = {entry.title: int(entry.number) for entry in entries(built(tmp_path, 0)[0])}
    long = {entry.title: int(entry.number) for entry in entries(built(tmp_path, 4)[0])}
    assert short["History"] == long["History"]
    for title in ("Timeline", "Study", "2 Garden", "Practical information"):
        assert long[title] >= short[title] + 2, (title, short[title], long[title])


def test_the_numbers_are_set_flush_right_at_the_margin(tmp_path: Path) -> None:
    pdf, _passes = built(tmp_path, 4)
    paper = PAPERS["half-letter"]
    found = entries(pdf)
    for page in {entry.page for entry in found}:
        mcids = {entry.number_mcid for entry in found if entry.page == page}
        edges = right_edges(pdf, page, mcids)
        assert len(edges) == len(mcids) >= 2
        for edge in edges:
            assert edge == pytest.approx(paper.width - paper.margin_x, abs=0.05)


def test_an_entry_missing_from_the_reservation_costs_a_pass_not_a_wrong_contents_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contents page is reserved from the story's headings before the pass; one that the
    reservation misses would make the page a line short, so the story is laid out again."""
    headings = render_module._headings

    def missing_timeline(story: list[Flowable]) -> Iterator[Heading | Anchor]:
        return (h for h in headings(story) if h.title != "Timeline")

    monkeypatch.setattr(render_module, "_headings", missing_timeline)
    pdf, passes = built(tmp_path, 0)
    assert passes == 2
    found = entries(pdf)
    assert "Timeline" in {entry.title for entry in found}
    for entry in found:
        assert entry.number == str(entry.target), entry
