"""Peak memory of preparing one large photo: one decoded copy, never two.

Measured in a fresh interpreter by its peak resident size (VmHWM, which unlike ru_maxrss does not
inherit the parent's peak across fork and exec), before and after processing, so the Python
start-up and Pillow's import are not counted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import ROOT

SIDE = 4000
DECODED_MB = SIDE * SIDE * 4 / 2**20  # Pillow keeps RGB and RGBA at 4 bytes a pixel: 61 MB

MEASURE = """
import re, sys
from pathlib import Path
from booklet.images import ImageJob, process_image
def peak():
    return int(re.search(r"VmHWM:\\s*(\\d+) kB", Path("/proc/self/status").read_text()).group(1))
before = peak()
process_image(ImageJob(Path(sys.argv[1]), Path(sys.argv[2]), 600, 600, (255, 255, 255), 85))
print((peak() - before) / 1024)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_a_large_png_is_prepared_within_one_decoded_copy(tmp_path: Path, mode: str) -> None:
    source = tmp_path / "large.png"
    image = Image.linear_gradient("L").resize((SIDE, SIDE)).convert(mode)
    image.save(source, compress_level=1)
    del image
    target = tmp_path / "small.jpg"
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(source), str(target)],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    grown = float(result.stdout)
    # The decoded image, the bands being flattened and the small result; a second full-size
    # copy (EXIF rotation of an unrotated photo, RGBA premultiplied by resize) would be 2x.
    assert grown < DECODED_MB * 1.5, f"{mode}: {grown:.0f} MB for a {DECODED_MB:.0f} MB image"
    with Image.open(target) as small:
        assert small.size == (600, 600) and small.mode == "RGB"


def test_a_turned_transparent_png_is_flattened_then_turned_upright(tmp_path: Path) -> None:
    # The band-by-band path (RGBA) with the rotation applied to the small result.
    from booklet.images import ImageJob, process_image

    image = Image.new("RGBA", (400, 200), (255, 0, 0, 255))
    image.paste((0, 0, 255, 0), (200, 0, 400, 200))  # right half transparent
    exif = Image.Exif()
    exif[0x0112] = 6  # stored turned: the left edge belongs at the top
    source = tmp_path / "turned.png"
    image.save(source, exif=exif)
    target = tmp_path / "upright.jpg"
    process_image(ImageJob(source, target, 100, 200, (0, 255, 0), 85))
    with Image.open(target) as result:
        assert result.size == (100, 200)
        top, bottom = result.getpixel((50, 40)), result.getpixel((50, 160))
    assert top[0] > 220 and top[1] < 40  # red: the left half, now on top
    assert bottom[1] > 220 and bottom[0] < 40  # the page colour shows through the bottom half
