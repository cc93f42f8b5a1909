"""Register the bundled TrueType families, so no base-14 font ever reaches the PDF."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from booklet.resources import fonts_dir

_FAMILIES = {"Serif": "NotoSerif", "Sans": "NotoSans"}
_FACES = {"": "Regular", "-Italic": "Italic", "-Bold": "Bold", "-BoldItalic": "BoldItalic"}
FACE_NAMES = tuple(family + suffix for family in _FAMILIES for suffix in _FACES)


@dataclass(frozen=True)
class FontSet:
    serif: str = "Serif"
    sans: str = "Sans"


def register_fonts() -> FontSet:
    """Register Serif and Sans, four faces each; ReportLab's registry is global, so once."""
    folder = fonts_dir()
    for family, file_stem in _FAMILIES.items():
        for suffix, face in _FACES.items():
            name = family + suffix
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(folder / f"{file_stem}-{face}.ttf")))
        addMapping(family, 0, 0, family)
        addMapping(family, 1, 0, family + "-Bold")
        addMapping(family, 0, 1, family + "-Italic")
        addMapping(family, 1, 1, family + "-BoldItalic")
    return FontSet()
