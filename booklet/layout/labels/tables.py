"""Tables of fixed words: booklet's own, and a museum's `labels/xx.yaml` beside its content.

A museum may add a language booklet does not ship, or override any word of one it does. The
tables are read in order of precedence, later ones winning: booklet's table for the language,
the museum's, then the same two for the edition's region ("pt-PT.yaml" holds only what differs
from "pt.yaml"). English fills whatever is still missing, and `missing_keys` says what that is.
"""

from __future__ import annotations

import difflib
import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from booklet.content.errors import ContentError, Problem
from booklet.content.source import Node, load_source, read_bounded

REFERENCE = "en"
MUSEUM_FOLDER = "labels"
_MAX_TABLE_BYTES = 200_000


def shipped_languages() -> list[str]:
    """Languages booklet has a complete table for (region files only refine one)."""
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in resources.files(__package__).iterdir()
        if entry.name.endswith(".yaml") and "-" not in entry.name
    )


def museum_languages(folder: Path | None) -> list[str]:
    """Languages (and regions) the museum has written a table for in `folder/labels/`."""
    if folder is None or not (folder / MUSEUM_FOLDER).is_dir():
        return []
    return sorted(path.stem for path in (folder / MUSEUM_FOLDER).glob("*.yaml"))


def museum_tables_state(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime in ns) of every museum table: what a cache of tables is keyed by."""
    if folder is None or not (folder / MUSEUM_FOLDER).is_dir():
        return ()
    state = []
    for path in sorted((folder / MUSEUM_FOLDER).glob("*.yaml")):
        try:
            info = path.stat()
        except OSError:
            continue
        state.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(state)


def load_table(code: str, folder: Path | None = None) -> dict[str, Any]:
    """The merged table for an edition code ("fr", "pt-PT"), English filling the gaps.

    Raises ContentError for a museum table that cannot be read or has unknown keys."""
    table = _deep_copy(_shipped(REFERENCE))
    for layer in _layers(code, folder):
        _merge(table, layer)
    return table


def missing_keys(code: str, folder: Path | None = None) -> list[str]:
    """Keys (dotted, like "email.subject") no table for this language gives: English is
    printed for them."""
    given: dict[str, Any] = {}
    for layer in _layers(code, folder):
        _merge(given, layer)
    return [key for key in _keys(_shipped(REFERENCE)) if key not in set(_keys(given))]


def _layers(code: str, folder: Path | None) -> list[dict[str, Any]]:
    language = code.split("-", 1)[0]
    names = [language, code] if code != language else [language]
    layers = []
    for name in names:
        layers.append(_shipped(name))
        if folder is not None:
            layers.append(_museum(folder, name))
    return layers


@functools.cache
def _shipped(name: str) -> dict[str, Any]:
    path = resources.files(__package__) / f"{name}.yaml"
    if not path.is_file():
        return {}
    table: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return table


def _museum(folder: Path, name: str) -> dict[str, Any]:
    path = folder / MUSEUM_FOLDER / f"{name}.yaml"
    if not path.is_file():
        return {}
    return _read_museum_table(path, f"{MUSEUM_FOLDER}/{path.name}")


def _read_museum_table(path: Path, shown: str) -> dict[str, Any]:
    """A museum's table, checked against the English one: every problem at once."""
    root = load_source(read_bounded(path, _MAX_TABLE_BYTES), shown)
    problems: list[Problem] = []
    table = _read_mapping(root, _shipped(REFERENCE), shown, "", problems)
    if problems:
        raise ContentError(problems)
    return table


def _read_mapping(
    node: Node, reference: dict[str, Any], file: str, path: str, problems: list[Problem]
) -> dict[str, Any]:
    if not node.is_mapping:
        problems.append(Problem(file, node.line, path, "expected a mapping of key: words"))
        return {}
    table: dict[str, Any] = {}
    for key, child in node.value.items():
        where = f"{path}.{key}" if path else key
        if key not in reference:
            close = difflib.get_close_matches(key, list(reference), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(Problem(file, node.key_lines.get(key), where, f"unknown key{hint}"))
        elif isinstance(reference[key], dict):
            table[key] = _read_mapping(child, reference[key], file, where, problems)
        elif key == "quotes":
            table[key] = _read_quotes(child, file, problems)
        elif not child.is_scalar or not child.value.strip():
            problems.append(Problem(file, child.line, where, "expected the words, as text"))
        else:
            table[key] = child.value
    return table


def _read_quotes(node: Node, file: str, problems: list[Problem]) -> list[str]:
    """Quotes are four marks (double open, close, single open, close), written "“”‘’" or as
    a list when a mark carries a space: ["«\u00a0", "\u00a0»", "“", "”"]."""
    marks = (
        list(node.value) if node.is_scalar else [n.value for n in node.value if n.is_scalar]
        if node.is_sequence else []
    )  # fmt: skip
    if len(marks) != 4 or not all(marks):
        problems.append(Problem(file, node.line, "quotes",
                                "expected four marks: double open, double close, single open, "
                                'single close, like "“”‘’"'))  # fmt: skip
    return marks


def _merge(into: dict[str, Any], layer: dict[str, Any]) -> None:
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


def missing_table_message(code: str, folder: Path | None = None) -> str | None:
    """What to write so the edition `code` prints its own fixed words; None when nothing."""
    missing = missing_keys(code, folder)
    if not missing:
        return None
    language = code.split("-", 1)[0]
    file = f"{MUSEUM_FOLDER}/{language}.yaml"
    keys = ", ".join(missing)
    if language in museum_languages(folder):
        return f"{file} lacks {len(missing)} fixed words, printed in English until written: {keys}"
    shipped = ", ".join(shipped_languages())
    return (
        f"booklet has no '{language}' table of fixed words (Contents, Opening hours, ...); it has "
        f"{shipped}. Write {file} beside the content file with these keys: {keys}"
    )


def printed_words(code: str, folder: Path | None = None) -> list[tuple[str, int | None, str, str]]:
    """Every fixed word the edition `code` prints in the PDF, as (file, line, key, words),
    from the table that gives it (the museum's with its line; booklet's own without one).
    The email's words are left out: a mail client, not booklet's fonts, shows them."""
    found: dict[str, tuple[str, int | None, str]] = {}
    language = code.split("-", 1)[0]
    for name in dict.fromkeys([REFERENCE, language, code]):
        for key, words in _flat(_shipped(name)).items():
            found[key] = (f"booklet/layout/labels/{name}.yaml", None, words)
        if folder is not None and (folder / MUSEUM_FOLDER / f"{name}.yaml").is_file():
            shown = f"{MUSEUM_FOLDER}/{name}.yaml"
            root = load_source(read_bounded(folder / MUSEUM_FOLDER / f"{name}.yaml",
                                            _MAX_TABLE_BYTES), shown)  # fmt: skip
            for key, (line, words) in _flat_nodes(root).items():
                found[key] = (shown, line, words)
    return [(file, line, key, words) for key, (file, line, words) in found.items()
            if not key.startswith("email.")]  # fmt: skip


def _flat(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = "".join(value) if isinstance(value, list) else str(value)
    return flat


def _flat_nodes(node: Node, prefix: str = "") -> dict[str, tuple[int | None, str]]:
    flat: dict[str, tuple[int | None, str]] = {}
    if not node.is_mapping:
        return flat
    for key, child in node.value.items():
        if child.is_mapping:
            flat.update(_flat_nodes(child, f"{prefix}{key}."))
        elif child.is_sequence:
            marks = "".join(n.value for n in child.value if n.is_scalar)
            flat[prefix + key] = (child.line, marks)
        elif child.is_scalar:
            flat[prefix + key] = (child.line, str(child.value))
    return flat
