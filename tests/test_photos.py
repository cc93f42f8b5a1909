"""Photo limits and formats as staff meet them: a photo too big in bytes or in pixels is
refused with its size and how to make it fit, and an iPhone's HEIC photo is read when the
`heic` extra (pillow-heif) is installed, or refused with how to convert it.

pillow-heif is a test dependency; its absence is simulated by hiding the module."""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from booklet.content import photos
from booklet.content.photos import CANNOT_READ_HEIC, ImageProblem, inspect_image
from tests.conftest import edit, line_of, run_cli

STUDY = "    pictogram: study\n"
MAKE_IT_FIT = "export it as a JPEG at 3000 pixels on the long side (plenty for print)"


@pytest.fixture
def heic(tmp_path: Path) -> Path:
    """A small HEIC photo, written with pillow-heif (the `heic` extra)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    path = tmp_path / "IMG_0042.HEIC"
    Image.new("RGB", (640, 480), (180, 40, 30)).save(path, format="HEIF", quality=60)
    assert path.read_bytes()[4:12] == b"ftypheic"
    return path


@pytest.fixture
def without_heic_support(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As if the `heic` extra were not installed."""
    photos._heif_support.cache_clear()
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # import raises ImportError
    yield
    photos._heif_support.cache_clear()


def add_study_photo(content: Path, name: str) -> int:
    """Give the study a photo; return the line of its `image:` field."""
    edit(content, STUDY, f'{STUDY}    image: {{file: assets/{name}, caption: "The desk"}}\n')
    return line_of(content, f"    image: {{file: assets/{name}")


def check(content: Path) -> tuple[int, list[str]]:
    code, _, err = run_cli("check", str(content))
    return code, err.splitlines()


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims width x height 1-bit pixels (its data is a stub)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_a_photo_over_40_mb_gets_its_size_and_how_to_fit(english_project: Path) -> None:
    content = english_project / "content.yaml"
    with (english_project / "assets" / "photo.jpg").open("wb") as stream:
        stream.write(b"\xff\xd8\xff\xe0")
        stream.truncate(41_300_000)  # sparse: no 41 MB written
    line = add_study_photo(content, "photo.jpg")
    assert check(content) == (
        1,
        [
            f"error: content.yaml:{line}: rooms[3].image.file: photo is 41.3 MB, more than "
            f"the 40 MB allowed; {MAKE_IT_FIT}",
            "1 problem found; nothing was written.",
        ],
    )


def test_a_photo_over_80_megapixels_gets_its_size_and_how_to_fit(english_project: Path) -> None:
    content = english_project / "content.yaml"
    (english_project / "assets" / "scan.png").write_bytes(png_header(12000, 9000))
    line = add_study_photo(content, "scan.png")
    assert check(content) == (
        1,
        [
            f"error: content.yaml:{line}: rooms[3].image.file: photo is 12000 x 9000 pixels "
            f"(108 megapixels), more than the 80 megapixels allowed; {MAKE_IT_FIT}",
            "1 problem found; nothing was written.",
        ],
    )


def test_a_heic_photo_is_read_with_the_heic_extra(heic: Path) -> None:
    assert (inspect_image(heic).width, inspect_image(heic).height) == (640, 480)
    assert inspect_image(heic, decode=True).aspect == pytest.approx(4 / 3)


def test_a_booklet_with_a_heic_photo_builds(english_project: Path, heic: Path) -> None:
    content = english_project / "content.yaml"
    heic.rename(english_project / "assets" / heic.name)
    add_study_photo(content, heic.name)
    out = english_project / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")
    assert code == 0, err
    images = [
        image for page in PdfReader(out).pages for image in page.images
    ]  # the study's photo, re-encoded as JPEG by the image stage
    assert len(images) == 1
    assert images[0].image is not None
    width, height = images[0].image.size
    assert width / height == pytest.approx(4 / 3, rel=0.01)


def test_a_heic_photo_without_the_extra_is_refused_with_how_to_convert_it(
    english_project: Path, heic: Path, without_heic_support: None
) -> None:
    content = english_project / "content.yaml"
    heic.rename(english_project / "assets" / heic.name)
    line = add_study_photo(content, heic.name)
    assert check(content) == (
        1,
        [
            f"error: content.yaml:{line}: rooms[3].image.file: HEIC photo (the iPhone's default "
            "format), which this installation cannot read; export it as a JPEG (on a Mac: open "
            "it in Preview, File > Export), set the iPhone to Settings > Camera > Formats > "
            "Most Compatible, or install booklet with HEIC support (pip install '.[heic]' in "
            "booklet's folder)",
            "1 problem found; nothing was written.",
        ],
    )
    with pytest.raises(ImageProblem) as raised:
        inspect_image(english_project / "assets" / heic.name)
    assert str(raised.value) == CANNOT_READ_HEIC


def test_no_photo_message_names_the_imaging_library(tmp_path: Path) -> None:
    """Staff do not know what Pillow is; messages speak of photos."""
    cases = {
        "notes.jpg": b"These are my notes, not a photo.\n" * 20,
        "empty-ish.png": b"\x89PNG\r\n\x1a\n",
        "huge.png": png_header(20000, 20000),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ImageProblem) as raised:
            inspect_image(tmp_path / name, decode=True)
        assert "pillow" not in str(raised.value).lower(), name
