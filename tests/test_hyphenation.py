"""Pyphen's patterns read the fast way (booklet.locales.hyphenation) are Pyphen's own."""

from __future__ import annotations

import pyphen
import pytest

from booklet.locales.hyphenation import load_patterns, read_patterns

# English, Spanish, French, Italian, Portuguese, Dutch: the usual editions; German and
# Indonesian have two-digit values ("s11a"), German and others are Latin-1 files, Russian,
# Ukrainian and Greek other scripts.
DICTIONARIES = ["en_US", "en_GB", "es", "fr", "it_IT", "pt_BR", "pt_PT", "nl_NL", "de_DE",
                "de_CH", "id_ID", "ru_RU", "uk_UA", "el_GR", "pl_PL", "cs_CZ"]  # fmt: skip


@pytest.mark.parametrize("dictionary", DICTIONARIES)
def test_the_patterns_are_pyphens(dictionary: str) -> None:
    path = pyphen.LANGUAGES[dictionary]
    assert read_patterns(path) == pyphen.HyphDict(path).patterns


@pytest.mark.parametrize("dictionary", ["ca", "hu_HU", "sq_AL", "eo"])
def test_nonstandard_hyphenation_is_left_to_pyphen(dictionary: str) -> None:
    assert read_patterns(pyphen.LANGUAGES[dictionary]) is None


@pytest.mark.parametrize("dictionary", ["en_US", "ca"])
def test_a_loaded_dictionary_is_the_one_pyphen_would_have_read(
    dictionary: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pyphen, "hdcache", {})
    load_patterns(dictionary)
    path = pyphen.LANGUAGES[dictionary]
    loaded = pyphen.hdcache[path]
    assert vars(loaded) == vars(pyphen.HyphDict(path))
    # ReportLab's way in: Pyphen(lang=...) uses what is cached
    assert pyphen.Pyphen(lang=dictionary).hd is loaded
