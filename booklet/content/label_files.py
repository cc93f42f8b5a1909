"""A museum's own tables of fixed words, `labels/xx.yaml` beside its content, read at load time.

Each table is checked against booklet's English one (every problem at once, with its line) and
handed to booklet.labels as data, so no later stage reads the museum's folder again.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from booklet.content.errors import ContentError, Problem
from booklet.content.source import Node, load_source, read_bounded
from booklet.labels.tables import MUSEUM_FOLDER, reference_table

_MAX_TABLE_BYTES = 200_000
_MAX_TABLES = 200


def read_museum_tables(folder: Path | None) -> dict[str, dict[str, Any]]:
    """Every table in `folder/labels/` by name ("fr", "pt-PT"); {} when there is none.

    Raises ContentError naming each problem of every table that cannot be used."""
    if folder is None or not (folder / MUSEUM_FOLDER).is_dir():
        return {}
    tables: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    paths = sorted((folder / MUSEUM_FOLDER).glob("*.yaml"))[:_MAX_TABLES]
    for path in paths:
        try:
            tables[path.stem] = _read_museum_table(path, f"{MUSEUM_FOLDER}/{path.name}")
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    return tables


def _read_museum_table(path: Path, shown: str) -> dict[str, Any]:
    """A museum's table, checked against the English one: every problem at once."""
    root = load_source(read_bounded(path, _MAX_TABLE_BYTES), shown)
    problems: list[Problem] = []
    table = _read_mapping(root, reference_table(), shown, "", problems)
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
