"""Does the emailed booklet fit an inbox, and does personalising it scale?

Builds the default booklet with a 12-megapixel phone photo on every room (generated here: a
4000x3000 JPEG at quality 92, one in three stored sideways with EXIF orientation 6), with the
`email` profile and its 2 MB budget, and reports the size, the resolution the photos ended at
and the time. Then stamps "Prepared for NAME — visit on DATE" onto the cover for N travelers
from one layout, the way `booklet send --personalise` does, and reports the time per traveler
against the cost of one layout.

Run from the repository root:

    python benchmarks/email_size.py [--travelers 1000] [--max-size 2MB]
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from booklet.build import build  # noqa: E402
from booklet.content.project import load_project  # noqa: E402
from booklet.images import ImageCache  # noqa: E402
from booklet.layout.typeset import typeset  # noqa: E402
from booklet.mail.message import prepared_line  # noqa: E402
from booklet.mail.stamp import CoverStamp  # noqa: E402
from booklet.mail.travelers import Traveler  # noqa: E402
from booklet.theme.palette import make_palette  # noqa: E402

BUDGET = 2_000_000


def phone_photo(path: Path, seed: int, sideways: bool) -> None:
    """A 12-megapixel JPEG with photo-like detail (noise), optionally EXIF-rotated."""
    rng = random.Random(seed)
    small = Image.new("RGB", (500, 375))
    draw = ImageDraw.Draw(small)
    for y in range(375):
        draw.line([(0, y), (500, y)], fill=(90 + seed * 9 % 60, 70 + y // 3, 60 + seed * 13 % 90))
    for _ in range(60):
        x, y, r = rng.randint(0, 500), rng.randint(0, 375), rng.randint(5, 60)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randint(0, 255) for _ in "rgb"))
    photo = small.resize((4000, 3000), Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    photo = Image.blend(photo, Image.effect_noise((4000, 3000), 25).convert("RGB"), 0.12)
    exif = Image.Exif()
    exif[0x0112] = 6 if sideways else 1
    photo.save(path, quality=92, exif=exif)


def project_with_photos(folder: Path) -> Path:
    """The default content with a phone photo on every room."""
    content = folder / "content.yaml"
    shutil.copy(REPO / "content.yaml", content)
    images = folder / "assets" / "images"
    images.mkdir(parents=True)
    text = content.read_text(encoding="utf-8")
    rooms = re.findall(r"^  - id: ([a-z0-9-]+)$", text, flags=re.M)
    for index, room in enumerate(rooms):
        phone_photo(images / f"{room}.jpg", index, sideways=index % 3 == 0)
        pictogram = re.search(rf"  - id: {room}\n(?:    .*\n)*?(    pictogram: \w+\n)", text)
        assert pictogram, room
        line = pictogram.group(1)
        photo = f'    image: {{file: assets/images/{room}.jpg, alt: "Photo of the {room}"}}\n'
        text = text.replace(line, line + photo, 1)
    content.write_text(text, encoding="utf-8")
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--travelers", type=int, default=1000)
    parser.add_argument("--max-size", type=int, default=BUDGET, help="budget in bytes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="booklet-email-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        content = project_with_photos(folder)
        print(f"generated 12-megapixel photos in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        project = load_project(content)
        [result] = build(project, folder / "email.pdf", profile="email", max_size=args.max_size)
        seconds = time.perf_counter() - started
        size = result.output.stat().st_size
        verdict = "PASS" if size <= args.max_size else "FAIL"
        print(f"{verdict}  email PDF: {size / 1e6:.2f} MB for {result.pages} pages "
              f"(budget {args.max_size / 1e6:.2f} MB), built in {seconds:.1f} s")  # fmt: skip

        started = time.perf_counter()
        with ImageCache() as images:
            rendered = typeset(project.source, "email", images)
        layout = time.perf_counter() - started
        band = rendered.positions["cover.band"]
        stamp = CoverStamp(rendered.pdf, make_palette({}).paper, band)
        day = datetime.date(2026, 12, 1)
        travelers = [Traveler(i + 2, f"Traveler Number {i}", f"t{i}@example.org", "en", day)
                     for i in range(args.travelers)]  # fmt: skip
        times = []
        for traveler in travelers:
            started = time.perf_counter()
            stamp.apply(prepared_line(traveler, "en"))
            times.append(time.perf_counter() - started)
        ms = sorted(t * 1000 for t in times)
        print(f"personalising {args.travelers} covers from one layout: {sum(times):.1f} s "
              f"(median {statistics.median(ms):.1f} ms, p95 {ms[int(len(ms) * 0.95)]:.1f} ms "
              f"per traveler); one layout takes {layout:.2f} s, so {args.travelers} layouts "
              f"would take about {layout * args.travelers:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()
