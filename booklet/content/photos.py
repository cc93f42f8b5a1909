"""Is a file named by the content a photo we can use? Checked while validating the content.

Reads the header (format, pixel count, orientation) and, for `booklet check`, decodes the whole
image cheaply, so a missing, corrupt, truncated, oversized or unsupported photo is reported with
every other problem, with its line, before any layout starts. A photo that is too large is
refused with its size and how to make it fit; HEIC (the iPhone's default) is read when the
optional `heic` extra is installed, and otherwise refused with how to convert it. The image
processing itself is booklet/images.py.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

# MPO is the multi-picture JPEG many phone cameras write; its first frame is a plain JPEG.
SUPPORTED_FORMATS = ("JPEG", "MPO", "PNG", "WEBP", "TIFF", "GIF", "HEIF")
MAX_FILE_BYTES = 40_000_000
MAX_PIXELS = 80_000_000
ORIENTATION = 0x0112  # the EXIF tag
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# What to do with a photo over either limit: 3000 pixels on the long side is 10 inches at
# 300 dpi, more than any photo in the booklet needs, and a few MB as a JPEG.
MAKE_IT_FIT = "export it as a JPEG at 3000 pixels on the long side (plenty for print)"
# ISO base media file brands of HEIC/HEIF still images and sequences (not AVIF's "avif").
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1"}
CANNOT_READ_HEIC = (
    "HEIC photo (the iPhone's default format), which this installation cannot read; "
    "export it as a JPEG (on a Mac: open it in Preview, File > Export), set the iPhone to "
    "Settings > Camera > Formats > Most Compatible, or install booklet with HEIC support "
    "(pip install '.[heic]' in booklet's folder)"
)


class ImageProblem(Exception):
    """An image that cannot be used; the message is written for the content's author."""


class TooManyPixels(ImageProblem):
    """Pillow refused a header over the pixel limit (inspect_image reads the size again to
    say it)."""

    def __init__(self) -> None:
        super().__init__(too_many_pixels(0, 0))


@dataclass(frozen=True)
class ImageInfo:
    width: int
    height: int

    @property
    def aspect(self) -> float:
        return self.width / self.height


def inspect_image(path: Path, decode: bool = False) -> ImageInfo:
    """Check size, format and pixel count from the header; with `decode`, also decode the
    whole image (cheaply, at 1/8 scale for JPEG) so truncated or corrupt data is found now.
    Returns the upright (EXIF-rotated) size."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageProblem(f"cannot read the photo: {exc.strerror}") from None
    if size > MAX_FILE_BYTES:
        raise ImageProblem(
            f"photo is {size / 1_000_000:.1f} MB, more than the {MAX_FILE_BYTES // 1_000_000} MB "
            f"allowed; {MAKE_IT_FIT}"
        )
    try:
        with decoding(), open_photo(path) as image:
            if image.format not in SUPPORTED_FORMATS:
                raise ImageProblem(
                    f"unsupported image format {image.format}; use JPEG, PNG, WebP, TIFF or GIF"
                )
            width, height = image.size
            orientation = image.getexif().get(ORIENTATION, 1)
            if decode and width * height <= MAX_PIXELS:
                if image.format in ("JPEG", "MPO"):
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except TooManyPixels:
        width, height = declared_size(path) or (0, 0)
        orientation = 1
    if width * height > MAX_PIXELS or not width:
        raise ImageProblem(too_many_pixels(width, height))
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return ImageInfo(width, height)


def too_many_pixels(width: int, height: int) -> str:
    """The refusal of a photo over the pixel limit, with its size when it is known."""
    if not width:
        return f"too many pixels (more than {MAX_PIXELS:,}); {MAKE_IT_FIT}"
    megapixels = width * height / 1_000_000
    shown = (
        f"{megapixels:.0f}" if round(megapixels) > MAX_PIXELS // 1_000_000 else f"{megapixels:.2f}"
    )
    return (
        f"photo is {width} x {height} pixels ({shown} megapixels), "
        f"more than the {MAX_PIXELS // 1_000_000} megapixels allowed; {MAKE_IT_FIT}"
    )


def open_photo(path: Path) -> Image.Image:
    """Image.open, able to read HEIC when the `heic` extra is installed (registered only
    when a HEIC file turns up: the plugin takes a noticeable time to import)."""
    with path.open("rb") as stream:
        head = stream.read(12)
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS and not _heif_support():
        raise ImageProblem(CANNOT_READ_HEIC)
    return Image.open(path)


@functools.cache
def _heif_support() -> bool:
    """Teach Image.open to read HEIC, once, if the `heic` extra is installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def declared_size(path: Path) -> tuple[int, int] | None:
    """The pixel size a photo's header declares, read by the format's own header parser
    without Pillow's pixel-limit check (whose error gives only a pixel count)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(16)
            for name in SUPPORTED_FORMATS:
                factory, accept = Image.OPEN.get(name, (None, None))
                if factory is None or (accept is not None and not accept(head)):
                    continue
                stream.seek(0)
                size: tuple[int, int] = factory(stream, str(path)).size
                return size
    except (OSError, SyntaxError, ValueError):
        return None
    return None


def upright_size(image: Image.Image) -> tuple[int, int]:
    """The size as shown: EXIF orientations 5 to 8 turn the picture a quarter (the one place
    booklet reads the orientation tag; images.py applies it)."""
    if image.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8):
        return image.height, image.width
    return image.width, image.height


@contextmanager
def decoding() -> Iterator[None]:
    """Pillow's bomb warning becomes an error, and every decoding failure an ImageProblem
    with a message for the content's author (TooManyPixels for the pixel limit)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise TooManyPixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageProblem(_describe(exc)) from None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, UnidentifiedImageError):
        return (
            "not a photo booklet can read: the file is corrupt, empty or not really an image; "
            "open it and export it again as a JPEG"
        )
    if isinstance(exc, OSError) and "truncated" in str(exc):
        return "image file is truncated"
    return f"image cannot be decoded: {type(exc).__name__}"
