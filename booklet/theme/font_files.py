"""Font files a museum supplies: checked before anything is laid out.

ReportLab embeds TrueType outlines only, and only when the font's licence flags allow it; a
font that fails here would otherwise fail in the middle of a build, or print blank boxes.
`inspect_font` says what is wrong in a sentence a member of staff can act on, and what the
font covers (which scripts, how many characters).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFError, TTFontFile

from booklet.theme.glyphs import FULL as FULL_SHARE
from booklet.theme.glyphs import SCRIPTS, script_coverage

MAX_FONT_BYTES = 30_000_000
_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_OTHER_KINDS = {
    b"OTTO": "has PostScript (CFF) outlines, which booklet cannot embed; use the TrueType "
    "(.ttf) version of the font",
    b"ttcf": "is a font collection (.ttc); give one TrueType font (.ttf) per style",
    b"wOFF": "is a web font (WOFF); give the TrueType (.ttf) file",
    b"wOF2": "is a web font (WOFF2); give the TrueType (.ttf) file",
}
# OS/2 fsType bits (OpenType spec): 0x0002 restricted licence, 0x0100 no subsetting (every
# PDF embeds a subset), 0x0200 bitmap embedding only. Print & preview (0x0004) and editable
# (0x0008) embedding are what a printed booklet needs, and installable (0) allows everything.
_RESTRICTED, _NO_SUBSETTING, _BITMAP_ONLY = 0x0002, 0x0100, 0x0200


class FontProblem(Exception):
    """Why a font file cannot be used, as a sentence ending the message about its field."""


@dataclass(frozen=True)
class FontReport:
    path: Path
    name: str
    """The font's PostScript name, e.g. "NotoSansArabic-Regular"."""
    covered: frozenset[int]
    """Every code point the font has a glyph for."""

    @property
    def scripts(self) -> dict[str, float]:
        """The share of each script's letters the font has (scripts it has none of left out)."""
        return script_coverage(self.covered)

    def summary(self) -> str:
        """ "NotoSansArabic-Regular: 1162 characters; Arabic" for `check` to report."""
        names = [
            script if share >= FULL_SHARE else f"{script} ({share:.0%})"
            for script, share in self.scripts.items()
        ]
        return f"{self.name}: {len(self.covered)} characters; {', '.join(names) or 'no letters'}"


def inspect_font(path: Path) -> FontReport:
    """Check that `path` is a TrueType font booklet may embed; raise FontProblem if not."""
    try:
        size = path.stat().st_size
        if size > MAX_FONT_BYTES:
            raise FontProblem(f"is {size / 1e6:.0f} MB; a font file of at most 30 MB is expected")
        data = path.read_bytes()
    except OSError as exc:
        raise FontProblem(f"cannot be read ({exc.strerror or exc})") from None
    _check_kind(data)
    tables = _table_directory(data)
    _check_embedding(data, tables)
    try:
        font = TTFontFile(str(path), validate=0)
    except (TTFError, struct.error, KeyError, IndexError, ValueError) as exc:
        raise FontProblem(f"is damaged or not a font ReportLab can read ({exc})") from None
    return FontReport(path, str(font.name, "latin-1") if isinstance(font.name, bytes)
                      else str(font.name), frozenset(font.charToGlyph))  # fmt: skip


def _check_kind(data: bytes) -> None:
    kind = data[:4]
    if kind in _OTHER_KINDS:
        raise FontProblem(_OTHER_KINDS[kind])
    if kind not in _TRUETYPE:
        raise FontProblem("is not a TrueType font file (.ttf)")


def _table_directory(data: bytes) -> dict[bytes, tuple[int, int]]:
    """Tag -> (offset, length) of every table, checked to lie inside the file."""
    try:
        (count,) = struct.unpack_from(">H", data, 4)
        tables = {}
        for index in range(count):
            tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if offset + length > len(data):
                raise FontProblem("is truncated or damaged (a table runs past the end)")
            tables[tag] = (offset, length)
    except struct.error:
        raise FontProblem("is truncated or damaged (no complete table directory)") from None
    missing = [tag.decode() for tag in (b"cmap", b"glyf", b"head", b"loca") if tag not in tables]
    if b"glyf" not in tables and b"CFF " in tables:
        raise FontProblem(_OTHER_KINDS[b"OTTO"])
    if missing:
        raise FontProblem(f"lacks the {', '.join(missing)} tables a TrueType font needs")
    return tables


def _check_embedding(data: bytes, tables: dict[bytes, tuple[int, int]]) -> None:
    if b"OS/2" not in tables:
        return  # old fonts without OS/2 carry no restriction
    offset, length = tables[b"OS/2"]
    if length < 10:
        raise FontProblem("is damaged (its OS/2 table is too short)")
    (fs_type,) = struct.unpack_from(">H", data, offset + 8)
    if fs_type & 0x000F == _RESTRICTED:
        why = "its licence forbids embedding it in a document (OS/2 fsType 0x0002)"
    elif fs_type & _BITMAP_ONLY:
        why = "its licence allows embedding bitmaps only (OS/2 fsType bit 9)"
    elif fs_type & _NO_SUBSETTING:
        why = "its licence forbids embedding a subset, which every PDF does (OS/2 fsType bit 8)"
    else:
        return
    raise FontProblem(f"cannot be used: {why}; choose a font licensed for embedding")


ROLES = ("body", "heading")
FACES = ("regular", "italic", "bold")
SCRIPT_ORDER = tuple(SCRIPTS)


@dataclass(frozen=True)
class FontSetReport:
    """The faces of a museum's `theme.fonts`, by field ("body.regular", "heading.bold")."""

    faces: dict[str, FontReport]

    @property
    def covered(self) -> frozenset[int]:
        """What every face can draw: any text may be set in any style, so a character one face
        lacks is missing (an italic without Cyrillic is the usual trap)."""
        sets = [report.covered for report in self.faces.values()]
        return frozenset.intersection(*sets) if sets else frozenset()

    def gaps(self) -> list[str]:
        """ "body.italic lacks Greek, which body.regular has": scripts one face covers in full
        and another face of the set does not."""
        full = {field: {s for s, share in r.scripts.items() if share >= FULL_SHARE}
                for field, r in self.faces.items()}  # fmt: skip
        gaps = []
        for field, scripts in full.items():
            for other, theirs in full.items():
                lacking = [s for s in SCRIPT_ORDER if s in theirs - scripts]
                if other != field and lacking:
                    gaps.append(f"{field} lacks {', '.join(lacking)}, which {other} has")
                    break
        return gaps


def inspect_font_set(files: dict[str, Path]) -> tuple[FontSetReport, dict[str, str]]:
    """Inspect every face ("body.regular" -> path); returns the report of the usable faces and
    the problem with each unusable one, by field."""
    faces: dict[str, FontReport] = {}
    problems: dict[str, str] = {}
    for field, path in files.items():
        try:
            faces[field] = inspect_font(path)
        except FontProblem as exc:
            problems[field] = f"{path.name} {exc}"
    return FontSetReport(faces), problems
