"""The small words of messages: singular and plural, `init` and its next step, a missing or
folder-named content file, and the one-line command summaries of `booklet --help`."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from booklet.words import counted
from tests.conftest import ENGLISH_CONTENT, run_cli


@pytest.fixture
def inside(tmp_path: Path) -> Iterator[Path]:
    """Run the test from inside an empty folder, as staff run booklet in theirs."""
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


def test_counted_says_one_in_the_singular() -> None:
    assert counted(1, "room") == "1 room"
    assert counted(0, "room") == "0 rooms"
    assert counted(2, "spare page") == "2 spare pages"
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
    assert counted(12_000, "pixel") == "12,000 pixels"


def test_check_counts_one_room_in_the_singular(tmp_path: Path) -> None:
    data = yaml.safe_load(ENGLISH_CONTENT.read_text(encoding="utf-8"))
    data["rooms"] = data["rooms"][:1]
    room = data["rooms"][0]["id"]
    data["plan"]["areas"] = [a for a in data["plan"]["areas"] if a["room"] == room]
    content = tmp_path / "content.yaml"
    content.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    code, _, err = run_cli("check", str(content))
    assert code == 0, err
    assert err.splitlines()[0] == f"{content}: OK (1 room; editions: en)"


def test_help_gives_every_command_a_one_line_summary() -> None:
    code, out, _ = run_cli("--help")
    assert code == 0
    commands = out[out.index("Commands:\n") :].splitlines()[1:]
    assert commands == [
        "  build    Build the booklet PDF from content.yaml.",
        "  check    Check content.yaml for problems, without building.",
        "  init     Start a new booklet: a content.yaml to fill in, or the sample.",
        "  preview  Render pages to PNG, or a contact sheet of all pages.",
        "  schema   Print the JSON Schema of content.yaml (or its field reference).",
        "  send     Email the booklet to a list of travelers.",
    ]


def test_init_in_the_current_folder_needs_no_cd(inside: Path) -> None:
    code, _, err = run_cli("init", ".")
    assert code == 0, err
    assert err == "wrote content.yaml; now run: booklet build\n"
    assert (inside / "content.yaml").is_file()


def test_init_elsewhere_says_where_to_go_quoted_for_the_shell(inside: Path) -> None:
    code, _, err = run_cli("init", "Casa Trotsky")
    assert code == 0, err
    assert err == "wrote Casa Trotsky/content.yaml; now run: cd 'Casa Trotsky' && booklet build\n"


def test_build_in_a_folder_without_content_suggests_init(inside: Path) -> None:
    code, out, err = run_cli("build")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "error: content.yaml: file not found; to start a new booklet, run: booklet init .",
        "1 problem found; nothing was written.",
    ]
    assert list(inside.iterdir()) == []


def test_check_of_a_folder_without_content_suggests_init_there(inside: Path) -> None:
    (inside / "museum").mkdir()
    code, _, err = run_cli("check", "museum")
    assert code == 1
    assert err.splitlines()[0] == (
        "error: museum/content.yaml: file not found; to start a new booklet, run: "
        "booklet init museum"
    )


def test_a_missing_content_file_by_another_name_is_just_not_found(inside: Path) -> None:
    code, _, err = run_cli("check", "guide.yaml")
    assert code == 1
    assert err.splitlines()[0] == "error: guide.yaml: file not found"


def test_check_and_build_accept_the_folder_holding_content_yaml(inside: Path) -> None:
    project = inside / "museum"
    project.mkdir()
    shutil.copy(ENGLISH_CONTENT, project / "content.yaml")
    code, _, err = run_cli("check", "museum")
    assert code == 0, err
    assert err.splitlines()[0] == "museum/content.yaml: OK (9 rooms; editions: en)"
    code, _, err = run_cli("build", "museum", "-o", "museum.pdf", "-q")
    assert code == 0, err
    assert (inside / "museum.pdf").read_bytes().startswith(b"%PDF-")
