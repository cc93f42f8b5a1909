"""booklet beside Typst and WeasyPrint on one neutral workload (issue 19).

The workload, generated once per size from one seeded text source: an A5 booklet with a title
page, a history (three chapters), a 12-entry timeline, six tips, a practical page, and N rooms,
each with two paragraphs of ~90 words, three highlights and its own 1600x1067 JPEG photo. The
same words and photos go into three documents, each kept simple and idiomatic for its tool:

* booklet: a content.yaml for `booklet build --paper a5` (screen profile: booklet's own design,
  contents page, tagged PDF, photos downsampled to ~150 dpi);
* Typst: one .typ file, compiled by the `typst` wheel from PyPI (the compiler as a Python
  extension: a bare interpreter calls `typst.compile`, like `typst compile`);
* WeasyPrint: one HTML file with a small print stylesheet (`weasyprint in.html out.pdf`).

Each tool runs as a whole process (interpreter or binary start included), one warm-up run,
then the median of 3 runs: wall time, peak RSS of the largest process (`wait4`) and the summed
RSS of the process tree (sampled from /proc every 20 ms), pages and file size. The ratios are
each tool's time over booklet's. Missing tools are skipped (`pip install '.[bench]'`).

    python benchmarks/compare.py                    # 10 and 100 rooms
    python benchmarks/compare.py --rooms 10,100,1000  # 1000 rooms: minutes, never in CI

The machine has 2 shared cores: wall times move with the load (printed with the table); run it
on an idle machine for figures to quote.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageFilter
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import sampled_tree_peak

REPO = Path(__file__).resolve().parent.parent
PHOTO = (1600, 1067)
MB = 1024 * 1024
SAMPLE_S = 0.02
_TEXT = (
    "the house walls garden study window door light shadow desk books papers letters family "
    "guards tower street patio afternoon morning evening visitors quiet stone brick steel "
    "portrait photograph archive museum journey river city market old new small large narrow "
    "wide heavy bright dark simple careful long short still open closed kept moved built raised "
    "painted restored watched stood waited wrote read carried found shows recalls remains holds"
)
WORDS = tuple(_TEXT.split())


# -- the workload ---------------------------------------------------------------------------


def sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def paragraph(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(sentence(rng))
    return " ".join(out)


def workload(rooms: int, seed: int = 1) -> dict[str, Any]:
    """The neutral content every tool typesets: plain strings and photo file names."""
    rng = random.Random(seed)
    return {
        "title": "A Visit to the House Museum",
        "history": [
            {"title": f"Chapter {n}", "paragraphs": [paragraph(rng, 80) for _ in range(2)]}
            for n in range(1, 4)
        ],
        "timeline": [{"year": str(1900 + 3 * n), "event": sentence(rng)} for n in range(12)],
        "tips": [{"title": f"Tip {n}", "text": paragraph(rng, 40)} for n in range(1, 7)],
        "practical": [paragraph(rng, 50) for _ in range(4)],
        "rooms": [
            {
                "name": f"Room {n}",
                "paragraphs": [paragraph(rng, 90) for _ in range(2)],
                "highlights": [sentence(rng, 5, 9) for _ in range(3)],
                "photo": f"room-{n}.jpg",
            }
            for n in range(1, rooms + 1)
        ],
    }


def make_photos(folder: Path, count: int, seed: int = 1) -> None:
    """Distinct seeded photos (a blurred base per 10 rooms, the room number drawn on each)."""
    folder.mkdir(parents=True, exist_ok=True)
    bases: dict[int, Image.Image] = {}
    for n in range(1, count + 1):
        path = folder / f"room-{n}.jpg"
        if path.exists():
            continue
        key = n % 10
        if key not in bases:
            rng = random.Random(seed * 1000 + key)
            small = Image.new("RGB", (200, 134), tuple(rng.randrange(60, 200) for _ in range(3)))
            draw = ImageDraw.Draw(small)
            for _ in range(14):
                x, y = rng.randrange(200), rng.randrange(134)
                box = (x, y, x + rng.randrange(10, 90), y + rng.randrange(10, 60))
                draw.ellipse(box, fill=tuple(rng.randrange(256) for _ in range(3)))
            big = small.filter(ImageFilter.GaussianBlur(2)).resize(PHOTO, Image.Resampling.BICUBIC)
            noise = Image.effect_noise(PHOTO, 10).convert("RGB")
            bases[key] = Image.blend(big, noise, 0.08)
        image = bases[key].copy()
        ImageDraw.Draw(image).text((40, 40), f"Room {n}", fill=(255, 255, 255))
        image.save(path, "JPEG", quality=88)


def booklet_content(data: dict[str, Any]) -> str:
    rooms = [
        {
            "name": room["name"],
            "text": "\n\n".join(room["paragraphs"]) + "\n",
            "highlights": room["highlights"],
            "image": {"file": f"photos/{room['photo']}", "caption": room["name"]},
        }
        for room in data["rooms"]
    ]
    content = {
        "booklet": {"title": data["title"], "edition": "2026"},
        "museum": {
            "name": "The House Museum",
            "address": {"street": "1 High Street", "city": "Town", "country": "Country"},
        },
        "history": {
            "chapters": [
                {"title": c["title"], "text": "\n\n".join(c["paragraphs"]) + "\n"}
                for c in data["history"]
            ],
            "timeline": [{"date": t["year"], "event": t["event"]} for t in data["timeline"]],
        },
        "rooms": rooms,
        "tips": [{"title": t["title"], "text": t["text"]} for t in data["tips"]],
        "practical": {
            "getting_there": data["practical"][0],
            "accessibility": data["practical"][1],
            "photography": data["practical"][2],
            "bags": data["practical"][3],
        },
        "theme": {"paper": "a5"},
    }
    return yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)


def typst_escape(text: str) -> str:
    return "".join("\\" + c if c in "\\#*_`$<>@[]=-+/~" else c for c in text)


def typst_document(data: dict[str, Any]) -> str:
    e = typst_escape
    out = [
        '#set page(paper: "a5", margin: 15mm, numbering: "1")',
        '#set text(font: "New Computer Modern", size: 10pt)',
        "#set par(justify: true)",
        f'#align(center + horizon, text(24pt, weight: "bold")[{e(data["title"])}])',
        "#pagebreak()",
        "#outline()",
        "#pagebreak()",
        "= History",
    ]
    for chapter in data["history"]:
        out.append(f"== {e(chapter['title'])}")
        out += [e(p) + "\n" for p in chapter["paragraphs"]]
    out.append("== Timeline")
    rows = ", ".join(f"[{e(t['year'])}], [{e(t['event'])}]" for t in data["timeline"])
    out.append(f"#table(columns: (auto, 1fr), stroke: none, {rows})")
    for room in data["rooms"]:
        out += ["#pagebreak()", f"= {e(room['name'])}"]
        out.append(f'#image("photos/{room["photo"]}", width: 100%)')
        out += [e(p) + "\n" for p in room["paragraphs"]]
        out += [f"- {e(h)}" for h in room["highlights"]]
    out += ["#pagebreak()", "= Tips"]
    for tip in data["tips"]:
        out += [f"== {e(tip['title'])}", e(tip["text"]) + "\n"]
    out += ["#pagebreak()", "= Practical information"]
    out += [e(p) + "\n" for p in data["practical"]]
    return "\n".join(out) + "\n"


HTML_STYLE = """
@page { size: A5; margin: 15mm; @bottom-center { content: counter(page); font-size: 8pt; } }
body { font-family: serif; font-size: 10pt; line-height: 1.35; text-align: justify; }
h1 { page-break-before: always; font-size: 18pt; }
h2 { font-size: 13pt; }
.title { text-align: center; font-size: 24pt; padding-top: 60mm; }
.toc a::after { content: leader('.') target-counter(attr(href), page); }
.toc li { list-style: none; }
img { width: 100%; }
table { border-collapse: collapse; } td { vertical-align: top; padding: 1pt 6pt 1pt 0; }
"""


def html_document(data: dict[str, Any]) -> str:
    e = html.escape
    rooms = data["rooms"]
    toc = ["<li><a href='#history'>History</a></li>"]
    toc += [f"<li><a href='#room-{i}'>{e(r['name'])}</a></li>" for i, r in enumerate(rooms)]
    toc += ["<li><a href='#tips'>Tips</a></li>", "<li><a href='#practical'>Practical</a></li>"]
    out = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{e(data['title'])}"
        f"</title><style>{HTML_STYLE}</style></head><body>",
        f"<div class='title'>{e(data['title'])}</div>",
        f"<h1>Contents</h1><ul class='toc'>{''.join(toc)}</ul>",
        "<h1 id='history'>History</h1>",
    ]
    for chapter in data["history"]:
        out.append(f"<h2>{e(chapter['title'])}</h2>")
        out += [f"<p>{e(p)}</p>" for p in chapter["paragraphs"]]
    rows = "".join(f"<tr><td>{e(t['year'])}</td><td>{e(t['event'])}</td></tr>"
                   for t in data["timeline"])  # fmt: skip
    out.append(f"<h2>Timeline</h2><table>{rows}</table>")
    for index, room in enumerate(rooms):
        out.append(f"<h1 id='room-{index}'>{e(room['name'])}</h1>")
        out.append(f"<img src='photos/{room['photo']}' alt='{e(room['name'])}'>")
        out += [f"<p>{e(p)}</p>" for p in room["paragraphs"]]
        out.append("<ul>" + "".join(f"<li>{e(h)}</li>" for h in room["highlights"]) + "</ul>")
    out.append("<h1 id='tips'>Tips</h1>")
    for tip in data["tips"]:
        out += [f"<h2>{e(tip['title'])}</h2>", f"<p>{e(tip['text'])}</p>"]
    out.append("<h1 id='practical'>Practical information</h1>")
    out += [f"<p>{e(p)}</p>" for p in data["practical"]]
    return "\n".join(out) + "</body></html>\n"


# -- running a tool -------------------------------------------------------------------------

LAUNCHER = """
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = child.stderr.read()
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - started
code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as out:
    json.dump({"wall": wall, "maxrss": usage.ru_maxrss * 1024, "code": code,
               "cpu": usage.ru_utime + usage.ru_stime, "err": err.decode()[-400:]}, out)
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    tree_mb: float


def run_once(command: list[str], cwd: Path, stats: Path) -> Run:
    """One whole process; the launcher is the tree's root, so its own ~10 MB is not counted."""
    process = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(stats), *command], cwd=cwd)
    with sampled_tree_peak(process.pid, SAMPLE_S) as tree:
        process.wait()
    result = json.loads(stats.read_text())
    if result["code"] != 0:
        raise RuntimeError(f"{command[0]} failed ({result['code']}): {result['err']}")
    return Run(result["wall"], result["cpu"], result["maxrss"] / MB, tree[0] / MB)


@dataclass
class Result:
    tool: str
    rooms: int
    wall: float
    cpu: float
    peak_mb: float
    tree_mb: float
    pages: int
    file_mb: float


def measure(tool: str, rooms: int, command: list[str], cwd: Path, output: Path, repeat: int):
    run_once(command, cwd, cwd / "stats.json")  # warm-up: file caches, bytecode, font caches
    runs = [run_once(command, cwd, cwd / "stats.json") for _ in range(repeat)]
    return Result(
        tool, rooms,
        wall=statistics.median(r.wall for r in runs),
        cpu=statistics.median(r.cpu for r in runs),
        peak_mb=max(r.peak_mb for r in runs),
        tree_mb=max(r.tree_mb for r in runs),
        pages=len(PdfReader(output).pages),
        file_mb=output.stat().st_size / MB,
    )  # fmt: skip


# The `typst` wheel is the Typst compiler as a Python extension (no CLI): a bare interpreter
# (~20 ms of start-up) calls it once, as `typst compile` would.
TYPST = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])"


def tools(wanted: list[str]) -> dict[str, Any]:
    """name -> (file to write, its text maker, command); only installed tools."""
    python = sys.executable
    known = {
        "booklet": ("content.yaml", booklet_content,
                    [python, "-m", "booklet", "build", "content.yaml", "-o", "out-booklet.pdf",
                     "-q"]),
        "typst": ("doc.typ", typst_document,
                  [python, "-c", TYPST, "doc.typ", "out-typst.pdf"]),
        "weasyprint": ("doc.html", html_document,
                       [python, "-m", "weasyprint", "doc.html", "out-weasyprint.pdf"]),
    }  # fmt: skip
    available = {}
    for name in wanted:
        module = "booklet" if name == "booklet" else name
        if name in known and importlib.util.find_spec(module) is not None:
            available[name] = known[name]
        else:
            print(f"note: {name} is not installed: skipped (pip install '.[bench]')")
    return available


def print_table(results: list[Result]) -> None:
    base = {r.rooms: r for r in results if r.tool == "booklet"}
    header = (f"{'rooms':>5} {'tool':<11} {'wall s':>7} {'CPU s':>6} {'peak MB':>8} "
              f"{'tree MB':>8} {'pages':>6} {'PDF MB':>7} {'wall / booklet':>15} "
              f"{'CPU / booklet':>14}")  # fmt: skip
    print(header)
    print("-" * len(header))
    for r in results:
        ratio = f"{r.wall / base[r.rooms].wall:.2f}x" if r.rooms in base else "-"
        cpu_ratio = f"{r.cpu / base[r.rooms].cpu:.2f}x" if r.rooms in base else "-"
        print(f"{r.rooms:>5} {r.tool:<11} {r.wall:>7.2f} {r.cpu:>6.2f} {r.peak_mb:>8.0f} "
              f"{r.tree_mb:>8.0f} {r.pages:>6} {r.file_mb:>7.2f} {ratio:>15} "
              f"{cpu_ratio:>14}")  # fmt: skip
    print(
        "wall s, CPU s: median of the runs (CPU = user+sys of the whole process tree, children\n"
        "  included); peak MB: largest single process (wait4); tree MB: summed RSS of the\n"
        f"  tree, sampled every {SAMPLE_S * 1000:.0f} ms; ratios: the tool's over booklet's\n"
        "  (under 1 = faster than booklet). On a shared machine CPU ratios are the steadier\n"
        "  figure; Typst uses several threads, so its CPU can exceed its wall time."
    )


# Issue 19's targets: (what, check over the results by (tool, rooms); None = not measured).
DEFAULT_TARGET_S = 0.5


def check_targets(results: list[Result], default_wall: float | None) -> list[str]:
    """One PASS/FAIL/SKIP line per target of issue 19, with the figures behind it."""
    by = {(r.tool, r.rooms): r for r in results}
    lines = []

    def line(verdict: bool | None, text: str, figure: str | None) -> None:
        word = "SKIP" if figure is None else "PASS" if verdict else "FAIL"
        lines.append(f"{word}  {text}: {figure or 'not measured'}")

    def ratio(rooms: int) -> float | None:
        mine, typst = by.get(("booklet", rooms)), by.get(("typst", rooms))
        return mine.wall / typst.wall if mine and typst else None

    small = ratio(10)
    line(
        small is not None and small <= 1.5,
        "10 rooms within 1.5x of Typst's time",
        None if small is None else f"{small:.2f}x",
    )
    line(
        default_wall is not None and default_wall < DEFAULT_TARGET_S,
        f"default booklet under {DEFAULT_TARGET_S} s",
        None if default_wall is None else f"{default_wall:.2f} s",
    )
    for rooms, most, named in ((100, 1.0, "faster than"), (1000, 1 / 1.5, "1.5x faster than")):
        found = ratio(rooms)
        line(
            found is not None and found < most,
            f"{rooms} rooms {named} Typst",
            None if found is None else f"{found:.2f}x its time",
        )
        mine, weasy = by.get(("booklet", rooms)), by.get(("weasyprint", rooms))
        line(
            mine is not None and weasy is not None and mine.tree_mb <= weasy.tree_mb,
            f"{rooms} rooms: memory of all processes at or below WeasyPrint's",
            f"{mine.tree_mb:.0f} MB against {weasy.tree_mb:.0f} MB" if mine and weasy else None,
        )
    sizes = sorted(rooms for tool, rooms in by if tool == "booklet")
    if len(sizes) >= 2:
        low, high = by[("booklet", sizes[0])], by[("booklet", sizes[-1])]
        # Linear: the time each room added costs, at most twice the average per room.
        per_room = (high.wall - low.wall) / (high.rooms - low.rooms)
        line(
            per_room <= 2 * high.wall / high.rooms,
            "cost linear in rooms",
            f"{per_room * 1000:.1f} ms per room added from {low.rooms} to {high.rooms} rooms, "
            f"{high.wall / high.rooms * 1000:.1f} ms per room on average at {high.rooms}",
        )
    return lines  # fmt: skip


def default_booklet(repeat: int, scratch: Path) -> float:
    """The default booklet (the repository's content.yaml) as a whole `booklet build`."""
    command = [sys.executable, "-m", "booklet", "build", str(REPO / "content.yaml"), "-o",
               str(scratch / "default.pdf"), "-q"]  # fmt: skip
    run_once(command, scratch, scratch / "stats.json")
    return statistics.median(
        run_once(command, scratch, scratch / "stats.json").wall for _ in range(repeat)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rooms", default="10,100", help="sizes, e.g. 10,100,1000")
    parser.add_argument("--tools", default="booklet,typst,weasyprint")
    parser.add_argument("--repeat", type=int, default=3, help="measured runs after the warm-up")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.rooms.split(",")})
    available = tools(args.tools.split(","))
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load}; {args.repeat} runs after a warm-up")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="booklet-compare-") as scratch:
        root = (args.keep or Path(scratch)).resolve()
        for rooms in sizes:
            folder = root / f"rooms-{rooms}"
            make_photos(folder / "photos", rooms)
            data = workload(rooms)
            for name, (document, maker, command) in available.items():
                (folder / document).write_text(maker(data), encoding="utf-8")
                output = folder / f"out-{name}.pdf"
                try:
                    results.append(measure(name, rooms, command, folder, output, args.repeat))
                except RuntimeError as error:
                    print(f"{name} at {rooms} rooms: {error}")
                print(f"measured {name} at {rooms} rooms", file=sys.stderr, flush=True)
        default_wall = None
        if "booklet" in available:
            default_wall = default_booklet(args.repeat, root)
    print_table(results)
    if default_wall is not None:
        print(f"default booklet (content.yaml, no photos): {default_wall:.2f} s wall")
    print()
    print("issue 19's targets (wall-time ratios from the runs above):")
    for line in check_targets(results, default_wall):
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
