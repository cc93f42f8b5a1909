"""Hostile content at the command line: every attack SECURITY.md promises to survive.

Each case runs `booklet` as a user would: in-process through click, or as a subprocess where a
memory limit, a timeout or a signal is part of the test. It runs in a sandbox

    tmp_path/
      museum/content.yaml        the default content, re-dumped, then made hostile
      museum/assets/             the images it names
      museum/booklet-out/booklet.pdf   last week's PDF, in place before every run
      outside/                   a neighbour folder content must never reach (MARKER lives here)
      tmp/                       the system temp folder during the run

and asserts the exit code, the exact `error:` lines, and that nothing in the sandbox (or beside
it) changed except the output: a refused build leaves last week's PDF byte-for-byte as it was,
with no `.part` file and no private temp folder left behind.

Heavy cases (bombs, thousands of rooms) run under a 2 GiB address-space limit; their wall time
and peak RSS are printed at the end of the module (`pytest -s tests/test_hostile.py`). The
2,000-room build (about 25 s) and the largest allowed image (about 1.4 GB of memory) run only
with BOOKLET_SLOW_TESTS=1.
"""

from __future__ import annotations

import copy
import errno
import hashlib
import io
import json
import math
import os
import re
import resource
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from tests.conftest import DEFAULT_CONTENT, ROOT, line_of, run_cli

GIB = 1 << 30
MEMORY_LIMIT = 2 * GIB
OLD_PDF = b"%PDF-1.4\n% last week's booklet, which a failed build must leave alone\n%%EOF\n"
SENTINEL = "HOSTILE-SENTINEL"
UNREADABLE = (
    "not a photo booklet can read: the file is corrupt, empty or not really an image; "
    "open it and export it again as a JPEG"
)
MAKE_IT_FIT = "export it as a JPEG at 3000 pixels on the long side (plenty for print)"
UNEXPECTED_HINT = "error: run with `booklet --debug ...` for details; nothing was written."
INTERRUPTED = "error: interrupted; nothing was written."
SAFE_SCHEMES = ("http://", "https://", "mailto:")
TYPOGRAPHIC_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})

slow = pytest.mark.skipif(
    os.environ.get("BOOKLET_SLOW_TESTS") != "1",
    reason="slow or memory-hungry; run with BOOKLET_SLOW_TESTS=1",
)

# The public CVE-2023-33733 exploit (ReportLab < 3.6.13 evaluated `color` attributes).
CVE_2023_33733 = (
    "<font color=\"[[[getattr(pow, Word('__globals__'))['os'].system('touch MARKER') "
    "for Word in [ orgTypeFun( 'Word', (str,), { 'mutated': 1, 'startswith': lambda self, x: "
    "1 == 0, '__eq__': lambda self, x: self.mutate() and self.mutated < 0 and str(self) == x, "
    "'mutate': lambda self: { setattr(self, 'mutated', self.mutated - 1) }, '__hash__': "
    "lambda self: hash(str(self)), }, ) ] ] for orgTypeFun in [type(type(1))] ] and "
    "'red'\">exploit</font>"
)


# -- the sandbox -----------------------------------------------------------------------------

Entry = tuple[object, ...]


def _entry(path: Path) -> Entry:
    """What a directory entry is, without opening anything that is not a regular file."""
    info = path.lstat()
    kind = stat.S_IFMT(info.st_mode)
    if kind == stat.S_IFLNK:
        return ("link", os.readlink(path))
    if kind == stat.S_IFDIR:
        return ("dir",)
    if kind == stat.S_IFREG:
        if info.st_size > 8_000_000:  # the sparse 41 MB file: identity rather than content
            return ("file", info.st_size, info.st_ino, info.st_mtime_ns)
        return ("file", hashlib.sha256(path.read_bytes()).hexdigest())
    return ("special", kind, info.st_ino)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Write shared objects out in full: booklet (rightly) refuses the anchors PyYAML adds."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)


def load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


_DEFAULT: list[dict[str, Any]] = []


def default_data() -> dict[str, Any]:
    """The default content as data, shortened: every section and field (and both editions),
    but only the first few entries of each list, so a sandbox builds in a third of the time.
    Without its photos (they are not copied into sandboxes)."""
    if not _DEFAULT:
        data = load(DEFAULT_CONTENT.read_text(encoding="utf-8"))
        data["rooms"] = data["rooms"][:3]
        for room in data["rooms"]:
            room.pop("image", None)
        kept = {room["id"] for room in data["rooms"]}
        data["plan"]["areas"] = [a for a in data["plan"]["areas"] if a["room"] in kept]
        history = data["history"]
        history["chapters"] = history["chapters"][:2]
        history["timeline"] = history["timeline"][:3] + history["timeline"][-3:]
        for key, keep in (("tips", 2), ("nearby", 2), ("sources", 3)):
            data[key] = data[key][:keep]
        _DEFAULT.append(data)
    return copy.deepcopy(_DEFAULT[0])


def set_at(data: Any, where: tuple[str | int, ...], value: object) -> None:
    for key in where[:-1]:
        data = data[key]
    data[where[-1]] = value


@dataclass
class Site:
    root: Path
    project: Path
    outside: Path
    temp: Path
    content: Path
    out: Path
    marker: Path
    written: dict[str, Any] | None = None  # what content.yaml holds, while it is plain data

    @property
    def out_key(self) -> str:
        return str(self.out.relative_to(self.root))

    def data(self) -> dict[str, Any]:
        if self.written is not None:
            return copy.deepcopy(self.written)
        loaded: dict[str, Any] = load(self.content.read_text(encoding="utf-8"))
        return loaded

    def write(self, data: dict[str, Any]) -> None:
        self.content.write_text(dump(data), encoding="utf-8")
        self.written = copy.deepcopy(data)

    def line(self, needle: str) -> int:
        return line_of(self.content, needle)

    def place(self, where: tuple[str | int, ...], raw: str | bytes) -> int:
        """Put `raw` (YAML source, not a Python value) at `where`; return its line."""
        data = self.data()
        set_at(data, where, SENTINEL)
        self.write(data)
        line = self.line(SENTINEL)
        self.swap(SENTINEL, raw)
        return line

    def swap(self, old: str, new: str | bytes) -> None:
        raw = self.content.read_bytes()
        assert raw.count(old.encode()) == 1
        self.written = None
        self.content.write_bytes(
            raw.replace(old.encode(), new if isinstance(new, bytes) else new.encode())
        )

    def set(self, where: tuple[str | int, ...], value: object) -> None:
        data = self.data()
        set_at(data, where, value)
        self.write(data)

    def snapshot(self) -> dict[str, Entry]:
        found: dict[str, Entry] = {
            f"../{name}": ("sibling",) for name in os.listdir(self.root.parent)
        }
        for folder, dirs, files in os.walk(self.root):
            for name in dirs + files:
                path = Path(folder, name)
                found[str(path.relative_to(self.root))] = _entry(path)
        return found

    def changes(self, before: dict[str, Entry]) -> list[str]:
        after = self.snapshot()
        return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """The sandbox of the module docstring, with the system temp folder and cwd inside it."""
    project = tmp_path / "museum"
    (project / "assets").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    temp = tmp_path / "tmp"
    temp.mkdir()
    here = Site(
        root=tmp_path,
        project=project,
        outside=outside,
        temp=temp,
        content=project / "content.yaml",
        out=project / "booklet-out" / "booklet.pdf",
        marker=outside / "MARKER",
    )
    here.write(default_data())
    here.out.parent.mkdir()
    here.out.write_bytes(OLD_PDF)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    # `--debug` sets BOOKLET_DEBUG in this process: unset it now, and again after the test.
    monkeypatch.setenv("BOOKLET_DEBUG", "")
    monkeypatch.delenv("BOOKLET_DEBUG")
    monkeypatch.chdir(tmp_path)
    return here


# -- running booklet -------------------------------------------------------------------------


@dataclass
class Result:
    code: int
    out: str
    err: str
    changed: list[str]
    seconds: float
    peak_mib: float | None = None

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()


def run(site: Site, *args: str) -> Result:
    """`booklet ARGS` in-process."""
    before = site.snapshot()
    started = time.perf_counter()
    code, out, err = run_cli(*args)
    return Result(code, out, err, site.changes(before), time.perf_counter() - started)


def build(site: Site, *extra: str) -> Result:
    return run(site, "build", str(site.content), "-o", str(site.out), "-q", *extra)


MEASURED: list[tuple[str, float, float]] = []


@pytest.fixture(scope="module", autouse=True)
def _report_measurements() -> Iterator[None]:
    yield
    if not MEASURED:
        return
    print(f"\nhostile cases under a {MEMORY_LIMIT // GIB} GiB address-space limit:")
    for case, seconds, peak in sorted(MEASURED, key=lambda m: -m[2]):
        print(f"  {case:<48} {seconds:6.2f} s {peak:7.0f} MiB peak RSS")
    slowest = max(MEASURED, key=lambda m: m[1])
    largest = max(MEASURED, key=lambda m: m[2])
    print(f"  worst time: {slowest[1]:.1f} s ({slowest[0]}); "
          f"worst peak RSS: {largest[2]:.0f} MiB ({largest[0]})")  # fmt: skip


@dataclass
class Interrupt:
    """Send `signal` `delay` seconds after a stderr line containing `after` appears."""

    signal: int
    after: str
    delay: float
    sent: bool = False


def run_limited(
    site: Site,
    case: str,
    *args: str,
    timeout: float = 120,
    interrupt: Interrupt | None = None,
) -> Result:
    """`python -m booklet ARGS` under RLIMIT_AS; record its wall time and peak RSS."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(site.temp)}
    env.pop("BOOKLET_DEBUG", None)
    before = site.snapshot()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "booklet", *args],
        cwd=site.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limit,
    )
    captured: dict[str, str] = {}

    def drain(name: str, stream: Any) -> None:
        lines = []
        for line in stream:
            lines.append(line)
            if interrupt and name == "err" and not interrupt.sent and interrupt.after in line:
                time.sleep(interrupt.delay)
                proc.send_signal(interrupt.signal)
                interrupt.sent = True
        captured[name] = "".join(lines)

    readers = [
        threading.Thread(target=drain, args=("out", proc.stdout)),
        threading.Thread(target=drain, args=("err", proc.stderr)),
    ]
    for reader in readers:
        reader.start()
    while True:  # wait4 rather than Popen.wait: it reports this child's own peak RSS
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - started > timeout:
            proc.kill()
            os.wait4(proc.pid, 0)
            pytest.fail(f"{case}: still running after {timeout:.0f} s")
        time.sleep(0.01)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    seconds = time.perf_counter() - started
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    MEASURED.append((case, seconds, peak))
    return Result(
        proc.returncode, captured["out"], captured["err"], site.changes(before), seconds, peak
    )


def build_limited(site: Site, case: str, *extra: str, **options: Any) -> Result:
    return run_limited(site, case, "build", str(site.content), "-o", str(site.out), "-q", *extra,
                       **options)  # fmt: skip


# -- what every case asserts -----------------------------------------------------------------


def summary(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} found; nothing was written."


def assert_printable(text: str) -> None:
    """No raw control, bidi or other invisible character reaches the terminal."""
    assert [c for c in text if c != "\n" and not c.isprintable()] == []


def assert_untouched(site: Site, result: Result) -> None:
    assert result.changed == []
    assert site.out.read_bytes() == OLD_PDF
    assert not list(site.root.rglob("*.part"))
    assert not list(site.temp.iterdir())


def assert_refused(site: Site, result: Result, *problems: str) -> None:
    """Exit 1 with exactly these problems (without `error: `) and the count; nothing written."""
    assert result.lines == [f"error: {p}" for p in problems] + [summary(len(problems))]
    assert result.code == 1
    assert result.out == ""
    assert_printable(result.err)
    assert_untouched(site, result)


def assert_built(site: Site, result: Result) -> None:
    """Exit 0, silent under -q, and the only change anywhere is the new PDF."""
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.changed == [site.out_key]
    assert site.out.read_bytes().startswith(b"%PDF-")
    assert not list(site.root.rglob("*.part"))
    assert not list(site.temp.iterdir())
    assert not site.marker.exists()


def printed_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def squash(text: str) -> str:
    """Text as printed, comparable with text as typed: straight quotes, no line breaks, spaces
    or hyphens (hyphenation adds some, and a break may fall at any space)."""
    return re.sub(r"[\s\-\u2010\u00ad]", "", text.translate(TYPOGRAPHIC_QUOTES))


def assert_safe_links(pdf: Path) -> None:
    """Links only to the web, mail or pages of the booklet; no actions run on opening."""
    reader = PdfReader(pdf)
    catalog = reader.trailer["/Root"]
    assert "/OpenAction" not in catalog and "/AA" not in catalog
    names = catalog.get("/Names")
    if names is not None:
        assert "/JavaScript" not in names and "/EmbeddedFiles" not in names
    for page in reader.pages:
        assert "/AA" not in page
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is None:
                continue
            action = action.get_object()
            kind = action.get("/S")
            assert kind in ("/URI", "/GoTo"), action
            if kind == "/URI":
                assert str(action["/URI"]).startswith(SAFE_SCHEMES), action["/URI"]


# -- watching what a build opens, spawns and connects to -------------------------------------

_AUDIT: list[tuple[str, tuple[Any, ...]]] | None = None
_SPAWN = ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen", "os.startfile")


def _audit_hook(event: str, args: tuple[Any, ...]) -> None:
    if _AUDIT is not None and (
        event == "open" or event.startswith("socket.") or event.startswith(_SPAWN)
    ):
        _AUDIT.append((event, args))


sys.addaudithook(_audit_hook)  # inert until `audited()` turns it on


@contextmanager
def audited() -> Iterator[list[tuple[str, tuple[Any, ...]]]]:
    global _AUDIT
    events: list[tuple[str, tuple[Any, ...]]] = []
    _AUDIT = events
    try:
        yield events
    finally:
        _AUDIT = None


def opened_paths(events: list[tuple[str, tuple[Any, ...]]]) -> set[Path]:
    paths = set()
    for event, args in events:
        if event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            paths.add(Path(os.fsdecode(args[0])).absolute())
    return paths


def assert_reads_only_its_own_files(site: Site, events: list[Any], *named: Path) -> None:
    """Promise 1: from the sandbox, only the content, the images it names, the private temp
    folder and the output folder are opened; elsewhere only Python and the booklet package."""
    allowed_in_site = {site.content, *named}
    own = (site.temp, site.out.parent)
    installed = (
        Path(sys.prefix),
        Path(sys.base_prefix),
        ROOT / "booklet",  # the code, and its fonts in booklet/fonts/
    )
    for path in opened_paths(events):
        if path.is_relative_to(site.root):
            assert path in allowed_in_site or any(path.is_relative_to(p) for p in own), path
        else:
            assert any(path.is_relative_to(p) for p in installed), path
    assert [e for e, _ in events if e.startswith("socket.") or e.startswith(_SPAWN)] == []


# -- files to feed it ------------------------------------------------------------------------


def jpeg_bytes(size: tuple[int, int] = (900, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 50).convert("RGB").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def image_bytes(fmt: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((64, 48), 50).convert("RGB").save(buffer, fmt, **options)
    return buffer.getvalue()


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, colour_type: int = 0, rows: int | None = None) -> bytes:
    """A PNG of black pixels, compressed row by row so it is never held in memory whole;
    `rows` < height gives a header that claims more than the data holds."""
    channels = {0: 1, 2: 3, 6: 4}[colour_type]
    row = b"\0" * (1 + width * channels)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height if rows is None else rows))
    data += packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def name_image(site: Site, name: str) -> int:
    """Make rooms[0].image.file the given name (any characters); return its line."""
    data = site.data()
    data["rooms"][0]["image"] = {"file": SENTINEL}
    site.write(data)
    line = site.line(SENTINEL)
    site.swap(SENTINEL, json.dumps(name))  # a JSON string is a YAML double-quoted scalar
    return line


def add_photo(site: Site, name: str = "assets/photo.jpg", data: bytes | None = None) -> int:
    path = site.project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(jpeg_bytes() if data is None else data)
    return name_image(site, name)


def many_rooms(data: dict[str, Any], count: int) -> dict[str, Any]:
    """The default content with `count` rooms (copies of its own) laid out as a grid on the plan.
    Past 1,000 rooms each copy keeps only its own-language text, first paragraph and two
    highlights, to stay under the 2 MB input cap."""
    templates = data["rooms"]
    own = data["booklet"].get("language", "en")

    def lean(value: Any) -> Any:
        if isinstance(value, dict) and own in value and all(len(k) == 2 for k in value):
            return lean(value[own])
        if isinstance(value, dict):
            return {k: lean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [lean(v) for v in value]
        return value

    rooms = []
    for index in range(count):
        room = copy.deepcopy(templates[index % len(templates)])
        room.update(id=f"room-{index + 1}", number=index + 1)
        if count > 1000:
            room = lean(room)
            room["text"] = room["text"].strip().split("\n\n")[0]
            room["highlights"] = room.get("highlights", [])[:2]
        rooms.append(room)
    width, height = data["plan"].get("size", [100, 70])
    columns = math.ceil(math.sqrt(count * width / height))
    cell_w, cell_h = width / columns, height / math.ceil(count / columns)

    def cell(index: int) -> list[list[float]]:
        x, y = index % columns * cell_w, index // columns * cell_h
        corners = [(x, y), (x + cell_w, y), (x + cell_w, y + cell_h), (x, y + cell_h)]
        return [[round(min(cx, width), 3), round(min(cy, height), 3)] for cx, cy in corners]

    data["rooms"] = rooms
    data["plan"]["areas"] = [{"room": f"room-{i + 1}", "outline": cell(i)} for i in range(count)]
    return data


# == YAML ====================================================================================


def test_an_alias_bomb_is_refused_before_it_expands(site: Site) -> None:
    levels = ['&l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"&l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    line = site.place(("welcome", "title"), "[" + ", ".join(levels) + "]")  # 9**10 "lol"s
    result = build_limited(site, "alias bomb (9**10 references)")
    assert_refused(
        site,
        result,
        f"content.yaml:{line}: YAML aliases (*name) are not allowed; write the value out in full",
    )


@pytest.mark.parametrize("style", ["flow", "block"])
def test_200_levels_of_nesting_are_refused_at_level_33(site: Site, style: str) -> None:
    if style == "flow":
        line = site.place(("welcome", "title"), "[" * 200 + "]" * 200)
        deepest = line
    else:  # title: / k: / k: ... one mapping per line, 2 spaces deeper each time
        nested = "".join(f"\n{'  ' * (level + 2)}k:" for level in range(200)) + " x"
        line = site.place(("welcome", "title"), nested)
        # the document is level 1, welcome: 2, title's value 3 (on the next line), ...
        deepest = line + 33 - 2
    result = build_limited(site, f"200 levels of {style} nesting")
    assert_refused(site, result, f"content.yaml:{deepest}: nested deeper than 32 levels")


def test_a_3_mb_file_is_refused_unread(site: Site) -> None:
    with site.content.open("a", encoding="utf-8") as stream:
        stream.write("# padding\n" + ("# " + "x" * 1000 + "\n") * 3000)
    result = build_limited(site, "3 MB content.yaml")
    assert_refused(site, result, "content.yaml: file is larger than 2,000,000 bytes")


def test_latin_1_bytes_are_refused_with_their_line(site: Site) -> None:
    line = site.place(("welcome", "title"), '"Caf\xe9"'.encode("latin-1"))
    assert_refused(
        site, build(site), f"content.yaml:{line}: not valid UTF-8 text; save the file as UTF-8"
    )


def test_a_duplicate_key_is_refused(site: Site) -> None:
    line = site.place(("rooms", 0, "name"), "Kitchen")
    lines = site.content.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines[line - 1]
    assert first.lstrip().startswith("name: ")  # not the first key of the list item
    lines.insert(line, first.replace("Kitchen", "Larder"))
    site.content.write_text("".join(lines), encoding="utf-8")
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line + 1}: rooms[0].name: duplicate key (first given on line {line})",
    )


def test_a_raw_control_character_is_refused(site: Site) -> None:
    line = site.place(("welcome", "title"), '"Wel\x07come"')
    assert_refused(
        site, build(site), f"content.yaml:{line}: contains a control character (U+0007); remove it"
    )


@pytest.mark.parametrize(
    ("tagged", "problem"),
    [
        ('!!python/object/apply:os.system ["touch MARKER"]', "expected text, got a list"),
        ("!!python/object/new:os.system {args: [touch MARKER]}", "expected text, got a mapping"),
        (
            "!!python/object/apply:os.system\n    args: [touch MARKER]",
            "expected text, got a mapping",
        ),
        (
            "!!python/name:os.system x",
            'YAML reads x as something other than text; put it in quotes: "x"',
        ),
    ],
)
def test_python_tags_construct_nothing(site: Site, tagged: str, problem: str) -> None:
    line = site.place(("welcome", "title"), tagged.replace("MARKER", str(site.marker)))
    assert_refused(site, build(site), f"content.yaml:{line}: welcome.title: {problem}")
    assert not site.marker.exists()


# == text injection ==========================================================================


@pytest.mark.parametrize("where", [("rooms", 0, "text"), ("tips", 0, "text")])
def test_the_cve_2023_33733_payload_in_text_prints_literally(
    site: Site, where: tuple[str | int, ...]
) -> None:
    payload = CVE_2023_33733.replace("MARKER", str(site.marker))
    site.set(where, payload)
    result = build(site)
    assert_built(site, result)
    assert squash(payload) in squash(printed_text(site.out))
    assert_safe_links(site.out)


def test_the_cve_2023_33733_payload_is_too_long_for_a_tip_title(site: Site) -> None:
    payload = CVE_2023_33733.replace("MARKER", str(site.marker))
    site.set(("tips", 0, "title"), payload)
    line = site.line("exploit</font>")
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line}: tips[0].title: too long: {len(payload)} characters, at most 80",
    )
    assert not site.marker.exists()


def test_a_short_cve_shaped_tip_title_prints_literally(site: Site) -> None:
    title = "<font color=\"[__import__('os').system('touch MARKER')] and 'red'\">x</font>"
    assert len(title) <= 80
    site.set(("tips", 0, "title"), title)
    assert_built(site, build(site))
    assert squash(title) in squash(printed_text(site.out))
    assert not (site.root / "MARKER").exists()


def test_the_cve_2023_33733_payload_as_a_colour_is_refused(site: Site) -> None:
    payload = CVE_2023_33733.replace("MARKER", str(site.marker))
    site.set(("theme", "palette", "accent"), payload)
    line = site.line("exploit</font>")
    field = f"content.yaml:{line}: theme.palette.accent"
    assert_refused(
        site,
        build(site),
        f"{field}: too long: {len(payload)} characters, at most 7",
    )
    assert not site.marker.exists()


DEEP_STRONG = "**" * 100 + "deep" + "**" * 100
DEEP_EMPHASIS = "*" * 100 + "deep" + "*" * 100
INTERLEAVED = " ".join(["**a", "*b"] * 50) + " deep" + "* **" * 50

MARKUP = {
    "img": '<img src="/etc/passwd"/>',
    "a-javascript": '<a href="javascript:alert(1)">x</a>',
    "a-file": '<a href="file:///etc/passwd">x</a>',
    "para": "<para>",
    "onDraw": '<onDraw name="x"/>',
    "nul-entity": "&#0;",
    "entities": "&amp;lt; &lt;b&gt; &#x3c;br/&#x3e;",
    "font-file": '<font name="/etc/passwd" size="999">x</font>',
    "close-para": "</para><para>x",
    "md-javascript-parenthesised": "[x](javascript:alert(1))",
    "deep-strong": DEEP_STRONG,
    "deep-emphasis": DEEP_EMPHASIS,
    "interleaved": INTERLEAVED,
}


@pytest.mark.parametrize("name", sorted(MARKUP))
def test_paragraph_markup_in_content_prints_as_typed(site: Site, name: str) -> None:
    """In a room's text and a tip's text, and where it fits in a room name and a tip title."""
    payload = MARKUP[name]
    data = site.data()
    spots: list[tuple[str | int, ...]] = [("rooms", 0, "text"), ("tips", 0, "text")]
    if len(payload) <= 80:
        spots += [("rooms", 0, "name"), ("tips", 0, "title")]
    for where in spots:
        set_at(data, where, payload)
    site.write(data)
    result = build(site)
    assert_built(site, result)
    assert_safe_links(site.out)
    printed = squash(printed_text(site.out))
    if "*" in payload:  # matched markers become bold and italic; the word itself must print
        assert "deep" in printed
    else:
        assert printed.count(squash(payload)) >= len(spots)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:void",
        "JAVASCRIPT:void",
        "data:text/html,x",
        "//evil.example/x",
        "https:javascript",
    ],
)
def test_links_to_anything_but_the_web_or_mail_are_refused(site: Site, url: str) -> None:
    data = site.data()
    data["rooms"][0]["text"] = f"See [this]({url})."
    data["tips"][0]["title"] = f"[x]({url})"
    site.write(data)
    room = site.line(f"See [this]({url}).")
    tip = site.line(f"[x]({url})")
    why = (
        f"link has no host: {url!r}"
        if url.startswith("https:")
        else f"links must start with http://, https:// or mailto:, got {url!r}"
    )
    problems = sorted(
        [(room, f"content.yaml:{room}: rooms[0].text: {why}"),
         (tip, f"content.yaml:{tip}: tips[0].title: {why}")]
    )  # fmt: skip
    assert_refused(site, build(site), *(p for _, p in problems))


EVERYWHERE = '<img src="/etc/pw"/><a href="js:">&#0;'  # fits the shortest cap (40)
STRUCTURAL = {
    "language", "translations", "website", "verify", "opens", "closes", "date", "until", "room",
    "id", "kind", "pictogram", "icon", "side", "url", "theme", "outline", "size", "entrance",
    "number", "walk_minutes", "highlight", "image", "art",
}  # fmt: skip


def everywhere(node: Any, payload: str = EVERYWHERE) -> Any:
    """`payload` in place of every text of the content (ids, dates, links... stay)."""
    if isinstance(node, dict):
        return {
            k: v if k in STRUCTURAL or k.endswith("language") else everywhere(v, payload)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [everywhere(v, payload) for v in node]
    return payload if isinstance(node, str) else node


def test_markup_in_every_text_field_opens_no_file(site: Site) -> None:
    """The same payload in every text of every edition; nothing is opened that should not be."""
    data = everywhere(site.data())
    site.write(data)
    add_photo(site)
    with audited() as events:  # untranslated texts are allowed: they print the original
        result = run(site, "build", str(site.content), "-o", str(site.out.parent), "-q",
                     "--lang", "all", "--allow-fallback")  # fmt: skip
    outputs = [site.out] + [
        site.out.with_name(f"booklet-{code}.pdf")
        for code in data["booklet"].get("translations", [])
    ]
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.changed == sorted(str(out.relative_to(site.root)) for out in outputs)
    for out in outputs:
        assert_safe_links(out)
        assert squash(printed_text(out)).count(squash(EVERYWHERE)) > 20
    assert_reads_only_its_own_files(site, events, site.project / "assets" / "photo.jpg")
    assert Path("/etc/pw") not in opened_paths(events)
    assert not site.marker.exists() and not list(site.temp.iterdir())


def test_markup_everywhere_survives_print_imposition_and_preflight(site: Site) -> None:
    """The other ways text reaches a page: the print profile, the imposed sheets, preflight."""
    site.write(everywhere(site.data()))
    photo = site.project / "assets" / "photo.jpg"
    add_photo(site)
    with audited() as events:
        built = build(site, "--profile", "print", "--impose")
        checked = run(site, "check", str(site.content), "--preflight", "-q")
    assert built.code == 0, built.err
    imposed = site.out.with_name("booklet-imposed.pdf")
    assert built.changed == sorted([site.out_key, str(imposed.relative_to(site.root))])
    assert_safe_links(site.out)
    assert_safe_links(imposed)
    assert checked.code == 0, checked.err
    assert checked.changed == []
    assert_printable(checked.err)
    assert_reads_only_its_own_files(site, events, photo)
    assert not site.marker.exists() and not list(site.temp.iterdir())


def test_reportlab_is_configured_to_fetch_no_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second door of promise 2: were markup ever to reach ReportLab unescaped, an
    <img src="https://..."> would still fetch nothing."""
    from reportlab.lib.utils import open_for_read

    import booklet.layout.render  # noqa: F401 (sets rl_config.trustedHosts/trustedSchemes)

    attempts: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda _s, address: attempts.append(address))
    for url in ("https://example.com/x.png", "http://127.0.0.1:9/x", "data:,secret", "ftp://x/y"):
        with pytest.raises(OSError, match="Cannot open resource"):
            open_for_read(url)
    assert attempts == []


@pytest.mark.xfail(
    strict=True,
    reason="KNOWN LIMIT (SECURITY.md, promise 1): ReportLab's trustedHosts/trustedSchemes "
    "govern only URLs, so ReportLab itself would open any local path given to <img src>; "
    "escaping in content/inline.py is the only guard. Passes if ReportLab ever adds a lock",
)
def test_reportlab_is_configured_to_open_no_local_path(site: Site) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    import booklet.layout.render  # noqa: F401

    photo = site.outside / "photo.jpg"
    photo.write_bytes(jpeg_bytes())
    with audited() as events, pytest.raises(Exception):  # noqa: B017 (any refusal will do)
        Paragraph(f'<img src="{photo}" width="9" height="9"/>', ParagraphStyle("x"))
    assert photo not in opened_paths(events)


# == characters ==============================================================================


@pytest.mark.parametrize(
    ("raw", "code", "reason"),
    [
        ('"Kitchen\u202e"', 0x202E, "a bidirectional override"),  # raw in the file
        ('"Kitchen\\u202e"', 0x202E, "a bidirectional override"),
        ('"Kitchen\\u2066x\\u2069"', 0x2066, "a bidirectional override"),
        ('"Kitchen\\x1b[31m"', 0x1B, "a control or unassigned character"),
        ('"Kitchen\\uffff"', 0xFFFF, "a control or unassigned character"),
        ('"Kitchen\\ue000"', 0xE000, "a control or unassigned character"),
        ('"Kitchen\\0"', 0x0000, "a control or unassigned character"),
        ('"Kitchen\\x85"', 0x0085, "a control or unassigned character"),
        ('"Kitchen\\u009b"', 0x009B, "a control or unassigned character"),
        ('"Kitchen\\u0007"', 0x0007, "a control or unassigned character"),
    ],
)
def test_invisible_and_control_characters_are_refused(
    site: Site, raw: str, code: int, reason: str
) -> None:
    line = site.place(("rooms", 0, "name"), raw)
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line}: rooms[0].name: contains {reason} (U+{code:04X}); remove it",
    )


def test_a_lone_surrogate_escape_is_refused_by_the_yaml_reader(site: Site) -> None:
    line = site.place(("rooms", 0, "name"), '"Kitchen\\ud800"')
    text = (site.project / "content.yaml").read_text(encoding="utf-8").splitlines()[line - 1]
    # PyYAML refuses the escape itself, so no field can be named (SECURITY.md says there is one).
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line}:{text.index(chr(92)) + 1}: '\\ud800' is not a valid escape inside "
        "double quotes; write '\\\\' for a backslash, or enclose the text in single quotes",
    )


def test_a_raw_noncharacter_is_refused_by_the_yaml_reader(site: Site) -> None:
    line = site.place(("rooms", 0, "name"), '"Kitchen\uffff"')
    assert_refused(
        site, build(site), f"content.yaml:{line}: contains a control character (U+FFFF); remove it"
    )


def test_bidi_and_escapes_in_a_key_are_shown_escaped(site: Site) -> None:
    line = site.place(("theme", "paper"), 'a5\n  "\\u202eevil\\x1b[2J": 1')
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line + 1}: theme.\\u202eevil\\u001b[2J: unknown field; "
        "expected one of: paper, palette, fonts",
    )


def test_a_zero_width_joiner_is_ordinary_text(site: Site) -> None:
    # It joins emoji and Indic letters; refusing it would refuse real text. (These emoji have
    # no glyph in the bundled fonts: see the next test.)
    site.place(("rooms", 0, "name"), '"Kitchen \\U0001F468\\u200D\\U0001F373"')
    assert_built(site, build(site, "--allow-missing-glyphs"))


def test_characters_no_font_can_draw_fail_the_build(site: Site) -> None:
    """Chinese, Korean, Arabic... would print as blank boxes: the build says where, and stops."""
    line = site.place(("rooms", 0, "name"), '"Kitchen \\u53a8\\u623f"')
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line}: rooms[0].name: characters '\u53a8' (U+53A8), '\u623f' (U+623F) "
        "are in none of the booklet's fonts and would print as blank boxes; add a font that has "
        "them (theme.fonts), replace them, or build with --allow-missing-glyphs",
    )


def test_characters_no_font_can_draw_are_warned_about_when_allowed(
    site: Site, expected_warnings: list[str]
) -> None:
    line = site.place(("rooms", 0, "name"), '"Kitchen \\u53a8"')
    result = run(site, "build", str(site.content), "-o", str(site.out), "--allow-missing-glyphs")
    assert result.code == 0, result.err
    assert [text for text in result.lines if text.startswith("warning:")] == [
        f"warning: content.yaml:{line}: rooms[0].name: character '\u53a8' (U+53A8) is in none "
        "of the booklet's fonts and would print as a blank box; add a font that has it "
        "(theme.fonts), replace it, or build with --allow-missing-glyphs"
    ]
    assert len(expected_warnings) == 1
    assert_printable(result.err)
    assert result.changed == [site.out_key]


def test_glyph_problems_show_invisible_characters_escaped(site: Site) -> None:
    line = site.place(("rooms", 0, "name"), '"Kitchen\\U000E0041\\u180E"')
    result = build(site)
    assert result.code == 1
    assert (
        f"error: content.yaml:{line}: rooms[0].name: characters '\\u180e' (U+180E), '\\ue0041' "
        "(U+E0041) are in none of the booklet's fonts" in result.err
    )
    assert_printable(result.err)


def test_glyph_warnings_for_one_field_are_few(site: Site, expected_warnings: list[str]) -> None:
    site.set(("rooms", 0, "text"), "".join(chr(0x4E00 + i) for i in range(2000)))
    result = run(site, "build", str(site.content), "-o", str(site.out), "--allow-missing-glyphs")
    assert result.code == 0, result.err
    assert len([text for text in result.lines if text.startswith("warning:")]) <= 10
    assert 1 <= len(expected_warnings) <= 10


# == paths (rooms[0].image.file) ============================================================


def _outside_photo(site: Site) -> Path:
    photo = site.outside / "photo.jpg"
    photo.write_bytes(jpeg_bytes())
    return photo


def _path_absolute(site: Site) -> tuple[str, str]:
    return "/etc/passwd", "must be a path relative to the content folder, got '/etc/passwd'"


def _path_dotdot(site: Site) -> tuple[str, str]:
    _outside_photo(site)
    name = "../outside/photo.jpg"
    return name, f"must not leave the content folder ('..' in '{name}')"


def _path_backslash_dotdot(site: Site) -> tuple[str, str]:
    name = "assets\\..\\..\\outside\\photo.jpg"
    return name, f"must not leave the content folder ('..' in '{name}')"


def _path_symlinked_file(site: Site) -> tuple[str, str]:
    (site.project / "assets" / "photo.jpg").symlink_to(_outside_photo(site))
    return "assets/photo.jpg", "leads outside the content folder: assets/photo.jpg"


def _path_symlinked_folder(site: Site) -> tuple[str, str]:
    _outside_photo(site)
    (site.project / "assets" / "shared").symlink_to(site.outside, target_is_directory=True)
    return "assets/shared/photo.jpg", "leads outside the content folder: assets/shared/photo.jpg"


def _path_fifo(site: Site) -> tuple[str, str]:
    os.mkfifo(site.project / "assets" / "photo.jpg")
    return "assets/photo.jpg", "not a regular file: assets/photo.jpg"


def _path_device(site: Site) -> tuple[str, str]:
    (site.project / "assets" / "photo.jpg").symlink_to("/dev/zero")
    return "assets/photo.jpg", "leads outside the content folder: assets/photo.jpg"


def _path_folder(site: Site) -> tuple[str, str]:
    (site.project / "assets" / "photo.jpg").mkdir()
    return "assets/photo.jpg", "not a regular file: assets/photo.jpg"


def _path_41_mb(site: Site) -> tuple[str, str]:
    with (site.project / "assets" / "photo.jpg").open("wb") as stream:
        stream.write(jpeg_bytes()[:1000])
        stream.truncate(41_000_000)  # sparse
    return "assets/photo.jpg", f"photo is 41.0 MB, more than the 40 MB allowed; {MAKE_IT_FIT}"


def _path_missing(site: Site) -> tuple[str, str]:
    return "assets/photo.jpg", "file not found: assets/photo.jpg"


def _path_too_long(site: Site) -> tuple[str, str]:
    name = "assets/" + "a" * 280 + ".jpg"
    return name, f"cannot read {name}: File name too long"


PATHS: dict[str, Callable[[Site], tuple[str, str]]] = {
    "absolute": _path_absolute,
    "dotdot": _path_dotdot,
    "backslash-dotdot": _path_backslash_dotdot,
    "symlinked-file-outside": _path_symlinked_file,
    "symlinked-folder-outside": _path_symlinked_folder,
    "fifo": _path_fifo,
    "dev-zero-via-symlink": _path_device,
    "folder": _path_folder,
    "41-mb-sparse": _path_41_mb,
    "missing": _path_missing,
    "name-too-long": _path_too_long,
}


@pytest.mark.parametrize("case", sorted(PATHS))
def test_image_paths_that_leave_the_folder_or_are_not_files(site: Site, case: str) -> None:
    name, problem = PATHS[case](site)
    line = name_image(site, name)
    if case in ("fifo", "dev-zero-via-symlink"):
        # A subprocess with a timeout: a FIFO or a device opened by mistake would block or
        # never end.
        result = build_limited(site, f"image path: {case}", timeout=60)
    else:
        result = build(site)
    assert_refused(site, result, f"content.yaml:{line}: rooms[0].image.file: {problem}")


def test_a_symlink_loop_is_a_content_error(site: Site) -> None:
    (site.project / "assets" / "a.jpg").symlink_to("b.jpg")
    (site.project / "assets" / "b.jpg").symlink_to("a.jpg")
    line = name_image(site, "assets/a.jpg")
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line}: rooms[0].image.file: "
        "cannot be resolved (a symlink loop?): assets/a.jpg",
    )


@pytest.mark.parametrize("char", ["\0", "\x1b"], ids=["NUL", "ESC"])
def test_a_control_character_in_an_image_name_is_a_content_error(site: Site, char: str) -> None:
    line = name_image(site, f"assets/photo{char}[31m.jpg")
    field = f"content.yaml:{line}: rooms[0].image.file"
    assert_refused(
        site,
        build(site),
        f"{field}: contains a control or unassigned character (U+{ord(char):04X}); remove it",
        f"{field}: file name contains a control character",
    )


# == images ==================================================================================


IMAGES: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty.jpg": (lambda: b"", "file is empty: assets/empty.jpg"),
    "truncated.jpg": (lambda: truncated(jpeg_bytes()), "image file is truncated"),
    "notes.jpg": (lambda: b"These are my notes, not a photo.\n" * 20, UNREADABLE),
    "drawing.svg": (
        lambda: (
            b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
            b'<image href="file:///etc/passwd"/></svg>'
        ),
        UNREADABLE,
    ),
    "scan.pdf": (lambda: image_bytes("PDF"), UNREADABLE),
    "photo.bmp": (
        lambda: image_bytes("BMP"),
        "unsupported image format BMP; use JPEG, PNG, WebP, TIFF or GIF",
    ),
    "favicon.ico": (
        lambda: image_bytes("ICO"),
        "unsupported image format ICO; use JPEG, PNG, WebP, TIFF or GIF",
    ),
    "poster.eps": (  # Pillow would hand EPS to Ghostscript if it ever decoded one
        lambda: image_bytes("EPS"),
        "unsupported image format EPS; use JPEG, PNG, WebP, TIFF or GIF",
    ),
}


@pytest.mark.parametrize("name", sorted(IMAGES))
def test_unusable_images_are_content_errors(site: Site, name: str) -> None:
    make, problem = IMAGES[name]
    line = add_photo(site, f"assets/{name}", make())
    with audited() as events:
        result = build(site)
    assert_refused(site, result, f"content.yaml:{line}: rooms[0].image.file: {problem}")
    assert_reads_only_its_own_files(site, events, site.project / "assets" / name)


def test_photos_that_fail_while_the_pages_are_laid_out_are_all_reported(site: Site) -> None:
    # Photos are prepared in the background while the layout goes on; the first one drawn
    # that failed stops the build, and every photo that failed is named, in content order.
    for name in ("assets/cut-a.jpg", "assets/cut-b.jpg"):
        (site.project / name).parent.mkdir(parents=True, exist_ok=True)
        (site.project / name).write_bytes(truncated(jpeg_bytes()))
    data = site.data()
    data["rooms"][0]["image"] = {"file": "assets/cut-a.jpg"}
    data["rooms"][2]["image"] = {"file": "assets/cut-b.jpg"}
    site.write(data)
    first, second = site.line("assets/cut-a.jpg"), site.line("assets/cut-b.jpg")
    result = build(site)
    assert_refused(
        site, result,
        f"content.yaml:{first}: rooms[0].image.file: image file is truncated",
        f"content.yaml:{second}: rooms[2].image.file: image file is truncated",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("case", "make", "size"),
    [
        ("png header claiming 30000x30000", lambda: png(30000, 30000, rows=4),
         "30000 x 30000 pixels (900 megapixels)"),
        ("png bomb: 10000x10000 in 100 KB", lambda: png(10000, 10000),
         "10000 x 10000 pixels (100 megapixels)"),
    ],
)  # fmt: skip
def test_pixel_bombs_are_refused_without_decoding(
    site: Site, case: str, make: Callable[[], bytes], size: str
) -> None:
    line = add_photo(site, "assets/photo.png", make())
    assert (site.project / "assets" / "photo.png").stat().st_size < 200_000
    result = build_limited(site, case)
    assert_refused(
        site,
        result,
        f"content.yaml:{line}: rooms[0].image.file: photo is {size}, more than the 80 "
        f"megapixels allowed; {MAKE_IT_FIT}",
    )
    assert result.peak_mib is not None and result.peak_mib < 400


def test_a_valid_photo_builds_and_reportlab_only_sees_the_copy(site: Site) -> None:
    add_photo(site)
    with audited() as events:
        result = build(site)
    assert_built(site, result)
    assert_reads_only_its_own_files(site, events, site.project / "assets" / "photo.jpg")
    copies = [p for p in opened_paths(events) if p.is_relative_to(site.temp)]
    assert copies and all(p.suffix in (".jpg", ".part", "") for p in copies)
    assert sum(len(page.images) for page in PdfReader(site.out).pages) == 1


@slow
def test_the_largest_allowed_image_builds_within_the_memory_limit(site: Site) -> None:
    side = math.isqrt(80_000_000)  # RGBA, the most memory per pixel of the accepted modes
    add_photo(site, "assets/photo.png", png(side, side, colour_type=6))
    result = build_limited(site, f"largest allowed image: {side}x{side} RGBA PNG")
    assert_built(site, result)


def test_a_multi_picture_jpeg_from_a_camera_builds(site: Site) -> None:
    """Cameras write JPEGs with a second picture (MPO); Pillow names the format MPO."""
    photo = Image.effect_noise((600, 400), 50).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, "MPO", save_all=True, append_images=[photo])
    add_photo(site, "assets/photo.jpg", buffer.getvalue())
    assert_built(site, build(site))
    assert sum(len(page.images) for page in PdfReader(site.out).pages) == 1


def test_rooms_without_an_id_take_it_from_their_name(site: Site) -> None:
    """The default content's first ids are slugs of the names: without them the plan still
    finds its rooms; renamed, the plan's old ids are refused with the new ones suggested."""
    data = site.data()
    for room in data["rooms"][:2]:
        del room["id"]
    name = data["rooms"][1]["name"]
    data["rooms"][1]["name"] = {"en": "The old kitchen", "es": "La cocina"}
    site.write(data)
    area = site.line("room: kitchen")
    assert_refused(
        site,
        build(site),
        f"content.yaml:{area}: plan.areas[1].room: no room has id 'kitchen'; "
        "did you mean 'the-old-kitchen'?",
    )
    data["rooms"][1]["name"] = name
    site.write(data)
    assert_built(site, build(site))


# == layout limits ===========================================================================


def test_a_500_character_word_in_a_room_name_is_too_long(site: Site) -> None:
    site.set(("rooms", 0, "name"), "W" * 500)
    line = site.line("W" * 500)
    assert_refused(
        site,
        build(site),
        f"content.yaml:{line}: rooms[0].name: too long: 500 characters, at most 80",
    )


def test_long_words_in_narrow_columns_build(site: Site) -> None:
    data = site.data()
    data["rooms"][0]["name"] = "N" * 80
    data["rooms"][0]["highlights"] = ["H" * 200]
    data["tips"][0]["text"] = "T" * 500
    data["practical"]["getting_there"] = "G" * 2000
    site.write(data)
    assert_built(site, build(site))


def test_a_50000_word_paragraph_is_too_long(site: Site) -> None:
    text = " ".join(["word"] * 50_000)
    site.set(("rooms", 0, "text"), text)
    line = site.line("word word word")
    result = build_limited(site, "50,000-word paragraph")
    assert_refused(
        site,
        result,
        f"content.yaml:{line}: rooms[0].text: too long: {len(text)} characters, at most 20000",
    )


def test_a_5000_character_website_is_too_long(site: Site) -> None:
    url = "https://example.com/" + "a" * 4980
    site.set(("museum", "website"), url)
    field = f"content.yaml:{site.line(url)}: museum.website"
    assert_refused(
        site,
        build(site),
        f"{field}: too long: 5000 characters, at most 2000",
        f"{field}: too long for a QR code that scans from print: 5000 characters, at most 300",
    )


def test_the_longest_allowed_website_builds_even_in_multibyte_characters(site: Site) -> None:
    # 300 characters, 1,160 bytes of UTF-8 in the QR code
    site.set(("museum", "website"), "https://example.com/" + "\U0001f3db" * 280)
    assert_built(site, build(site, "--allow-missing-glyphs"))  # the emoji has no glyph


def test_12_highlights_of_200_characters_build(site: Site) -> None:
    sentence = "Look closely at the worn enamel sink, the tin cups and the ladles on their rack. "
    site.set(("rooms", 0, "highlights"), [(sentence * 3)[:200].strip() for _ in range(12)])
    assert_built(site, build(site))


def test_the_longest_practical_texts_build(site: Site) -> None:
    paragraph = "The nearest Metro stations are Eje Central, Coyoacán and Viveros, all a walk. "
    text = (paragraph * 30)[:2000].strip()
    data = site.data()
    for key in ("getting_there", "accessibility", "photography", "bags", "verify_note"):
        data["practical"][key] = text
    site.write(data)
    assert_built(site, build(site))


def test_the_longest_tip_builds(site: Site) -> None:
    words = "Allow at least an hour, and more if you like to linger in the quiet rooms. "
    data = site.data()
    data["tips"][0]["title"] = (words * 2)[:80].strip()
    data["tips"][0]["text"] = (words * 20)[:1200].strip()
    site.write(data)
    assert_built(site, build(site))


def test_an_unbreakable_tip_is_a_content_error_not_a_layout_error(site: Site) -> None:
    """A tip card of one 1,200-character word is taller than a page; the build says so."""
    site.set(("tips", 0, "text"), "w" * 1200)
    result = build(site)
    assert result.code == 1, result.err
    assert len(result.lines) == 2 and result.lines[1] == summary(1)
    assert re.fullmatch(
        r"error: content\.yaml:\d+: tips(\[0\](\.text)?)?: a block is too large to fit on a "
        r"page \(page \d+, Tips for your visit\); shorten or split this text",
        result.lines[0],
    ), result.lines[0]
    assert_untouched(site, result)


def test_an_unbreakable_tip_is_reported_at_the_tip(site: Site) -> None:
    site.set(("tips", 0, "text"), "w" * 1200)
    line = site.line("w" * 1200)
    result = build(site)
    assert result.lines[0].startswith(f"error: content.yaml:{line}: tips[0]")


@pytest.mark.parametrize("where", [("plan", "size"), ("plan", "entrance")])
def test_an_infinite_coordinate_is_a_content_error(site: Site, where: tuple[str, str]) -> None:
    """1.0e+309 is a valid YAML float that reads as infinity (it once made the plan NaN)."""
    line = site.place(where, "[1.0e+309, 1.0e+309]")
    field = f"content.yaml:{line}: {'.'.join(where)}"
    assert_refused(
        site,
        build(site),
        f"{field}[0]: expected a finite number, got 1.0e+309",
        f"{field}[1]: expected a finite number, got 1.0e+309",
    )


def test_300_rooms_build_in_bounded_time_and_memory(site: Site) -> None:
    site.write(many_rooms(site.data(), 300))
    result = build_limited(site, "300 rooms")
    assert_built(site, result)
    assert len(PdfReader(site.out).pages) > 300


@slow
def test_2000_rooms_build_in_bounded_time_and_memory(site: Site) -> None:
    site.write(many_rooms(site.data(), 2000))
    assert site.content.stat().st_size < 2_000_000
    result = build_limited(site, "2,000 rooms", timeout=300)
    assert_built(site, result)
    assert len(PdfReader(site.out).pages) > 2000


# == output ==================================================================================


def test_an_output_that_is_a_folder_is_refused(site: Site) -> None:
    result = run(site, "build", str(site.content), "-o", str(site.out.parent), "-q")
    assert result.code == 2
    assert result.lines == [
        f"error: output {site.out.parent} is a folder; give a file name like {site.out}"
    ]
    assert_untouched(site, result)


@pytest.mark.parametrize("spelling", ["itself", "dotted", "symlink", "image"])
def test_an_output_that_is_an_input_is_refused(site: Site, spelling: str) -> None:
    add_photo(site)
    target = {
        "itself": site.content,
        "dotted": site.project / "assets" / ".." / "content.yaml",
        "symlink": site.project / "booklet-out" / "latest.pdf",
        "image": site.project / "assets" / "photo.jpg",
    }[spelling]
    if spelling == "symlink":
        target.symlink_to(site.content)
    result = run(site, "build", str(site.content), "-o", str(target), "-q")
    assert result.code == 2
    assert result.lines == [f"error: output {target} would overwrite an input file"]
    assert_untouched(site, result)


def test_an_output_below_a_regular_file_is_a_usage_error(site: Site) -> None:
    notes = site.project / "notes.txt"
    notes.write_text("not a folder\n")
    result = run(site, "build", str(site.content), "-o", str(notes / "b.pdf"), "-q")
    assert result.code == 2
    assert result.lines == [f"error: output {notes / 'b.pdf'}: {notes} is a file, not a folder"]
    assert_untouched(site, result)


def test_a_symlinked_output_is_replaced_not_followed(site: Site) -> None:
    target = site.outside / "shared.pdf"
    target.write_bytes(OLD_PDF)
    site.out.unlink()
    site.out.symlink_to(target)
    result = build(site)
    assert result.code == 0, result.err
    assert result.changed == [site.out_key]
    assert not site.out.is_symlink() and site.out.read_bytes().startswith(b"%PDF-")
    assert target.read_bytes() == OLD_PDF


def test_a_hard_link_to_the_content_as_output_leaves_the_content_alone(site: Site) -> None:
    before = site.content.read_bytes()
    site.out.unlink()
    os.link(site.content, site.out)
    result = build(site)
    assert result.code == 0, result.err
    assert result.changed == [site.out_key]
    assert site.content.read_bytes() == before


def test_a_failed_build_leaves_the_old_pdf_and_no_temp_file(site: Site) -> None:
    line = site.place(("booklet", "title"), "[not, text]")
    result = build(site)
    assert_refused(site, result, f"content.yaml:{line}: booklet.title: expected text, got a list")


@pytest.mark.parametrize(
    ("failure", "lines", "code"),
    [
        # An ordinary I/O failure is one line naming the output, not an "unexpected failure".
        (OSError(errno.ENOSPC, "No space"), ["error: cannot write {out}: the disk is full"], 1),
        (KeyboardInterrupt(), [INTERRUPTED], 130),
    ],
    ids=["disk-full", "ctrl-c"],
)  # fmt: skip
def test_a_failure_while_writing_leaves_the_old_pdf(
    site: Site, monkeypatch: pytest.MonkeyPatch, failure: BaseException, lines: list[str], code: int
) -> None:
    def fail(_fd: int) -> None:
        raise failure

    add_photo(site)  # so the private temp folder has something in it too
    monkeypatch.setattr(os, "fsync", fail)
    result = build(site)
    assert result.code == code
    assert result.lines == [line.format(out=site.out) for line in lines]
    assert_untouched(site, result)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_killed_build_leaves_the_old_pdf_and_no_temp_file(site: Site, sig: int) -> None:
    site.write(many_rooms(site.data(), 300))
    result = run_limited(
        site,
        f"300 rooms, {signal.Signals(sig).name} while laying out",
        "build", str(site.content), "-o", str(site.out),
        interrupt=Interrupt(sig, after="laying out", delay=0.3),
    )  # fmt: skip
    assert result.code == 130, result.err
    assert result.lines[-1] == INTERRUPTED
    assert not any(line.startswith("wrote") for line in result.lines)
    assert_printable(result.err)
    assert_untouched(site, result)


def _interrupting_story(swallow: type[BaseException] | None) -> Any:
    """build_story that gets Ctrl-C inside a bare `except:`, as ReportLab's colour parser does."""
    from booklet.layout import render as render_module

    real = render_module.build_story

    def story(*args: Any, **kwargs: Any) -> Any:
        try:
            signal.raise_signal(signal.SIGINT)
        except BaseException:
            if swallow is not None:
                raise swallow("Invalid color value '#b0271f'") from None
        return real(*args, **kwargs)

    return story


@pytest.mark.parametrize("swallow", [ValueError, None], ids=["turned-into-ValueError", "ignored"])
def test_ctrl_c_caught_by_a_library_still_stops_the_build(
    site: Site, monkeypatch: pytest.MonkeyPatch, swallow: type[BaseException] | None
) -> None:
    monkeypatch.setattr("booklet.layout.render.build_story", _interrupting_story(swallow))
    result = build(site)
    assert result.code == 130, result.err
    assert result.lines == [INTERRUPTED]
    assert_untouched(site, result)


# Ctrl-C inside eval() (ReportLab evaluates colour strings), turned into a ValueError by a bare
# except: CPython remembers the interrupt and re-raises SIGINT on itself at shutdown.
_EVAL_INTERRUPT = """
import sys
from booklet.layout import render
real = render.build_story
def story(*args, **kwargs):
    try:
        eval("__import__('signal').raise_signal(__import__('signal').SIG{name})")
    except BaseException:
        raise ValueError("Invalid color value") from None
    return real(*args, **kwargs)
render.build_story = story
sys.argv = ["booklet", *sys.argv[1:]]
from booklet.cli_entry import main
main()
"""


@pytest.mark.parametrize("name", ["INT", "TERM"])
def test_an_interrupted_process_exits_130_even_when_eval_saw_the_interrupt(
    site: Site, name: str
) -> None:
    runner = site.temp.parent / "runner"  # run as `python -m`, like the real thing
    runner.mkdir()
    (runner / "eval_interrupt.py").write_text(_EVAL_INTERRUPT.format(name=name))
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{runner}", "TMPDIR": str(site.temp)}
    before = site.snapshot()
    proc = subprocess.run(
        [sys.executable, "-m", "eval_interrupt", "build", str(site.content), "-o", str(site.out),
         "-q"],
        cwd=site.root, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    result = Result(proc.returncode, proc.stdout, proc.stderr, site.changes(before), 0.0)
    assert result.code == 130, result.err
    assert result.lines == [INTERRUPTED]
    assert_untouched(site, result)


# == the error surface =======================================================================


def _boom(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("boom")


def test_an_unexpected_failure_prints_two_lines_and_exits_70(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_photo(site)
    monkeypatch.setattr("booklet.layout.render.build_story", _boom)
    result = build(site)
    assert result.code == 70
    assert result.lines == ["error: unexpected failure: RuntimeError: boom", UNEXPECTED_HINT]
    assert_untouched(site, result)


@pytest.mark.parametrize("how", ["--debug", "BOOKLET_DEBUG"])
def test_debug_shows_the_traceback(site: Site, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr("booklet.layout.render.build_story", _boom)
    args = ["build", str(site.content), "-o", str(site.out), "-q"]
    if how == "--debug":
        args.insert(0, "--debug")
    else:
        monkeypatch.setenv("BOOKLET_DEBUG", "1")
    result = run(site, *args)
    assert result.code == 70
    assert result.lines[0] == "Traceback (most recent call last):"
    assert "RuntimeError: boom" in result.lines[-3]
    assert result.lines[-2:] == ["error: unexpected failure: RuntimeError: boom", UNEXPECTED_HINT]
    assert_untouched(site, result)


def test_an_unexpected_message_cannot_drive_the_terminal(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("boom\x1b[2J\u202e")

    monkeypatch.setattr("booklet.layout.render.build_story", boom)
    result = build(site)
    assert result.code == 70
    assert result.lines[0] == "error: unexpected failure: RuntimeError: boom\\u001b[2J\\u202e"
    assert_printable(result.err)


# == network =================================================================================


def test_a_build_with_remote_urls_opens_no_connection(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(*_args: object, **_kwargs: object) -> None:
        raise OSError("the network is off for this test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, offline)
    monkeypatch.setattr(socket, "create_connection", offline)
    monkeypatch.setattr(socket, "getaddrinfo", offline)
    data = site.data()
    data["museum"]["website"] = "https://tracker.example.com/pixel.png?booklet=1"
    data["rooms"][0]["text"] = (
        "See [the archive](https://archive.example.org/image.jpg) and "
        '<img src="https://tracker.example.com/1x1.png"/> and [write](mailto:a@example.org).'
    )
    site.write(data)
    add_photo(site)
    with audited() as events:
        result = build(site)
    assert_built(site, result)
    assert_reads_only_its_own_files(site, events, site.project / "assets" / "photo.jpg")
    assert [e for e, _ in events if e.startswith("socket.")] == []
