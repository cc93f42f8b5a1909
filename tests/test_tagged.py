"""Tagged PDF (PDF/UA-1): the structure tree, marked content, artifacts, links, alt text,
languages and reading order of the built booklet, read back as a screen reader would."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate
from pikepdf.models.metadata import decode_pdf_date
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from booklet.build import BuildResult
from booklet.content.inline import paragraphs, plain
from booklet.content.model import Content
from booklet.layout.tagged_pdf import finish
from booklet.layout.tagging import Structure
from tests.conftest import DEFAULT_CONTENT, ENGLISH_CONTENT, ROOT, edit
from tests.conftest import build_file as build
from tests.conftest import load_edition as load_content
from tests.tagged import (
    Element,
    letters,
    page_mcids,
    parent_tree,
    read_tree,
    reading_order,
    struct_text,
    unmarked_problems,
)


@pytest.fixture(scope="module")
def built_edition(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., BuildResult]:
    """Build (once per module) the default booklet in a language and profile."""
    cache: dict[tuple[str, str, str], BuildResult] = {}

    def get(language: str = "en", profile: str = "screen", content: str = "default") -> BuildResult:
        key = (language, profile, content)
        if key not in cache:
            source = DEFAULT_CONTENT if content == "default" else ENGLISH_CONTENT
            out = tmp_path_factory.mktemp(f"tagged-{language}-{profile}") / "booklet.pdf"
            [cache[key]] = build(source, out, languages=[language], profile=profile)
        return cache[key]

    return get


@pytest.fixture(scope="module")
def edition(built_edition: Callable[..., BuildResult]) -> Callable[..., Path]:
    """The path of the default booklet built in a language and profile."""
    return lambda *args, **options: built_edition(*args, **options).output


def assert_tagged(path: Path) -> None:
    """Everything PDF/UA-1 asks of the file that a machine can check, and what pdfua checks."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) in ("en", "es", "en-GB")
        assert root.ViewerPreferences.DisplayDocTitle is True
        xmp = root.Metadata.read_bytes().decode()
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        assert f'<rdf:li xml:lang="x-default">{pdf.docinfo.Title}</rdf:li>' in xmp
        # The XMP's dates are the Info dictionary's (validators compare them).
        for info_key, xmp_key in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
            date = decode_pdf_date(str(pdf.docinfo[info_key])).isoformat()
            assert f"<xmp:{xmp_key}>{date}</xmp:{xmp_key}>" in xmp
        tree = read_tree(pdf)
        assert tree.role == "Document"
        parents = parent_tree(pdf)
        in_tree = list(tree.marked())
        assert len(in_tree) == len(set(in_tree)), "an MCID belongs to two elements"
        annotations = 0
        for index, page in enumerate(pdf.pages):
            assert page.obj.Tabs == pikepdf.Name.S
            assert unmarked_problems(page) == [], f"page {index + 1}"
            mcids = page_mcids(page)
            assert len(mcids) == len(set(mcids)), f"page {index + 1}: an MCID is used twice"
            # Every MCID in the stream is reachable: from the tree and from the parent tree.
            assert sorted(mcids) == sorted(m for p, m in in_tree if p == index)
            if mcids:
                by_mcid = parents[int(page.obj.StructParents)]
                for mcid in mcids:
                    assert by_mcid[mcid].get("/Type") == pikepdf.Name.StructElem
            for annotation in page.obj.get("/Annots", []):
                annotations += 1
                owner = parents[int(annotation.StructParent)]
                assert pikepdf.Name.Link == owner.S
                assert any(
                    kid.get("/Obj") is not None and kid.Obj.objgen == annotation.objgen
                    for kid in (owner.K if isinstance(owner.K, pikepdf.Array) else [owner.K])
                    if isinstance(kid, pikepdf.Dictionary)
                ), "the Link does not point back to its annotation"
                assert str(annotation.Contents).strip(), "a link without a description"
            for name, font in page.obj.Resources.get("/Font", {}).items():
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                assert "/FontFile2" in descendant.FontDescriptor, f"{name} is not embedded"
                assert "/ToUnicode" in font, f"{name} has no ToUnicode map"
        assert annotations == sum(kid == "annot" for e in tree.walk() for kid in e.kids)
        for element in tree.walk():
            if element.role == "Figure":
                assert element.alt.strip(), "a figure without alt text"
            assert element.role != "LI" or all(
                isinstance(k, Element) and k.role in ("Lbl", "LBody") for k in element.kids
            )
    report = validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []


@pytest.mark.parametrize(
    ("language", "profile"),
    [("en", "screen"), ("es", "screen"), ("en", "print"), ("es", "email")],
)
def test_the_booklet_is_tagged_in_every_edition_and_profile(
    edition: Callable[..., Path], language: str, profile: str
) -> None:
    assert_tagged(edition(language, profile))


def test_the_english_example_is_tagged(edition: Callable[..., Path]) -> None:
    assert_tagged(edition(content="english"))


@pytest.mark.parametrize("example", ["harrow-creek", "lantern-works"])
def test_the_example_museums_are_tagged(tmp_path: Path, example: str) -> None:
    """Other museums' booklets (a photo cover, no plan; a plan, photos and new pictograms)
    pass the same checks as the default one."""
    content = ROOT / "examples" / example / "content.yaml"
    [result] = build(content, tmp_path / "booklet.pdf")
    assert_tagged(result.output)


def expected_headings(content: Content, labels: dict[str, str]) -> list[tuple[str, str]]:
    """The headings a reader navigates by, from the content, in story order."""
    rows = [("H1", plain(content.booklet.title)), ("H1", plain(content.welcome.title))]
    rows += [("H2", labels["at_a_glance"].upper()), ("H1", labels["contents"])]
    rows.append(("H1", labels["history"]))
    rows += [("H2", plain(chapter.title)) for chapter in content.history.chapters]
    rows += [("H1", labels["timeline"]), ("H1", plain(content.plan.title))]
    for room in content.rooms:
        rows.append(("H2", plain(room.name)))
        if room.highlights:
            rows.append(("H3", labels["look_for"].upper()))
    rows.append(("H1", labels["tips"]))
    rows.append(("H1", plain(content.booklet.nearby_title) or labels["nearby"]))
    rows += [("H2", plain(place.name)) for place in content.nearby]
    rows.append(("H1", labels["practical"]))
    return rows


@pytest.mark.parametrize("language", ["en", "es"])
def test_pdfinfo_shows_the_outline_of_the_story(
    edition: Callable[..., Path], language: str
) -> None:

    path = edition(language)
    content = load_content(DEFAULT_CONTENT, language)
    labels = content.labels
    rows = struct_text(path)
    headings = [(role, text.strip()) for _, role, text in rows if role in ("H1", "H2", "H3")]
    assert headings == expected_headings(content, labels)
    # Each room's words come under its heading: summary first, then its text, then its list.
    for room in content.rooms:
        start = next(i for i, row in enumerate(rows) if row[1:] == ("H2", plain(room.name) + " "))
        end = next(i for i in range(start + 1, len(rows)) if rows[i][1] in ("H1", "H2"))
        under = letters("".join(text for _, _, text in rows[start + 1 : end]))
        for block in [room.summary, *paragraphs(room.text), *room.highlights]:
            assert letters(plain(block)) in under, (room.name, block[:40])
    # A room without a photo shows its pictogram, described by the room's name.
    figures = [e for e in read_tree(pikepdf.open(path)).walk() if e.role == "Figure"]
    for room in content.rooms:
        assert any(plain(room.name) in figure.alt for figure in figures), room.name


def test_local_and_native_names_are_marked_with_their_language(
    edition: Callable[..., Path],
) -> None:
    with pikepdf.open(edition("en")) as pdf:
        tree = read_tree(pdf)
    texts = dict(reading_order_by_element(edition("en"), tree))
    languages = {(e.role, e.lang, texts.get(id(e), "").strip()) for e in tree.walk() if e.lang}
    content = load_content(DEFAULT_CONTENT, "en")
    assert ("P", "ru", content.booklet.native_title) in languages
    for room in content.rooms:
        if room.local_name and room.local_name.casefold() != plain(room.name).casefold():
            assert ("P", "es", room.local_name) in languages, room.local_name


def reading_order_by_element(path: Path, tree: Element) -> list[tuple[int, str]]:
    from tests.tagged import mcid_texts

    texts = mcid_texts(path)
    return [
        (id(e), "".join(texts[k[0]].get(k[1], "") for k in e.kids if isinstance(k, tuple)))
        for e in tree.walk()
        if any(isinstance(k, tuple) for k in e.kids)
    ]


def story_blocks(content: Content) -> list[str]:
    """The story's texts in the order a reader should meet them."""
    blocks = [content.booklet.title, content.welcome.title, *paragraphs(content.welcome.text)]
    blocks += [content.history.intro]
    for chapter in content.history.chapters:
        blocks += [chapter.title, *paragraphs(chapter.text)]
    blocks += [event.event for event in content.history.timeline]
    for room in content.rooms:
        blocks += [room.name, room.summary, *paragraphs(room.text), *room.highlights]
    for tip in content.tips:
        blocks += [tip.title, *paragraphs(tip.text)]
    for place in content.nearby:
        blocks += [place.name, *paragraphs(place.text)]
    return [letters(plain(block)) for block in blocks if block]


def test_reading_order_follows_the_story_on_every_page(edition: Callable[..., Path]) -> None:
    order = reading_order(edition("en"))
    pages = [page for page, _ in order]
    assert pages == sorted(pages), "the reading order goes back a page"
    story = story_blocks(load_content(DEFAULT_CONTENT, "en"))
    paragraphs_only = [block for block in story if len(block) >= 40]  # unique, unlike titles
    for page in sorted(set(pages)):
        text = letters("".join(t for p, t in order if p == page))
        found = [(text.find(block), block[:30]) for block in paragraphs_only if block in text]
        positions = [position for position, _ in found]
        assert positions == sorted(positions), f"page {page + 1}: {found}"
    whole = letters("".join(t for _, t in order))
    position = 0
    for block in story:
        found = whole.find(block, position)
        assert found >= 0, f"{block[:40]} is missing or out of order"
        position = found + len(block)


def test_tips_in_two_columns_read_card_by_card(edition: Callable[..., Path]) -> None:
    with pikepdf.open(edition("en")) as pdf:
        tree = read_tree(pdf)
    texts = dict(reading_order_by_element(edition("en"), tree))
    content = load_content(DEFAULT_CONTENT, "en")
    lists = [e for e in tree.walk() if e.role == "L"]
    tips = next(e for e in lists if any(plain(content.tips[0].title) in texts.get(id(p), "")
                                        for p in e.walk()))  # fmt: skip
    items = [k for k in tips.kids if isinstance(k, Element)]
    assert len(items) == len(content.tips)
    for item, tip in zip(items, content.tips, strict=True):
        words = letters("".join(texts.get(id(e), "") for e in item.walk()))
        assert words.startswith(letters(plain(tip.title)) + letters(paragraphs(tip.text)[0])[:30])


def test_quotes_and_accents_extract_as_written(edition: Callable[..., Path]) -> None:
    text = "".join(t for _, t in reading_order(edition("en")))
    assert "Trotsky’s study" in text and "Coyoacán" in text and "Лев Троцкий" in text


def test_the_same_content_gives_the_same_tagged_bytes(tmp_path: Path) -> None:
    first = build(DEFAULT_CONTENT, tmp_path / "a.pdf")[0].output.read_bytes()
    second = build(DEFAULT_CONTENT, tmp_path / "b.pdf")[0].output.read_bytes()
    assert first == second


@pytest.mark.parametrize(
    ("created", "words"),
    [("2026-03-01T00:00:00+00:00", ('Fish & Chips <"Café"> — ‘1940’ ', "Ana, Bea & Co, ",
                                    "x < y > z", "Coyoacán, 'asylum'")),
     ("", ("", "", "", ""))],
)  # fmt: skip
def test_the_xmp_is_written_as_pikepdf_would_rewrite_it(
    created: str, words: tuple[str, str, str, str]
) -> None:
    """The file is saved without pikepdf's metadata fixing, which would rewrite the XMP."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setTitle(words[0])
    canvas.setAuthor(words[1])
    canvas.setSubject(words[2])
    canvas.setKeywords(words[3])
    canvas.showPage()
    canvas.save()
    pdf = finish(buffer.getvalue(), Structure(), {"lang": "es-MX", "created": created})
    with pikepdf.open(io.BytesIO(pdf)) as document:
        ours = document.Root.Metadata.read_bytes()
        with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False):
            pass  # leaving rewrites the XMP as pikepdf writes it
        assert document.Root.Metadata.read_bytes() == ours


def test_a_photo_is_a_figure_with_its_alt_text_and_caption_beside(
    english_project: Path,
) -> None:
    content = english_project / "content.yaml"
    (english_project / "assets" / "images").mkdir()
    Image.new("RGB", (600, 900), (120, 90, 60)).save(english_project / "assets/images/desk.jpg")
    study = "  - id: study\n"
    edit(content, study, study + '    image: {file: assets/images/desk.jpg, caption: "The desk", '
                                 'alt: "A wooden desk under a window"}\n')  # fmt: skip
    [result] = build(content, english_project / "booklet.pdf")
    assert_tagged(result.output)
    rows = struct_text(result.output)
    heading = next(i for i, row in enumerate(rows) if row[1] == "H2" and "study" in row[2])
    figure = next(i for i in range(heading, len(rows)) if rows[i][1] == "Figure")
    with pikepdf.open(result.output) as pdf:
        alts = [e.alt for e in read_tree(pdf).walk() if e.role == "Figure"]
    assert "A wooden desk under a window" in alts
    # The caption set beside the photo is read right after it.
    assert rows[figure + 1][1] == "P" and rows[figure + 1][2].startswith("The desk")


def test_a_personalised_cover_stays_tagged(
    built_edition: Callable[..., BuildResult], tmp_path: Path
) -> None:
    from booklet.mail.stamp import CoverStamp
    from booklet.theme.palette import make_palette

    result = built_edition("en")
    band = result.rendered.positions["cover.band"]
    stamped = CoverStamp(result.output.read_bytes(), make_palette({}).paper, band).apply(
        "Prepared for Ana"
    )
    path = tmp_path / "stamped.pdf"
    path.write_bytes(stamped)
    assert_tagged(path)
