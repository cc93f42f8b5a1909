"""The same booklet in English and Spanish from one content file: `build --lang`, the Spanish
PDF's words, dates, language tag and hyphenation, untranslated texts, and the label tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2
import pyphen
import pytest
import yaml
from babel import Locale
from PIL import Image
from pypdf import PdfReader

from booklet.content.dates import PartialDate
from booklet.labels import load_labels
from booklet.theme.theme import make_theme
from tests.conftest import DEFAULT_CONTENT, ROOT, edit, line_of, run_cli
from tests.conftest import build_file as build

LABELS = ROOT / "booklet" / "labels"
EN_LABELS: dict[str, Any] = yaml.safe_load((LABELS / "en.yaml").read_text(encoding="utf-8"))
ES_LABELS: dict[str, Any] = yaml.safe_load((LABELS / "es.yaml").read_text(encoding="utf-8"))
CONTENT: dict[str, Any] = yaml.safe_load(DEFAULT_CONTENT.read_text(encoding="utf-8"))

PAPER_POINTS = {
    "half-letter": (396.0, 612.0),
    "a5": (419.53, 595.28),
    "letter": (612.0, 792.0),
    "a4": (595.28, 841.89),
}
# Label keys the layout prints in the default booklet (plain, upper-cased, or both); "nearby"
# is not among them: the default content gives its own title (booklet.nearby_title).
PRINTED_LABELS = (
    "contents", "history", "timeline", "rooms", "room", "area", "look_for", "tips",
    "practical", "at_a_glance", "address", "hours", "closed", "admission", "visit_length",
    "phone", "getting_there", "accessibility", "photography", "bags", "sources",
    "scan_for_website", "verify_mark",
)  # fmt: skip
# Keys whose text is legitimately the same in both tables.
SAME_IN_BOTH = {"page_short", "quotes", "colon"}
ENGLISH_MONTHS = [
    str(name)
    for width in ("wide", "abbreviated")
    for name in Locale("en").months["format"][width].values()
]
ENGLISH_KEYS = [
    f"{key}.{sub}" if sub else key
    for key, value in EN_LABELS.items()
    for sub in (value if isinstance(value, dict) else [""])
]
WROTE = re.compile(r"^wrote (\S+) \((\d+) pages\b")


def flat(text: str) -> str:
    """Text with every run of white space (line breaks included) made one space."""
    return " ".join(text.split())


def pdf_text(reader: PdfReader) -> str:
    """The booklet's text, read with pdfium (twenty times faster than pypdf's extraction); a
    word hyphenated at a line end reads "clos-" + newline + "er", as pypdf gives it."""
    reader.stream.seek(0)
    document = pypdfium2.PdfDocument(reader.stream.read())
    try:
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    return "\n".join(texts).replace("\ufffe", "-\n").replace("\r\n", "\n")


def prints(text: str, words: str) -> bool:
    """Whether `words` appear in `text` as whole words, as written or in capitals."""
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in (words, words.upper()))


def variants(value: str) -> list[str]:
    """A content string as it may print: straight or typographic apostrophe."""
    return [value, value.replace("'", "’")]


def texts(items: list[dict[str, Any]], key: str, language: str) -> list[str]:
    return [item[key][language] for item in items]


# -- build --lang all --------------------------------------------------------------------------


@dataclass
class Editions:
    out: Path
    code: int
    stdout: str
    stderr: str
    english: PdfReader
    spanish: PdfReader
    english_text: str
    spanish_text: str


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> Editions:
    folder = tmp_path_factory.mktemp("editions") / "pdfs"
    code, stdout, stderr = run_cli(
        "build", str(DEFAULT_CONTENT), "--lang", "all", "-o", str(folder)
    )
    assert code == 0, stderr
    out = folder / "booklet.pdf"  # with --lang all, -o is a folder of the default names
    english = PdfReader(out)
    spanish = PdfReader(out.with_name("booklet-es.pdf"))
    return Editions(out, code, stdout, stderr, english, spanish,
                    flat(pdf_text(english)), flat(pdf_text(spanish)))  # fmt: skip


def test_lang_all_writes_one_pdf_per_edition(editions: Editions) -> None:
    assert (editions.code, editions.stdout) == (0, "")
    assert sorted(p.name for p in editions.out.parent.iterdir()) == [
        "booklet-es.pdf",
        "booklet.pdf",
    ]


def test_progress_reports_each_edition_and_its_page_count(editions: Editions) -> None:
    lines = editions.stderr.splitlines()
    laying_out = [line for line in lines if line.startswith("laying out")]
    assert laying_out == [
        "laying out the 'en' edition: 10 rooms on half-letter paper (screen)",
        "laying out the 'es' edition: 10 rooms on half-letter paper (screen)",
    ]
    wrote = [m.groups() for m in map(WROTE.match, lines) if m]
    assert wrote == [
        (str(editions.out), str(len(editions.english.pages))),
        (str(editions.out.with_name("booklet-es.pdf")), str(len(editions.spanish.pages))),
    ]


def test_spanish_edition_prints_the_spanish_labels(editions: Editions) -> None:
    text = editions.spanish_text
    for key in PRINTED_LABELS:
        assert prints(text, flat(ES_LABELS[key])), f"{key}: {ES_LABELS[key]!r} not printed"
    assert "Edición 2026" in text
    assert "10 min a pie" in text


def test_spanish_edition_prints_no_english_label(editions: Editions) -> None:
    text = editions.spanish_text
    for key in PRINTED_LABELS:
        assert not prints(text, flat(EN_LABELS[key])), f"{key}: {EN_LABELS[key]!r} printed"
    for phrase in ("Edition 2026", "min walk", "Look for", "Room by room", "Tips for your visit"):
        assert phrase.lower() not in text.lower(), phrase


def test_english_edition_prints_no_spanish_heading(editions: Editions) -> None:
    text = editions.english_text
    for key in ("contents", "rooms", "look_for", "tips", "practical", "at_a_glance"):
        assert prints(text, EN_LABELS[key]), key
        assert not prints(text, ES_LABELS[key]), key


@pytest.mark.parametrize(
    ("section", "key"),
    [("rooms", "name"), ("tips", "title"), ("nearby", "name"), ("history.chapters", "title")],
)
def test_spanish_edition_prints_the_spanish_content(
    editions: Editions, section: str, key: str
) -> None:
    items = CONTENT["history"]["chapters"] if section == "history.chapters" else CONTENT[section]
    spanish, english = texts(items, key, "es"), texts(items, key, "en")
    assert len(spanish) >= 6
    for name in spanish:
        assert any(v in editions.spanish_text for v in variants(flat(name))), name
    for name in english:
        assert any(v in editions.english_text for v in variants(flat(name))), name
        if name in spanish:  # a proper name spelled alike in both (La Casa Azul)
            continue
        assert not any(v in editions.spanish_text for v in variants(flat(name))), name


def test_room_names_are_the_translated_ones(editions: Editions) -> None:
    names = texts(CONTENT["rooms"], "name", "es")
    assert names[:3] == ["Exposiciones", "Cocina", "Comedor"]
    for english in ("Exhibitions", "Kitchen", "Dining room", "Trotsky's study", "Trotsky’s study"):
        assert english not in editions.spanish_text


def test_spanish_dates(editions: Editions) -> None:
    text = editions.spanish_text
    assert "20 de agosto de 1940" in text  # a chapter title
    dates = ("20 ago. 1940", "21 ago. 1940", "24 may. 1940", "jun.–oct. 1940", "10–17 abr. 1937")
    for date in dates:
        assert date in text, date
    found = [m for m in ENGLISH_MONTHS if re.search(rf"(?<!\w){m}(?!\w)", text)]
    assert found == []
    assert "Aug 20, 1940" in editions.english_text  # American English: CLDR's "en"


def test_long_dates_are_written_the_spanish_way() -> None:
    spanish, english = load_labels("es"), load_labels("en")
    assert spanish.date(PartialDate(1940, 8, 20)) == "20 de agosto de 1940"
    assert spanish.date(PartialDate(1940, 8)) == "agosto de 1940"
    assert spanish.date(PartialDate(1940, 8, 20), short=True) == "20 ago. 1940"
    assert english.date(PartialDate(1940, 8, 20)) == "August 20, 1940"
    assert load_labels("en-GB").date(PartialDate(1940, 8, 20)) == "20 August 1940"


def test_language_tag_and_metadata(editions: Editions) -> None:
    assert editions.english.trailer["/Root"]["/Lang"] == "en"
    assert editions.spanish.trailer["/Root"]["/Lang"] == "es"
    info = editions.spanish.metadata
    assert info is not None
    title = CONTENT["booklet"]["title"]["es"]
    museum = CONTENT["museum"]["name"]["es"]
    assert info.title == f"{title} — {museum}"
    assert info.subject == CONTENT["booklet"]["subtitle"]["es"]
    assert editions.english.metadata.title == (
        f"{CONTENT['booklet']['title']['en']} — {CONTENT['museum']['name']['en']}"
    )


# -- hyphenation -------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "dictionary"), [("es", "es"), ("en", "en_US")])
def test_body_text_is_hyphenated_in_the_editions_language(language: str, dictionary: str) -> None:
    styles = make_theme("half-letter", {}, language).styles
    assert styles["body"].hyphenationLang == dictionary


def _breaks(text: str) -> list[tuple[str, str]]:
    """Words broken across lines with a hyphen, excluding words written with a hyphen."""
    source = DEFAULT_CONTENT.read_text(encoding="utf-8")
    pairs = re.findall(r"(\w+)-\n(\w+)", text)
    return [(a, b) for a, b in pairs if f"{a}-{b}" not in source]


def test_spanish_words_break_at_spanish_syllables(editions: Editions) -> None:
    spanish, english = pyphen.Pyphen(lang="es"), pyphen.Pyphen(lang="en_US")
    breaks = _breaks(pdf_text(editions.spanish))
    assert len(breaks) >= 20
    bad = [(a, b) for a, b in breaks if len(a) not in spanish.positions(a + b)]
    assert bad == []
    # The check can tell: English rules would not have broken many of these words there.
    assert sum(len(a) not in english.positions(a + b) for a, b in breaks) >= 10


def test_english_words_break_at_english_syllables(editions: Editions) -> None:
    english = pyphen.Pyphen(lang="en_US")
    breaks = _breaks(pdf_text(editions.english))
    assert len(breaks) >= 20
    assert [(a, b) for a, b in breaks if len(a) not in english.positions(a + b)] == []


# -- untranslated texts ------------------------------------------------------------------------

KITCHEN = '      en: "Kitchen"\n      es: "Cocina"\n'
PHOTOS = '      en: "Ask before taking pictures"\n      es: "Pregunte antes de tomar fotos"\n'


def _exact_line(path: Path, text: str) -> int:
    numbers = [
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == text
    ]
    assert len(numbers) == 1, f"{text!r} on lines {numbers}"
    return numbers[0]


def _drop_two_translations(project: Path) -> tuple[Path, list[str]]:
    """Delete the Spanish of the kitchen's name and of one tip title; return the messages."""
    content = project / "content.yaml"
    edit(content, KITCHEN, '      en: "Kitchen"\n')
    edit(content, PHOTOS, '      en: "Ask before taking pictures"\n')
    kitchen = _exact_line(content, '      en: "Kitchen"')
    photos = _exact_line(content, '      en: "Ask before taking pictures"')
    tip = next(
        i for i, t in enumerate(CONTENT["tips"]) if t["title"]["en"] == "Ask before taking pictures"
    )
    return content, [
        f"content.yaml:{kitchen}: rooms[1].name: no 'es' translation",
        f"content.yaml:{photos}: tips[{tip}].title: no 'es' translation",
    ]


def test_check_lists_the_untranslated_texts(project: Path) -> None:
    content, problems = _drop_two_translations(project)
    code, stdout, err = run_cli("check", str(content))
    assert (code, stdout) == (1, "")
    assert err.splitlines() == [
        "'es' edition: 2 texts without a translation:",
        *(f"  {p}" for p in problems),
    ]


def test_build_refuses_an_edition_with_untranslated_texts(project: Path) -> None:
    content, problems = _drop_two_translations(project)
    out = project / "booklet-out" / "booklet.pdf"
    code, stdout, err = run_cli("build", str(content), "--lang", "es", "-o", str(out), "-q")
    assert (code, stdout) == (1, "")
    assert err.splitlines() == [
        *(f"error: {p}" for p in problems),
        "2 problems found; nothing was written.",
    ]
    assert not (project / "booklet-out").exists()
    code, _, err = run_cli("build", str(content), "--lang", "all", "-o", str(out.parent), "-q")
    assert code == 1
    assert not (project / "booklet-out").exists()


def test_a_photo_credit_is_a_name_and_needs_no_translation(project: Path) -> None:
    content = project / "content.yaml"
    (project / "assets" / "images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (900, 600), (120, 100, 80)).save(project / "assets/images/study.jpg")
    edit(
        content,
        "    pictogram: study\n",
        "    pictogram: study\n    image: {file: assets/images/study.jpg, "
        'caption: {en: "The desk", es: "El escritorio"}, credit: "Ana Pérez", '
        'alt: {en: "A desk", es: "Un escritorio"}}\n',
    )
    out = project / "booklet-out" / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "--lang", "all", "-o", str(out.parent), "-q")
    assert code == 0, err
    spanish = flat(pdf_text(PdfReader(out.with_name("booklet-es.pdf"))))
    assert "El escritorio Foto: Ana Pérez" in spanish
    english = flat(pdf_text(PdfReader(out)))
    assert "The desk Photo: Ana Pérez" in english
    # A plain caption is still text a visitor reads, so it still wants its translation.
    edit(content, '{en: "The desk", es: "El escritorio"}', '"The desk"')
    code, _, err = run_cli("check", str(content))
    assert code == 1
    assert "rooms[4].image.caption: no 'es' translation" in err
    assert "credit" not in err


def test_alt_text_is_listed_apart_and_the_edition_not_at_all(project: Path) -> None:
    """An untranslated alt text is read aloud, not printed: `check` lists it apart and passes,
    and the build goes on. The edition ("2026") reads the same in every language."""
    content = project / "content.yaml"
    (project / "assets" / "images").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (900, 600), (120, 100, 80)).save(project / "assets/images/study.jpg")
    edit(
        content,
        "    pictogram: study\n",
        "    pictogram: study\n    image: {file: assets/images/study.jpg, "
        'caption: {en: "The desk", es: "El escritorio"}, alt: "A desk by a window"}\n',
    )
    edit(content, 'edition: {en: "2026", es: "2026"}', 'edition: "2026"')
    line = line_of(content, 'alt: "A desk by a window"')
    code, _, err = run_cli("check", str(content))
    assert code == 0, err
    assert err.splitlines()[:2] == [
        "'es' edition: 1 alt text without a translation, read aloud by screen readers "
        "(not printed):",
        f"  content.yaml:{line}: rooms[4].image.alt: no 'es' translation",
    ]
    assert "booklet.edition" not in err
    out = project / "booklet-out" / "guia.pdf"
    code, _, err = run_cli("build", str(content), "--lang", "es", "-o", str(out), "-q")
    assert (code, err) == (0, "")
    assert "2026" in flat(pdf_text(PdfReader(out)))


def test_allow_fallback_prints_the_english_text_with_warnings(
    project: Path, expected_warnings: list[str]
) -> None:
    content, problems = _drop_two_translations(project)
    out = project / "booklet-out" / "booklet-es.pdf"
    code, _, err = run_cli(
        "build", str(content), "--lang", "es", "--allow-fallback", "-o", str(out)
    )
    assert code == 0, err
    assert [line for line in err.splitlines() if line.startswith("warning")] == [
        f"warning: {p} (printing the en text)" for p in problems
    ]
    assert expected_warnings == [f"warning: {p} (printing the en text)" for p in problems]
    assert sorted(p.name for p in out.parent.iterdir()) == ["booklet-es.pdf"]
    reader = PdfReader(out)
    text = flat(pdf_text(reader))
    assert "Kitchen" in text and "Ask before taking pictures" in text
    assert "Pregunte antes de tomar fotos" not in text
    assert "Comedor" in text and "Consejos para su visita" in text  # the rest is Spanish
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_one_untranslated_text_is_counted_in_the_singular(project: Path) -> None:
    content = project / "content.yaml"
    edit(content, KITCHEN, '      en: "Kitchen"\n')
    code, _, err = run_cli("check", str(content))
    assert code == 1
    assert err.splitlines()[0] == "'es' edition: 1 text without a translation:"


# -- label tables ------------------------------------------------------------------------------


def test_label_tables_have_the_same_keys() -> None:
    assert sorted(EN_LABELS) == sorted(ES_LABELS)
    assert sorted(EN_LABELS["email"]) == sorted(ES_LABELS["email"])


def test_the_email_words_are_translated_with_the_same_placeholders() -> None:
    for key, english in EN_LABELS["email"].items():
        spanish = ES_LABELS["email"][key]
        assert spanish != english, key
        assert set(re.findall(r"\{(\w+)\}", spanish)) == set(re.findall(r"\{(\w+)\}", english))


def test_spanish_labels_are_translated() -> None:
    for key in EN_LABELS:
        if key in SAME_IN_BOTH:
            assert ES_LABELS[key] == EN_LABELS[key], key
        else:
            assert ES_LABELS[key] != EN_LABELS[key], f"{key} is not translated"
    for key in ("walk_minutes", "edition", "photo_credit"):
        placeholders = set(re.findall(r"\{(\w+)\}", EN_LABELS[key]))
        assert set(re.findall(r"\{(\w+)\}", ES_LABELS[key])) == placeholders, key


# -- --lang errors -----------------------------------------------------------------------------


def test_a_language_the_content_lacks_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    code, stdout, err = run_cli("build", str(DEFAULT_CONTENT), "--lang", "xx", "-o", str(out), "-q")
    assert (code, stdout) == (1, "")
    line = line_of(DEFAULT_CONTENT, "  translations:")
    assert err.splitlines() == [
        f"error: content.yaml:{line}: booklet.translations: the content has no 'xx' edition "
        "(en, es)",
        "1 problem found; nothing was written.",
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code_given", ["EN1", "ES", "e", "spanish", ""])
def test_a_malformed_language_code_is_a_usage_error(tmp_path: Path, code_given: str) -> None:
    out = tmp_path / "booklet.pdf"
    code, _, err = run_cli("build", str(DEFAULT_CONTENT), "--lang", code_given, "-o", str(out))
    assert code == 2
    assert "Invalid value for --lang: expected a language code like es or es-MX, or 'all'" in err
    assert list(tmp_path.iterdir()) == []


def test_lang_all_on_a_content_without_translations_builds_one_edition(
    english_project: Path,
) -> None:
    out = english_project / "booklet-out" / "booklet.pdf"
    code, _, err = run_cli("build", str(english_project / "content.yaml"), "--lang", "all",
                           "-o", str(out.parent))  # fmt: skip
    assert code == 0, err
    assert [p.name for p in out.parent.iterdir()] == ["booklet.pdf"]
    assert [line for line in err.splitlines() if line.startswith("laying out")] == [
        "laying out the 'en' edition: 9 rooms on half-letter paper (screen)"
    ]


def test_lang_of_the_contents_own_language_writes_the_plain_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("build", str(DEFAULT_CONTENT), "--lang", "en", "-q")
    assert (code, err) == (0, "")
    assert [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")] == [
        "booklet-out",
        "booklet-out/booklet.pdf",
    ]
    assert PdfReader("booklet-out/booklet.pdf").trailer["/Root"]["/Lang"] == "en"


# -- every paper -------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", sorted(PAPER_POINTS))
def test_spanish_edition_builds_on_every_paper(tmp_path: Path, paper: str) -> None:
    [result] = build(DEFAULT_CONTENT, tmp_path / "guia.pdf", paper=paper, languages=["es"])
    assert result.language == "es"
    assert result.output == tmp_path / "guia.pdf"  # one edition: the file name as given
    reader = PdfReader(result.output)
    assert len(reader.pages) == result.pages
    width, height = PAPER_POINTS[paper]
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.01)
    assert "Cuarto por cuarto" in flat(pdf_text(reader))


def test_an_edition_without_a_table_of_fixed_words_counts_as_untranslated(
    project: Path, expected_warnings: list[str]
) -> None:
    content = project / "content.yaml"
    edit(content, "  translations: [es]\n", "  translations: [es, nl]\n")
    line = line_of(content, "  translations:")
    problem = (
        f"content.yaml:{line}: booklet.translations: booklet has no 'nl' table of fixed words "
        "(Contents, Opening hours, ...); it has de, en, es, fr, it, pt. Write labels/nl.yaml "
        "beside the content file with these keys: " + ", ".join(ENGLISH_KEYS)
    )
    code, _, err = run_cli("check", str(content))
    assert code == 1
    assert f"  {problem}" in err.splitlines()
    out = project / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "--lang", "nl", "-o", str(out), "-q")
    assert code == 1
    assert err.splitlines()[0] == f"error: {problem}"
    code, _, err = run_cli(
        "build", str(content), "--lang", "nl", "--allow-fallback", "-o", str(out)
    )
    assert code == 0, err
    assert f"warning: {problem} (printing the en text)" in err.splitlines()
    assert expected_warnings[0] == f"warning: {problem} (printing the en text)"


def test_every_editions_text_is_checked_in_one_run(project: Path) -> None:
    """A broken Spanish text is reported with the English problems, and stops an English build."""
    content = project / "content.yaml"
    edit(content, '  phone: "+52 55 5658 8732"\n', "  phone: 017\n")
    edit(content, '      es: "Comedor"\n', '      es: "Come\\u0007dor"\n')
    phone, dining = line_of(content, "  phone: 017"), line_of(content, 'es: "Come')
    code, _, err = run_cli("check", str(content))
    assert code == 1
    problems = [line for line in err.splitlines() if line.startswith("error:")]
    assert [p.split(": ")[2] for p in problems] == ["museum.phone", "rooms[2].name.es"]
    assert problems[0].startswith(f"error: content.yaml:{phone}: ")
    assert problems[1].startswith(f"error: content.yaml:{dining}: ")
    edit(content, "  phone: 017\n", '  phone: "017"\n')
    out = project / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")  # English only
    assert code == 1
    assert err.splitlines()[0].startswith(f"error: content.yaml:{dining}: rooms[2].name.es: ")
    assert not out.exists()
