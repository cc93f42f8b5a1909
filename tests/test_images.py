"""Room photos: the Pillow pipeline (booklet.images) and what a build with photos puts in the PDF.

Every image is generated here with Pillow; nothing is shipped. A decompression bomb is a crafted
PNG header, so the test never allocates the pixels it claims.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import warnings
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image, ImageDraw
from pypdf import PageObject, PdfReader

from booklet.content.photos import ImageProblem, inspect_image
from booklet.images import Preparation, plan_job, process_image, run_jobs
from booklet.theme.paper import PAPERS
from booklet.theme.profile import PROFILES
from tests.conftest import DEFAULT_CONTENT, edit, line_of, run_cli

PAGE = (246, 241, 231)  # a paper colour to composite transparency onto
RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 200, 20)
UNREADABLE = (
    "not a photo booklet can read: the file is corrupt, empty or not really an image; "
    "open it and export it again as a JPEG"
)
MAKE_IT_FIT = "export it as a JPEG at 3000 pixels on the long side (plenty for print)"
# Refused by the image stage, which never learns the size (inspection names it).
TOO_MANY_PIXELS = f"too many pixels (more than 80,000,000); {MAKE_IT_FIT}"


def _close(
    pixel: tuple[int, ...] | int, expected: tuple[int, ...] | int, tolerance: int = 12
) -> bool:
    got = pixel if isinstance(pixel, tuple) else (pixel,)
    want = expected if isinstance(expected, tuple) else (expected,)
    return len(got) == len(want) and all(
        abs(a - b) <= tolerance for a, b in zip(got, want, strict=True)
    )


@dataclass
class Processed:
    width: float  # placed size, points
    height: float
    pixels: tuple[int, int]  # the job's target size
    image: Image.Image  # the JPEG written


def process(
    source: Path, work: Path, box: tuple[float, float] = (288, 1000), dpi: int = 150
) -> Processed:
    """inspect -> plan -> run, as a build does, and open the result."""
    info = inspect_image(source)
    job, placed_w, placed_h = plan_job(source, info, box[0], box[1], dpi, work, PAGE, 85)
    assert not run_jobs([job])  # no failures
    with Image.open(job.target) as written:
        written.load()
    return Processed(placed_w, placed_h, (job.pixel_width, job.pixel_height), written)


def halves(
    size: tuple[int, int], left: tuple[int, int, int], right: tuple[int, int, int]
) -> Image.Image:
    """An RGB image whose left half is one colour and right half another."""
    image = Image.new("RGB", size, right)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2 - 1, size[1] - 1), fill=left)
    return image


def with_orientation(image: Image.Image, path: Path, orientation: int) -> Path:
    exif = image.getexif()
    exif[0x0112] = orientation
    image.save(path, "JPEG", quality=95, exif=exif.tobytes())
    return path


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims width x height 1-bit pixels (its data is a stub)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_bytes(size: tuple[int, int] = (800, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


# -- orientation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orientation", "size", "red_at", "blue_at"),
    [
        (6, (200, 400), (100, 40), (100, 360)),  # turned 90° clockwise: left edge to the top
        (8, (200, 400), (100, 360), (100, 40)),  # turned 90° anticlockwise: left edge to the bottom
        (3, (400, 200), (360, 100), (40, 100)),  # turned 180°: left edge to the right
        (1, (400, 200), (40, 100), (360, 100)),
    ],
)
def test_exif_orientation_is_applied(
    tmp_path: Path,
    orientation: int,
    size: tuple[int, int],
    red_at: tuple[int, int],
    blue_at: tuple[int, int],
) -> None:
    source = with_orientation(halves((400, 200), RED, BLUE), tmp_path / "photo.jpg", orientation)
    info = inspect_image(source)
    assert (info.width, info.height) == size
    result = process(source, tmp_path)
    assert result.image.format == "JPEG"
    assert result.image.size == size == result.pixels
    assert _close(result.image.getpixel(red_at), RED)
    assert _close(result.image.getpixel(blue_at), BLUE)
    assert result.image.getexif().get(0x0112, 1) == 1  # not rotated a second time by a viewer


def test_orientation_6_is_placed_portrait(tmp_path: Path) -> None:
    source = with_orientation(halves((400, 200), RED, BLUE), tmp_path / "photo.jpg", 6)
    result = process(source, tmp_path, box=(288, 1000))
    assert (result.width, result.height) == pytest.approx((288, 576))
    assert result.image.size == (200, 400)


# -- size ------------------------------------------------------------------------------------


def test_downsampled_to_the_target_dpi_at_the_placed_width(tmp_path: Path) -> None:
    source = tmp_path / "big.jpg"
    halves((4000, 3000), RED, BLUE).save(source, "JPEG", quality=90)
    result = process(source, tmp_path, box=(288, 1000), dpi=150)
    assert (result.width, result.height) == pytest.approx((288, 216))
    assert result.pixels == (600, 450)
    assert result.image.size == (600, 450)
    assert _close(result.image.getpixel((100, 225)), RED)
    assert _close(result.image.getpixel((500, 225)), BLUE)


def test_downsampled_to_the_target_dpi_when_the_height_limits(tmp_path: Path) -> None:
    source = tmp_path / "big.jpg"
    Image.new("RGB", (4000, 3000), GREEN).save(source, "JPEG", quality=90)
    result = process(source, tmp_path, box=(288, 108), dpi=150)
    assert (result.width, result.height) == pytest.approx((144, 108))
    assert result.image.size == (300, 225)


def test_aspect_ratio_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "odd.png"
    Image.new("RGB", (1234, 567), GREEN).save(source, "PNG")
    result = process(source, tmp_path, box=(300, 1000), dpi=150)
    assert result.width / result.height == pytest.approx(1234 / 567)
    assert result.image.size == (625, round(625 * 567 / 1234))


def test_a_small_image_is_never_upscaled(tmp_path: Path) -> None:
    source = tmp_path / "small.png"
    Image.new("RGB", (100, 50), GREEN).save(source, "PNG")
    result = process(source, tmp_path, box=(288, 1000), dpi=300)
    assert (result.width, result.height) == pytest.approx((288, 144))
    assert result.image.size == (100, 50)


# -- colour modes ReportLab cannot place as they are -----------------------------------------


def _transparent_rgba() -> Image.Image:
    image = Image.new("RGBA", (300, 200), (255, 0, 0, 0))
    image.paste((*BLUE, 255), (100, 50, 200, 150))
    return image


def _transparent_palette() -> Image.Image:
    image = Image.new("P", (300, 200), 0)
    image.putpalette([255, 0, 0, *GREEN] + [0] * 762)
    image.paste(1, (100, 50, 200, 150))
    return image


MODES: dict[str, tuple[Callable[[], Image.Image], str, dict[str, object], str, object, object]] = {
    # name: (make, format, save options, mode out, corner pixel, centre pixel)
    "RGBA": (_transparent_rgba, "PNG", {}, "RGB", PAGE, BLUE),
    "LA": (lambda: Image.new("LA", (300, 200), (90, 0)), "PNG", {}, "RGB", PAGE, PAGE),
    "CMYK": (lambda: Image.new("CMYK", (300, 200), (255, 0, 0, 0)), "JPEG", {}, "RGB",
             (0, 255, 255), (0, 255, 255)),
    "CMYK-TIFF": (lambda: Image.new("CMYK", (300, 200), (0, 255, 0, 0)), "TIFF", {}, "RGB",
                  (255, 0, 255), (255, 0, 255)),
    "P-transparent": (_transparent_palette, "PNG", {"transparency": 0}, "RGB", PAGE, GREEN),
    "P-GIF": (_transparent_palette, "GIF", {"transparency": 0}, "RGB", PAGE, GREEN),
    "I;16": (lambda: Image.new("I;16", (300, 200), 65535), "PNG", {}, "L", 255, 255),
    "1": (lambda: Image.new("1", (300, 200), 1), "PNG", {}, "L", 255, 255),
    "L": (lambda: Image.new("L", (300, 200), 90), "PNG", {}, "L", 90, 90),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(MODES))
def test_modes_come_out_as_rgb_or_grey_jpeg(tmp_path: Path, name: str) -> None:
    make, fmt, options, mode, corner, centre = MODES[name]
    source = tmp_path / f"image.{fmt.lower()}"
    make().save(source, fmt, **options)
    result = process(source, tmp_path)
    assert result.image.format == "JPEG"
    assert result.image.mode == mode
    assert result.image.size == (300, 200)
    assert _close(result.image.getpixel((5, 5)), corner), result.image.getpixel((5, 5))
    assert _close(result.image.getpixel((150, 100)), centre), result.image.getpixel((150, 100))


def test_one_bit_black_stays_black(tmp_path: Path) -> None:
    source = tmp_path / "line-art.png"
    image = Image.new("1", (300, 200), 1)
    image.paste(0, (100, 50, 200, 150))
    image.save(source, "PNG")
    result = process(source, tmp_path)
    assert (result.image.getpixel((5, 5)), result.image.getpixel((150, 100))) == (255, 0)


def test_sixteen_bit_grey_keeps_its_tones(tmp_path: Path) -> None:
    source = tmp_path / "scan.png"
    Image.new("I;16", (300, 200), 32768).save(source, "PNG")  # mid grey
    result = process(source, tmp_path)
    assert result.image.mode == "L"
    assert _close(result.image.getpixel((150, 100)), 128, tolerance=3)


# -- files that are not usable images --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.jpg", b"These are my notes, not a photo.\n"),
        ("empty.jpg", b""),
        ("garbage.jpg", b"\xff\xd8\xff" + bytes(range(256)) * 8),
        ("stub.gif", b"GIF89a" + struct.pack("<HH", 100, 100) + b"\0\0\0"),
    ],
)
def test_unreadable_files_give_a_clean_message(tmp_path: Path, name: str, data: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(ImageProblem) as raised:
        inspect_image(source)
    assert str(raised.value) == UNREADABLE


def test_a_png_named_jpg_is_read_by_its_content(tmp_path: Path) -> None:
    source = tmp_path / "really-a-png.jpg"
    Image.new("RGB", (64, 48), GREEN).save(source, "PNG")
    assert process(source, tmp_path).image.size == (64, 48)


def test_an_unsupported_format_is_named(tmp_path: Path) -> None:
    source = tmp_path / "photo.bmp"
    Image.new("RGB", (30, 20)).save(source, "BMP")
    with pytest.raises(ImageProblem) as raised:
        inspect_image(source)
    assert str(raised.value) == "unsupported image format BMP; use JPEG, PNG, WebP, TIFF or GIF"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_truncated_file_gives_a_clean_message(tmp_path: Path, fmt: str) -> None:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(buffer, fmt)
    source = tmp_path / f"cut.{fmt.lower()}"
    source.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    with pytest.raises(ImageProblem) as raised:  # from the header check or from decoding
        info = inspect_image(source)
        job, _, _ = plan_job(source, info, 288, 1000, 150, tmp_path, PAGE, 85)
        process_image(job)
    assert str(raised.value) == "image file is truncated"
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]


def test_run_jobs_reports_a_truncated_jpeg_instead_of_raising(tmp_path: Path) -> None:
    source = tmp_path / "cut.jpg"
    data = jpeg_bytes()
    source.write_bytes(data[: len(data) // 2])
    job, _, _ = plan_job(source, inspect_image(source), 288, 1000, 150, tmp_path, PAGE, 85)
    assert run_jobs([job]) == {job.target: "image file is truncated"}
    assert not job.target.exists()


@pytest.mark.parametrize(
    ("size", "named"),
    [((20000, 20000), "20000 x 20000 pixels (400 megapixels)"),
     ((10000, 9000), "10000 x 9000 pixels (90 megapixels)"),
     ((8945, 8945), "8945 x 8945 pixels (80.01 megapixels)")],
    ids=["far-over", "just-over", "a-hair-over"],
)  # fmt: skip
def test_a_decompression_bomb_is_refused_with_its_size(
    tmp_path: Path, size: tuple[int, int], named: str
) -> None:
    source = tmp_path / "bomb.png"
    source.write_bytes(png_header(*size))
    assert source.stat().st_size < 200
    with pytest.raises(ImageProblem) as raised:
        inspect_image(source)
    assert (
        str(raised.value) == f"photo is {named}, more than the 80 megapixels allowed; {MAKE_IT_FIT}"
    )
    # process_image refuses too, even when handed a job without inspection
    job, _, _ = plan_job(source, _Info(*size), 288, 1000, 150, tmp_path, PAGE, 85)
    with pytest.raises(ImageProblem) as raised:
        process_image(job)
    assert str(raised.value) == TOO_MANY_PIXELS


@dataclass(frozen=True)
class _Info:
    width: int
    height: int

    @property
    def aspect(self) -> float:
        return self.width / self.height


def _study_image_line(content: Path, file: str) -> int:
    edit(content, "    pictogram: study\n", f"    pictogram: study\n    image: {{file: {file}}}\n")
    return line_of(content, "    image: {file:")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.write_text("not a photo\n", encoding="utf-8"), UNREADABLE),
        (
            lambda path: path.write_bytes(png_header(20000, 20000)),
            "photo is 20000 x 20000 pixels (400 megapixels), more than the 80 megapixels "
            f"allowed; {MAKE_IT_FIT}",
        ),
    ],
    ids=["text-named-jpg", "bomb"],
)
def test_check_reports_an_unusable_image_at_its_line(
    project: Path, make: Callable[[Path], object], message: str
) -> None:
    content = project / "content.yaml"
    (project / "assets" / "images").mkdir()
    make(project / "assets" / "images" / "study.jpg")
    line = _study_image_line(content, "assets/images/study.jpg")
    code, _, err = run_cli("check", str(content))
    assert code == 1
    assert err.splitlines() == [
        f"error: content.yaml:{line}: rooms[4].image.file: {message}",
        "1 problem found; nothing was written.",
    ]


# -- run_jobs --------------------------------------------------------------------------------


def test_run_jobs_processes_each_target_once_and_keeps_finished_ones(tmp_path: Path) -> None:
    sources = []
    for index in range(9):  # enough distinct jobs for the parallel path
        source = tmp_path / f"photo-{index}.png"
        Image.new("RGB", (40 + index, 30), GREEN).save(source, "PNG")
        sources.append(source)
    work = tmp_path / "work"
    work.mkdir()
    jobs = [plan_job(s, inspect_image(s), 288, 1000, 150, work, PAGE, 85)[0] for s in sources]
    finished = jobs[0].target
    finished.write_bytes(b"already done")
    run_jobs(jobs + jobs[:3])
    assert finished.read_bytes() == b"already done"
    for job in jobs[1:]:
        with Image.open(job.target) as written:
            assert (written.format, written.size) == ("JPEG", (job.pixel_width, job.pixel_height))
    assert sorted(p.name for p in work.iterdir()) == sorted(job.target.name for job in jobs)


def test_a_preparation_runs_jobs_while_the_caller_goes_on_and_reports_each_failure(
    tmp_path: Path,
) -> None:
    # The layout fits the next room while photos are prepared; a filter the caller sets and
    # restores meanwhile must not lift the pixel-limit error in the workers.
    good = tmp_path / "good.png"
    Image.new("RGB", (60, 40), GREEN).save(good, "PNG")
    cut = tmp_path / "cut.jpg"
    data = jpeg_bytes()
    cut.write_bytes(data[: len(data) // 2])
    bomb = tmp_path / "bomb.png"  # over the limit by a hair: Pillow only warns
    bomb.write_bytes(png_header(8945, 8945))
    work = tmp_path / "work"
    work.mkdir()
    infos = [inspect_image(good), _Info(400, 300), _Info(8945, 8945)]
    jobs = [plan_job(source, info, 288, 1000, 150, work, PAGE, 85)[0]
            for source, info in zip((good, cut, bomb), infos, strict=True)]  # fmt: skip
    with Preparation(workers=2) as preparation:
        preparation.add(jobs[0])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            preparation.add(jobs[1])
            preparation.add(jobs[2])
        preparation.add(jobs[0])  # the same file again: prepared once
        problems = preparation.wait()
    assert problems == {jobs[1].target: "image file is truncated", jobs[2].target: TOO_MANY_PIXELS}
    with Image.open(jobs[0].target) as written:
        assert written.size == (jobs[0].pixel_width, jobs[0].pixel_height)
    assert sorted(p.name for p in work.iterdir()) == [jobs[0].target.name]


# -- a build with photos ---------------------------------------------------------------------

STUDY_CAPTION, STUDY_CREDIT = "The desk as it was left", "Test Photographer"
BEDROOM_CAPTION, BEDROOM_CREDIT = "The bedroom seen from the door", "Second Photographer"
GARDEN_CAPTION, GARDEN_CREDIT = "The garden from the watchtower", "Third Photographer"


@dataclass
class PhotoBuild:
    project: Path
    pdf: Path
    reader: PdfReader


@pytest.fixture(scope="module")
def photo_build(tmp_path_factory: pytest.TempPathFactory) -> PhotoBuild:
    """The default content with a 4000x3000 study photo, an EXIF-rotated (portrait) bedroom
    photo and a 3:1 garden panorama."""
    project = tmp_path_factory.mktemp("photos")
    content = project / "content.yaml"
    shutil.copy(DEFAULT_CONTENT, content)
    images = project / "assets" / "images"
    images.mkdir(parents=True)
    halves((4000, 3000), RED, BLUE).save(images / "study.jpg", "JPEG", quality=90)
    with_orientation(halves((1200, 600), RED, BLUE), images / "bedroom.jpg", 6)
    halves((3000, 1000), RED, BLUE).save(images / "garden.jpg", "JPEG", quality=90)
    for room, file, caption, credit in (
        ("study", "study.jpg", STUDY_CAPTION, STUDY_CREDIT),
        ("bedroom", "bedroom.jpg", BEDROOM_CAPTION, BEDROOM_CREDIT),
        ("garden", "garden.jpg", GARDEN_CAPTION, GARDEN_CREDIT),
    ):
        edit(
            content,
            f"    pictogram: {room}\n",
            f"    pictogram: {room}\n    image: {{file: assets/images/{file}, "
            f'caption: "{caption}", credit: "{credit}"}}\n',
        )
    pdf = project / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(pdf), "-q")
    assert code == 0, err
    return PhotoBuild(project, pdf, PdfReader(pdf))


_DRAW = re.compile(rb"([\d.]+) 0 0 ([\d.]+) [\d.-]+ [\d.-]+ cm\s*/(\S+) Do")


def placed_images(page: PageObject) -> list[tuple[float, float, int, int]]:
    """(width pt, height pt, width px, height px) of every image XObject drawn on the page."""
    xobjects = page["/Resources"].get("/XObject", {})
    found = []
    for width, height, name in _DRAW.findall(page.get_contents().get_data()):
        xobject = xobjects["/" + name.decode()].get_object()
        if xobject["/Subtype"] == "/Image":
            found.append(
                (float(width), float(height), int(xobject["/Width"]), int(xobject["/Height"]))
            )
    return found


def page_with(reader: PdfReader, text: str) -> PageObject:
    pages = [page for page in reader.pages if text in " ".join(page.extract_text().split())]
    assert len(pages) == 1, f"{text!r} on {len(pages)} pages"
    return pages[0]


def test_build_embeds_the_photo_downsampled_with_its_caption(photo_build: PhotoBuild) -> None:
    page = page_with(photo_build.reader, STUDY_CAPTION)
    text = " ".join(page.extract_text().split())
    assert "Trotsky’s study" in text and STUDY_CREDIT in text
    [(width, height, pixels_w, pixels_h)] = placed_images(page)
    assert width / height == pytest.approx(4 / 3, rel=1e-3)
    assert pixels_w == pytest.approx(width / 72 * PROFILES["screen"].dpi, abs=1)
    assert pixels_h == pytest.approx(pixels_w * 3 / 4, abs=1)
    assert pixels_w < 4000


def test_build_places_an_exif_rotated_photo_upright(photo_build: PhotoBuild) -> None:
    page = page_with(photo_build.reader, BEDROOM_CAPTION)
    assert BEDROOM_CREDIT in " ".join(page.extract_text().split())
    [(width, height, pixels_w, pixels_h)] = placed_images(page)
    assert height == pytest.approx(2 * width, rel=1e-3)
    assert pixels_h == pytest.approx(2 * pixels_w, abs=1)
    assert pixels_w == pytest.approx(width / 72 * PROFILES["screen"].dpi, abs=1)
    [image] = page.images
    upright = image.image
    assert _close(upright.getpixel((upright.width // 2, upright.height // 8)), RED, 30)
    assert _close(upright.getpixel((upright.width // 2, upright.height * 7 // 8)), BLUE, 30)


def test_only_the_rooms_with_photos_have_images(photo_build: PhotoBuild) -> None:
    with_images = [
        index for index, page in enumerate(photo_build.reader.pages) if placed_images(page)
    ]
    assert len(with_images) == 3


def photo_and_caption(
    build: PhotoBuild, caption: str
) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
    """Bounds (left, bottom, right, top) of the page's photo and of its caption's first letter."""
    index = build.reader.pages.index(page_with(build.reader, caption))
    page = pdfium.PdfDocument(build.pdf)[index]
    [photo] = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)
    text = page.get_textpage()
    start, _ = text.search(caption).get_next()
    return photo.get_bounds(), text.get_charbox(start)


def test_a_portrait_photo_has_its_caption_beside_it_at_its_foot(photo_build: PhotoBuild) -> None:
    (left, bottom, right, top), (x, y, _, _) = photo_and_caption(photo_build, BEDROOM_CAPTION)
    assert top - bottom > 1.5 * (right - left)  # portrait
    assert x > right + 6  # beside, with a gap
    assert bottom <= y < bottom + (top - bottom) / 3  # down at the photo's foot


def test_a_photo_as_wide_as_the_column_has_its_caption_below(photo_build: PhotoBuild) -> None:
    (left, bottom, right, _), (x, y, _, _) = photo_and_caption(photo_build, GARDEN_CAPTION)
    paper = PAPERS["half-letter"]
    assert right - left == pytest.approx(paper.frame_width, abs=1)
    assert x == pytest.approx(left, abs=1)
    assert y < bottom


def _previous_pdf(project: Path, photo_build: PhotoBuild) -> tuple[Path, bytes]:
    out = project / "booklet.pdf"
    shutil.copy(photo_build.pdf, out)
    return out, out.read_bytes()


def test_a_missing_image_fails_the_build_and_keeps_the_previous_pdf(
    project: Path, photo_build: PhotoBuild
) -> None:
    out, before = _previous_pdf(project, photo_build)
    content = project / "content.yaml"
    line = _study_image_line(content, "assets/images/study.jpg")
    code, stdout, err = run_cli("build", str(content), "-o", str(out))
    assert (code, stdout) == (1, "")
    assert [line for line in err.splitlines() if not line.startswith("reading ")] == [
        f"error: content.yaml:{line}: rooms[4].image.file: file not found: assets/images/study.jpg",
        "1 problem found; nothing was written.",
    ]
    assert out.read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == ["assets", "booklet.pdf", "content.yaml"]


def test_a_truncated_image_fails_the_build_cleanly(project: Path, photo_build: PhotoBuild) -> None:
    out, before = _previous_pdf(project, photo_build)
    (project / "assets" / "images").mkdir()
    data = jpeg_bytes()
    (project / "assets" / "images" / "study.jpg").write_bytes(data[: len(data) // 2])
    content = project / "content.yaml"
    line = _study_image_line(content, "assets/images/study.jpg")
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")
    assert code == 1
    assert err.splitlines() == [
        f"error: content.yaml:{line}: rooms[4].image.file: image file is truncated",
        "1 problem found; nothing was written.",
    ]
    assert out.read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == ["assets", "booklet.pdf", "content.yaml"]


def test_check_reports_a_truncated_image(project: Path) -> None:
    (project / "assets" / "images").mkdir()
    data = jpeg_bytes()
    (project / "assets" / "images" / "study.jpg").write_bytes(data[: len(data) // 2])
    content = project / "content.yaml"
    line = _study_image_line(content, "assets/images/study.jpg")
    code, _, err = run_cli("check", str(content))
    assert code == 1
    assert err.splitlines() == [
        f"error: content.yaml:{line}: rooms[4].image.file: image file is truncated",
        "1 problem found; nothing was written.",
    ]


def test_a_booklet_with_photos_gives_identical_bytes_twice(english_project: Path) -> None:
    """Prepared photos live in a fresh temporary folder per build; the PDF must not care."""
    photo = english_project / "assets" / "images" / "study.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(jpeg_bytes((1200, 900)))
    content = english_project / "content.yaml"
    study = "    pictogram: study\n"
    edit(content, study, study + "    image: {file: assets/images/study.jpg}\n")
    first, second = english_project / "one.pdf", english_project / "two.pdf"
    for out in (first, second):
        assert run_cli("build", str(content), "-o", str(out), "-q")[0] == 0
    assert first.read_bytes() == second.read_bytes()
