"""Fonts a museum supplies: validation, coverage, and naming the characters a font lacks."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile
from reportlab.platypus import Paragraph, SimpleDocTemplate

from booklet.theme.font_files import FontProblem, inspect_font, inspect_font_set
from booklet.theme.fonts import BundledFont, bundled_coverage
from booklet.theme.glyphs import describe_missing, missing_characters, script_coverage
from tests.conftest import ROOT

FONTS = ROOT / "tests" / "data" / "fonts"
GREEK_FONT = FONTS / "OpenSans-Regular.ttf"
ARABIC_FONT = FONTS / "NotoSansArabic-Regular.ttf"
GREEK_ROOM = "Η κουζίνα"  # "The kitchen"
ARABIC_ROOM = "المطبخ"  # "The kitchen"


def test_a_greek_font_is_reported_with_what_it_covers() -> None:
    report = inspect_font(GREEK_FONT)
    assert report.name == "OpenSans"
    assert set(report.scripts) == {"Latin", "Greek", "Cyrillic"}
    assert report.summary() == "OpenSans: 884 characters; Latin, Greek, Cyrillic"
    assert missing_characters(GREEK_ROOM, report.covered) == []


def test_an_arabic_font_is_reported_with_what_it_covers() -> None:
    report = inspect_font(ARABIC_FONT)
    assert report.name == "NotoSansArabic-Regular"
    assert list(report.scripts) == ["Arabic"]
    assert report.summary() == "NotoSansArabic-Regular: 1162 characters; Arabic"
    assert missing_characters(ARABIC_ROOM, report.covered) == []


def test_missing_characters_are_named_with_their_code_points() -> None:
    greek, arabic = inspect_font(GREEK_FONT), inspect_font(ARABIC_FONT)
    lacking = missing_characters(ARABIC_ROOM, greek.covered)
    assert lacking == ["ا", "ب", "خ", "ط", "ل", "م"]
    assert describe_missing(lacking) == "'ا' (U+0627), 'ب' (U+0628), 'خ' (U+062E) and 3 more"
    assert describe_missing(missing_characters("Κουζίνα\n", arabic.covered), limit=9) == (
        "'Κ' (U+039A), 'ί' (U+03AF), 'α' (U+03B1), 'ζ' (U+03B6), 'ν' (U+03BD), 'ο' (U+03BF), "
        "'υ' (U+03C5)"
    )
    # French fixed words need the no-break space; Open Sans lacks the narrow one.
    assert missing_characters("«\u00a0a\u202fb\u00a0»", greek.covered) == ["\u202f"]


def test_script_coverage_counts_letters() -> None:
    assert script_coverage(set(range(0x391, 0x3CA))) == {"Greek": 1.0}
    assert script_coverage({0x4E00, 0x4E01}) == {"CJK": 2 / 20992}
    assert inspect_font(GREEK_FONT).summary().endswith("Cyrillic")


def test_greek_set_in_a_supplied_font_reads_back_from_the_pdf(tmp_path: Path) -> None:
    pdfmetrics.registerFont(TTFont("TestGreek", str(GREEK_FONT)))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A6)
    doc.build([Paragraph(GREEK_ROOM, ParagraphStyle("greek", fontName="TestGreek"))])
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    assert GREEK_ROOM in page.extract_text()
    fonts = [f.get_object()["/BaseFont"] for f in page["/Resources"]["/Font"].values()]
    assert any(name.endswith("+OpenSans") for name in fonts)


# -- fonts booklet cannot use ------------------------------------------------------------------


def patched(tmp_path: Path, source: Path, offset: int, data: bytes) -> Path:
    raw = bytearray(source.read_bytes())
    raw[offset : offset + len(data)] = data
    target = tmp_path / source.name
    target.write_bytes(bytes(raw))
    return target


def fs_type_offset(path: Path) -> int:
    data = path.read_bytes()
    (count,) = struct.unpack_from(">H", data, 4)
    for index in range(count):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if tag == b"OS/2":
            return int(offset) + 8
    raise AssertionError("no OS/2 table")


@pytest.mark.parametrize(
    ("fs_type", "problem"),
    [
        (0x0002, "cannot be used: its licence forbids embedding it in a document (OS/2 fsType "
                 "0x0002); choose a font licensed for embedding"),
        (0x0204, "cannot be used: its licence allows embedding bitmaps only (OS/2 fsType bit 9); "
                 "choose a font licensed for embedding"),
        (0x0108, "cannot be used: its licence forbids embedding a subset, which every PDF does "
                 "(OS/2 fsType bit 8); choose a font licensed for embedding"),
    ],
)  # fmt: skip
def test_a_font_whose_licence_forbids_embedding_is_refused(
    tmp_path: Path, fs_type: int, problem: str
) -> None:
    font = patched(tmp_path, ARABIC_FONT, fs_type_offset(ARABIC_FONT), struct.pack(">H", fs_type))
    with pytest.raises(FontProblem) as caught:
        inspect_font(font)
    assert str(caught.value) == problem


@pytest.mark.parametrize("fs_type", [0x0000, 0x0004, 0x0008])
def test_installable_print_and_editable_embedding_are_allowed(tmp_path: Path, fs_type: int) -> None:
    font = patched(tmp_path, GREEK_FONT, fs_type_offset(GREEK_FONT), struct.pack(">H", fs_type))
    assert inspect_font(font).name == "OpenSans"


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        (b"OTTO", "has PostScript (CFF) outlines, which booklet cannot embed; use the TrueType "
                  "(.ttf) version of the font"),
        (b"ttcf", "is a font collection (.ttc); give one TrueType font (.ttf) per style"),
        (b"wOF2", "is a web font (WOFF2); give the TrueType (.ttf) file"),
        (b"%PDF", "is not a TrueType font file (.ttf)"),
    ],
)  # fmt: skip
def test_other_kinds_of_font_file_are_refused(tmp_path: Path, header: bytes, problem: str) -> None:
    with pytest.raises(FontProblem) as caught:
        inspect_font(patched(tmp_path, GREEK_FONT, 0, header))
    assert str(caught.value) == problem


def test_a_truncated_or_missing_font_is_refused(tmp_path: Path) -> None:
    short = tmp_path / "short.ttf"
    short.write_bytes(GREEK_FONT.read_bytes()[:5000])
    with pytest.raises(FontProblem, match=r"^is truncated or damaged \(a table runs past"):
        inspect_font(short)
    stub = tmp_path / "stub.ttf"
    stub.write_bytes(b"\x00\x01\x00\x00\x00")
    with pytest.raises(FontProblem, match=r"^is truncated or damaged \(no complete table"):
        inspect_font(stub)
    with pytest.raises(FontProblem, match=r"^cannot be read \(No such file or directory\)$"):
        inspect_font(tmp_path / "absent.ttf")


# -- a museum's set of faces -------------------------------------------------------------------


def test_a_font_set_reports_what_every_face_can_draw(tmp_path: Path) -> None:
    missing = tmp_path / "Missing-Bold.ttf"
    report, problems = inspect_font_set(
        {"body.regular": GREEK_FONT, "heading.regular": ARABIC_FONT, "body.bold": missing}
    )
    assert sorted(report.faces) == ["body.regular", "heading.regular"]
    assert problems == {"body.bold": "Missing-Bold.ttf cannot be read (No such file or directory)"}
    # Greek works in the body face only, so in no face of the set.
    assert missing_characters(GREEK_ROOM, report.covered) == sorted(set(GREEK_ROOM) - {" "})
    assert report.gaps() == [
        "body.regular lacks Arabic, which heading.regular has",
        "heading.regular lacks Latin, Greek, Cyrillic, which body.regular has",
    ]


def test_a_consistent_font_set_has_no_gaps() -> None:
    report, problems = inspect_font_set({"body.regular": GREEK_FONT, "body.italic": GREEK_FONT})
    assert problems == {}
    assert report.gaps() == []
    assert report.covered == inspect_font(GREEK_FONT).covered


# -- the bundled faces, read on first use ------------------------------------------------------

BUNDLED = sorted((ROOT / "booklet" / "fonts").glob("*.ttf"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.stem)
def test_the_coverage_table_is_what_each_bundled_face_has(path: Path) -> None:
    font = TTFontFile(str(path))
    assert font.name == path.stem.encode()  # the name a face is registered by before reading
    assert frozenset(font.charToGlyph) == bundled_coverage()


def test_a_bundled_font_reads_its_face_on_first_use_as_reportlab_would() -> None:
    path = BUNDLED[0]
    lazy = BundledFont("Lazy-" + path.stem, path)
    assert lazy.face.name == path.stem.encode()
    assert "charWidths" not in vars(lazy.face)  # registering needs no more than the name
    assert lazy.stringWidth("Trotsky", 10) == TTFont("Eager", str(path)).stringWidth("Trotsky", 10)
    eager = TTFont(lazy.fontName, str(path))
    assert vars(lazy).keys() == vars(eager).keys()
    assert lazy.shapable == eager.shapable and lazy._asciiReadable == eager._asciiReadable
    read = {k: v for k, v in vars(lazy.face).items() if k not in ("_path", "_read")}
    assert read.keys() == vars(eager.face).keys()
    # (but for a scaling function made per face, equal only in what it does)
    assert {k: v for k, v in read.items() if not callable(v)} == {
        k: v for k, v in vars(eager.face).items() if not callable(v)
    }
