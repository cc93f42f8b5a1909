"""Every shipped table as an edition of the default content: its /Lang, and dates, times and
quotation marks written the edition's way (the texts themselves fall back to English)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.build import BuildResult
from booklet.content.errors import ContentError
from booklet.content.model import Content, read_content
from booklet.content.source import load_source
from tests.conftest import (
    DEFAULT_CONTENT,
    ENGLISH_CONTENT,
    edit,
    line_of,
    page_texts_of,
    run_cli,
)
from tests.conftest import build_file as build

NB = "\u00a0"
# edition: (a fixed word, a timeline date, opening hours, a quotation in the welcome text)
EDITIONS = {
    "fr": ("Sommaire", "10–17 avr. 1937", "10:00–17:00", f"«{NB}Frank Jacson.{NB}»"),
    "de": ("Zeittafel", "10.–17. Apr. 1937", "10:00–17:00 Uhr", "„Frank Jacson.“"),
    "it": ("Cronologia", "10–17 apr 1937", "10:00–17:00", "«Frank Jacson.»"),
    "pt": ("Cronologia", "10–17 de abr. de 1937", "10:00–17:00", "“Frank Jacson.”"),
    "pt-PT": ("Cronologia", "10–17 de abr. de 1937", "10:00–17:00", "«Frank Jacson.»"),
    "en-GB": ("Timeline", "10–17 Apr 1937", "10:00–17:00", "“Frank Jacson.”"),
    "es-MX": ("Cronología", "10–17 de abr. de 1937", f"10:00{NB}a.m.–5:00{NB}p.m.",
              "“Frank Jacson”"),
}  # fmt: skip


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[BuildResult, str]]:
    folder = tmp_path_factory.mktemp("locales")
    content = folder / "content.yaml"
    content.write_text(DEFAULT_CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "assets").mkdir()
    codes = [code for code in EDITIONS if code != "es-MX"]
    edit(content, "  translations: [es]\n", f"  translations: [es-MX, {', '.join(codes)}]\n")
    results = build(content, folder / "pdfs", languages=list(EDITIONS), allow_fallback=True)
    out = {}
    for result in results:
        text = "\n".join(page_texts_of(result.output))
        out[result.language] = (result, flat(text))
    return out


def flat(text: str) -> str:
    """Every run of white space as one space: the timeline's narrow column wraps long dates,
    and text extraction gives a no-break space back as a plain one."""
    return " ".join(text.split())


@pytest.mark.parametrize("code", sorted(EDITIONS))
def test_an_edition_per_shipped_table(
    editions: dict[str, tuple[BuildResult, str]], code: str
) -> None:
    result, text = editions[code]
    word, date, hours, quoted = EDITIONS[code]
    reader = PdfReader(result.output)
    assert reader.trailer["/Root"]["/Lang"] == code
    assert Path(result.output).name == f"booklet-{code}.pdf"
    assert word in text
    assert flat(date) in text
    assert flat(hours) in text
    assert flat(quoted) in text


def test_the_default_content_prints_a_french_edition_of_its_fixed_words(
    tmp_path: Path, expected_warnings: list[str]
) -> None:
    """French is no edition of the default content, but booklet has its fixed words: with
    --allow-fallback the English texts print with French words, dates and quotes."""
    out = tmp_path / "booklet.pdf"
    code, _, err = run_cli("build", str(DEFAULT_CONTENT), "--lang", "fr", "-o", str(out), "-q")
    assert code == 1
    line = line_of(DEFAULT_CONTENT, "  translations:")
    assert err.splitlines()[0] == (
        f"error: content.yaml:{line}: booklet.translations: the content has no 'fr' edition "
        "(en, es)"
    )
    args = ("build", str(DEFAULT_CONTENT), "--lang", "fr", "--allow-fallback", "-o", str(out))
    code, _, err = run_cli(*args)  # not -q: warnings
    assert code == 0, err
    assert [w for w in err.splitlines() if w.startswith("warning:")] == [
        f"warning: content.yaml:{line}: booklet.translations: the content has no 'fr' edition "
        "(en, es) (printing the en text)"
    ]
    reader = PdfReader(out)  # -o names the file, whatever the edition
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    word, date, hours, quoted = EDITIONS["fr"]
    for expected in (word, date, hours, quoted, "24 mai 1940"):
        assert flat(expected) in text


# -- edition codes in the content model --------------------------------------------------------


def read(text: str, language: str | None, tmp_path: Path) -> Content:
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    return read_content(load_source(text.encode(), path.name), path, language)


def test_a_regional_edition_reads_its_own_text_else_its_languages(tmp_path: Path) -> None:
    text = ENGLISH_CONTENT.read_text(encoding="utf-8")
    text = text.replace("  language: en\n", "  language: en-US\n  translations: [es-MX, es]\n")
    text = text.replace(
        '  closed: "Mondays"\n', "  closed: {en: Mondays, es: lunes, es-MX: los lunes}\n"
    )
    names = "{en: Leon Trotsky House Museum, es: Museo Casa de León Trotsky}"
    text = text.replace("  name: Leon Trotsky House Museum\n", f"  name: {names}\n")
    mexico, spain, us = (read(text, code, tmp_path) for code in ("es-MX", "es", None))
    assert (mexico.language, spain.language, us.language) == ("es-MX", "es", "en-US")
    assert (mexico.museum.closed, spain.museum.closed, us.museum.closed) == (
        "los lunes", "lunes", "Mondays",
    )  # fmt: skip
    assert mexico.museum.name == spain.museum.name == "Museo Casa de León Trotsky"
    assert not any(p.field.startswith("museum.name") for p in mexico.untranslated)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("en_US", "expected a language code like en or en-US, got 'en_US'"),
        ("xx", "'xx' is not a language (and region) the locale data knows"),
        ("en-ZZ", "'en-ZZ' is not a language (and region) the locale data knows"),
    ],
)
def test_an_unknown_edition_code_is_refused(tmp_path: Path, code: str, message: str) -> None:
    text = ENGLISH_CONTENT.read_text(encoding="utf-8")
    text = text.replace("  language: en\n", f"  language: en\n  translations: [{code}]\n")
    with pytest.raises(ContentError) as caught:
        read(text, None, tmp_path)
    [problem] = caught.value.problems
    assert (problem.field, problem.message) == ("booklet.translations[0]", message)


def test_every_edition_keeps_the_layout_rules(editions: dict[str, tuple[BuildResult, str]]) -> None:
    """Longer fixed words (French, German) must not push a note or a box onto a page of its
    own: the welcome and practical sections are fitted where they start."""
    from booklet.layout.report import RUNS_ON, check_story

    for code, (result, _) in editions.items():
        problems = [p for p in check_story(result.rendered.log) if p.rule != RUNS_ON]
        assert problems == [], code
        assert result.pages == 24, code
