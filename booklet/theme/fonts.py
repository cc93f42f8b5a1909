"""Register the typefaces a booklet is set in: the bundled Noto families, or the museum's own.

Styles name two families, the body's (running text) and the heading's (titles, labels,
captions), four faces each (`Family`, `-Bold`, `-Italic`, `-BoldItalic`). A museum's
`theme.fonts` replaces either family; a face it does not give is set in its regular face.
Fallback fonts set the characters the families lack (an Arabic name in an English booklet).
No base-14 font ever reaches the PDF.

The bundled faces are read from their files only when layout first asks for one: reading a face
takes ReportLab ~5 ms, and the default booklet sets five of the eight. What they cover is known
before, from `fonts/coverage.txt` (checked against the fonts by a test), so that checking the
content's characters reads no font at all.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from booklet.resources import fonts_dir
from booklet.theme.font_files import FACES, FontChoice

_FAMILIES = {"Serif": "NotoSerif", "Sans": "NotoSans"}
_FACES = {"": "Regular", "-Italic": "Italic", "-Bold": "Bold", "-BoldItalic": "BoldItalic"}
_SUFFIXES = {"regular": "", "italic": "-Italic", "bold": "-Bold", "bold_italic": "-BoldItalic"}
FACE_NAMES = tuple(family + suffix for family in _FAMILIES for suffix in _FACES)
"""The bundled faces, for code that draws with them whatever the museum chose (the stamp)."""


@dataclass(frozen=True)
class FontSet:
    """The registered family names the styles use, and the fallback faces."""

    serif: str = "Serif"
    """The body family (running text)."""
    sans: str = "Sans"
    """The heading family (titles, labels, captions)."""
    fallbacks: tuple[str, ...] = ()
    """Faces tried, in order, for a character the family of a text lacks."""

    @property
    def faces(self) -> tuple[str, ...]:
        """Every face of both families."""
        return tuple(family + suffix for family in (self.serif, self.sans) for suffix in _FACES)

    @property
    def covered(self) -> frozenset[int]:
        """Code points that print in any style: every face of both families has them (a text
        may be set in any style), or a fallback has them."""
        return _covered(self.faces, self.fallbacks)


def register_fonts(
    body: Mapping[str, Path] | None = None,
    heading: Mapping[str, Path] | None = None,
    fallback: tuple[Path, ...] = (),
) -> FontSet:
    """Register the bundled families, and the museum's faces (by face: "regular", "bold" ->
    file) in place of either. ReportLab's registry is global, so a family is registered
    once, under a name made from its files' contents."""
    for family, file_stem in _FAMILIES.items():
        folder = fonts_dir()
        files = {face: folder / f"{file_stem}-{_FACES[suffix]}.ttf"
                 for face, suffix in _SUFFIXES.items()}  # fmt: skip
        _register_family(family, files, bundled=True)
    serif = _museum_family("Body", body) if body else "Serif"
    sans = _museum_family("Heading", heading) if heading else "Sans"
    fallbacks = tuple(_museum_family("Fallback", {"regular": path}) for path in fallback)
    return FontSet(serif, sans, fallbacks)


def fonts_for(choice: FontChoice) -> FontSet:
    """Register what the content's `theme.fonts` chose (the bundled families where it chose
    nothing) and name the families."""
    return register_fonts(choice.role("body"), choice.role("heading"), choice.fallback)


def _museum_family(role: str, faces: Mapping[str, Path]) -> str:
    """A museum family: its faces, the regular standing in for any it lacks."""
    files = {face: faces.get(face, faces["regular"]) for face in FACES}
    digest = hashlib.sha256()
    for face in FACES:
        digest.update(_digest(files[face]).encode())
    family = f"{role}-{digest.hexdigest()[:12]}"
    _register_family(family, files)
    return family


def _register_family(family: str, files: Mapping[str, Path], bundled: bool = False) -> None:
    for face, suffix in _SUFFIXES.items():
        name = family + suffix
        if name not in pdfmetrics.getRegisteredFontNames():
            font = BundledFont(name, files[face]) if bundled else TTFont(name, str(files[face]))
            pdfmetrics.registerFont(font)
    addMapping(family, 0, 0, family)
    addMapping(family, 1, 0, family + "-Bold")
    addMapping(family, 0, 1, family + "-Italic")
    addMapping(family, 1, 1, family + "-BoldItalic")


def _digest(path: Path) -> str:
    info = path.stat()
    return _file_digest(path, info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=64)
def _file_digest(path: Path, mtime: int, size: int) -> str:
    """The file's contents decide the family's name: an edited font is a new family."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@functools.lru_cache(maxsize=16)
def _covered(faces: tuple[str, ...], fallbacks: tuple[str, ...]) -> frozenset[int]:
    common = set(_code_points(faces[0]))
    for name in faces[1:]:
        common &= _code_points(name)
    for name in fallbacks:
        common |= _code_points(name)
    return frozenset(common)


def _code_points(name: str) -> frozenset[int] | set[int]:
    face = pdfmetrics.getFont(name).face
    return bundled_coverage() if isinstance(face, _BundledFace) else set(face.charToGlyph)


@functools.cache
def bundled_coverage() -> frozenset[int]:
    """The code points every bundled face has a glyph for, from `fonts/coverage.txt`."""
    covered: set[int] = set()
    for line in (fonts_dir() / "coverage.txt").read_text(encoding="ascii").splitlines():
        if line and not line.startswith("#"):
            first, _, last = line.partition("-")
            covered.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(covered)


class BundledFont(TTFont):
    """A bundled face, registered under `name` but read from its file only when first used.

    As `TTFont(name, path)`, whose attributes it sets, except the face's: those are read on
    first use (see _BundledFace). A test checks that both come out the same."""

    def __init__(self, name: str, path: Path) -> None:
        self.fontName = name
        self.face = _BundledFace(path)
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)


class _BundledFace(TTFontFace):
    """A face that reads its file the first time anything but its name is asked for.

    The name (the PostScript name, "NotoSerif-Bold": the file's stem for the bundled faces)
    is what registering the font needs; anything else (glyph widths, the character map)
    comes from `TTFontFace.__init__`, run then."""

    def __init__(self, path: Path) -> None:
        self.name = path.stem.encode()
        self._path = path

    def __getattr__(self, attribute: str) -> Any:
        # Only called for what the instance does not have yet: before reading, everything.
        if attribute.startswith("__") or "_read" in self.__dict__:
            raise AttributeError(attribute)
        self._read = True
        TTFontFace.__init__(self, str(self._path))
        return getattr(self, attribute)
