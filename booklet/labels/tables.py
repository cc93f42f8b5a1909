"""Tables of fixed words: booklet's own, and a museum's `labels/xx.yaml` beside its content.

A museum may add a language booklet does not ship, or override any word of one it does. The
tables are read in order of precedence, later ones winning: booklet's table for the language,
the museum's, then the same two for the edition's region ("pt-PT.yaml" holds only what differs
from "pt.yaml"). English fills whatever is still missing, and `missing_keys` says what that is.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from typing import Any

import yaml

REFERENCE = "en"
MUSEUM_FOLDER = "labels"

# libyaml reads a table ten times faster than PyYAML's Python parser (~4 -> 0.4 ms each, and
# every build reads two or more); the same safe constructor makes the same values of both.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MuseumTables = Mapping[str, Mapping[str, Any]]
"""A museum's own tables by name ("fr", "pt-PT"), as content/label_files.py read them."""


def shipped_languages() -> list[str]:
    """Languages booklet has a complete table for (region files only refine one)."""
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in resources.files(__package__).iterdir()
        if entry.name.endswith(".yaml") and "-" not in entry.name
    )


def museum_languages(museum: MuseumTables | None) -> list[str]:
    """Languages (and regions) the museum has written a table for in its labels/ folder."""
    return sorted(museum or ())


def reference_table() -> dict[str, Any]:
    """The English table: every key a table may give (a museum's table is checked against it)."""
    return _deep_copy(_shipped(REFERENCE))


def load_table(code: str, museum: MuseumTables | None = None) -> dict[str, Any]:
    """The merged table for an edition code ("fr", "pt-PT"), English filling the gaps."""
    table = _deep_copy(_shipped(REFERENCE))
    for layer in _layers(code, museum):
        _merge(table, layer)
    return table


def missing_keys(code: str, museum: MuseumTables | None = None) -> list[str]:
    """Keys (dotted, like "email.subject") no table for this language gives: English is
    printed for them."""
    given: dict[str, Any] = {}
    for layer in _layers(code, museum):
        _merge(given, layer)
    return [key for key in _keys(_shipped(REFERENCE)) if key not in set(_keys(given))]


def _layers(code: str, museum: MuseumTables | None) -> list[Mapping[str, Any]]:
    language = code.split("-", 1)[0]
    names = [language, code] if code != language else [language]
    layers: list[Mapping[str, Any]] = []
    for name in names:
        layers.append(_shipped(name))
        if museum and name in museum:
            layers.append(museum[name])
    return layers


@functools.cache
def _shipped(name: str) -> dict[str, Any]:
    path = resources.files(__package__) / f"{name}.yaml"
    if not path.is_file():
        return {}
    table: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    return table


def _merge(into: dict[str, Any], layer: Mapping[str, Any]) -> None:
    for key, value in layer.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = _deep_copy(value) if isinstance(value, dict) else value


def _deep_copy(table: dict[str, Any]) -> dict[str, Any]:
    return {k: _deep_copy(v) if isinstance(v, dict) else v for k, v in table.items()}


def _keys(table: dict[str, Any], prefix: str = "") -> list[str]:
    keys: list[str] = []
    for key, value in table.items():
        if isinstance(value, dict):
            keys += _keys(value, f"{prefix}{key}.")
        else:
            keys.append(prefix + key)
    return keys


def missing_table_message(code: str, museum: MuseumTables | None = None) -> str | None:
    """What to write so the edition `code` prints its own fixed words; None when nothing."""
    missing = missing_keys(code, museum)
    if not missing:
        return None
    language = code.split("-", 1)[0]
    file = f"{MUSEUM_FOLDER}/{language}.yaml"
    keys = ", ".join(missing)
    if language in museum_languages(museum):
        return f"{file} lacks {len(missing)} fixed words, printed in English until written: {keys}"
    shipped = ", ".join(shipped_languages())
    return (
        f"booklet has no '{language}' table of fixed words (Contents, Opening hours, ...); it has "
        f"{shipped}. Write {file} beside the content file with these keys: {keys}"
    )


def printed_words(
    code: str,
    museum: MuseumTables | None = None,
    lines: Mapping[str, Mapping[str, int]] | None = None,
) -> list[tuple[str, int | None, str, str]]:
    """Every fixed word the edition `code` prints in the PDF, as (file, line, key, words),
    from the table that gives it: the museum's (with its line, from `lines`: table -> dotted
    key -> line) or booklet's own (no line). The email's words are left out: a mail client,
    not booklet's fonts, shows them."""
    found: dict[str, tuple[str, int | None, str]] = {}
    language = code.split("-", 1)[0]
    for name in dict.fromkeys([REFERENCE, language, code]):
        for key, words in _flat(_shipped(name)).items():
            found[key] = (f"booklet/labels/{name}.yaml", None, words)
        if museum and name in museum:
            where = (lines or {}).get(name, {})
            for key, words in _flat(museum[name]).items():
                found[key] = (f"{MUSEUM_FOLDER}/{name}.yaml", where.get(key), words)
    return [(file, line, key, words) for key, (file, line, words) in found.items()
            if not key.startswith("email.")]  # fmt: skip


def _flat(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Dotted key -> words; a list (the quotes) as its marks run together."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = "".join(value) if isinstance(value, list) else str(value)
    return flat
