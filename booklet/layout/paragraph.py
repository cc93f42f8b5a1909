"""booklet's Paragraph: ReportLab's, able to set text in any script the theme's fonts cover.

Three things ReportLab's own Paragraph leaves to its caller, done here for every paragraph:

- **Fallback fonts.** A character the style's face lacks is set in the first of the theme's
  fallback faces that has it (`theme.fonts.fallback`), so an Arabic room name prints in an
  English booklet set in Noto.
- **Shaping.** Arabic letters join, Indic vowels reorder: a paragraph holding such text is
  shaped with HarfBuzz (`uharfbuzz`), which ReportLab calls when the style asks for it. Only
  those paragraphs are: shaping Latin text would also form ligatures ("ﬁ") that change what
  a reader copies out of the PDF.
- **Right-to-left order.** HarfBuzz lays each right-to-left word out right to left; the order
  of the words on a line is the Unicode bidirectional algorithm's (UAX #9) at word level, done
  here after the lines are broken, since ReportLab's own needs `rlbidi`, which is not on PyPI.
  A run of right-to-left words inside left-to-right text reads right to left, on each line;
  a paragraph that starts with a right-to-left letter reads right to left as a whole.

Also: a narrow no-break space (U+202F, which CLDR puts in "10:00 AM" and French quotes) is
set as a no-break space (U+00A0), which ReportLab does not break a line at.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import paragraph

NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE = "\u202f", "\u00a0"
# Scripts HarfBuzz must shape: Hebrew, Arabic, Syriac, Thaana, N'Ko (right to left), the
# Indic scripts, Tibetan, Myanmar, Khmer, and the Arabic and Hebrew presentation forms.
_NEEDS_SHAPING = re.compile(
    "[\u0590-\u08ff\u0900-\u0dff\u0f00-\u109f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff"
    "\U00010800-\U00010fff]"
)
_RIGHT_TO_LEFT = frozenset({"R", "AL"})
_SPACES = re.compile(r"(\s+)")
_BREAK = re.compile(r"[^\S\u00a0]")  # a space ReportLab may break a line at


class Paragraph(paragraph.Paragraph):
    """A ReportLab Paragraph with fallback fonts, shaping and right-to-left word order."""

    style: ParagraphStyle
    frags: list[Any]

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kw: Any) -> None:
        if isinstance(text, str):
            text = text.replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE)
        super().__init__(text, style, *args, **kw)

    def _setup(self, text: Any, style: Any, bullet: Any, frags: Any, cleaner: Any) -> None:
        parsed = frags is None
        super()._setup(text, style, bullet, frags, cleaner)
        # Paragraphs made by split() get frags already set and ordered: leave them.
        self._right_to_left = False
        if not parsed or not isinstance(text, str) or text.isascii():
            return
        fallbacks = getattr(self.style, "fallbacks", ())
        if fallbacks:
            self.frags = [
                piece for frag in self.frags for piece in _with_fallbacks(frag, fallbacks)
            ]
            if any(getattr(frag, "fontName", None) in fallbacks for frag in self.frags):
                # A fallback font's letters may reach higher or lower than the style's
                # (Arabic does): its lines grow to fit them rather than touch the next.
                self.style = ParagraphStyle(self.style.name, parent=self.style, autoLeading="min")
        if _NEEDS_SHAPING.search(text):
            self.frags = _unglued(self.frags)
            self.style = ParagraphStyle(self.style.name, parent=self.style, shaping=1)
            self._right_to_left = any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text)
            self._base_rtl = _first_strong(text) == "R"

    def breakLines(self, width: Any) -> Any:
        lines = super().breakLines(width)
        if self._right_to_left and lines.kind == 1:
            for line in lines.lines:
                line.words = visual_order(line.words, self._base_rtl)
        return lines


def _with_fallbacks(frag: Any, fallbacks: tuple[str, ...]) -> list[Any]:
    """The frag cut where its face lacks a character, those pieces set in a fallback face."""
    text = getattr(frag, "text", "")
    if not text or hasattr(frag, "cbDefn") or text.isascii():
        return [frag]
    own = pdfmetrics.getFont(frag.fontName).face.charToGlyph
    runs: list[tuple[str, str]] = []  # (face, text)
    for char in text:
        face = frag.fontName
        if ord(char) not in own and not char.isspace():
            face = next(
                (name for name in fallbacks
                 if ord(char) in pdfmetrics.getFont(name).face.charToGlyph),
                frag.fontName,
            )  # fmt: skip
        elif (runs and runs[-1][0] != frag.fontName and not char.isalpha()
              and ord(char) in pdfmetrics.getFont(runs[-1][0]).face.charToGlyph):  # fmt: skip
            # Punctuation and digits next to fallback text stay in its font if it has them:
            # a word in two fonts cannot be shaped (see _unglued).
            face = runs[-1][0]
        if runs and (runs[-1][0] == face or char.isspace()):
            runs[-1] = (runs[-1][0], runs[-1][1] + char)
        else:
            runs.append((face, char))
    if len(runs) == 1 and runs[0][0] == frag.fontName:
        return [frag]
    return [frag.clone(text=piece, fontName=face) for face, piece in runs]


def _unglued(frags: list[Any]) -> list[Any]:
    """Frags where the font changes inside a word, set apart by a space.

    ReportLab shapes a word (text between spaces) with the font of its first piece, so a word
    whose pieces are in two fonts comes out as the wrong glyphs ("2&nbsp;غرفة", or a quote
    mark the fallback font lacks against an Arabic word). A no-break space at the seam
    becomes a space; otherwise a space is added."""
    out: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", None)
        previous: Any = out[-1] if out else None
        before = getattr(previous, "text", None)
        if (text and before and previous.fontName != frag.fontName
                and not _BREAK.search(before[-1]) and not _BREAK.search(text[0])):  # fmt: skip
            if before[-1] == NO_BREAK_SPACE:
                out[-1] = previous.clone(text=before.rstrip(NO_BREAK_SPACE) + " ")
            elif text[0] == NO_BREAK_SPACE:
                frag = frag.clone(text=" " + text.lstrip(NO_BREAK_SPACE))
            else:
                frag = frag.clone(text=" " + text)
        out.append(frag)
    return out


def _first_strong(text: str) -> str:
    """ "R" or "L": the direction of the first letter with one (UAX #9, rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT:
            return "R"
        if kind == "L" and unicodedata.category(char) != "Co":
            return "L"
    return "L"


def _direction(piece: str) -> str:
    """ "R", "L" or "N" (neutral: spaces, digits, punctuation) for one word of a line.

    Shaped words hold the glyphs' characters: presentation forms (still right to left) and,
    for a glyph with none, a private-use character, which decides nothing."""
    if piece.isspace():
        return "N"
    strong = "N"
    for char in piece:
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT:
            return "R"
        if kind == "L" and unicodedata.category(char) != "Co":
            strong = "L"
    return strong


def visual_order(frags: list[Any], base_rtl: bool) -> list[Any]:
    """One line's frags (logical order, each holding words and spaces) in the order they are
    drawn: runs of right-to-left words reversed, at word level (UAX #9 rules W7-N2 and L2,
    with words as the characters). The words themselves were shaped right to left already."""
    pieces: list[tuple[Any, str]] = []
    for frag in frags:
        text = getattr(frag, "text", None)
        if not text or hasattr(frag, "cbDefn"):
            pieces.append((frag, ""))
            continue
        # Sliced, not split: a shaped text (ShapedStr) keeps its glyph positions when sliced.
        cuts = [0, *(i for m in _SPACES.finditer(text) for i in m.span()), len(text)]
        pieces.extend((frag, text[a:b]) for a, b in itertools.pairwise(cuts) if b > a)
    kinds = [_direction(part) for _, part in pieces]
    base = "R" if base_rtl else "L"
    # Neutrals between two words of one direction take it; others take the paragraph's.
    resolved = list(kinds)
    index = 0
    while index < len(kinds):
        if kinds[index] != "N":
            index += 1
            continue
        end = index
        while end < len(kinds) and kinds[end] == "N":
            end += 1
        before = kinds[index - 1] if index else base
        after = kinds[end] if end < len(kinds) else base
        for k in range(index, end):
            resolved[k] = before if before == after else base
        index = end
    # Levels: right to left is odd; left-to-right words in a right-to-left paragraph are 2.
    levels = [(1 if kind == "R" else 2 if base_rtl else 0) for kind in resolved]
    order = list(range(len(pieces)))
    for level in range(max(levels, default=0), 0, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    if order == sorted(order):
        return frags
    return _joined([pieces[i] for i in order])


def _joined(pieces: list[tuple[Any, str]]) -> list[Any]:
    """Adjacent pieces of one frag joined again into one frag (ShapedStr keeps its glyph
    positions when added)."""
    out: list[Any] = []
    current: Any = None
    text: Any = ""
    for frag, part in pieces:
        if not part:
            if current is not None:
                out.append(current.clone(text=text))
                current, text = None, ""
            out.append(frag)
            continue
        if frag is current:
            text = text + part
            continue
        if current is not None:
            out.append(current.clone(text=text))
        current, text = frag, part
    if current is not None:
        out.append(current.clone(text=text))
    return out
