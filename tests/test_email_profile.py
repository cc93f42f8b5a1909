"""The email profile: a booklet with real-looking photos steps its photos down until the PDF fits
the size budget, or fails with what takes the space and writes nothing."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.conftest import ENGLISH_CONTENT, edit, run_cli

ROOMS = ("kitchen", "study", "bedroom", "garden")
SOURCE_PIXELS = (1600, 1200)
STEP = re.compile(r"photos at (\d+) dpi, quality (\d+): ([\d.]+) KB \(budget ([\d.]+) KB\)")


def noisy_photo(path: Path, seed: int, sideways: bool) -> None:
    """Photo-like detail that JPEG cannot squeeze away: noise over a coloured gradient."""
    rng = random.Random(seed)
    base = Image.linear_gradient("L").resize(SOURCE_PIXELS).convert("RGB")
    tint = Image.new("RGB", SOURCE_PIXELS, tuple(rng.randint(40, 220) for _ in "rgb"))
    noise = Image.effect_noise(SOURCE_PIXELS, 60).convert("RGB")
    photo = Image.blend(Image.blend(base, tint, 0.5), noise, 0.35)
    exif = Image.Exif()
    exif[0x0112] = 6 if sideways else 1  # stored sideways, shown upright
    photo.save(path, quality=92, exif=exif)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English content with a noisy 1600x1200 photo in four rooms, one EXIF-rotated."""
    folder = tmp_path_factory.mktemp("email")
    content = folder / "content.yaml"
    shutil.copy(ENGLISH_CONTENT, content)
    images = folder / "assets" / "images"
    images.mkdir(parents=True)
    for seed, room in enumerate(ROOMS):
        noisy_photo(images / f"{room}.jpg", seed, sideways=room == "study")
        edit(
            content,
            f"    pictogram: {room}\n",
            f"    pictogram: {room}\n"
            f'    image: {{file: assets/images/{room}.jpg, alt: "The {room}"}}\n',
        )
    return content


@dataclass
class Built:
    code: int
    err: str
    pdf: Path

    @property
    def steps(self) -> list[tuple[int, int, float, float]]:
        return [(int(m[1]), int(m[2]), float(m[3]), float(m[4])) for m in STEP.finditer(self.err)]


def email_build(project: Path, out: Path, *options: str) -> Built:
    code, stdout, err = run_cli(
        "build", str(project), "-o", str(out), "--profile", "email", *options
    )
    assert stdout == ""
    return Built(code, err, out)


def photo_pixels(pdf: Path) -> list[int]:
    """Width x height of every photo embedded in the PDF."""
    return [
        image.image.width * image.image.height
        for page in PdfReader(pdf).pages
        for image in page.images
    ]


@pytest.fixture(scope="module")
def unlimited(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The email build with its default 2 MB budget, which these photos fit at once."""
    return email_build(project, tmp_path_factory.mktemp("default") / "booklet.pdf")


def test_the_default_budget_is_met_without_stepping_down(unlimited: Built) -> None:
    assert unlimited.code == 0, unlimited.err
    assert unlimited.steps == []
    assert unlimited.pdf.stat().st_size <= 2_000_000
    pixels = photo_pixels(unlimited.pdf)
    assert len(pixels) == len(ROOMS)
    assert max(pixels) < SOURCE_PIXELS[0] * SOURCE_PIXELS[1] / 2  # downsampled to ~150 dpi


def test_a_tight_budget_steps_the_photos_down_until_the_pdf_fits(
    project: Path, unlimited: Built, tmp_path: Path
) -> None:
    full = unlimited.pdf.stat().st_size
    budget = (full + 150_000) // 2  # below the first try, above the text alone
    built = email_build(project, tmp_path / "booklet.pdf", "--max-size", str(budget))
    assert built.code == 0, built.err
    size = built.pdf.stat().st_size
    assert size <= budget < full
    steps = built.steps
    assert steps, built.err
    assert [(dpi, quality) for dpi, quality, _, _ in steps] == [
        (130, 75), (110, 72), (96, 68), (84, 64), (72, 60)
    ][: len(steps)]  # fmt: skip
    assert all(round(b * 1000) == round(budget, -2) for *_, b in steps)
    assert all(kb * 1000 > budget for _, _, kb, _ in steps[:-1])  # each step but the last: over
    assert steps[-1][2] * 1000 == pytest.approx(size, abs=100)
    before, after = photo_pixels(unlimited.pdf), photo_pixels(built.pdf)
    assert all(a < b for a, b in zip(sorted(after), sorted(before), strict=True))
    assert f"wrote {built.pdf} (24 pages, " in built.err


def test_a_budget_the_photos_cannot_meet_fails_and_writes_nothing(
    project: Path, tmp_path: Path
) -> None:
    out = tmp_path / "booklet.pdf"
    out.write_bytes(b"%PDF-1.4 the previous booklet\n")
    built = email_build(project, out, "--max-size", "60KB")  # less than the text alone
    assert built.code == 1
    assert [dpi for dpi, *_ in built.steps] == [130, 110, 96, 84, 72]  # every step was tried
    last = built.err.splitlines()[-1]
    match = re.fullmatch(
        r"error: the PDF is ([\d.]+) KB even with photos at the floor of 72 dpi, quality 60; "
        r"budget 60\.0 KB\. 4 photos take ([\d.]+) KB, text, fonts and drawings the rest "
        r"\(([\d.]+) KB\): raise --max-size; nothing was written\.",  # fewer photos won't do
        last,
    )
    assert match, last
    total, photos, rest = (float(match[i]) for i in (1, 2, 3))
    assert total > 60 and photos > 0
    assert photos + rest == pytest.approx(total, abs=0.2)
    assert out.read_bytes() == b"%PDF-1.4 the previous booklet\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["booklet.pdf"]


@pytest.mark.parametrize("size", ["2MB", "1.5 MB", "800KB", "2000000", "800kb"])
def test_sizes_are_read_in_bytes_kilobytes_and_megabytes(
    project: Path, tmp_path: Path, size: str
) -> None:
    out = tmp_path / "booklet.pdf"
    code, _, err = run_cli(
        "build", str(project), "-o", str(out), "--profile", "email", "--max-size", size, "-q"
    )
    assert code == 0, err


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ("10KB", "a booklet needs at least 50KB"),
        ("two megabytes", "expected a size like 2MB or 800KB, got 'two megabytes'"),
        ("5TB", "expected a size like 2MB or 800KB, got '5TB'"),
    ],
)
def test_a_size_that_is_not_one_is_a_usage_error(
    project: Path, tmp_path: Path, size: str, message: str
) -> None:
    out = tmp_path / "booklet.pdf"
    code, stdout, err = run_cli("build", str(project), "-o", str(out), "--max-size", size)
    assert (code, stdout) == (2, "")
    assert f"Invalid value for '--max-size': {message}" in err
    assert not out.exists()


def test_the_email_build_gives_the_same_bytes_twice(
    project: Path, unlimited: Built, tmp_path: Path
) -> None:
    again = email_build(project, tmp_path / "booklet.pdf")
    assert again.code == 0, again.err
    assert again.pdf.read_bytes() == unlimited.pdf.read_bytes()
