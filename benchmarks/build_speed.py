"""How fast, and how big, does `booklet build` get as a museum grows?

The default booklet has nine rooms and no photographs, so it says little about a large museum
with a photo on every room page. This benchmark derives synthetic content files from the default
content.yaml (same front matter, theme and history; N generated rooms, a plan with one area per
room, a seeded 1600x1200 JPEG for every room, some of them with EXIF orientation 6), builds each
one in a fresh `python -m booklet build` subprocess and prints wall time, peak memory, page count
and PDF size, then checks the performance targets:

* the default booklet builds in under 0.5 s (issue 19);
* 1000 rooms build in under 60 s and under 1 GB;
* time grows roughly linearly (s/room at 1000 is at most 2x s/room at 100).

Issue 19's targets against other tools (Typst's time, WeasyPrint's memory) are checked by
`compare.py`, which runs all three on one workload.

Every build runs in its own process so its peak memory is its own. The image step may fork a
process pool; `os.wait4` (run by a tiny launcher process, see LAUNCHER) reports the largest
single process of the build's tree (the build or one worker, not their sum), so a /proc sampler
also records the summed RSS of the whole tree.

The image pipeline caches by a hash of the photo's bytes, so a few photos repeated under many
names are processed only a few times per build. `--distinct` (the default) therefore draws the
room number into every photo, making each file different; `--shared-photos` hard-links a small
pool instead, which is faster to generate but flatters the image step.

Run from the repository root:

    python benchmarks/build_speed.py [--rooms 10,100,1000]
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from pypdf import PdfReader

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from booklet.content.drawings import PICTOGRAMS  # noqa: E402
from booklet.content.source import MAX_INPUT_BYTES  # noqa: E402

DEFAULT_CONTENT = REPO / "content.yaml"
PHOTO_SIZE = (1600, 1200)
PHOTO_QUALITY = 88
ROTATED_SHARE = 5  # every 5th photo is stored sideways with EXIF orientation 6
PLAN_MARGIN = 4.0
CELL_GAP = 0.12  # share of each plan cell left empty, so areas never touch
MB = 1024 * 1024
SAMPLE_SECONDS = 0.05

DEFAULT_TARGET_S = 0.5
LARGE_ROOMS = 1000
LARGE_TARGET_S = 60.0
LARGE_TARGET_MB = 1024.0
LINEAR_FACTOR = 2.0
GENERATION_BUDGET_S = 60.0
DEFAULT_REPEAT = 3  # the default booklet is sub-second: take the best of a few runs

_WORD_TEXT = (
    "the house walls garden study window door light shadow desk books papers letters family "
    "guards tower street patio afternoon morning evening visitors quiet stone brick steel shutters "
    "portrait photograph archive museum exile asylum writer revolution journey river city market "
    "old new small large narrow wide heavy bright dark simple careful long short still open closed "
    "kept moved built raised painted restored watched stood waited wrote read carried found shows "
    "recalls remains holds faces looks opens leads beside behind above below near along across"
)
WORDS = tuple(_WORD_TEXT.split())
ROOM_WORDS = (
    ("Gallery", "Galería"), ("Bedroom", "Recámara"), ("Study", "Estudio"),
    ("Library", "Biblioteca"), ("Kitchen", "Cocina"), ("Dining room", "Comedor"),
    ("Courtyard", "Patio"), ("Office", "Oficina"), ("Garden room", "Jardín interior"),
    ("Reading room", "Sala de lectura"), ("Chapel", "Capilla"), ("Workshop", "Taller"),
)  # fmt: skip


# -- synthetic content ----------------------------------------------------------------------


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def room_text(rng: random.Random, words: int = 120) -> str:
    """About `words` words in two paragraphs, separated by a blank line as in content.yaml."""
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(sentence(rng, 8, 16))
    half = len(sentences) // 2
    return " ".join(sentences[:half]) + "\n\n" + " ".join(sentences[half:]) + "\n"


def make_room(number: int, rng: random.Random) -> dict[str, Any]:
    name, local = ROOM_WORDS[(number - 1) % len(ROOM_WORDS)]
    return {
        "id": f"room-{number}",
        "number": number,
        "name": f"{name} {number}",
        "local_name": f"{local} {number}",
        "kind": "room",
        "pictogram": PICTOGRAMS[(number - 1) % len(PICTOGRAMS)],
        "text": room_text(rng),
        "highlights": [sentence(rng, 5, 9) for _ in range(3)],
        "image": {
            "file": f"assets/images/room-{number}.jpg",
            "caption": f"{name} {number}, seen from the doorway.",
            "credit": "Synthetic benchmark photo",
        },
    }


def grid_region(plan: dict[str, Any]) -> tuple[float, float, float, float]:
    """The plan minus its margin and minus the band taken by the (kept) unnumbered features."""
    width, height = (float(v) for v in plan.get("size", (100, 70)))
    top = PLAN_MARGIN
    feature_ys = [p[1] for f in plan.get("features", []) for p in f["outline"]]
    if feature_ys and max(feature_ys) < height / 2:
        top = max(feature_ys)
    return PLAN_MARGIN, top, width - PLAN_MARGIN, height - PLAN_MARGIN


def plan_areas(count: int, region: tuple[float, float, float, float]) -> list[dict[str, Any]]:
    """One small rectangle per room, in a near-square grid of non-overlapping cells."""
    left, top, right, bottom = region
    width, height = right - left, bottom - top
    cols = max(1, math.ceil(math.sqrt(count * width / height)))
    rows = math.ceil(count / cols)
    cell_w, cell_h = width / cols, height / rows
    inset_w, inset_h = cell_w * CELL_GAP / 2, cell_h * CELL_GAP / 2
    areas = []
    for index in range(count):
        row, col = divmod(index, cols)
        x0, y0 = left + col * cell_w + inset_w, top + row * cell_h + inset_h
        x1, y1 = left + (col + 1) * cell_w - inset_w, top + (row + 1) * cell_h - inset_h
        corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
        outline = [[round(x, 3), round(y, 3)] for x, y in corners]
        areas.append({"room": f"room-{index + 1}", "outline": outline})
    return areas


def synthetic_content(base: dict[str, Any], count: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed * 100_003 + count)
    data = copy.deepcopy(base)
    data["rooms"] = [make_room(number, rng) for number in range(1, count + 1)]
    data["plan"]["areas"] = plan_areas(count, grid_region(data["plan"]))
    return data


def dump_content(data: dict[str, Any], path: Path) -> int:
    """Write YAML and prove it loads back identically (times and dates still strings)."""
    text = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )
    loaded = yaml.safe_load(text)
    if loaded != data:
        raise SystemExit(f"{path}: YAML round trip changed the content")
    opens = loaded["museum"]["hours"][0]["opens"]
    edition = loaded["booklet"]["edition"]
    editions = edition.values() if isinstance(edition, dict) else [edition]
    if not isinstance(opens, str) or not all(isinstance(e, str) for e in editions):
        raise SystemExit(f"{path}: times or dates were not kept as quoted strings")
    path.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    if size > MAX_INPUT_BYTES:
        print(f"warning: {path.name} is {size:,} bytes, over booklet's {MAX_INPUT_BYTES:,} limit")
    return size


# -- synthetic photos -----------------------------------------------------------------------


def base_photo(seed: int) -> Image.Image:
    """A seeded gradient with soft shapes and grain: compresses about like a real photo."""
    rng = random.Random(seed)
    small = (PHOTO_SIZE[0] // 8, PHOTO_SIZE[1] // 8)
    mask = Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize(small)
    colours = [tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(2)]
    layers = [Image.new("RGB", small, colour) for colour in colours]
    image = Image.composite(layers[0], layers[1], mask)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x0, y0 = rng.randrange(small[0]), rng.randrange(small[1])
        box = (x0, y0, x0 + rng.randrange(10, small[0] // 2), y0 + rng.randrange(10, small[1] // 2))
        fill = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=fill)
    image = image.filter(ImageFilter.GaussianBlur(3)).resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(PHOTO_SIZE, 12).convert("RGB")
    return ImageChops.add(image, grain, scale=1.0, offset=-128)


def save_photo(image: Image.Image, path: Path, rotated: bool) -> None:
    exif = Image.Exif()
    if rotated:
        exif[0x0112] = 6  # "rotate 90 CW to display": the pipeline must turn it upright
    image.save(path, "JPEG", quality=PHOTO_QUALITY, exif=exif)


Font = ImageFont.ImageFont | ImageFont.FreeTypeFont


def numbered(image: Image.Image, number: int, font: Font) -> Image.Image:
    copy_ = image.copy()
    ImageDraw.Draw(copy_).text(
        (60, 60), f"Room {number}", fill=(250, 250, 245), font=font, stroke_width=4,
        stroke_fill=(20, 20, 20),
    )  # fmt: skip
    return copy_


def make_photos(folder: Path, count: int, pool: int, distinct: bool, seed: int) -> list[Path]:
    """room-1.jpg .. room-count.jpg: all different, or `pool` files hard-linked round-robin."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [base_photo(seed * 1000 + i) for i in range(min(pool, count))]
    font = ImageFont.load_default(size=120)
    paths = []
    for number in range(1, count + 1):
        path = folder / f"room-{number}.jpg"
        index = (number - 1) % len(bases)
        rotated = number % ROTATED_SHARE == 0 if distinct else index % ROTATED_SHARE == 0
        if distinct:
            save_photo(numbered(bases[index], number, font), path, rotated)
        elif number <= len(bases):
            save_photo(bases[index], path, rotated)
        else:
            link_or_copy(paths[index], path)
        paths.append(path)
    return paths


def link_or_copy(source: Path, target: Path) -> None:
    """Hard links, not symlinks: booklet refuses files that resolve outside the content folder."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def content_folder(root: Path, data: dict[str, Any], photos: list[Path], name: str) -> Path:
    folder = root / name
    images = folder / "assets" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for photo in photos:
        link_or_copy(photo, images / photo.name)
    dump_content(data, folder / "content.yaml")
    return folder / "content.yaml"


# -- measuring one build --------------------------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    label: str
    rooms: int
    ok: bool
    wall_s: float
    peak_mb: float
    tree_mb: float
    pages: int = 0
    pdf_mb: float = 0.0
    build_s: float | None = None
    error: str = ""
    runs: int = 1

    @property
    def per_room(self) -> float:
        return self.wall_s / self.rooms if self.rooms else float("nan")


# A fresh, small interpreter starts each build and waits for it. The build must not be a direct
# child of this script: on Linux a child's ru_maxrss starts at its parent's RSS high-water mark
# (exec keeps the figure), and this script holds the base photos in memory; the launcher's own
# mark is ~10 MB, below any build's.
LAUNCHER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - started
child.returncode = os.waitstatus_to_exitcode(status)
scale = 1 if sys.platform == "darwin" else 1024
with open(sys.argv[1], "w") as out:
    json.dump({"wall": wall, "maxrss": usage.ru_maxrss * scale, "code": child.returncode}, out)
"""


def tree_rss(root: int) -> int:
    """Summed RSS (bytes) of the descendants of `root`, from /proc; 0 where unavailable."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with suppress(OSError, IndexError, ValueError):
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, list(children.get(root, []))
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        with suppress(OSError, IndexError, ValueError):
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
        todo += children.get(pid, [])
    return total


@contextmanager
def sampled_tree_peak(pid: int, every: float = SAMPLE_SECONDS) -> Iterator[list[int]]:
    """Poll the summed RSS of the process tree every `every` seconds in the background;
    yields [peak bytes]."""
    peak = [0]
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(pid))
            stop.wait(every)

    thread = threading.Thread(target=poll, daemon=True)
    if Path("/proc/self/stat").exists():
        thread.start()
    try:
        yield peak
    finally:
        stop.set()
        if thread.is_alive():
            thread.join()


def run_build(label: str, rooms: int, content: Path, output: Path) -> Measurement:
    """One `python -m booklet build` in a fresh process: wall time, peak RSS, pages, size."""
    paths = [str(REPO), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))}
    # As installed: pip compiles bytecode at install time, so let the first run write it
    # (best_of takes the fastest run) instead of recompiling every module on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    build = [sys.executable, "-m", "booklet", "build", str(content), "-o", str(output)]
    log, stats = output.with_suffix(".log"), output.with_suffix(".json")
    stats.unlink(missing_ok=True)
    with log.open("wb") as stream:
        command = [sys.executable, "-c", LAUNCHER, str(stats), *build]
        process = subprocess.Popen(
            command, stdout=stream, stderr=subprocess.STDOUT, env=env, cwd=content.parent
        )
        with sampled_tree_peak(process.pid) as tree_peak:
            process.wait()
    text = log.read_text(encoding="utf-8", errors="replace")
    if not stats.exists():
        return Measurement(label, rooms, False, 0, 0, 0, error=f"launcher failed: {text[-300:]}")
    result = json.loads(stats.read_text())
    wall, peak_mb, tree_mb = result["wall"], result["maxrss"] / MB, tree_peak[0] / MB
    if result["code"] != 0:
        tail = " | ".join(text.strip().splitlines()[-3:])
        return Measurement(label, rooms, False, wall, peak_mb, tree_mb, error=tail)
    reported = re.search(r"^done in ([\d.]+) s$", text, re.M)
    return Measurement(
        label, rooms, True, wall, peak_mb, tree_mb,
        pages=len(PdfReader(output).pages),
        pdf_mb=output.stat().st_size / MB,
        build_s=float(reported.group(1)) if reported else None,
    )  # fmt: skip


def best_of(repeat: int, label: str, rooms: int, content: Path, output: Path) -> Measurement:
    """Fastest of `repeat` builds (least disturbed by other load), with the highest memory seen."""
    runs = [run_build(label, rooms, content, output) for _ in range(repeat)]
    failed = [m for m in runs if not m.ok]
    if failed:
        return failed[0]
    fastest = min(runs, key=lambda m: m.wall_s)
    return replace(
        fastest,
        peak_mb=max(m.peak_mb for m in runs),
        tree_mb=max(m.tree_mb for m in runs),
        runs=len(runs),
    )


# -- report ---------------------------------------------------------------------------------


def print_table(results: list[Measurement]) -> None:
    header = (
        f"{'booklet':<12} {'rooms':>6} {'pages':>6} {'PDF MB':>7} {'wall s':>7} {'build s':>8} "
        f"{'peak MB':>8} {'tree MB':>8} {'s/room':>8} {'runs':>5}"
    )
    print(header)
    print("-" * len(header))
    for m in results:
        if not m.ok:
            print(f"{m.label:<12} {m.rooms:>6} FAILED after {m.wall_s:.1f} s: {m.error}")
            continue
        build = f"{m.build_s:.2f}" if m.build_s is not None else "-"
        print(
            f"{m.label:<12} {m.rooms:>6} {m.pages:>6} {m.pdf_mb:>7.1f} {m.wall_s:>7.2f} {build:>8} "
            f"{m.peak_mb:>8.0f} {m.tree_mb:>8.0f} {m.per_room:>8.4f} {m.runs:>5}"
        )
    print(
        "wall s: process start to exit, interpreter start-up included (fastest of `runs`);\n"
        "build s: the time booklet itself reports;\n"
        "peak MB: ru_maxrss from wait4, the largest single process of the build (main process or\n"
        "  one image worker), not their sum;\n"
        f"tree MB: summed RSS of the build's processes, sampled every {SAMPLE_SECONDS * 1000:.0f} "
        "ms (may miss short\n  spikes; pages shared after fork count once per process)."
    )


def verdict(name: str, passed: bool | None, detail: str) -> bool:
    word = "SKIP" if passed is None else "PASS" if passed else "FAIL"
    print(f"{word}  {name}: {detail}")
    return passed is not False


def check_targets(results: list[Measurement]) -> bool:
    """PASS/FAIL per target; SKIP when a needed build was not run. False if any target failed."""
    default = next((m for m in results if m.label == "default"), None)
    synthetic = {m.rooms: m for m in results if m.label != "default"}
    large = synthetic.get(LARGE_ROOMS)
    ok = check(
        f"default booklet < {DEFAULT_TARGET_S} s",
        default,
        lambda m: m.wall_s < DEFAULT_TARGET_S,
        lambda m: f"{m.wall_s:.2f} s wall, of which booklet reports {m.build_s or 0:.2f} s",
    )
    ok &= check(
        f"{LARGE_ROOMS} rooms < 60 s",
        large,
        lambda m: m.wall_s < LARGE_TARGET_S,
        lambda m: f"{m.wall_s:.1f} s wall",
    )
    ok &= check(
        f"{LARGE_ROOMS} rooms < 1 GB",
        large,
        lambda m: m.peak_mb < LARGE_TARGET_MB,
        lambda m: f"{m.peak_mb:.0f} MB largest process, {m.tree_mb:.0f} MB whole tree (sampled)",
    )
    return ok & check_linear(synthetic.get(100), large)


def check(
    name: str,
    result: Measurement | None,
    passes: Callable[[Measurement], bool],
    detail: Callable[[Measurement], str],
) -> bool:
    if result is None:
        return verdict(name, None, "not run")
    if not result.ok:
        return verdict(name, False, "build failed")
    return verdict(name, passes(result), detail(result))


def check_linear(mid: Measurement | None, large: Measurement | None) -> bool:
    name = f"roughly linear (s/room at {LARGE_ROOMS} <= {LINEAR_FACTOR:g}x s/room at 100)"
    if mid is None or large is None or not (mid.ok and large.ok):
        return verdict(name, None, "needs successful 100- and 1000-room builds")
    ratio = large.per_room / mid.per_room
    marginal = (large.wall_s - mid.wall_s) / (large.rooms - mid.rooms)
    detail = (
        f"{large.per_room:.4f} / {mid.per_room:.4f} s/room = {ratio:.2f}x "
        f"(marginal cost 100->1000: {marginal:.4f} s/room)"
    )
    return verdict(name, ratio <= LINEAR_FACTOR, detail)


# -- main -----------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rooms", default="10,100,1000",
                        help="comma-separated room counts (default: 10,100,1000)")  # fmt: skip
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="generate into DIR and keep the content, photos and PDFs")  # fmt: skip
    photos = parser.add_mutually_exclusive_group()
    photos.add_argument("--distinct", dest="distinct", action="store_true", default=True,
                        help="every photo different (the default; honest numbers)")  # fmt: skip
    photos.add_argument("--shared-photos", dest="distinct", action="store_false",
                        help="hard-link a small pool of photos under every room name")  # fmt: skip
    parser.add_argument("--pool", type=int, default=20, help="distinct base photos (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="builds per size, fastest reported (default 1; the default booklet "
                        f"always gets at least {DEFAULT_REPEAT})")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(part) for part in args.rooms.split(",") if part.strip()})
    except ValueError:
        parser.error(f"--rooms expects numbers like 10,100,1000, got {args.rooms!r}")
    if not args.sizes or min(args.sizes) < 1 or args.pool < 1 or args.repeat < 1:
        parser.error("room counts, --pool and --repeat must be positive")
    return args


@contextmanager
def work_folder(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="booklet-bench-") as folder:
        yield Path(folder)


def describe_photos(args: argparse.Namespace, count: int, seconds: float) -> str:
    width, height = PHOTO_SIZE
    kind = (
        f"distinct: {count} different files (room number drawn on one of {args.pool} seeded bases)"
        if args.distinct
        else f"shared: {min(args.pool, count)} files hard-linked under {count} names "
        "(the hash cache processes each only once per build: flatters the image step)"
    )
    return (
        f"photos: {kind}; {width}x{height} JPEG q{PHOTO_QUALITY}, every {ROTATED_SHARE}th with "
        f"EXIF orientation 6; generated in {seconds:.1f} s"
    )


def environment() -> str:
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    lines = [
        f"python: {sys.executable}; {os.cpu_count()} CPUs; load average {load}",
        "each build: `python -m booklet build` in a fresh subprocess",
    ]
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        lines.append(
            "note: PYTHONDONTWRITEBYTECODE is set: uncached modules compile on every start"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    base = yaml.safe_load(DEFAULT_CONTENT.read_text(encoding="utf-8"))
    with work_folder(args.keep) as root:
        started = time.perf_counter()
        photos = make_photos(root / "photos", max(args.sizes), args.pool, args.distinct, args.seed)
        generation = time.perf_counter() - started
        print(describe_photos(args, max(args.sizes), generation))
        if args.distinct and generation > GENERATION_BUDGET_S:
            budget = f"{GENERATION_BUDGET_S:.0f} s"
            print(f"note: generating photos took over {budget}; --shared-photos is faster")
        print(environment(), flush=True)
        default_runs = max(DEFAULT_REPEAT, args.repeat)
        results = [
            best_of(
                default_runs, "default", len(base["rooms"]), DEFAULT_CONTENT, root / "default.pdf"
            )
        ]
        for count in args.sizes:
            content = content_folder(root, synthetic_content(base, count, args.seed),
                                     photos[:count], f"rooms-{count}")  # fmt: skip
            output = root / f"rooms-{count}.pdf"
            results.append(best_of(args.repeat, "synthetic", count, content, output))
            print(f"built {count} rooms in {results[-1].wall_s:.1f} s", flush=True)
        print()
        print_table(results)
        print()
        ok = check_targets(results)
        if args.keep is not None:
            print(f"\nkept content, photos and PDFs in {root}")
    return 0 if ok and all(m.ok for m in results) else 1


if __name__ == "__main__":
    sys.exit(main())
