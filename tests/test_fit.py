"""The fitting step and the layout report, piece by piece: runt-free paragraphs, headings kept
with their first lines, the page simulation against ReportLab, photo sizes, rooms that run on
or share a page, timeline dates, and the report's rules on records of pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer

from booklet.content.model import Image, Located, Room
from booklet.layout import fit
from booklet.layout.context import LayoutContext
from booklet.layout.fit import (
    CONTINUATION,
    PHOTO_FLOOR,
    PHOTO_HEIGHT,
    Arrangement,
    PhotoSize,
    photo_sizes,
    share_pages,
)
from booklet.layout.flowables.even import LOOSER, TIGHTER, EvenParagraph
from booklet.layout.flowables.heading import Heading
from booklet.layout.flowables.keep import HeadingKeep
from booklet.layout.flowables.timeline import TimelineRow
from booklet.layout.keys import room_key
from booklet.layout.measure import BOX, HEADING, TEXT, Block, Page, StoryLog, Unit, is_runt
from booklet.layout.paginate import paginate
from booklet.layout.report import RULES, check_story, count
from booklet.layout.sections import history, rooms
from booklet.theme.paper import PAPERS
from booklet.theme.theme import make_theme
from tests.conftest import DEFAULT_CONTENT, ENGLISH_CONTENT, load_edition, run_cli
from tests.conftest import build_file as build
from tests.corpus import Case, write_case

_TEXT = (
    "the house stood behind its walls and the garden kept the afternoon light while visitors "
    "read the letters on the desk and the guards watched the street from the towers above"
)
WORDS = _TEXT.split()


def _context(paper: str = "half-letter", language: str = "en") -> LayoutContext:
    content = load_edition(ENGLISH_CONTENT if language == "en" else DEFAULT_CONTENT, language)
    content = replace(content, theme=replace(content.theme, paper=paper))
    theme = make_theme(paper, content.theme.palette, content.language)
    return LayoutContext(content, theme, content.labels)


def _runt_text(style: ParagraphStyle, width: float) -> str:
    """The first run of words that ReportLab, breaking first-fit, ends in a runt."""
    for words in range(30, 400):
        text = " ".join(WORDS[i % len(WORDS)] for i in range(words)) + "."
        paragraph = Paragraph(text, style)
        paragraph.wrap(width, 10_000)
        if len(paragraph.blPara.lines) >= 3 and is_runt(paragraph):
            return text
    raise AssertionError("no runt found")


# -- paragraphs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("style_name", ["body", "room.summary"])  # justified, ragged
def test_a_runt_is_evened_out_without_lengthening_the_paragraph(style_name: str) -> None:
    theme = make_theme("half-letter", {}, "en")
    style, width = theme.styles[style_name], theme.paper.frame_width
    text = _runt_text(style, width)
    natural = Paragraph(text, style)
    natural.wrap(width, 10_000)
    even = EvenParagraph(text, style)
    even.wrap(width, 10_000)
    assert not is_runt(even)
    assert len(even.blPara.lines) <= len(natural.blPara.lines)
    if style_name == "body":  # justified: the change is spread, no line much looser or tighter
        before, after = _slack(natural), _slack(even)
        assert max(after[:-1]) <= max(before[:-1]) + LOOSER * width
        assert min(after[:-1]) >= min(before[:-1]) - TIGHTER * width


def _slack(paragraph: Paragraph) -> list[float]:
    return [
        line[0] if isinstance(line, tuple) else line.extraSpace for line in paragraph.blPara.lines
    ]


def test_the_first_part_of_a_split_paragraph_keeps_its_lines() -> None:
    theme = make_theme("half-letter", {}, "en")
    style, width = theme.styles["body"], theme.paper.frame_width
    paragraph = EvenParagraph(_runt_text(style, width) + " " + " ".join(WORDS * 3), style)
    _, height = paragraph.wrap(width, 10_000)
    first, rest = paragraph.split(width, height / 2)
    lines = len(first.blPara.lines)
    assert first.wrap(width, height / 2)[1] == lines * style.leading  # not broken again
    assert rest.wrap(width, height)[1] >= 2 * style.leading


# -- headings and the page simulation --------------------------------------------------------


class _Solid(Flowable):
    """A block of a given height (a spacer would be dropped at the top of a page)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.height


@pytest.mark.parametrize(("free_lines", "heading_page"), [(1, 2), (4, 1)])
def test_a_heading_stays_with_two_lines_of_its_text_or_moves_with_them(
    free_lines: int, heading_page: int
) -> None:
    theme = make_theme("half-letter", {}, "en")
    body, h2 = theme.styles["body"], theme.styles["h2"]
    height = 40 * body.leading
    filler = _Solid(
        height - h2.spaceBefore - h2.leading - h2.spaceAfter - free_lines * body.leading
    )
    heading = Heading("A chapter", h2, title="A chapter", key="c", in_toc=False)
    text = Paragraph(" ".join(WORDS * 6), body)
    pages = paginate([filler, HeadingKeep([heading], text)], 300, [height])
    on = next(i for i, page in enumerate(pages, start=1) if heading in page.flowables)
    assert on == heading_page
    if on == 1:  # split: at least two lines below it, the rest on the next page
        assert len(pages[0].flowables[-1].blPara.lines) >= 2


def test_the_page_simulation_breaks_pages_where_reportlab_does() -> None:
    theme = make_theme("half-letter", {}, "en")
    styles = theme.styles
    story_parts = []
    for index in range(40):
        style = styles["body" if index % 3 else "lead"]
        story_parts.append(EvenParagraph(" ".join(WORDS[: 20 + index * 7 % 90]), style))
        if index % 5 == 0:
            story_parts.append(Spacer(1, 17))
    width, height = 300.0, 400.0
    simulated = paginate(list(story_parts), width, [height])
    placed: list[tuple[int, str]] = []

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable: object) -> None:
            if isinstance(flowable, Paragraph):
                placed.append((self.page, flowable.getPlainText()[:30]))

    import io

    doc = Doc(io.BytesIO(), pagesize=(width, height))
    frame = Frame(0, 0, width, height, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate("p", [frame])])
    doc.build(list(story_parts))
    expected = [
        (number, f.getPlainText()[:30])
        for number, page in enumerate(simulated, start=1)
        for f in page.flowables
        if isinstance(f, Paragraph)
    ]
    assert placed == expected


# -- photos and rooms --------------------------------------------------------------------------


def _room(ctx: LayoutContext, text: str | None = None, highlights: int = 3) -> Room:
    study = next(room for room in ctx.content.rooms if room.id == "study")
    image = Image(Path("photo.jpg"), "The desk as it was left.", "", "", Located(None, ""))
    return replace(
        study,
        text=study.text if text is None else text,
        highlights=study.highlights[:highlights] * 3,
        image=image,
    )


def test_photo_sizes_step_down_to_the_floor_and_put_the_caption_beside_when_there_is_room() -> None:
    frame = (310.0, 500.0)
    sizes = photo_sizes(1.5, True, frame, 12, 96)
    assert sizes[0].width == pytest.approx(310.0) and not sizes[0].beside
    assert sizes[-1].width == pytest.approx(310.0 * PHOTO_FLOOR, abs=0.01)
    assert sizes[-1].beside
    portrait = photo_sizes(0.75, True, frame, 12, 96)[0]
    assert portrait.height == pytest.approx(500.0 * PHOTO_HEIGHT) and portrait.beside


def test_a_landscape_photo_on_a_short_room_is_the_width_of_the_column() -> None:
    ctx = _context()
    room = _room(ctx, " ".join(WORDS) + ".", highlights=1)
    size = rooms.place_photo(ctx, room, (1500, 1000)).picture
    assert isinstance(size, PhotoSize)
    assert size.width == pytest.approx(ctx.theme.paper.frame_width, abs=0.01)
    assert not size.beside


def test_a_portrait_photo_has_its_caption_beside() -> None:
    ctx = _context()
    room = _room(ctx, " ".join(WORDS) + ".", highlights=1)
    size = rooms.place_photo(ctx, room, (900, 1200)).picture
    assert isinstance(size, PhotoSize)
    assert size.beside and size.height <= ctx.theme.paper.frame_height * PHOTO_HEIGHT + 0.01


def test_a_room_a_little_too_long_keeps_one_page_with_a_smaller_photo() -> None:
    ctx = _context()
    paper = ctx.theme.paper
    for words in range(60, 400, 10):  # the first text that no longer fits at full width
        room = _room(ctx, " ".join(WORDS[i % len(WORDS)] for i in range(words)) + ".")
        size = rooms.place_photo(ctx, room, (1500, 1000)).picture
        assert isinstance(size, PhotoSize)
        if size.width < paper.frame_width - 0.01:
            break
    else:
        raise AssertionError("the photo never stepped down")
    assert size.width >= paper.frame_width * PHOTO_FLOOR - 0.01
    ctx.images[room.id] = _placed(size)
    assert len(rooms.arrange(ctx, room).pages) == 1


def test_a_room_too_long_for_one_page_runs_on_with_a_third_of_a_page_and_its_largest_photo() -> (
    None
):
    ctx = _context()
    paper = ctx.theme.paper
    text = "\n\n".join(" ".join(WORDS) + "." for _ in range(9))
    room = _room(ctx, text)
    size = rooms.place_photo(ctx, room, (1500, 1000)).picture
    assert isinstance(size, PhotoSize)
    assert size.width == pytest.approx(paper.frame_width, abs=0.01)
    ctx.images[room.id] = _placed(size)
    arrangement = rooms.arrange(ctx, room)
    assert len(arrangement.pages) == 2
    assert arrangement.used >= paper.frame_height * CONTINUATION
    assert any(isinstance(f, Paragraph) for f in arrangement.pages[-1])  # never a box alone


def test_a_room_is_laid_out_as_its_photo_was_decided_in_one_pagination(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The image pipeline fits each room to choose its photo's size; the story then lays the
    # room out with the prepared photo as decided, not by searching again: same pages.
    ctx = _context()
    paginations = []
    monkeypatch.setattr(fit, "paginate", lambda *a: paginations.append(1) or paginate(*a))
    pulled = 0
    for words in range(150, 1500, 40):
        room = _room(ctx, " ".join(WORDS[i % len(WORDS)] for i in range(words)) + ".")
        decision = rooms.place_photo(ctx, room, (1500, 1000))
        assert isinstance(decision.picture, PhotoSize)
        ctx.images[room.id] = _placed(decision.picture)
        paginations.clear()
        decided = rooms.arrange(ctx, room)
        assert len(paginations) == 1
        del ctx.fitted[("decided", room.id)]
        searched = rooms.arrange(ctx, room)
        assert decided.decision == searched.decision == decision
        assert [len(page) for page in decided.pages] == [len(page) for page in searched.pages]
        assert decided.used == searched.used
        pulled += bool(decision.pull)
    assert pulled  # a room whose last page took lines from the page before was among them


def _placed(size: PhotoSize) -> object:
    from booklet.layout.context import PlacedImage

    return PlacedImage(Path("photo.jpg"), size.width, size.height)


def _arranged(used: float, pages: int = 1) -> Arrangement:
    return Arrangement([[Spacer(1, 1)]] * pages, used, used + 5, 118.0, 1.0, 0.0)


def test_short_rooms_share_a_page_with_their_pictures_stepped_down_as_needed() -> None:
    height, gap = 500.0, 30.0
    rooms_ = [_arranged(240), _arranged(245), _arranged(300), _arranged(200), _arranged(150, 2)]
    asked: list[tuple[int, int]] = []

    def refit(index: int, level: int) -> Arrangement:  # each level saves 10 points
        asked.append((index, level))
        return _arranged(rooms_[index].used - 10 * level)

    pages = share_pages(rooms_, refit, height, gap)
    # 240 + 5 + 30 + 245 does not fit 500 (with a point to spare), nor one step down (500);
    # two steps down (225 + 30 + 225) do. 300 is not short; the last runs over two pages.
    assert [[a.used for a in page] for page in pages] == [[220, 225], [300], [200], [150]]
    assert (0, 1) in asked and (0, 6) in asked  # the smallest tried first: can they share?


def test_tiny_rooms_share_pages_in_a_built_booklet(tmp_path: Path) -> None:
    case = Case(5, 6, (20, 20), (0, 0), ("none",), "half-letter", "en")
    [built] = build(write_case(case, tmp_path), tmp_path / "b.pdf", languages=["en"])
    pages = [built.rendered.key_pages[room_key(f"room-{n}")] for n in range(1, 7)]
    assert len(set(pages)) < len(pages)  # some rooms share a page
    assert check_story(built.rendered.log) == []


@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("language", ["en", "es"])
def test_timeline_dates_never_wrap(paper: str, language: str) -> None:
    ctx = _context(paper, language)
    rows = [f for f in history.build_timeline(ctx) if isinstance(f, TimelineRow)]
    assert rows
    for row in rows:
        row.wrap(ctx.theme.paper.frame_width, ctx.theme.paper.frame_height)
        assert len(row.date.blPara.lines) == 1, row.date.getPlainText()


# -- the report's rules, on records of pages ------------------------------------------------


ROOM = Unit("room-a", "Room A", True, Located(12, "rooms[0]"))
NEXT = Unit("room-b", "Room B", True, Located(40, "rooms[1]"))


def _log(*pages: list[Block], first: dict[str, int] | None = None) -> StoryLog:
    log = StoryLog()
    log.pages = [
        Page(number, "body", 500.0, list(blocks)) for number, blocks in enumerate(pages, 2)
    ]
    log.unit_pages = first or {"room-a": 2, "room-b": 3}
    return log


def _text(top: float, bottom: float, lines: int = 5, unit: Unit = ROOM, **flags: object) -> Block:
    return Block(TEXT, unit, top, bottom, lines, **flags)  # type: ignore[arg-type]


def test_a_clean_record_breaks_no_rule() -> None:
    log = _log(
        [Block(HEADING, ROOM, 0, 40), _text(40, 490)],
        [Block(HEADING, NEXT, 0, 40), _text(40, 480, unit=NEXT)],
    )
    assert count(check_story(log)) == dict.fromkeys([*RULES, "did not fit"], 0)


@pytest.mark.parametrize(
    ("pages", "rule"),
    [
        (
            [[_text(0, 490, continues=True)], [_text(0, 14, 1, continued=True), _text(20, 200)]],
            "widow",
        ),
        (
            [[_text(0, 470), _text(476, 490, 1, continues=True)], [_text(0, 200, continued=True)]],
            "orphan",
        ),
        ([[_text(0, 480, runt=True)]], "runt"),
        ([[_text(0, 450), Block(HEADING, ROOM, 455, 480)], [_text(0, 300)]], "lone heading"),
        ([[_text(0, 490)], [Block(BOX, ROOM, 0, 200)]], "lone box"),
        (
            [[_text(0, 490, continues=True)], [_text(0, 100, 7, continued=True)]],
            "short continuation",
        ),
        ([[_text(0, 300)], [_text(0, 300)]], "under-filled"),
    ],
)
def test_each_rule_is_found_on_the_page_that_breaks_it(pages: list[list[Block]], rule: str) -> None:
    problems = [p for p in check_story(_log(*pages)) if p.rule != "did not fit"]
    assert [p.rule for p in problems] == [rule]
    assert problems[0].unit == ROOM


# -- preflight -------------------------------------------------------------------------------


def test_preflight_lists_what_breaks_the_rules_with_the_room_s_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the fitting step switched off (rooms flow as ReportLab places them), the issue's
    example shows its lone boxes again, and preflight names each room's line."""

    def unfitted(
        parts: fit.RoomParts, width: float, height: float, decided: fit.Decision | None = None
    ) -> fit.Arrangement:
        story = [*parts.header, *parts.picture(parts.pictures[0], 1.0), *parts.words(1.0)]
        return fit.Arrangement([story], height, height, parts.pictures[0], 1.0, 0.0)

    monkeypatch.setattr(rooms, "fit_room", unfitted)
    case = Case(1, 10, (180, 185), (3, 3), ("none",), "a5", "en", (88, 95))
    content = write_case(case, tmp_path)
    code, _, err = run_cli("check", str(content), "--preflight", "--paper", "a5")
    assert code == 0
    lone = [line for line in err.splitlines() if "a box stands alone" in line]
    assert lone, err
    lines = content.read_text(encoding="utf-8").splitlines()
    for line in lone:
        number = int(line.split("content.yaml:")[1].split(":")[0])
        assert lines[number - 1].lstrip().startswith("- id: room-")
