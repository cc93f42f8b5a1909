"""Scripts beyond Latin: a museum's own fonts (`theme.fonts`), fallback fonts, shaping and
right-to-left order, and missing glyphs as errors. The fonts are in tests/data/fonts."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle

from booklet.content.errors import ContentError
from booklet.content.model import read_content
from booklet.content.project import load_project, project_inputs
from booklet.content.source import load_source
from booklet.layout.paragraph import Paragraph
from booklet.theme.fonts import register_fonts
from tests.conftest import ENGLISH_CONTENT, build_file, edit, line_of, run_cli

FONTS = Path(__file__).parent / "data" / "fonts"
GREEK_ROOM = "Η κουζίνα"  # "The kitchen"
ARABIC_ROOM = "غرفة الطعام"  # "The dining room": two words, the first one read first
FONTS_YAML = """\
  fonts:
    heading: {regular: fonts/OpenSans-Regular.ttf}
    fallback: [fonts/NotoSansArabic-Regular.ttf]
"""


@pytest.fixture
def museum(tmp_path: Path) -> Path:
    """The English content with its own fonts folder, a Greek room and an Arabic one."""
    content = tmp_path / "content.yaml"
    shutil.copy(ENGLISH_CONTENT, content)
    (tmp_path / "assets").mkdir()
    (tmp_path / "fonts").mkdir()
    for name in ("OpenSans-Regular.ttf", "NotoSansArabic-Regular.ttf"):
        shutil.copy(FONTS / name, tmp_path / "fonts" / name)
    edit(content, '    name: "Kitchen"\n', f'    name: "{GREEK_ROOM}"\n')
    edit(content, '    name: "Dining room"\n', f'    name: "{ARABIC_ROOM}"\n')
    edit(content, "theme:\n  paper: half-letter\n", "theme:\n  paper: half-letter\n" + FONTS_YAML)
    return content


def read(yaml_text: str, folder: Path) -> None:
    read_content(load_source(yaml_text.encode(), "content.yaml"), folder / "content.yaml")


# -- theme.fonts in the model ------------------------------------------------------------------


def test_every_unusable_font_file_is_a_problem_at_its_line(museum: Path) -> None:
    folder = museum.parent
    (folder / "fonts" / "web.woff").write_bytes(b"wOFF" + bytes(100))
    text = museum.read_text(encoding="utf-8").replace(
        FONTS_YAML,
        "  fonts:\n"
        "    body: {regular: fonts/web.woff, bold: fonts/Missing.ttf}\n"
        "    heading: {italic: fonts/OpenSans-Regular.ttf}\n"
        "    fallback: [../NotoSansArabic-Regular.ttf]\n"
        "    sans: {regular: fonts/OpenSans-Regular.ttf}\n",
    )
    museum.write_text(text, encoding="utf-8")
    line = line_of(museum, "    body: {regular")
    with pytest.raises(ContentError) as caught:
        read(text, folder)
    assert [str(p) for p in caught.value.problems] == [
        f"content.yaml:{line}: theme.fonts.body.regular: web.woff is a web font (WOFF); give "
        "the TrueType (.ttf) file",
        f"content.yaml:{line}: theme.fonts.body.bold: file not found: fonts/Missing.ttf",
        f"content.yaml:{line + 1}: theme.fonts.heading.regular: required field is missing",
        f"content.yaml:{line + 2}: theme.fonts.fallback[0]: must not leave the content folder "
        "('..' in '../NotoSansArabic-Regular.ttf')",
        f"content.yaml:{line + 3}: theme.fonts.sans: unknown field; expected one of: body, "
        "heading, fallback",
    ]


def test_check_reports_what_each_font_covers_and_the_faces_it_stands_in_for(
    museum: Path,
) -> None:
    code, _, err = run_cli("check", str(museum))
    assert code == 0, err
    assert err.splitlines()[:3] == [
        "font: theme.fonts.heading.regular: OpenSans: 884 characters; Latin, Greek, Cyrillic",
        "font: theme.fonts.fallback[0]: NotoSansArabic-Regular: 1162 characters; Arabic",
        "warning: theme.fonts.heading has no italic, bold or bold italic face; heading text in "
        "those styles is set in its regular face",
    ]


# -- Greek and Arabic room names, built and read back --------------------------------------------


@pytest.fixture
def museum_pdf(museum: Path, expected_warnings: list[str]) -> Path:
    out = museum.parent / "booklet.pdf"
    build_file(museum, out)
    assert expected_warnings == [
        "warning: theme.fonts.heading has no italic, bold or bold italic face; heading text in "
        "those styles is set in its regular face"
    ]
    return out


def _page_with(pdf: Path, words: str) -> int:
    reader = PdfReader(pdf)
    for index, page in enumerate(reader.pages):
        if words in unicodedata.normalize("NFKC", page.extract_text()):
            return index
    raise AssertionError(f"{words!r} is on no page")


def test_a_greek_room_name_prints_in_the_supplied_heading_font(museum_pdf: Path) -> None:
    reader = PdfReader(museum_pdf)
    page = reader.pages[_page_with(museum_pdf, GREEK_ROOM)]
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]
             for f in page["/Resources"]["/Font"].values()}  # fmt: skip
    assert "OpenSans" in fonts


def test_an_arabic_room_name_prints_joined_and_right_to_left(museum_pdf: Path) -> None:
    index = _page_with(museum_pdf, ARABIC_ROOM)  # the title; also the contents and the plan
    reader = PdfReader(museum_pdf)
    fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1]
             for f in reader.pages[index]["/Resources"]["/Font"].values()}  # fmt: skip
    assert "NotoSansArabic-Regular" in fonts
    # Shaped: the letters are drawn in their joining forms (initial, medial, final), which
    # text extraction gives back as presentation forms (U+FExx) rather than the letters typed.
    raw = reader.pages[index].extract_text()
    assert ARABIC_ROOM not in raw
    assert ARABIC_ROOM in unicodedata.normalize("NFKC", raw)
    # Right to left: the first word (غرفة) is drawn to the right of the second (الطعام).
    page = pypdfium2.PdfDocument(museum_pdf)[index].get_textpage()
    boxes = {page.get_text_range(i, 1): page.get_charbox(i)[0] for i in range(page.count_chars())}
    first, second = "غ", "ط"  # letters only in the first word, only in the second
    assert boxes[first] > boxes[second]


def test_right_to_left_words_keep_their_order_inside_english_text() -> None:
    fonts = register_fonts(fallback=(FONTS / "NotoSansArabic-Regular.ttf",))
    style = ParagraphStyle("t", fontName=fonts.sans, fallbacks=fonts.fallbacks)
    paragraph = Paragraph(f"Room 2 is the {ARABIC_ROOM} of the house", style)
    paragraph.wrap(400, 100)
    [line] = paragraph.blPara.lines
    drawn = [(frag.fontName, unicodedata.normalize("NFKC", str(frag.text)))
             for frag in line.words]  # fmt: skip
    # Drawn left to right: the English; the Arabic in the fallback font, its second word
    # first (HarfBuzz laid each word out right to left: its letters come out reversed); the
    # English again.
    first, second = ARABIC_ROOM.split()
    assert "".join(text for _, text in drawn) == (
        f"Room 2 is the {second[::-1]} {first[::-1]} of the house"
    )
    assert [(font, text.strip()) for font, text in drawn] == [
        (fonts.sans, "Room 2 is the"),
        (fonts.fallbacks[0], f"{second[::-1]} {first[::-1]}"),
        (fonts.sans, "of the house"),
    ]


def test_latin_text_is_not_shaped_and_a_narrow_no_break_space_does_not_break() -> None:
    fonts = register_fonts()
    style = ParagraphStyle("t", fontName=fonts.sans, fallbacks=fonts.fallbacks)
    paragraph = Paragraph("Open 10:00\u202fAM to 5:00\u202fPM, office hours", style)
    assert not paragraph.style.shaping  # ligatures would change the text readers copy
    assert "\u202f" not in paragraph.text
    paragraph.wrap(60, 200)  # narrow: every breakable space breaks
    assert paragraph.blPara.kind == 0  # one frag: lines are (spare width, words)
    lines = [" ".join(words) for _, words in paragraph.blPara.lines]
    assert any("10:00\u00a0AM" in line for line in lines), lines


# -- missing glyphs ------------------------------------------------------------------------------


def test_a_character_no_font_has_fails_the_build_with_its_code_point(museum: Path) -> None:
    edit(museum, '    local_name: "Cocina"\n', '    local_name: "廚房"\n')
    line = line_of(museum, '    local_name: "廚房"')
    out = museum.parent / "booklet.pdf"
    code, _, err = run_cli("build", str(museum), "-o", str(out), "-q")
    assert code == 1
    assert err.splitlines() == [
        f"error: content.yaml:{line}: rooms[0].local_name: characters '廚' (U+5EDA), '房' "
        "(U+623F) are in none of the booklet's fonts and would print as blank boxes; add a font "
        "that has them (theme.fonts), replace them, or build with --allow-missing-glyphs",
        "1 problem found; nothing was written.",
    ]
    assert not out.exists()
    code, _, err = run_cli("build", str(museum), "-o", str(out), "-q", "--allow-missing-glyphs")
    assert code == 0, err
    assert out.exists()


def test_the_fallback_font_counts_and_the_museums_fixed_words_are_checked(
    museum: Path,
) -> None:
    # The Arabic room name is drawable thanks to the fallback font; a museum's French words
    # with a character in no font are reported at their own file and line.
    edit(museum, "  language: en\n", "  language: en\n  translations: [fr]\n")
    labels = museum.parent / "labels"
    labels.mkdir()
    (labels / "fr.yaml").write_text('contents: "Sommaire ☞"\n', encoding="utf-8")
    code, _, err = run_cli("check", str(museum), "-q")
    assert code == 1  # also for the untranslated French texts
    assert (
        "  labels/fr.yaml:1: contents: character '☞' (U+261E) is in none of the booklet's "
        "fonts and would print as a blank box; add a font that has it (theme.fonts), replace "
        "it, or build with --allow-missing-glyphs"
    ) in err.splitlines()
    assert "rooms[1].name: character" not in err


def test_an_edited_museum_table_is_read_again(museum: Path) -> None:
    """Watch mode loads the project again in the same process after each change."""
    labels = museum.parent / "labels"
    labels.mkdir()
    table = labels / "fr.yaml"
    table.write_text("contents: Table des matières\n", encoding="utf-8")
    assert load_project(museum).edition("fr").labels["contents"] == "Table des matières"
    table.write_text("contents: Au sommaire\n", encoding="utf-8")
    assert load_project(museum).edition("fr").labels["contents"] == "Au sommaire"


def test_watch_mode_watches_the_museums_font_files(museum: Path) -> None:
    inputs = project_inputs(load_project(museum))
    fonts = museum.parent / "fonts"
    assert {fonts / "OpenSans-Regular.ttf", fonts / "NotoSansArabic-Regular.ttf"} <= {
        path.resolve() for path in inputs
    }
