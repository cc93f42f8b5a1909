"""Register the typefaces a booklet is set in: the bundled Noto families, or the museum's own.

Styles name two families, the body's (running text) and the heading's (titles, labels,
captions), four faces each (`Family`, `-Bold`, `-Italic`, `-BoldItalic`). A museum's
`theme.fonts` replaces either family; a face it does not give is set in its regular face.
Fallback fonts set the characters the families lack (an Arabic name in an English booklet).
No base-14 font ever reaches the PDF.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
        _register_family(family, files)
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


def _register_family(family: str, files: Mapping[str, Path]) -> None:
    for face, suffix in _SUFFIXES.items():
        name = family + suffix
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(files[face])))
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
    common = set(pdfmetrics.getFont(faces[0]).face.charToGlyph)
    for name in faces[1:]:
        common &= set(pdfmetrics.getFont(name).face.charToGlyph)
    for name in fallbacks:
        common |= set(pdfmetrics.getFont(name).face.charToGlyph)
    return frozenset(common)
