"""Writing the PDF when the world is unkind: a full disk, a file-size limit, a read-only folder, an
output that is a device or a FIFO, and a temp file left by a `kill -9`.

Each ends with one line that names the output and the reason, exit 1 (2 for an output that
cannot be a PDF), the previous PDF untouched, and no temp file or folder left behind.
"""

from __future__ import annotations

import errno
import fcntl
import os
import resource
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from booklet.content.errors import FileError
from booklet.output import pdf as pdf_module
from booklet.output.pdf import write_atomically
from tests.conftest import ROOT, run_cli

OLD = b"%PDF-1.4 the booklet from last week\n"


@pytest.fixture
def content(english_project: Path) -> Path:
    return english_project / "content.yaml"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds the temp file's fd in /proc")
def test_a_full_disk_is_one_line_exit_1_and_leaves_nothing_behind(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(pdf_module.os, "write", full)
    out = tmp_path / "out" / "booklet.pdf"
    out.parent.mkdir()
    out.write_bytes(OLD)
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")
    assert (code, err) == (1, f"error: cannot write {out}: the disk is full\n")
    assert out.read_bytes() == OLD and leftovers(out.parent) == []
    # A folder the build made for the output goes again when nothing could be written into it.
    deep = tmp_path / "new" / "deeper" / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(deep), "-q")
    assert (code, err) == (1, f"error: cannot write {deep}: the disk is full\n")
    assert not (tmp_path / "new").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE")
def test_a_file_size_limit_is_one_line_exit_1(content: Path, tmp_path: Path) -> None:
    # A real limit, in a child process: the PDF (about 150 KB) is over 64 KB.
    out = tmp_path / "booklet.pdf"
    out.write_bytes(OLD)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    result = subprocess.run(
        [sys.executable, "-m", "booklet", "build", str(content), "-o", str(out), "-q"],
        capture_output=True, text=True, timeout=120, preexec_fn=limit, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        1,
        f"error: cannot write {out}: the file would be larger than this system's file-size "
        "limit (ulimit -f)\n",
    )
    assert out.read_bytes() == OLD and leftovers(tmp_path) == []


def test_a_read_only_folder_is_one_line_exit_1(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_mkstemp = tempfile.mkstemp
    out = tmp_path / "booklet.pdf"

    def read_only(*args: Any, **kwargs: Any) -> Any:
        if Path(kwargs.get("dir") or "") == out.parent:
            raise OSError(errno.EROFS, "Read-only file system", str(out.parent / ".x.part"))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(pdf_module.tempfile, "mkstemp", read_only)
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")
    assert (code, err) == (1, f"error: cannot write {out}: the file system is read-only\n")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_without_write_permission_is_one_line_exit_1(
    content: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = run_cli("build", str(content), "-o", str(folder / "b.pdf"), "-q")
    finally:
        folder.chmod(0o755)
    assert (code, err) == (1, f"error: cannot write {folder / 'b.pdf'}: permission denied\n")


def test_an_output_that_is_a_fifo_is_refused_and_left_alone(content: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    code, _, err = run_cli("build", str(content), "-o", str(fifo), "-q")
    assert (code, err) == (
        2,
        f"error: output {fifo} is a named pipe (FIFO), not a regular file; give a file name "
        "like booklet-out/booklet.pdf\n",
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mknod needs root")
def test_an_output_that_is_a_device_is_refused_and_left_alone(tmp_path: Path) -> None:
    # A private copy of /dev/null: the real one is never risked, even if this test fails.
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    with pytest.raises(Exception, match="is a character device, not a regular file"):
        write_atomically(b"%PDF", device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


KILLED_WHILE_WRITING = """
import os, signal, sys
from pathlib import Path
from booklet.output import pdf
pdf.os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)  # kill -9 mid-write
pdf.write_atomically(b"%PDF new", Path(sys.argv[1]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGKILL, no flock")
def test_a_temp_file_left_by_kill_9_is_removed_by_the_next_write(tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    out.write_bytes(OLD)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, str(out)], cwd=ROOT, timeout=60, check=False
    )
    assert killed.returncode == -9
    (stale,) = leftovers(tmp_path)
    assert out.read_bytes() == OLD
    # Not ours to remove: another name's temp file, a look-alike, and one a live build holds.
    others = [".other.pdf.abcd1234.part", ".booklet.pdf.part", "booklet.pdf.abcd1234.part"]
    for name in others:
        (tmp_path / name).write_bytes(b"x")
    busy = tmp_path / ".booklet.pdf.busy1234.part"
    busy.write_bytes(b"x")
    with busy.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        write_atomically(b"%PDF new", out)
    assert out.read_bytes() == b"%PDF new"
    assert stale not in leftovers(tmp_path)
    assert sorted(leftovers(tmp_path)) == sorted([*others, busy.name])


def test_write_errors_name_the_target_not_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_rename(src: str, dst: Any) -> None:
        raise OSError(errno.EIO, "Input/output error", src)

    monkeypatch.setattr(pdf_module.os, "replace", no_rename)
    with pytest.raises(FileError) as caught:
        write_atomically(b"%PDF", tmp_path / "b.pdf")
    assert str(caught.value) == (
        f"cannot write {tmp_path / 'b.pdf'}: input/output error (a failing disk or a removed "
        "drive?)"
    )
    assert leftovers(tmp_path) == []
