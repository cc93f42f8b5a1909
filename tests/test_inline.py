"""Inline markup: `*em*`, `**strong**` and safe links work; everything else prints literally.

Content must never reach ReportLab's own paragraph markup (which can open files and, in old
releases, evaluate expressions). The unit tests parse `to_markup` output with ReportLab itself,
so "escaped" means what the PDF would show, not just what the string looks like.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
from pypdf import PageObject, PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from booklet.content.inline import plain, to_markup
from tests.conftest import ENGLISH_CONTENT, edit, run_cli

LINK = "#b0271f"
STYLE = ParagraphStyle("test", fontName="Helvetica", fontSize=10)
STRAIGHT = str.maketrans("“”‘’", "\"\"''")  # typographic quotes back to typewriter ones


def frags(markup: str) -> list:
    """ReportLab's parse of the markup: the runs of text it would set."""
    return Paragraph(markup, STYLE).frags


def shown(markup: str) -> str:
    """The text ReportLab would print for the markup, with quotes made straight."""
    return "".join(frag.text for frag in frags(markup)).translate(STRAIGHT)


def element(markup: str) -> ET.Element:
    return ET.fromstring(f"<para>{markup}</para>")


# -- escaping --------------------------------------------------------------------------------


def test_angle_brackets_and_ampersands_are_escaped() -> None:
    assert to_markup("a < b > c & d", LINK) == "a &lt; b &gt; c &amp; d"
    assert shown(to_markup("a < b > c & d", LINK)) == "a < b > c & d"


def test_entities_typed_by_the_writer_print_as_typed() -> None:
    for text in ("&amp;", "&lt;b&gt;", "&#60;img&#62;", "&nbsp;"):
        assert shown(to_markup(text, LINK)) == text


def test_quotes_print_as_quotes_and_do_not_open_markup() -> None:
    text = "She said \"stay\" & he said 'go' <b>"
    markup = to_markup(text, LINK)
    assert "<" not in markup
    assert shown(markup) == text


def test_quotes_in_a_link_url_cannot_leave_the_attribute() -> None:
    url = 'https://example.org/"onmouseover="alert'
    [link] = element(to_markup(f"[label]({url})", LINK))
    assert link.tag == "a"
    assert link.attrib == {"href": url, "color": LINK}


# -- the markup writers may use ---------------------------------------------------------------


def test_emphasis_strong_and_links() -> None:
    assert to_markup("*em*", LINK) == "<i>em</i>"
    assert to_markup("**strong**", LINK) == "<b>strong</b>"
    assert to_markup("a *b* and **c** d", LINK) == "a <i>b</i> and <b>c</b> d"
    assert to_markup("**a *b* c**", LINK) == "<b>a <i>b</i> c</b>"
    assert to_markup("[text](https://example.org/path)", LINK) == (
        '<a href="https://example.org/path" color="#b0271f">text</a>'
    )


def test_link_with_an_ampersand_in_the_url() -> None:
    url = "https://example.org/a?b=1&c=2"
    markup = to_markup(f"see [the site]({url}).", LINK)
    assert markup == 'see <a href="https://example.org/a?b=1&amp;c=2" color="#b0271f">the site</a>.'
    assert element(markup).find("a").attrib["href"] == url  # type: ignore[union-attr]
    assert shown(markup) == "see the site."


@pytest.mark.parametrize(
    "url", ["http://example.org", "HTTPS://EXAMPLE.ORG/X", "mailto:desk@example.org"]
)
def test_allowed_link_schemes(url: str) -> None:
    [link] = element(to_markup(f"[x]({url})", LINK))
    assert (link.tag, link.attrib["href"], link.text) == ("a", url, "x")


def test_link_labels_may_be_emphasised_but_not_marked_up() -> None:
    markup = to_markup("[*em link*](https://x.org) [<b>](https://x.org)", LINK)
    assert markup == (
        '<a href="https://x.org" color="#b0271f"><i>em link</i></a> '
        '<a href="https://x.org" color="#b0271f">&lt;b&gt;</a>'
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert",
        "JaVaScRiPt:alert",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "ftp://example.org/x",
        "http:///no-host",
        "//example.org/no-scheme",
    ],
)
def test_other_links_print_literally(url: str) -> None:
    text = f"see [this]({url}) now"
    markup = to_markup(text, LINK)
    assert "<a" not in markup
    assert markup == text
    assert shown(markup) == text


@pytest.mark.parametrize(
    "text",
    [
        "*unbalanced",
        "unbalanced*",
        "**unbalanced",
        "unbalanced**",
        "**bold*",
        "*em**",
        "a ** b",
        "a * b * c",
        "2*3*4",
        "2 * 3 * 4",
        "snake*case*name",
        "x*y* z",
        "*x*y",
        "* not a list",
        "**",
    ],
)
def test_unmatched_or_spaced_markers_print_literally(text: str) -> None:
    assert to_markup(text, LINK) == text


def test_plain_drops_the_markers() -> None:
    assert plain("**a** *b* [c](https://x.org) 2*3*4") == "a b c 2*3*4"


# -- ReportLab's own markup never gets through ------------------------------------------------

HOSTILE = [
    '<img src="/etc/passwd"/>',
    "<img src='file:///etc/passwd' width='10' height='10'/>",
    "<font color=\"[[getattr(pow, Word('__globals__'))['os'].system('touch /tmp/x')]]\">x</font>",
    '<a href="file:///etc/passwd">x</a>',
    '<link href="javascript:alert(1)">x</link>',
    '<onDraw name="x" label="y"/>',
    "<para><br/></para>",
    '<span style="x">y</span>',
    "]]><![CDATA[<b>x</b>]]>",
    "<!-- comment --> <?xml version='1.0'?>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_reportlab_tags_come_out_escaped(text: str) -> None:
    markup = to_markup(text, LINK)
    assert "<" not in markup  # no tag at all reaches ReportLab
    parsed = frags(markup)
    assert "".join(frag.text for frag in parsed).translate(STRAIGHT) == text
    assert {(frag.fontName, str(frag.textColor)) for frag in parsed} == {
        (STYLE.fontName, str(STYLE.textColor))
    }
    assert not any(getattr(frag, "link", None) or getattr(frag, "cbDefn", None) for frag in parsed)


@pytest.mark.parametrize("text", HOSTILE)
def test_reportlab_tags_inside_emphasis_and_link_labels_come_out_escaped(text: str) -> None:
    markup = to_markup(
        f"**{text}** [{text.replace('[', '(').replace(']', ')')}](https://x.org)", LINK
    )
    tags = {child.tag for child in element(markup).iter()}
    assert tags <= {"para", "b", "i", "a"}, tags


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("***both***", [("both", "Helvetica-BoldOblique")]),
        # Overlapping markers: the first pair that closes wins, the others print as typed.
        ("**a *b** c*", [("**a ", "Helvetica"), ("b** c", "Helvetica-Oblique")]),
        ("*a **b* c**", [("*a ", "Helvetica"), ("b* c", "Helvetica-Bold")]),
    ],
)
def test_overlapping_markers_give_well_formed_markup(
    text: str, runs: list[tuple[str, str]]
) -> None:
    markup = to_markup(text, LINK)
    assert {child.tag for child in element(markup).iter()} <= {"para", "b", "i"}
    assert [(frag.text, frag.fontName) for frag in frags(markup)] == runs


# -- end to end ------------------------------------------------------------------------------

LITERAL = '<b>not bold</b> & <img src="x"/>'
HIGHLIGHT = "Desk & <i>papers</i> <font color='red'>kept</font>"


@dataclass
class Built:
    reader: PdfReader


@pytest.fixture(scope="module")
def built_with_markup(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = tmp_path_factory.mktemp("inline")
    content = project / "content.yaml"
    shutil.copy(ENGLISH_CONTENT, content)
    edit(
        content,
        "This is the heart of the house, and the place where its story ended.",
        f"This is the heart of the house. {LITERAL} and **really strong** and\n"
        "      [a link](https://example.org/a?b=1&c=2).",
    )
    edit(content, '- "Desk with books and papers, kept as in August 1940"', f'- "{HIGHLIGHT}"')
    pdf = project / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(pdf), "-q")
    assert code == 0, err
    return Built(PdfReader(pdf))


def page_text(page: PageObject) -> str:
    return " ".join(page.extract_text().split()).translate(STRAIGHT)


def test_markup_in_room_text_prints_literally(built_with_markup: Built) -> None:
    pages = [page for page in built_with_markup.reader.pages if LITERAL in page_text(page)]
    assert len(pages) == 1
    text = page_text(pages[0])
    assert "This is the heart of the house." in text
    assert "really strong" in text and "**" not in text
    assert HIGHLIGHT in text
    assert "[a link]" not in text and "a link" in text
    uris = [
        annotation.get_object().get("/A", {}).get("/URI")
        for annotation in pages[0].get("/Annots", [])
    ]
    assert "https://example.org/a?b=1&c=2" in uris
    assert "/XObject" not in pages[0]["/Resources"] or not pages[0].images
