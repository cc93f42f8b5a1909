"""The default Trotsky booklet keeps its look: its drawn pages match reference renderings.

The covers, the plan and the pages with pictograms and tip icons are rendered at low resolution
and compared pixel by pixel with PNGs in tests/data/golden (made from the booklet as it looked
before covers and pictograms became content choices). On a difference the actual, expected and
difference images are written next to the test's temporary files and the failure names the
page and the region. After an intended change of look, regenerate them with
`BOOKLET_UPDATE_GOLDEN=1 pytest tests/test_look.py` and review the new PNGs by eye.
"""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
SCALE = 0.75  # 54 dpi: enough to see a drawing change, small enough to keep in the repository
TOLERANCE = 40  # per channel, for anti-aliasing differences between renderer builds
MAX_PIXELS = 12  # may differ by more than TOLERANCE: a few edge pixels, not a drawn detail

# Pages by their bookmark's title (so they are found when other pages move), or by index.
PAGES: dict[str, int | str] = {
    "cover": 0,
    "plan": "Plan of the house",
    "kitchen": "Kitchen",
    "office": "Secretaries’ office",
    "garden": "Garden",
    "tower": "Watchtowers and guard house",
    "tips": "Tips for your visit",
    "back": -1,
}


def _page_index(reader: PdfReader, where: int | str) -> int:
    if isinstance(where, int):
        return where % len(reader.pages)
    pending = list(reader.outline)
    while pending:
        entry = pending.pop(0)
        if isinstance(entry, list):
            pending[:0] = entry
        elif entry.title == where:
            return reader.get_destination_page_number(entry)
    raise AssertionError(f"no bookmark {where!r}")


@pytest.mark.parametrize("name", PAGES)
def test_the_default_booklet_looks_as_before(default_pdf: Path, tmp_path: Path, name: str) -> None:
    index = _page_index(PdfReader(default_pdf), PAGES[name])
    actual = pypdfium2.PdfDocument(str(default_pdf))[index].render(scale=SCALE).to_pil()
    actual = actual.convert("RGB")
    golden = GOLDEN / f"{name}.png"
    if os.environ.get("BOOKLET_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        actual.save(golden, optimize=True)
    expected = Image.open(golden).convert("RGB")
    assert actual.size == expected.size, f"{name} (page {index + 1}): size changed"
    diff = (
        ImageChops.difference(actual, expected)
        .convert("L")
        .point(lambda value: 255 if value > TOLERANCE else 0)
    )
    changed = diff.histogram()[255]
    if changed > MAX_PIXELS:
        for label, image in (("actual", actual), ("expected", expected), ("diff", diff)):
            image.save(tmp_path / f"{name}-{label}.png")
        pytest.fail(
            f"{name} (page {index + 1}): {changed} pixels differ in the region "
            f"{diff.getbbox()} (px at {SCALE * 72:.0f} dpi); see {tmp_path}"
        )
