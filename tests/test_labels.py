"""Tables of fixed words: every shipped language complete, and a museum's own labels/ tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from booklet.content.dates import PartialDate
from booklet.content.errors import ContentError
from booklet.content.label_files import read_museum_tables
from booklet.labels import label_languages, load_labels
from booklet.labels.tables import missing_keys, missing_table_message, shipped_languages
from tests.conftest import ROOT

LABELS = ROOT / "booklet" / "labels"
ENGLISH: dict[str, Any] = yaml.safe_load((LABELS / "en.yaml").read_text(encoding="utf-8"))
SHIPPED = ["de", "en", "es", "fr", "it", "pt"]
EDITIONS = [*SHIPPED, "pt-PT", "en-GB", "es-MX", "fr-CA", "de-AT"]
# Words that are rightly the same as the English in some language.
SAME_AS_ENGLISH = {"page", "page_short", "colon", "sources", "notes", "quotes", "website",
                   "email.prepared", "phone", "address", "area"}  # fmt: skip


def flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out.update(flatten(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def own_table(code: str) -> dict[str, Any]:
    """What the language's file itself says, without English filling gaps."""
    table = yaml.safe_load((LABELS / f"{code}.yaml").read_text(encoding="utf-8"))
    return flatten(table)


def test_the_shipped_languages() -> None:
    assert shipped_languages() == SHIPPED
    assert label_languages() == SHIPPED


@pytest.mark.parametrize("code", SHIPPED)
def test_every_shipped_table_has_every_english_key_and_no_other(code: str) -> None:
    assert sorted(own_table(code)) == sorted(flatten(ENGLISH))
    assert missing_keys(code) == []


@pytest.mark.parametrize("name", sorted(path.stem for path in LABELS.glob("*.yaml")))
def test_libyaml_reads_every_shipped_table_as_pyyaml_does(name: str) -> None:
    text = (LABELS / f"{name}.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.safe_load(text)


@pytest.mark.parametrize("code", [c for c in SHIPPED if c != "en"])
def test_every_shipped_table_is_translated(code: str) -> None:
    english, own = flatten(ENGLISH), own_table(code)
    untranslated = [k for k in own if own[k] == english[k] and k not in SAME_AS_ENGLISH]
    assert untranslated == []


@pytest.mark.parametrize("code", EDITIONS)
def test_every_edition_loads_with_placeholders_english_fills(code: str) -> None:
    labels = load_labels(code)
    table, english = flatten(labels.table), flatten(ENGLISH)
    assert sorted(table) == sorted(english)
    for key, words in table.items():
        if isinstance(words, str):
            given = set(re.findall(r"\{(\w*)\}", words))
            assert given <= set(re.findall(r"\{(\w*)\}", english[key])), (code, key)
            assert key == "colon" or words.strip() == words, (code, key)
    assert len(labels.quotes) == 4 and all(labels.quotes)
    assert labels.format("walk_minutes", minutes=12).startswith("12")
    assert labels.format("edition", edition="2026").endswith("2026")


@pytest.mark.parametrize(
    ("code", "quotes"),
    [
        ("en", ("“", "”", "‘", "’")),
        ("es", ("“", "”", "‘", "’")),
        ("fr", ("«\u00a0", "\u00a0»", "“", "”")),
        ("de", ("„", "“", "‚", "‘")),
        ("it", ("«", "»", "“", "”")),
        ("pt", ("“", "”", "‘", "’")),
        ("pt-PT", ("«", "»", "“", "”")),
    ],
)
def test_quotation_marks_per_language(code: str, quotes: tuple[str, ...]) -> None:
    assert load_labels(code).quotes == quotes


def test_french_puts_a_no_break_space_before_a_colon() -> None:
    french = load_labels("fr")
    assert french["colon"] == "\u00a0: "
    assert french.format("photo_credit", credit="A. Dupont") == "Photo\u00a0: A. Dupont"


def test_a_region_table_refines_its_language() -> None:
    portugal, brazil = load_labels("pt-PT"), load_labels("pt")
    assert portugal["notes"] == "Notas" and brazil["notes"] == "Anotações"
    assert portugal["history"] == brazil["history"] == "História"
    assert portugal.table["email"]["closing"] == brazil.table["email"]["closing"]
    assert portugal.table["email"]["intro"] != brazil.table["email"]["intro"]


def test_labels_write_dates_by_the_editions_locale() -> None:
    date = PartialDate(1940, 8, 20)
    assert load_labels("en").date(date) == "August 20, 1940"
    assert load_labels("en-GB").date(date) == "20 August 1940"
    assert load_labels("fr").date(date) == "20 août 1940"
    assert load_labels("de").date_range(PartialDate(1940, 6), PartialDate(1940, 8)) == (
        "Juni–August 1940"
    )


# -- a museum's own tables ---------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> None:
    (folder / "labels").mkdir(exist_ok=True)
    (folder / "labels" / name).write_text(text, encoding="utf-8")


def test_a_museum_overrides_a_shipped_word(tmp_path: Path) -> None:
    write(tmp_path, "fr.yaml", "rooms: Pièce par pièce\nemail:\n  closing: Cordialement,\n")
    french = load_labels("fr", read_museum_tables(tmp_path))
    assert french["rooms"] == "Pièce par pièce"
    assert french.table["email"]["closing"] == "Cordialement,"
    assert french.table["email"]["greeting"] == "Bonjour {name},"  # the rest stays
    assert french["contents"] == "Sommaire"
    assert missing_table_message("fr", read_museum_tables(tmp_path)) is None


def test_a_museum_adds_a_language(tmp_path: Path) -> None:
    english = flatten(ENGLISH)
    lines = [f"{key}: x-{key}" for key in ENGLISH if not isinstance(ENGLISH[key], dict)]
    lines.remove("quotes: x-quotes")
    lines.append('quotes: "„”‚’"')
    lines.append("email:")
    lines += [f"  {key}: x-{key}" for key in ENGLISH["email"]]
    write(tmp_path, "nl.yaml", "\n".join(lines) + "\n")
    assert "nl" in label_languages(read_museum_tables(tmp_path))
    dutch = load_labels("nl", read_museum_tables(tmp_path))
    assert dutch["contents"] == "x-contents"
    assert dutch.quotes == ("„", "”", "‚", "’")
    assert dutch.date(PartialDate(1940, 8, 20)) == "20 augustus 1940"
    assert missing_keys("nl", read_museum_tables(tmp_path)) == []
    assert len(flatten(dutch.table)) == len(english)


def test_a_museum_table_that_lacks_words_names_them(tmp_path: Path) -> None:
    write(tmp_path, "nl.yaml", "contents: Inhoud\nwelcome: Welkom\n")
    missing = missing_keys("nl", read_museum_tables(tmp_path))
    assert "contents" not in missing and "rooms" in missing and "email.subject" in missing
    message = missing_table_message("nl", read_museum_tables(tmp_path))
    assert message == (
        f"labels/nl.yaml lacks {len(missing)} fixed words, printed in English until written: "
        + ", ".join(missing)
    )
    assert load_labels("nl", read_museum_tables(tmp_path))["rooms"] == "Room by room"


def test_a_language_nobody_wrote_a_table_for_says_what_to_write(tmp_path: Path) -> None:
    message = missing_table_message("sv", read_museum_tables(tmp_path))
    keys = list(flatten(ENGLISH))
    assert message == (
        "booklet has no 'sv' table of fixed words (Contents, Opening hours, ...); it has "
        "de, en, es, fr, it, pt. Write labels/sv.yaml beside the content file with these keys: "
        + ", ".join(keys)
    )


def test_a_broken_museum_table_is_reported_with_lines(tmp_path: Path) -> None:
    write(
        tmp_path,
        "fr.yaml",
        "room: Salle\nromos: Salles\nemail:\n  subjet: Votre guide\nquotes: [«, »]\nhours: [a]\n",
    )
    with pytest.raises(ContentError) as caught:
        read_museum_tables(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "labels/fr.yaml:2: romos: unknown key; did you mean 'rooms'?",
        "labels/fr.yaml:4: email.subjet: unknown key; did you mean 'subject'?",
        "labels/fr.yaml:5: quotes: expected four marks: double open, double close, single open, "
        'single close, like "“”‘’"',
        "labels/fr.yaml:6: hours: expected the words, as text",
    ]


def test_a_museum_table_that_is_not_yaml(tmp_path: Path) -> None:
    write(tmp_path, "fr.yaml", "rooms: [unclosed\n")
    with pytest.raises(ContentError) as caught:
        read_museum_tables(tmp_path)
    assert str(caught.value.problems[0]).startswith("labels/fr.yaml:")
