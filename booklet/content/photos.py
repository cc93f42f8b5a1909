"""Is a file named by the content a photo we can use? Checked while validating the content.

Reads the header (format, pixel count, orientation) and, for `booklet check`, decodes the whole
image cheaply, so a missing, corrupt, truncated, oversized or unsupported photo is reported with
every other problem, with its line, before any layout starts. The image processing itself is
booklet/images.py.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

# MPO is the multi-picture JPEG many phone cameras write; its first frame is a plain JPEG.
SUPPORTED_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "TIFF", "GIF")
MAX_PIXELS = 80_000_000
ORIENTATION = 0x0112  # the EXIF tag
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class ImageProblem(Exception):
    """An image that cannot be used; the message is written for the content's author."""


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int

    @property
    def aspect(self) -> float:
        return self.width / self.height


def inspect_image(path: Path, decode: bool = False) -> ImageInfo:
    """Check format and pixel count from the header; with `decode`, also decode the whole
    image (cheaply, at 1/8 scale for JPEG) so truncated or corrupt data is found now.
    Returns the upright (EXIF-rotated) size."""
    with decoding(), Image.open(path) as image:
        if image.format not in SUPPORTED_FORMATS:
            raise ImageProblem(
                f"unsupported image format {image.format}; use JPEG, PNG, WebP, TIFF or GIF"
            )
        width, height = upright_size(image)
        if decode and width * height <= MAX_PIXELS:
            if image.format in ("JPEG", "MPO"):
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    if width * height > MAX_PIXELS:
        raise ImageProblem(f"image is {width}x{height} pixels; at most {MAX_PIXELS:,} allowed")
    return ImageInfo(width, height)


def upright_size(image: Image.Image) -> tuple[int, int]:
    """The size as shown: EXIF orientations 5 to 8 turn the picture a quarter (the one place
    booklet reads the orientation tag; Pillow's exif_transpose applies it)."""
    if image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8):
        return image.height, image.width
    return image.width, image.height


@contextmanager
def decoding() -> Iterator[None]:
    """Pillow's bomb warning becomes an error, and every decoding failure an ImageProblem
    with a message for the content's author."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as exc:
        raise ImageProblem(_describe(exc)) from None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, UnidentifiedImageError):
        return "not an image file Pillow can read (corrupt, empty or mislabelled)"
    if isinstance(exc, Image.DecompressionBombError | Image.DecompressionBombWarning):
        return f"image has too many pixels (more than {MAX_PIXELS:,}); refusing to decode it"
    if isinstance(exc, OSError) and "truncated" in str(exc):
        return "image file is truncated"
    return f"image cannot be decoded: {type(exc).__name__}"
