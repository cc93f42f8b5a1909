"""Paragraphs without runts: a last line of one short word is evened out over the paragraph.

ReportLab breaks lines first-fit, so a paragraph of several lines can end in one short word on
a line of its own (a runt). Squeezing the word back onto the line above makes that one line
tight; opening one line up makes it loose. Instead the whole paragraph is broken again at a
slightly different measure — a few points wider (every line a little tighter) or narrower
(every line a little looser) — and then justified to the real measure, so the difference is
spread over all its lines, as a typesetter would even a paragraph. In ragged text the line
before the last simply ends a little earlier: the ragged edge absorbs it. The smallest change
that removes the runt wins; none is made beyond the limits below, where the cure would show
more than the runt.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_JUSTIFY

from booklet.layout.paragraph import Paragraph

RUNT_SHARE = 0.10  # a one-word last line shorter than this share of the measure is a runt
MIN_LINES = 3  # shorter paragraphs may end as they like
TIGHTER = 0.018  # at most this share of the measure more text per line (word spaces shrink)
LOOSER = 0.08  # at most this share of the measure less text per line (word spaces grow)
RAGGED = 0.3  # ragged text: the line before the last may end this share of the measure early
STEP = 0.006  # search step, as a share of the measure


class EvenParagraph(Paragraph):
    """A Paragraph whose line breaking avoids runts in paragraphs of three lines or more."""

    def breakLines(self, width: Any) -> Any:
        if getattr(self, "_splitpara", 0) and "blPara" in self.__dict__:
            return self._kept_lines()
        key = tuple(width) if isinstance(width, list | tuple) else (width,)
        cache = self.__dict__.setdefault("_even_cache", {})
        if key not in cache:
            cache[key] = self._even(width)
        return cache[key]

    def _kept_lines(self) -> Any:
        """The first part of a split paragraph keeps the lines it was split with: broken
        again, an evened paragraph would break naturally and might need one line more."""
        kept = self.blPara
        if kept.lines and isinstance(kept.lines[0], tuple) and len(self.frags) == 1:
            return self.frags[0].clone(kind=0, lines=kept.lines)
        return kept

    def _ragged(self, width: Any, natural: Any, measure: float) -> Any:
        """Ragged text: end the line before the last a little earlier, so a word or two go
        down with the runt; the ragged edge takes the difference, the other lines stay."""
        count = len(natural.lines)
        first = float(width[0] if isinstance(width, list | tuple) else width)
        for step in range(1, int(RAGGED / STEP) + 1):
            widths = [first] + [measure] * (count - 1)
            widths[count - 2] -= step * STEP * measure
            trial = super().breakLines(widths)
            if len(trial.lines) == count and not _has_runt(trial, measure):
                return trial
        return natural

    def split(self, available_width: float, available_height: float) -> list[Any]:
        parts = super().split(available_width, available_height)
        first, height = parts, available_height
        while len(parts) == 2 and _hyphenated(parts[0].blPara.lines[-1]):
            # A word broken across a page is hard to read: end the page a line earlier
            # (or, if the page would keep only two lines of it, take the paragraph over).
            height -= self.style.leading
            earlier = super().split(available_width, height)
            if len(earlier) != 2 or len(earlier[0].blPara.lines) < 2:
                if len(first[0].blPara.lines) <= 2:
                    return []
                parts = first  # every line ends broken: keep the first split
                break
            parts = earlier
        for name in ("spaceBefore", "spaceAfter"):  # spacing set by the fitting step
            if name in self.__dict__:
                for part in parts:
                    setattr(part, name, self.__dict__[name])
        if len(parts) == 2:
            parts[1].tail = True  # the end of a longer paragraph: even it however short
        return parts

    def _even(self, width: Any) -> Any:
        natural = super().breakLines(width)
        measure = _last_width(width)
        shortest = 2 if self.__dict__.get("tail") else MIN_LINES
        if len(natural.lines) < shortest or not _has_runt(natural, measure):
            return natural
        justified = self.style.alignment == TA_JUSTIFY
        if not justified:
            return self._ragged(width, natural, measure)
        for delta in _deltas(measure):
            trial = super().breakLines(_widen(width, delta))
            if len(trial.lines) > len(natural.lines) or len(trial.lines) < 2:
                continue  # never longer; a runt absorbed may save a line (never leave one)
            if _has_runt(trial, measure, delta):
                continue
            if justified:
                _justify_to(trial, delta)
            return trial
        return natural


def is_runt_line(line: Any, measure: float, delta: float = 0.0) -> bool:
    """One word, shorter than RUNT_SHARE of the measure (the line was broken at
    measure + delta, which its unused width is relative to)."""
    if isinstance(line, tuple):  # a simple paragraph's line: (unused width, words)
        extra, words = line
        count = len(words)
    else:
        extra = line.extraSpace
        count = len("".join(getattr(w, "text", "") for w in line.words).split())
    return count == 1 and measure + delta - extra < measure * RUNT_SHARE


def _hyphenated(line: Any) -> bool:
    """The line ends in a hyphen: a word broken at its end."""
    words = line[1] if isinstance(line, tuple) else [w.text for w in line.words]
    return "".join(str(w) for w in words).rstrip().endswith("-")


def _has_runt(bl_para: Any, measure: float, delta: float = 0.0) -> bool:
    return bool(bl_para.lines) and is_runt_line(bl_para.lines[-1], measure, delta)


def _deltas(measure: float) -> list[float]:
    """Tighter and looser alternately, smallest change first (points; + is wider)."""
    steps = []
    for index in range(1, int(LOOSER / STEP) + 1):
        wider, narrower = index * STEP * measure, -index * STEP * measure
        if index * STEP <= TIGHTER:
            steps.append(wider)
        steps.append(narrower)
    return steps


def _last_width(width: Any) -> float:
    return float(width[-1] if isinstance(width, list | tuple) else width)


def _widen(width: Any, delta: float) -> Any:
    if isinstance(width, list | tuple):
        return [w + delta for w in width]
    return width + delta


def _justify_to(bl_para: Any, delta: float) -> None:
    """Lines broken at measure + delta: make each line's unused width relative to the measure."""
    lines = bl_para.lines
    for index, line in enumerate(lines):
        if isinstance(line, tuple):
            lines[index] = (line[0] - delta, line[1])
        else:
            line.extraSpace -= delta
