"""The command line: exit codes, messages, init, and that a failed build loses nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from booklet import __version__
from tests.conftest import run_cli


def test_version_and_help() -> None:
    code, out, _ = run_cli("--version")
    assert code == 0 and __version__ in out
    code, out, _ = run_cli("--help")
    assert code == 0
    for command in ("build", "check", "init"):
        assert command in out


def test_python_dash_m_works() -> None:
    result = subprocess.run([sys.executable, "-m", "booklet", "--version"],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0 and __version__ in result.stdout


def test_check_accepts_the_default_content(project: Path) -> None:
    code, _, err = run_cli("check", str(project / "content.yaml"))
    assert code == 0, err
    assert "OK (10 rooms; editions: " in err
    assert "confirm before printing" in err


def test_build_writes_the_pdf_and_quiet_is_quiet(project: Path) -> None:
    out = project / "out" / "guide.pdf"
    code, stdout, err = run_cli("build", str(project / "content.yaml"), "-o", str(out), "--quiet")
    assert code == 0, err
    assert err == "" and stdout == ""
    assert len(PdfReader(out).pages) > 20


def test_bad_usage_exits_2(project: Path) -> None:
    code, _, err = run_cli("build", str(project / "content.yaml"), "--paper", "b5")
    assert code == 2
    assert "b5" in err
    code, _, err = run_cli("build", str(project / "content.yaml"), "-o", str(project))
    assert code == 2
    assert "is a folder" in err


def test_init_writes_a_project_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "museum"
    code, _, err = run_cli("init", str(target))
    assert code == 0, err
    assert (target / "content.yaml").is_file()
    assert (target / "assets" / "images" / "CREDITS").is_file()
    code, _, _ = run_cli("init", str(target))
    assert code == 2
    code, _, err = run_cli("build", str(target / "content.yaml"), "-o", str(target / "b.pdf"), "-q")
    assert code == 0, err
