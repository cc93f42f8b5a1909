"""A room photograph, embedded so that the same photo always gives the same PDF bytes.

ReportLab names an image given by file name after a digest of its path, and our prepared
JPEGs live in a fresh temporary folder each build, so the name (and the file's bytes) would
change from build to build. The reader below identifies the image by its file name instead,
which is already a hash of the source photo and its prepared size and quality. The JPEG is
still embedded as it is (no decoding), and nothing is kept in memory between pages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


class _ContentNamedJpeg(ImageReader):
    def getRGBData(self) -> bytes:
        # Only used by ReportLab to name the image; JPEG data itself is passed through.
        self._dataA = None
        return Path(self.fileName).name.encode()


def draw_photo(canvas: Canvas, path: Path, x: float, y: float, width: float, height: float) -> None:
    """Place a prepared JPEG on a canvas (the covers draw theirs outside any flowable)."""
    canvas.drawImage(_ContentNamedJpeg(str(path)), x, y, width, height)


class Photo(Flowable):
    """A prepared photo; `ready(path)` waits until it is on disk (photos are prepared in
    the background while the layout goes on, see layout/typeset.py)."""

    def __init__(
        self, path: Path, width: float, height: float, ready: Callable[[Path], None] | None = None
    ) -> None:
        super().__init__()
        self.path = path
        self.width = width
        self.height = height
        self.ready = ready
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if self.ready is not None:
            self.ready(self.path)
        draw_photo(self.canv, self.path, 0, 0, self.width, self.height)
