"""Pillow pipeline: open safely, honour EXIF orientation, downsample to the target DPI, re-encode.

ReportLab only ever sees the file we wrote, never the writer's original: it is decoded fully by
Pillow, flattened to RGB or greyscale, scaled to the placed size at the profile's DPI, rotated
upright and saved as a baseline JPEG, which ReportLab embeds without re-encoding. Results are
keyed by a hash of the source bytes and the target size, so the same photo is processed once per
build.
"""

from __future__ import annotations

import hashlib
import math
import tempfile
import warnings
from collections.abc import Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from booklet.content.photos import ImageInfo, ImageProblem, decoding, open_photo


@dataclass(frozen=True)
class ImageJob:
    source: Path
    target: Path
    pixel_width: int
    pixel_height: int
    background: tuple[int, int, int]
    quality: int
    crop: tuple[float, float, float, float] | None = None
    """Part of the upright image to keep, as fractions (left, top, right, bottom)."""


def plan_job(
    source: Path,
    info: ImageInfo,
    box_width: float,
    box_height: float,
    dpi: int,
    work_dir: Path,
    background: tuple[int, int, int],
    quality: int,
    *,
    fill: bool = False,
) -> tuple[ImageJob, float, float]:
    """Fit the image in the box (points), keep its aspect; return the job and placed size.

    With `fill` the image covers the whole box instead (a full-bleed cover): it is cropped
    to the box's aspect about its centre, and the placed size is the box."""
    crop = None
    aspect, available = info.aspect, info.width
    if fill:
        aspect = box_width / box_height
        keep_w, keep_h = (
            (aspect / info.aspect, 1.0) if aspect < info.aspect else (1.0, info.aspect / aspect)
        )
        crop = ((1 - keep_w) / 2, (1 - keep_h) / 2, (1 + keep_w) / 2, (1 + keep_h) / 2)
        available = max(1, int(info.width * keep_w))
        placed_width, placed_height = box_width, box_height
    else:
        placed_width = box_width
        placed_height = placed_width / aspect
        if placed_height > box_height:
            placed_height = box_height
            placed_width = placed_height * aspect
    pixel_width = min(available, max(1, round(placed_width / 72 * dpi)))
    pixel_height = max(1, round(pixel_width / aspect))
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:24]
    cropped = "-c" + "-".join(f"{edge:.4f}" for edge in crop) if crop else ""
    target = work_dir / f"{digest}-{pixel_width}x{pixel_height}{cropped}-q{quality}.jpg"
    job = ImageJob(source, target, pixel_width, pixel_height, background, quality, crop)
    return job, placed_width, placed_height


def run_jobs(jobs: list[ImageJob], workers: int = 2) -> dict[Path, str]:
    """Process every distinct job (see `Preparation`); the problem of each job that failed,
    by target path (empty when all succeeded)."""
    with Preparation(workers if len(jobs) >= 2 else 0) as preparation:
        for job in jobs:
            preparation.add(job)
        return preparation.wait()


class Preparation:
    """Photos prepared in the background while the caller goes on: the layout fits the next
    room while the photo of the last one is decoded.

    Threads, not processes: Pillow releases the GIL while it decodes, resizes and encodes, so
    two threads keep both cores busy without a pool's start-up, pickling and second copy of
    the interpreter (benchmarks/README.md: less CPU and wall time, half the tree's memory,
    same bytes). `decoding()`'s warning filter is process-wide state that threads would
    save and restore out of order, so the bomb filter is set once around the whole pool: every
    state a thread (or the caller, meanwhile) restores then still has it."""

    def __init__(self, workers: int = 2) -> None:
        self._workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._outcomes: dict[Path, Future[str | None] | str | None] = {}
        self._filters = warnings.catch_warnings()

    def __enter__(self) -> Preparation:
        self._filters.__enter__()
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return self

    def add(self, job: ImageJob) -> None:
        """Start preparing `job` unless the same file is prepared already or on its way."""
        if job.target in self._outcomes or job.target.exists():
            return
        if self._workers < 1:
            self._outcomes[job.target] = _try_process(job)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=self._workers)
        self._outcomes[job.target] = self._pool.submit(_try_process, job)

    def ready(self, target: Path) -> str | None:
        """Wait until `target` is prepared; the problem if it could not be."""
        outcome = self._outcomes.get(target)
        return outcome.result() if isinstance(outcome, Future) else outcome

    def wait(self) -> dict[Path, str]:
        """Wait for every job added; the problem of each one that failed, by target path."""
        return {target: problem for target in self._outcomes if (problem := self.ready(target))}

    def __exit__(self, *_: object) -> None:
        try:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
        finally:
            self._filters.__exit__(None, None, None)


def _try_process(job: ImageJob) -> str | None:
    try:
        process_image(job)
    except ImageProblem as exc:
        return str(exc)
    return None


def process_image(job: ImageJob) -> None:
    """Decode, downsample, flatten, rotate upright, crop and save one image as JPEG.

    Only the decoded image is ever held at full size: flattening and resizing work on bands
    of it, and the EXIF rotation and a cover's crop are applied to the small result (rotating
    first would copy the whole bitmap, and Pillow copies it even when there is nothing to
    rotate)."""
    with decoding(), open_photo(job.source) as image:
        orientation = image.getexif().get(0x0112, 1)
        turned = orientation in (5, 6, 7, 8)
        upright_width = image.height if turned else image.width
        left, top, right, bottom = job.crop or (0.0, 0.0, 1.0, 1.0)
        # The whole picture at the size that leaves the wanted part at the wanted size.
        whole = (
            max(1, round(job.pixel_width / (right - left))),
            max(1, round(job.pixel_height / (bottom - top))),
        )
        scale = max(1, min(upright_width // whole[0], 8))
        if image.format in ("JPEG", "MPO") and scale >= 2:
            image.draft("RGB", (image.width // scale, image.height // scale))
        image.load()
        resized = _downsample(image, whole[::-1] if turned else whole, job.background)
        method = _ORIENTATION.get(orientation)
        if method is not None:
            resized = resized.transpose(method)
        if job.crop:
            x0, y0 = round(left * whole[0]), round(top * whole[1])
            resized = resized.crop((x0, y0, x0 + job.pixel_width, y0 + job.pixel_height))
    partial = job.target.with_suffix(".part")
    resized.save(partial, "JPEG", quality=job.quality, optimize=True, dpi=(72, 72))
    partial.replace(job.target)


# EXIF orientation -> the transposition that makes the picture upright (as ImageOps.exif_transpose).
_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
BAND_ROWS = 256  # source rows flattened at a time: 9 MB for the widest RGBA image allowed
LANCZOS_SUPPORT = 3.0


def _downsample(
    image: Image.Image, size: tuple[int, int], background: tuple[int, int, int]
) -> Image.Image:
    """`image` flattened to RGB or L and resized to `size`, without a second full-size copy.

    Pillow resizes RGB and L directly. Every other mode must be converted first (and Pillow
    converts RGBA to premultiplied RGBa, a full copy, inside resize), so those are converted
    one band of rows at a time, each band with the rows the filter reaches beyond it, and
    resized into its place in the result: the same pixels as converting the whole image."""
    if image.mode in ("L", "RGB"):
        return image.resize(size, Image.Resampling.LANCZOS)
    width, height = image.size
    out_width, out_height = size
    scale = height / out_height
    margin = math.ceil(LANCZOS_SUPPORT * max(scale, 1.0)) + 1
    step = max(1, int(BAND_ROWS / scale))
    extrema = _float_range(image) if image.mode == "F" else None
    result: Image.Image | None = None
    for top in range(0, out_height, step):
        bottom = min(out_height, top + step)
        start, end = top * scale, bottom * scale
        first = max(0, math.floor(start) - margin)
        last = min(height, math.ceil(end) + margin)
        band = _flatten(image.crop((0, first, width, last)), background, extrema)
        part = band.resize(
            (out_width, bottom - top),
            Image.Resampling.LANCZOS,
            box=(0, start - first, width, end - first),
        )
        if result is None:
            result = Image.new(part.mode, size)
        result.paste(part, (0, top))
    assert result is not None  # out_height >= 1
    return result


def _float_range(image: Image.Image) -> tuple[float, float]:
    low, high = (float(v) for v in image.getextrema())  # type: ignore[arg-type]
    return low, high


def _flatten(
    image: Image.Image,
    background: tuple[int, int, int],
    extrema: tuple[float, float] | None = None,
) -> Image.Image:
    """RGB or L; transparency composited onto the page colour, CMYK and palettes converted.
    A 32-bit float image is stretched over `extrema` (its whole range, when given a band)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image if image.mode == "RGBA" else image.convert("RGBA")
        base = Image.new("RGB", rgba.size, background)
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    if image.mode in ("L", "RGB"):
        return image
    if image.mode.startswith("I"):
        # 16-bit samples (PNG, TIFF scans): scale to 8 bits rather than clipping at 255.
        return image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    if image.mode == "F":
        low, high = extrema or _float_range(image)
        scale = 255 / (high - low) if high > low else 0.0
        return image.point(lambda value: (value - low) * scale).convert("L")
    if image.mode == "1":
        return image.convert("L")
    return image.convert("RGB")


class ImageCache:
    """Prepared photos, kept in one folder for as long as the cache lives.

    A prepared file is named by the hash of its source bytes, its pixel size and its JPEG
    quality (see `plan_job`), so an unchanged photo at an unchanged size is prepared once: not
    again for a second edition or a smaller email step, nor for the next build in the same
    process (watch mode, previews). Without a folder, a temporary one is made and removed by
    `close()`."""

    def __init__(self, folder: Path | None = None) -> None:
        self._temporary = None if folder else tempfile.TemporaryDirectory(prefix="booklet-")
        self.folder = folder or Path(self._temporary.name)  # type: ignore[union-attr]
        self.folder.mkdir(parents=True, exist_ok=True)
        # The printed size chosen for each photo, by everything that decides it (the layout
        # asks; see layout/typeset.py): fitting a room to its page lays it out several times,
        # which a rebuild in watch mode need not repeat for a room whose text did not change.
        self.placements: dict[Hashable, Any] = {}

    def plan(
        self,
        source: Path,
        info: ImageInfo,
        box: tuple[float, float],
        dpi: int,
        background: tuple[int, int, int],
        quality: int,
        *,
        fill: bool = False,
    ) -> tuple[ImageJob, float, float]:
        """The job that prepares `source` to fit `box` (points), or with `fill` to cover it
        (cropped about its centre); with its placed size."""
        return plan_job(
            source, info, box[0], box[1], dpi, self.folder, background, quality, fill=fill
        )

    def preparing(self, workers: int = 2) -> Preparation:
        """Prepare jobs as they are planned (`add`), in the background; `wait` for them."""
        return Preparation(workers)

    def close(self) -> None:
        if self._temporary is not None:
            self._temporary.cleanup()

    def __enter__(self) -> ImageCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
