"""Pillow pipeline: open safely, honour EXIF orientation, downsample to the target DPI, re-encode.

ReportLab only ever sees the file we wrote, never the writer's original: it is decoded fully by
Pillow, rotated upright, flattened to RGB or greyscale, scaled to the placed size at the profile's
DPI and saved as a baseline JPEG, which ReportLab embeds without re-encoding. Results are keyed by
a hash of the source bytes and the target size, so the same photo is processed once per build.
"""

from __future__ import annotations

import hashlib
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from booklet.content.photos import ImageInfo, ImageProblem, decoding, open_photo, upright_size


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
    """Process every distinct job, in parallel when there are enough to be worth it.

    Returns the problem of each job that failed, by target path (empty when all succeeded).
    """
    unique = list({job.target: job for job in jobs if not job.target.exists()}.values())
    if len(unique) >= 8 and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(_try_process, unique, chunksize=4))
    else:
        outcomes = [_try_process(job) for job in unique]
    return {job.target: problem for job, problem in zip(unique, outcomes, strict=True) if problem}


def _try_process(job: ImageJob) -> str | None:
    try:
        process_image(job)
    except ImageProblem as exc:
        return str(exc)
    return None


def process_image(job: ImageJob) -> None:
    """Decode, rotate upright, flatten, downsample and save one image as JPEG."""
    with decoding(), open_photo(job.source) as image:
        kept = job.crop[2] - job.crop[0] if job.crop else 1.0
        scale = max(1, min(int(upright_size(image)[0] * kept) // job.pixel_width, 8))
        if image.format in ("JPEG", "MPO") and scale >= 2:
            image.draft("RGB", (image.width // scale, image.height // scale))
        image.load()
        upright = ImageOps.exif_transpose(image)
        flat = _flatten(upright, job.background)
        if job.crop:
            left, top, right, bottom = job.crop
            width, height = flat.size
            box = (
                round(left * width),
                round(top * height),
                round(right * width),
                round(bottom * height),
            )
            flat = flat.crop(box)
        resized = flat.resize((job.pixel_width, job.pixel_height), Image.Resampling.LANCZOS)
    partial = job.target.with_suffix(".part")
    resized.save(partial, "JPEG", quality=job.quality, optimize=True, dpi=(72, 72))
    partial.replace(job.target)


def _flatten(image: Image.Image, background: tuple[int, int, int]) -> Image.Image:
    """RGB or L; transparency composited onto the page colour, CMYK and palettes converted."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        base = Image.new("RGB", rgba.size, background)
        base.paste(rgba, mask=rgba.getchannel("A"))
        return base
    if image.mode in ("L", "RGB"):
        return image
    if image.mode.startswith("I"):
        # 16-bit samples (PNG, TIFF scans): scale to 8 bits rather than clipping at 255.
        return image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
    if image.mode == "F":
        low, high = (float(v) for v in image.getextrema())  # type: ignore[arg-type]
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
        """The job that prepares `source` to fit `box` (points), or with `fill` to cover it;
        with its placed size."""
        return plan_job(
            source, info, box[0], box[1], dpi, self.folder, background, quality, fill=fill
        )

    def prepare(self, jobs: list[ImageJob]) -> dict[Path, str]:
        """Prepare what is not in the cache yet; the problem of each job that failed."""
        return run_jobs(jobs)

    def close(self) -> None:
        if self._temporary is not None:
            self._temporary.cleanup()

    def __enter__(self) -> ImageCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
