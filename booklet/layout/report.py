"""The layout report: the typographic rules, checked on the pages as they were laid out.

Every rule reads the story log (`layout/measure.py`), so what it reports is what was printed:

* lone heading — a heading (or kicker) with nothing of its own below it on the page;
* lone box — a page whose only content is a box (e.g. "Look for") run on from the page before;
* widow / orphan — one line of a paragraph alone at the top / foot of a page;
* runt — a paragraph of 3+ lines ending in one short word (under a tenth of the measure);
* short continuation — a section or room running on to a page it has to itself, with less
  than a third of a page there; or ending at the top of a page it shares with the next
  section with fewer than TAIL_LINES lines of a split paragraph (the "two lines above the
  next section");
* under-filled — a page that ends more than UNDERFILL short of the foot although its section
  or room continues on the next page, and the next page's start (its heading and two lines,
  or its first block if that cannot split) would have fitted in the gap; or that ends more
  than a third short whatever the reason. A new section or room on a new page is the design,
  and so is a page the fitting step ended early to give the next one a third of a page;
* did not fit — a room that runs over more than one page (reported, not a fault: long rooms
  run on by design once fitting has tried everything).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from booklet.layout.measure import BOX, CARDS, HEADING, RULE, TEXT, Block, Page, StoryLog, Unit

CONTINUATION_SHARE = 1 / 3  # a run-on page carries at least this much of its section or room
TAIL_LINES = 4  # or, shared with the next section, at least this many lines of its paragraph
UNDERFILL = 0.15  # a page may end this far above the foot only for a reason
BODY = "body"

LONE_HEADING, LONE_BOX, WIDOW, ORPHAN, RUNT = (
    "lone heading",
    "lone box",
    "widow",
    "orphan",
    "runt",
)
SHORT_CONTINUATION, UNDERFILLED, RUNS_ON = "short continuation", "under-filled", "did not fit"
RULES = (LONE_HEADING, LONE_BOX, WIDOW, ORPHAN, RUNT, SHORT_CONTINUATION, UNDERFILLED)


@dataclass(frozen=True)
class LayoutProblem:
    rule: str
    page: int
    unit: Unit | None
    message: str
    span: int = 1  # pages the room or section takes (for rooms that did not fit)


def check_story(log: StoryLog) -> list[LayoutProblem]:
    """Every rule broken on every body page, in page order, then the rooms that ran on."""
    pages = [page for page in log.pages if page.template == BODY and page.blocks]
    problems: list[LayoutProblem] = []
    for index, page in enumerate(pages):
        following = pages[index + 1] if index + 1 < len(pages) else None
        problems += _headings(page)
        problems += _lines(page)
        problems += _lone_box(page, log)
        problems += _continuation(page, log, following)
        problems += _underfilled(page, following)
    problems += _runs_on(pages, log)
    return problems


def count(problems: list[LayoutProblem]) -> dict[str, int]:
    """Problems per rule (every rule present, zero or not), for tests and summaries."""
    tally = Counter(p.rule for p in problems)
    return {rule: tally.get(rule, 0) for rule in (*RULES, RUNS_ON)}


def _content(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind != RULE]


def _headings(page: Page) -> list[LayoutProblem]:
    blocks = _content(page.blocks)
    problems = []
    for index, block in enumerate(blocks):
        if block.kind != HEADING:
            continue
        after = [b for b in blocks[index + 1 :] if b.unit == block.unit]
        if all(b.kind == HEADING for b in after) and not _ends_section(block, page):
            if index + 1 < len(blocks) and blocks[index + 1].kind == HEADING:
                continue  # a run of headings (kicker + title) counts once, at its last
            name = block.text or (block.unit.title if block.unit else "")
            problems.append(
                LayoutProblem(
                    LONE_HEADING,
                    page.number,
                    block.unit,
                    f"heading '{name}' is the last thing on page {page.number}; "
                    "its text starts on the next page",
                )
            )
    return problems


def _ends_section(block: Block, page: Page) -> bool:
    """A title page with nothing else by design (none today) would be listed here."""
    return False


def _lines(page: Page) -> list[LayoutProblem]:
    problems = []
    for block in page.blocks:
        if block.continued and block.lines == 1:
            problems.append(
                LayoutProblem(
                    WIDOW,
                    page.number,
                    block.unit,
                    f"the last line of a paragraph stands alone at the top of page {page.number}",
                )
            )
        if block.continues and block.lines == 1:
            problems.append(
                LayoutProblem(
                    ORPHAN,
                    page.number,
                    block.unit,
                    f"the first line of a paragraph stands alone at the foot of page "
                    f"{page.number}: '{block.text[:40]}'",
                )
            )
        if block.runt:
            problems.append(
                LayoutProblem(
                    RUNT,
                    page.number,
                    block.unit,
                    f"the paragraph '{block.text[:40]}' on page {page.number} ends in one "
                    "short word on a line of its own",
                )
            )
    return problems


def _lone_box(page: Page, log: StoryLog) -> list[LayoutProblem]:
    blocks = _content(page.blocks)
    if not blocks or any(b.kind not in (BOX, CARDS) for b in blocks):
        return []
    unit = blocks[0].unit
    if unit is None:
        return []
    if log.unit_pages.get(unit.key, page.number) >= page.number:
        return []  # the section starts here: a page of cards is its design
    if all(b.kind == CARDS for b in blocks):
        return []
    return [
        LayoutProblem(
            LONE_BOX,
            page.number,
            unit,
            f"a box stands alone on page {page.number}, run on from '{unit.title}'",
        )
    ]


def _continuation(page: Page, log: StoryLog, following: Page | None) -> list[LayoutProblem]:
    """The tail of a section or room at the top of a page must be substantial."""
    blocks = _content(page.blocks)
    unit = blocks[0].unit if blocks else None
    if unit is None or log.unit_pages.get(unit.key, page.number) >= page.number:
        return []
    if following is not None and following.blocks and following.blocks[0].unit == unit:
        return []  # not its last page
    own = [b for b in blocks if b.unit == unit]
    share = max(b.bottom for b in own) / page.height
    if share >= CONTINUATION_SHARE:
        return []
    if len(own) < len(blocks) and not (
        len(own) == 1 and own[0].continued and own[0].lines < TAIL_LINES
    ):
        return []  # whole blocks or a real tail end the section, the next one follows below
    what = "room" if unit.room else "section"
    return [
        LayoutProblem(
            SHORT_CONTINUATION,
            page.number,
            unit,
            f"the {what} '{unit.title}' runs on to page {page.number} with only "
            f"{share:.0%} of a page there",
        )
    ]


def _underfilled(page: Page, following: Page | None) -> list[LayoutProblem]:
    if following is None or not following.blocks or page.designed_end:
        return []
    last_unit = _content(page.blocks)[-1].unit
    if following.blocks[0].unit != last_unit:
        return []
    gap = (1 - page.fill) * page.height
    if gap <= UNDERFILL * page.height:
        return []
    if gap < _smallest_start(following) and gap <= page.height * CONTINUATION_SHARE:
        return []  # what comes next could not start in the gap: kept whole, or with its heading
    return [
        LayoutProblem(
            UNDERFILLED,
            page.number,
            last_unit,
            f"page {page.number} ends {1 - page.fill:.0%} short of the foot although "
            "its text continues on the next page",
        )
    ]


def _smallest_start(page: Page) -> float:
    """Height of the least a page could have begun with: its headings, then two lines of the
    text after them (a paragraph of four or more lines may split), or the whole first block."""
    for block in _content(page.blocks):
        if block.kind == HEADING:
            continue
        if block.kind == TEXT and block.lines >= 4:
            return block.top + (block.bottom - block.top) * 2 / block.lines
        return block.bottom
    return 0.0


def _runs_on(pages: list[Page], log: StoryLog) -> list[LayoutProblem]:
    spans: dict[str, list[int]] = {}
    units: dict[str, Unit] = {}
    for page in pages:
        for block in page.blocks:
            if block.unit is not None and block.unit.room:
                spans.setdefault(block.unit.key, [])
                if page.number not in spans[block.unit.key]:
                    spans[block.unit.key].append(page.number)
                units[block.unit.key] = block.unit
    problems = []
    for key, numbers in spans.items():
        if len(numbers) > 1:
            problems.append(
                LayoutProblem(
                    RUNS_ON,
                    numbers[0],
                    units[key],
                    f"'{units[key].title}' did not fit one page: it runs over "
                    f"{len(numbers)} pages (from page {numbers[0]})",
                    len(numbers),
                )
            )
    return problems
