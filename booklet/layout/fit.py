"""The fitting step: a room's picture, spacing and page breaks decided together.

A room starts on a fresh page, so how it falls on its pages can be worked out on its own
(`layout/paginate.py`) before ReportLab draws it. The rules, in the order they are tried:

1. The whole room on one page, picture at its largest: a landscape photo the width of the
   column, a portrait one as tall as PHOTO_HEIGHT of the page with its caption beside.
2. Still too long by a little: the space between blocks tightens (TIGHT); then the picture
   steps down, to PHOTO_FLOOR of its largest size (a pictogram panel to PICTOGRAM_FLOOR), with
   the caption beside it, at normal and then tight spacing. (Tightening comes first because
   a photo a little narrower than the column reads as a mistake: below the column's width a
   photo steps straight to a size that leaves room for its caption beside it.)
3. Only then does the room run on, its picture back at its largest (the room has pages
   enough). Its last page must carry at least CONTINUATION of a page, and text with its box:
   if it would carry less, lines move over from the page before (never leaving that page
   under 2/3 full, never one line alone); if that is not enough, tighter spacing or a smaller
   picture are tried. So no box or heading ever stands alone on a page.

Sections that flow (history, timeline) are fitted the same way (`fit_section`): a section that
ends on a page shared with the next one ends with whole paragraphs or at least TAIL_LINES lines
of its last one; a section followed by a page break carries CONTINUATION of its last page.

Short rooms share a page (`share_pages`): rooms that each take less than SHORT_ROOM of a page
follow one another on a page, after a rule, their pictograms stepped down as far as needed.
Every other room starts a page: the booklet keeps its one-room-one-page design, and a museum
of forty short rooms does not print forty half-empty pages.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from booklet.layout.flowables.heading import Heading
from booklet.layout.flowables.keep import FORCE_SPLIT, EarlyBreak, HeadingKeep
from booklet.layout.paginate import Slice, paginate

PHOTO_HEIGHT = 0.5  # a photo is at most this share of the page's text height
PHOTO_FLOOR = 0.55  # stepping down stops at this share of the photo's largest width
PHOTO_STEPS = 9  # sizes tried between the largest and the floor
PICTOGRAM_FLOOR = 0.55
PICTOGRAM_STEPS = 6
TIGHT = 0.55  # space between blocks when tightened, as a share of the normal space
SHORT_ROOM = 0.5  # a room under this share of a page may share its page with the next
CONTINUATION = 1 / 3  # a run-on page carries at least this share of a page
TAIL_LINES = 4  # a section ending on a page it shares with the next: at least this many lines
MAX_PULL = 1 / 3  # lines moved to the last page leave the page before at least 2/3 full
SMALL_PULL = 0.12  # moving this share of a page over or less is as good as moving none


@dataclass(frozen=True)
class PhotoSize:
    """Where a photo is placed: its size in points, and whether the caption sits beside it."""

    width: float
    height: float
    beside: bool


Picture = PhotoSize | float  # a photo, or the height of a pictogram panel
Heights = dict[int, tuple[Flowable, float]]  # flowable id -> (flowable, height)


@dataclass(frozen=True)
class RoomParts:
    """What a room is made of, from sections/rooms.py; the fitting step decides the rest.

    `picture(size, spacing)` and `words(spacing)` build the flowables for a picture size and a
    spacing factor (1 normal, TIGHT tightened); `header` is the anchor, badge and names. The
    words are the same paragraph objects at every spacing (their space after is set here)."""

    header: Sequence[Flowable]
    pictures: Sequence[Picture]  # largest first
    picture: Callable[[Picture, float], list[Flowable]]
    words: Callable[[float], list[Flowable]]
    heights: Heights = field(default_factory=dict)  # measured once, for every try


@dataclass(frozen=True)
class Decision:
    """What fitting a room decided, enough to lay it out again in one pagination: the image
    pipeline fits each room to choose its photo's size, and the story then lays the room out
    with the prepared photo at that size."""

    picture: Picture
    spacing: float
    pull: float  # how far the page before the last was shortened
    pages: int


@dataclass(frozen=True)
class Arrangement:
    """A room laid out: its pages, and how far down the last one it reaches."""

    pages: list[list[Flowable]]
    used: float  # to the foot of the last flowable on the last page
    end: float  # where what follows would start (the last flowable's space after included)
    picture: Picture
    spacing: float
    pull: float

    @property
    def decision(self) -> Decision:
        return Decision(self.picture, self.spacing, self.pull, len(self.pages))

    def story(self) -> list[Flowable]:
        """The flowables with a page break between pages, as ReportLab should place them.

        The paragraphs are shared by every arrangement tried for the room: their spacing is
        set here to this arrangement's."""
        story: list[Flowable] = []
        for index, page in enumerate(self.pages):
            if index:
                last = index == len(self.pages) - 1
                story.append(EarlyBreak(designed=bool(self.pull) and last))
            _space(page, self.spacing)
            story += page
        return story


def photo_sizes(
    aspect: float, caption: bool, frame: tuple[float, float], gap: float, side: float
) -> list[PhotoSize]:
    """The sizes a photo of `aspect` (width / height) may take, largest first, down to the
    floor (PHOTO_FLOOR of the largest).

    The largest is the column's width, or PHOTO_HEIGHT of the page tall. Narrower than the
    column, a photo with a caption always leaves `side` points beside it for the caption: a
    photo a little narrower than the column with nothing beside it reads as a mistake."""
    width, height = frame
    largest = min(width, height * PHOTO_HEIGHT * aspect)
    floor = largest * PHOTO_FLOOR
    beside = width - gap - side  # the widest photo with its caption beside it

    def size(w: float) -> PhotoSize:
        # The height as the image pipeline will place it (plan_job: width / aspect), so the
        # room is fitted again, with the prepared photo, at exactly the size it chose.
        return PhotoSize(round(w, 2), round(w, 2) / aspect, caption and w <= beside)

    sizes = []
    if largest >= width - 0.01 or not caption or largest <= beside:
        sizes.append(size(largest))
    top = min(largest, beside) if caption else largest
    for step in range(PHOTO_STEPS + 1):
        w = top - (top - floor) * step / PHOTO_STEPS
        if floor - 0.01 <= w < largest - 0.01:
            sizes.append(size(w))
    return sizes


def pictogram_heights(largest: float) -> list[float]:
    """A pictogram panel's heights, largest first, down to PICTOGRAM_FLOOR of it."""
    steps = PICTOGRAM_STEPS
    return [largest * (1 - (1 - PICTOGRAM_FLOOR) * i / steps) for i in range(steps + 1)]


def fit_room(
    parts: RoomParts, width: float, height: float, decided: Decision | None = None
) -> Arrangement:
    """The best arrangement of a room on pages of width x height (see the module's rules).

    `decided` is what fitting the same room with more pictures to choose from decided; if
    its picture is among these, the search would decide the same (its choice was the best of
    more), so the room is laid out as decided, in one pagination."""
    if decided is not None and decided.picture in parts.pictures:
        return _as_decided(parts, width, height, decided)
    words = {spacing: parts.words(spacing) for spacing in (1.0, TIGHT)}
    largest, *smaller = parts.pictures
    tries = [(largest, 1.0), (largest, TIGHT)]
    tries += [*((p, 1.0) for p in smaller), *((p, TIGHT) for p in smaller)]
    # The header and words alone, at each spacing: with a photo's own height, a bound below
    # which no try with that photo can reach (so its flowables need not even be made).
    bare = {}
    for spacing in (1.0, TIGHT):
        _space(words[spacing], spacing)
        bare[spacing] = _stacked([*parts.header, *words[spacing]], width, parts.heights)
    for picture, spacing in tries:
        if bare[spacing] + (picture.height if isinstance(picture, PhotoSize) else 0) > height + 1:
            continue  # it cannot fit one page
        story = [*parts.header, *parts.picture(picture, spacing), *words[spacing]]
        _space(words[spacing], spacing)
        if _stacked(story, width, parts.heights) > height + 1:
            continue  # it cannot fit one page: no need to lay it out
        pages = paginate(story, width, [height])
        if len(pages) == 1:
            return _arrangement(pages, picture, spacing, 0.0)
    # It runs on: the largest picture and normal spacing whose last page is sound with the
    # fewest lines moved over; a smaller picture or tighter spacing only if they are not.
    best: tuple[tuple[float, ...], Arrangement] | None = None
    for rank, (picture, spacing) in enumerate((p, s) for p in parts.pictures for s in (1.0, TIGHT)):
        _space(words[spacing], spacing)
        story = [*parts.header, *parts.picture(picture, spacing), *words[spacing]]
        pages, pull = run_on(story, width, height, _short_room)
        sound = not _short_room(pages, height)
        score = (not sound, len(pages), pull > height * SMALL_PULL, rank, pull)
        if best is None or score < best[0]:
            best = (score, _arrangement(pages, picture, spacing, pull))
        if best[0][:3] == (False, 2, False):
            break  # no later try scores lower: every try takes two pages at least (see above)
    assert best is not None
    _space(words[best[1].spacing], best[1].spacing)  # the chosen spacing, on the paragraphs
    return best[1]


def _as_decided(parts: RoomParts, width: float, height: float, decided: Decision) -> Arrangement:
    words = parts.words(decided.spacing)
    _space(words, decided.spacing)
    story = [*parts.header, *parts.picture(decided.picture, decided.spacing), *words]
    heights = [height]
    if decided.pull:  # as run_on laid it: the page before the last shortened
        heights = [height] * (decided.pages - 2) + [height - decided.pull, height]
    pages = paginate(story, width, heights)
    return _arrangement(pages, decided.picture, decided.spacing, decided.pull)


Refit = Callable[[int, int], Arrangement]  # room index, picture level -> arrangement


def share_pages(
    arrangements: Sequence[Arrangement], refit: Refit, height: float, gap: float
) -> list[list[Arrangement]]:
    """Group rooms into pages: consecutive short one-page rooms share a page when they fit
    together, `gap` apart, with their pictures stepped down (`refit` at a picture level)
    no further than needed; every other room has its pages to itself."""
    pages: list[list[tuple[int, Arrangement]]] = []
    for index, arrangement in enumerate(arrangements):
        last = pages[-1] if pages else []
        if _short(arrangement, height) and last and all(_short(a, height) for _, a in last):
            joined = _share([*last, (index, arrangement)], refit, height, gap)
            if joined is not None:
                pages[-1] = joined
                continue
        pages.append([(index, arrangement)])
    return [[a for _, a in page] for page in pages]


def _short(arrangement: Arrangement, height: float) -> bool:
    return len(arrangement.pages) == 1 and arrangement.used < height * SHORT_ROOM


def _share(
    members: list[tuple[int, Arrangement]], refit: Refit, height: float, gap: float
) -> list[tuple[int, Arrangement]] | None:
    """The rooms on one page with the largest pictures that let them fit, or None."""

    def at(level: int) -> list[tuple[int, Arrangement]] | None:
        fitted = [(i, refit(i, level) if level else a) for i, a in members]
        if any(len(a.pages) > 1 for _, a in fitted):
            return None
        bottom = sum(a.end for _, a in fitted[:-1]) + gap * (len(fitted) - 1) + fitted[-1][1].used
        return fitted if bottom <= height - 1 else None  # a point to spare for rounding

    if at(PICTOGRAM_STEPS) is None:  # not even with the smallest pictures
        return None
    return next(f for level in range(PICTOGRAM_STEPS + 1) if (f := at(level)) is not None)


@dataclass(frozen=True)
class Fitted:
    """A section laid out: its flowables with explicit page breaks, and where it ends."""

    story: list[Flowable]
    end: float  # how far down its last page it reaches (space after included)


def fit_section(
    story: list[Flowable], width: float, height: float, *, start: float = 0.0, alone: bool = False
) -> Fitted:
    """A section laid out so that it does not end badly, from `start` down its first page.

    Its last page never holds only the tail of a split paragraph under CONTINUATION of a page;
    with `alone` (the next section starts a new page, so the last page is this one's alone)
    it never holds less than CONTINUATION of a page. The spacing tightens first; then lines
    (or rows) move over from the page before."""
    short = _short_alone if alone else _stub
    for spacing in (1.0, TIGHT):
        _space(story, spacing)
        pages = paginate(story, width, [height], start)
        if not short(pages, height):
            return Fitted(_story(pages, 0.0), pages[-1].cursor)
    _space(story, 1.0)
    pages, pull = run_on(story, width, height, short, start)
    return Fitted(_story(pages, pull), pages[-1].cursor)


class FitWherePlaced(Flowable):
    """A flowing section fitted once ReportLab reaches it: `fit_section` with `alone`, from
    wherever the page it starts on is used down to.

    For a section that may start below another whose height is only known as it is drawn
    (the nearby places after the tips' cards): the frame asks it to split, and the split is
    the fitted story, page breaks included."""

    def __init__(self, story: Sequence[Flowable], frame_height: float) -> None:
        super().__init__()
        self.story = list(story)
        self.frame_height = frame_height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, FORCE_SPLIT  # always split: the parts are placed one by one

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        start = max(0.0, self.frame_height - available_height)
        fitted = fit_section(self.story, available_width, self.frame_height, start=start,
                             alone=True)  # fmt: skip
        return fitted.story

    def draw(self) -> None:  # never drawn whole: split always hands over its parts
        pass


Short = Callable[[list[Slice], float], bool]


def run_on(
    story: list[Flowable], width: float, height: float, short: Short, start: float = 0.0
) -> tuple[list[Slice], float]:
    """Lay a story over as many pages as it needs; while its last page is `short`, move
    lines over from the page before (at most MAX_PULL of a page). Returns the pages and how
    far the page before the last was shortened."""
    step = _leading(story) or height / 40
    natural = paginate(story, width, [height], start)
    if not short(natural, height):
        return natural, 0.0
    steps = 0
    while steps * step < height * MAX_PULL:
        steps += 1
    laid: dict[int, list[Slice]] = {}

    def pulled(k: int) -> list[Slice]:
        """The pages with the page before the last shortened by `k` lines."""
        if k not in laid:
            heights = [height] * (len(natural) - 2) + [height - k * step, height]
            laid[k] = paginate(story, width, heights, start)
        return laid[k]

    def sound(k: int) -> bool:
        pages = pulled(k)
        return len(pages) == len(natural) and not short(pages, height)

    # The fewest lines to move over: moving more over only lengthens the last page, so the
    # first sound count is found by halving the range (each try is a whole pagination),
    # starting from the count that would make the last page a third of a page if every
    # line moved were a line of text: often the answer, found in two paginations.
    low, high = 0, steps  # not sound at `low`; find the first sound count up to `high`
    guess = min(steps, max(1, math.ceil((height * CONTINUATION - natural[-1].used) / step)))
    if sound(guess):
        high = guess
        if guess > 1 and not sound(guess - 1):
            low = guess - 1
    else:
        low = guess
        if guess < steps and sound(guess + 1):
            high = guess + 1
    if low == steps or (high == steps and not sound(high)):
        # Moving a third of a page over is not enough (or adds a page): check the counts
        # one by one, as a page may be added before the last count.
        for k in range(1, steps + 1):
            if len(pulled(k)) != len(natural):
                break
            if sound(k):
                return pulled(k), k * step
        return natural, 0.0
    while high - low > 1:
        middle = (low + high) // 2
        if sound(middle):
            high = middle
        else:
            low = middle
    return pulled(high), high * step


def _stacked(story: Sequence[Flowable], width: float, heights: Heights) -> float:
    """The height of `story` set on one endless page, as paginate would stack it; each
    flowable's own height is measured once (`heights`), its spacing read live."""
    used = cursor = 0.0
    for flowable in story:
        if isinstance(flowable, Spacer) and cursor == 0:
            continue
        known = heights.get(id(flowable))
        if known is None or known[0] is not flowable:
            # The entry holds the flowable, so its id is not reused while the entry lives.
            known = heights[id(flowable)] = (flowable, flowable.wrap(width, 1e6)[1])
        before = flowable.getSpaceBefore() if cursor else 0.0
        used = cursor + before + known[1]
        cursor = used + flowable.getSpaceAfter()
    return used


def _short_room(pages: list[Slice], height: float) -> bool:
    """A room's last page must carry a third of a page, and text, not a box alone."""
    if len(pages) < 2:
        return False
    last = pages[-1]
    text = [f for f in last.flowables if isinstance(f, Paragraph)]
    return last.used < height * CONTINUATION or not text


def _short_alone(pages: list[Slice], height: float) -> bool:
    return len(pages) >= 2 and pages[-1].used < height * CONTINUATION


def _stub(pages: list[Slice], height: float) -> bool:
    """Only the tail of a split paragraph on the last page: fewer than TAIL_LINES lines and
    under CONTINUATION of the page (the next section follows below it)."""
    if len(pages) < 2:
        return False
    last = pages[-1]
    blocks = [f for f in last.flowables if not isinstance(f, Spacer)]
    if not last.continued or len(blocks) != 1 or last.used >= height * CONTINUATION:
        return False
    bl_para = getattr(blocks[0], "blPara", None)
    return bl_para is None or len(bl_para.lines) < TAIL_LINES


def _story(pages: list[Slice], pull: float) -> list[Flowable]:
    story: list[Flowable] = []
    for index, page in enumerate(pages):
        if index:
            story.append(EarlyBreak(designed=bool(pull) and index == len(pages) - 1))
        story += page.flowables
    return story


def _arrangement(pages: list[Slice], picture: Picture, spacing: float, pull: float) -> Arrangement:
    flowables = [list(page.flowables) for page in pages]
    return Arrangement(flowables, pages[-1].used, pages[-1].cursor, picture, spacing, pull)


def _space(story: Sequence[Flowable], spacing: float) -> None:
    """Set the space after each paragraph for this spacing (split parts inherit it)."""
    for flowable in story:
        if isinstance(flowable, HeadingKeep):
            _space([flowable.body], spacing)
        elif isinstance(flowable, Paragraph) and not isinstance(flowable, Heading):
            flowable.spaceAfter = flowable.style.spaceAfter * spacing
        elif hasattr(flowable, "fit_gap"):  # a gap inside the flowable, e.g. timeline rows
            flowable.gap = flowable.fit_gap * spacing


def widest(texts: Sequence[tuple[str, ParagraphStyle]], limit: float) -> float:
    """The width (points) of the widest of these one-line texts, at most `limit`: the
    measure of a column whose entries must never wrap (the timeline's dates)."""
    widths = [stringWidth(text, style.fontName, style.fontSize) for text, style in texts]
    return min(max(widths, default=0.0) + 0.5, limit)


def _leading(story: list[Flowable]) -> float:
    for flowable in reversed(story):
        if isinstance(flowable, Paragraph):
            return float(flowable.style.leading)
        if isinstance(flowable, HeadingKeep):
            return _leading([flowable.body])
    return 0.0
