"""`booklet preview`, `check --json`, `build --json` and `build --watch`, end to end on a tiny
content file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from PIL import Image
from pypdf import PdfReader

from tests.conftest import ROOT, edit, run_cli

TINY = ROOT / "tests" / "data" / "tiny.yaml"
PHOTO = ROOT / "tests" / "data" / "photos" / "bridge-cables.jpg"
REPORT_SCHEMA = json.loads((ROOT / "tests" / "data" / "report.schema.json").read_text())
TIMEOUT = 60.0


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "museum"
    folder.mkdir()
    shutil.copy(TINY, folder / "content.yaml")
    return folder / "content.yaml"


def test_preview_writes_the_pages_asked_for(tiny: Path, tmp_path: Path) -> None:
    code, _, err = run_cli("preview", str(tiny), "--pages", "1,3", "--scale", "0.5", "-o",
                           str(tmp_path / "png"))  # fmt: skip
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == [
        "booklet-p01.png",
        "booklet-p03.png",
    ]
    with Image.open(tmp_path / "png" / "booklet-p01.png") as image:
        assert image.size == (198, 306)  # half-letter at half a pixel per point
    assert "wrote 2 PNG files" in err


def test_preview_sheet_and_edition(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "png"
    code, _, err = run_cli("preview", str(tiny), "--lang", "es", "--sheet", "--pages", "1",
                           "-o", str(out))  # fmt: skip
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["booklet-es-p01.png", "booklet-es-sheet.png"]


def test_preview_refuses_pages_the_booklet_lacks(tiny: Path, tmp_path: Path) -> None:
    code, _, err = run_cli("preview", str(tiny), "--pages", "1-400", "-o", str(tmp_path / "p"))
    assert code == 2
    assert err.splitlines()[-1].startswith("error: --pages: the booklet has ")
    assert not (tmp_path / "p").exists()


def test_check_json_of_sound_content(tiny: Path) -> None:
    code, out, _ = run_cli("check", str(tiny), "--json")
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert code == 0
    assert report["ok"] is True
    assert report["editions"] == ["en", "es"]
    assert report["rooms"] == 2


def test_check_json_lists_every_problem_with_its_place(tiny: Path) -> None:
    edit(tiny, "    pictogram: study\n", "    pictogram: studdy\n    nmae: x\n")
    code, out, err = run_cli("check", str(tiny), "--json")
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert code == 1
    assert report["ok"] is False
    fields = {(p["line"], p["field"]) for p in report["problems"]}
    assert (32, "rooms[0].pictogram") in fields
    assert (33, "rooms[0].nmae") in fields
    assert all(p["file"] == "content.yaml" and p["severity"] == "error" for p in report["problems"])
    assert report["counts"] == {"error": 2, "warning": 0, "info": 0}
    assert "rooms[0].nmae" in err  # people still read the same lines on stderr


def test_check_json_with_preflight_findings(tiny: Path) -> None:
    _, out, _ = run_cli("check", str(tiny), "--json", "--preflight")
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert any(p["check"] != "content" for p in report["problems"]) or report["ok"]


def test_build_json_gives_pages_sizes_and_time(tiny: Path, tmp_path: Path) -> None:
    out_pdf = tmp_path / "out" / "tiny.pdf"
    code, out, _ = run_cli("build", str(tiny), "--json", "-q", "-o", str(out_pdf))
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert code == 0
    [written] = report["outputs"]
    assert written["path"] == str(out_pdf)
    assert written["pages"] == len(PdfReader(out_pdf).pages)
    assert written["bytes"] == out_pdf.stat().st_size
    assert report["seconds"] > 0


def _wait_for(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_watch_rebuilds_on_content_and_photo_changes_and_keeps_the_last_good_pdf(
    tiny: Path, tmp_path: Path
) -> None:
    photo = tiny.parent / "assets" / "study.jpg"
    photo.parent.mkdir()
    shutil.copy(PHOTO, photo)
    edit(tiny, "    pictogram: study\n",
         '    image: {file: assets/study.jpg, alt: "A desk"}\n')  # fmt: skip
    pdf = tmp_path / "out.pdf"
    log = tmp_path / "stderr.txt"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("w") as stderr:
        watcher = subprocess.Popen(
            [sys.executable, "-m", "booklet", "build", str(tiny), "-o", str(pdf), "--watch"],
            stderr=stderr, env=env, start_new_session=True,
        )  # fmt: skip
    try:

        def watching(times: int) -> bool:
            return log.read_text().count("watching") >= times

        _wait_for(lambda: watching(1), "the first build")
        first = pdf.read_bytes()

        edit(tiny, '"The desk."', '"The desk, edited."')
        _wait_for(lambda: watching(2), "a rebuild after a text edit")
        second = pdf.read_bytes()
        assert second != first
        assert "edited" in "".join(p.extract_text() for p in PdfReader(pdf).pages)

        edit(tiny, "  language: en\n", "  language: en\n  bogus: 1\n")
        _wait_for(lambda: watching(3), "a failed rebuild")
        assert "booklet.bogus: unknown field" in log.read_text()
        assert "the last good PDF stays in place" in log.read_text()
        assert pdf.read_bytes() == second
        edit(tiny, "  bogus: 1\n", "")
        _wait_for(lambda: watching(4), "a rebuild after the fix")

        with Image.open(PHOTO) as image:
            image.rotate(180).save(photo)
        _wait_for(lambda: watching(5), "a rebuild after a photo change")
        assert pdf.read_bytes() != second
    finally:
        watcher.send_signal(signal.SIGINT)
        code = watcher.wait(TIMEOUT)
    assert code == 130
    assert log.read_text().rstrip().endswith("stopped watching.")
