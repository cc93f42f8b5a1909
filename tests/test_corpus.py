"""The layout corpus: generated content of every shape, laid out, with the typographic rules
asserted on every page (layout/report.py reads what was actually placed).

Two dozen layouts run by default; `BOOKLET_CORPUS=full` runs the larger sweep (400 layouts:
1 to 60 rooms, 20 to 900 words, every photo shape, every paper, both editions).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from booklet.layout.report import RUNS_ON, check_story
from booklet.theme.paper import PAPERS
from tests.conftest import DEFAULT_CONTENT
from tests.conftest import build_file as build
from tests.corpus import Case, ci_cases, full_cases, write_case

CASES = full_cases() if os.environ.get("BOOKLET_CORPUS") == "full" else ci_cases()
DEFAULT_PAGES = 24  # the default booklet may not grow beyond this, in either edition


def _problems(log: object) -> list[str]:
    return [
        f"page {p.page}: {p.rule}: {p.message}"
        for p in check_story(log)  # type: ignore[arg-type]
        if p.rule != RUNS_ON
    ]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_page_keeps_the_rules(case: Case, tmp_path: Path) -> None:
    content = write_case(case, tmp_path)
    [built] = build(content, tmp_path / "booklet.pdf", languages=[case.language])
    assert _problems(built.rendered.log) == []


@pytest.mark.parametrize("paper", list(PAPERS))
def test_the_default_booklet_keeps_the_rules_and_its_length(paper: str, tmp_path: Path) -> None:
    for built in build(DEFAULT_CONTENT, tmp_path, paper=paper, languages=["en", "es"]):
        assert built.pages <= DEFAULT_PAGES, (built.language, built.pages)
        assert _problems(built.rendered.log) == [], built.language
