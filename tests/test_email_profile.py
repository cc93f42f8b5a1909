"""The email profile: a booklet with real-looking photos steps its photos down until the PDF fits
the size budget, or fails with what takes the space and writes nothing.

The photos are seeded random 8-pixel colour blocks: unlike fine noise, their detail survives
downsampling, so each step down shrinks them by a predictable amount."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from tests.conftest import ENGLISH_CONTENT, edit, run_cli
from tests.test_images import placed_images

ROOMS = ("kitchen", "study", "bedroom", "garden")
RED = (220, 20, 20)
SOURCE_PIXELS = (1600, 1200)
STEP = re.compile(r"^photos at (\d+) dpi, quality (\d+): ([\d.]+) KB \(budget ([\d.]+) KB\)$", re.M)


DETAILED_BUDGET = 380_000  # over the first try (150 dpi), met at the first step down (130 dpi)
BETWEEN_BUDGET = "170KB"  # over the floor with four photos, under the text alone


def detailed_photo(path: Path, seed: int, sideways: bool) -> None:
    """Random 8-pixel colour blocks: coarse enough that downsampling cannot average them into
    a smooth (tiny) JPEG, so each step down shrinks the photos by a predictable amount.

    A sideways photo has its left quarter red: shown upright (orientation 6 turns it a quarter
    clockwise), the red is along the top."""
    rng = random.Random(seed)
    blocks = (SOURCE_PIXELS[0] // 8, SOURCE_PIXELS[1] // 8)
    small = Image.frombytes("RGB", blocks, rng.randbytes(blocks[0] * blocks[1] * 3))
    photo = small.resize(SOURCE_PIXELS, Image.Resampling.NEAREST)
    exif = Image.Exif()
    exif[0x0112] = 6 if sideways else 1
    if sideways:
        ImageDraw.Draw(photo).rectangle((0, 0, SOURCE_PIXELS[0] // 4, SOURCE_PIXELS[1]), RED)
    photo.save(path, quality=92, exif=exif)


def mean_colour(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, ...]:
    return image.convert("RGB").crop(box).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English content with a detailed 1600x1200 photo in four rooms; the study's is
    stored sideways with EXIF orientation 6."""
    folder = tmp_path_factory.mktemp("email")
    content = folder / "content.yaml"
    shutil.copy(ENGLISH_CONTENT, content)
    images = folder / "assets" / "images"
    images.mkdir(parents=True)
    for seed, room in enumerate(ROOMS):
        detailed_photo(images / f"{room}.jpg", seed, sideways=room == "study")
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


@pytest.fixture(scope="module")
def stepped(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """An email build that has to step down once to meet its budget."""
    out = tmp_path_factory.mktemp("stepped") / "booklet.pdf"
    return email_build(project, out, "--max-size", str(DETAILED_BUDGET))


def test_stepped_down_photos_are_prepared_at_the_step_that_fit(stepped: Built) -> None:
    """The photos in the PDF must be the ones of the step reported, not of the first try."""
    assert stepped.code == 0, stepped.err
    size = stepped.pdf.stat().st_size
    assert size <= DETAILED_BUDGET
    [(dpi, quality, _, budget_kb)] = stepped.steps
    assert (dpi, quality, budget_kb) == (130, 75, 380.0)
    lines = stepped.err.splitlines()
    assert f"photos at 130 dpi, quality 75: {size / 1000:.1f} KB (budget 380.0 KB)" in lines
    first = re.compile(
        r"over budget with photos at 150 dpi, quality 80: ([\d.]+) KB \(budget 380\.0 KB\); "
        r"stepping down"
    )
    [over] = [m for m in map(first.fullmatch, lines) if m]
    assert float(over[1]) > 380
    reader = PdfReader(stepped.pdf)
    placed = [image for page in reader.pages for image in placed_images(page)]
    assert len(placed) == len(ROOMS)
    for width_pt, _, width_px, height_px in placed:
        assert width_px == pytest.approx(width_pt / 72 * dpi, abs=1)
        assert width_px * height_px < SOURCE_PIXELS[0] * SOURCE_PIXELS[1] / 4
    # The sideways study photo is still turned upright once prepared again at the lower step:
    # placed portrait, with its red edge along the top (not squeezed into a portrait box).
    [page] = [page for page in reader.pages if any(h > w for *_, w, h in placed_images(page))]
    assert "Trotsky’s study" in page.extract_text()
    [(width_pt, height_pt, _, _)] = placed_images(page)
    assert height_pt > width_pt
    [embedded] = page.images
    width, height = embedded.image.size
    top = mean_colour(embedded.image, (0, 0, width, height // 5))
    bottom = mean_colour(embedded.image, (0, height * 4 // 5, width, height))
    assert all(abs(a - b) < 20 for a, b in zip(top, RED, strict=True)), top
    assert all(abs(a - 128) < 40 for a in bottom), bottom  # the random blocks, on average grey


def test_a_stepped_down_email_build_gives_the_same_bytes_twice(
    project: Path, stepped: Built, tmp_path: Path
) -> None:
    """Stepping down prepares the photos again in the same work folder; the bytes must not
    depend on what the first try left there."""
    # The same budget as `stepped`, written the way a user would.
    again = email_build(project, tmp_path / "booklet.pdf", "--max-size", "380KB")
    assert again.code == 0, again.err
    assert again.steps == stepped.steps
    assert again.pdf.read_bytes() == stepped.pdf.read_bytes()


def test_a_budget_fewer_photos_could_meet_says_to_use_fewer_photos(
    project: Path, tmp_path: Path
) -> None:
    """Text alone fits, the photos at their floor do not: dropping photos is the way out."""
    out = tmp_path / "booklet.pdf"
    out.write_bytes(b"%PDF-1.4 the previous booklet\n")
    built = email_build(project, out, "--max-size", BETWEEN_BUDGET)
    assert built.code == 1
    steps = built.steps
    assert [(dpi, quality) for dpi, quality, _, _ in steps] == [
        (130, 75), (110, 72), (96, 68), (84, 64), (72, 60)
    ]  # fmt: skip
    assert all(budget == 170.0 and kb > budget for _, _, kb, budget in steps)
    last = built.err.splitlines()[-1]
    match = re.fullmatch(
        r"error: the PDF is ([\d.]+) KB even with photos at the floor of 72 dpi, quality 60; "
        r"budget 170\.0 KB\. 4 photos take ([\d.]+) KB, text, fonts and drawings the rest "
        r"\(([\d.]+) KB\): use fewer photos or raise --max-size; nothing was written\.",
        last,
    )
    assert match, last
    total, photos, rest = (float(match[i]) for i in (1, 2, 3))
    assert total == steps[-1][2]  # the size of the last step tried
    assert rest < 170 < total, "the budget must fall between the text alone and the floor"
    assert photos + rest == pytest.approx(total, abs=0.2)
    assert out.read_bytes() == b"%PDF-1.4 the previous booklet\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["booklet.pdf"]


def test_a_booklet_without_photos_over_budget_fails_at_once(
    english_project: Path, tmp_path: Path
) -> None:
    """Nothing can be stepped down, so the build says so without trying."""
    out = tmp_path / "previous" / "booklet.pdf"
    out.parent.mkdir()
    out.write_bytes(b"%PDF-1.4 the previous booklet\n")
    code, stdout, err = run_cli(
        "build", str(english_project / "content.yaml"), "-o", str(out), "--profile", "email",
        "--max-size", "60KB",
    )  # fmt: skip
    assert (code, stdout) == (1, "")
    assert err.splitlines() == [  # no step is tried
        f"reading {english_project / 'content.yaml'}",
        "laying out the 'en' edition: 9 rooms on half-letter paper (email)",
        "error: the PDF is over the budget of 60.0 KB without any photos; text, fonts and "
        "drawings alone take more: raise --max-size; nothing was written.",
    ]
    assert out.read_bytes() == b"%PDF-1.4 the previous booklet\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["booklet.pdf"]


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("2MB", 2_000_000),
        ("1.5 MB", 1_500_000),
        ("800KB", 800_000),
        ("800kb", 800_000),
        (" 2 mb ", 2_000_000),
        ("2000000", 2_000_000),
        ("50KB", 50_000),  # the smallest allowed
        ("0.05MB", 50_000),
    ],
)
def test_the_size_reaches_the_build_in_bytes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, size: str, expected: int
) -> None:
    """Accepting a size is not enough: 1.5 MB must mean 1,500,000 bytes to the build."""
    seen: dict[str, object] = {}
    monkeypatch.setattr("booklet.build.build", lambda *_, **options: seen.update(options))
    code, _, err = run_cli(
        "build", "content.yaml", "-o", str(tmp_path / "b.pdf"), "--max-size", size
    )
    assert code == 0, err
    assert seen["max_size"] == expected


@pytest.mark.parametrize("size", ["49999", "49.9KB", "0.04MB"])
def test_a_size_just_under_the_smallest_is_refused(tmp_path: Path, size: str) -> None:
    code, stdout, err = run_cli(
        "build", "content.yaml", "-o", str(tmp_path / "b.pdf"), "--max-size", size
    )
    assert (code, stdout) == (2, "")
    assert err.splitlines()[-1] == (
        "Error: Invalid value for '--max-size': a booklet needs at least 50KB"
    )
    assert not (tmp_path / "b.pdf").exists()


def test_a_size_budget_is_refused_for_a_print_file(project: Path, tmp_path: Path) -> None:
    """Stepping a print file's photos down to 72 dpi to meet a size would ruin the print."""
    out = tmp_path / "booklet.pdf"
    code, stdout, err = run_cli(
        "build", str(project), "-o", str(out), "--profile", "print", "--max-size", "2MB"
    )
    assert (code, stdout) == (2, "")
    assert err.splitlines() == [
        "error: --max-size is for the screen and email profiles: a print file keeps its 300 dpi "
        "photos whatever its size"
    ]
    assert not out.exists()
