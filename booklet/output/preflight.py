"""Preflight: the checks a print shop would make, on the content and on the laid-out booklet.

Each check says where the problem is in content.yaml (line and field) and, where it helps,
on which page. Some checks read the content (glyph coverage, links, alt text); others need the
rendered booklet (pages, image resolution at the placed size, text that does not fit).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics

from booklet.content.errors import printable
from booklet.content.inline import links, url_problem
from booklet.content.model import Content
from booklet.content.photos import inspect_image
from booklet.content.source import STR_TAG, Node
from booklet.layout.context import LayoutContext, room_key
from booklet.layout.measure import Unit
from booklet.layout.render import Rendered
from booklet.layout.report import RUNS_ON, check_story
from booklet.layout.sections.cover import title_overflow
from booklet.theme.fonts import FACE_NAMES

ERROR, WARNING, INFO = "error", "warning", "info"
MAX_NAMED = 3
PRINT_DPI_WARNING = 200
PRINT_DPI_ERROR = 100


@dataclass(frozen=True)
class Finding:
    severity: str
    check: str
    where: str
    message: str


def preflight(root: Node, ctx: LayoutContext, rendered: Rendered, unpadded: int) -> list[Finding]:
    """Every finding for one edition, errors first."""
    findings = [
        *check_glyphs(root, ctx.content),
        *check_links(root, ctx.content),
        *check_images(ctx, rendered),
        *check_fit(root, ctx, rendered),
        *check_layout(ctx, rendered),
        *check_pages(rendered, unpadded),
        *check_qr(root, ctx.content),
    ]
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    return sorted(findings, key=lambda f: order[f.severity])


def _where(content: Content, line: int | None, field: str) -> str:
    location = f"{content.file.name}:{line}" if line else content.file.name
    return f"{location}: {field}" if field else location


def _scalars(node: Node, path: str = "") -> Iterator[tuple[str, Node]]:
    """Every text scalar in the tree with its dotted path."""
    if node.is_mapping:
        for key, child in node.value.items():
            yield from _scalars(child, f"{path}.{key}" if path else key)
    elif node.is_sequence:
        for index, child in enumerate(node.value):
            yield from _scalars(child, f"{path}[{index}]")
    elif node.tag == STR_TAG or node.quoted:
        yield path, node


def _find(root: Node, path: str) -> Node | None:
    node: Node | None = root
    for part in path.replace("[", ".[").split("."):
        if node is None or not part:
            continue
        if part.startswith("["):
            index = int(part[1:-1])
            node = node.value[index] if node.is_sequence and index < len(node.value) else None
        else:
            node = node.value.get(part) if node.is_mapping else None
    return node


def _covered() -> set[int]:
    """Code points every bundled face can draw: a character must work in any style."""
    faces = [pdfmetrics.getFont(name).face.charToGlyph for name in FACE_NAMES]
    common = set(faces[0])
    for cmap in faces[1:]:
        common &= set(cmap)
    return common


def check_glyphs(root: Node, content: Content) -> list[Finding]:
    covered = _covered()
    findings = []
    for path, node in _scalars(root):
        missing = sorted({c for c in node.value if c not in "\n\t" and ord(c) not in covered})
        if not missing:
            continue
        # One finding per field, naming a few characters: a paragraph in another script
        # must not become thousands of lines.
        named = ", ".join(f"'{printable(c)}' (U+{ord(c):04X})" for c in missing[:MAX_NAMED])
        more = f" and {len(missing) - MAX_NAMED} more" if len(missing) > MAX_NAMED else ""
        what = "character" if len(missing) == 1 else "characters"
        verb = "is" if len(missing) == 1 else "are"
        findings.append(
            Finding(
                ERROR,
                "glyphs",
                _where(content, node.line, path),
                f"{what} {named}{more} {verb} not in the bundled fonts; "
                "replace them or they print as blank boxes"
                if len(missing) > 1
                else f"{what} {named} {verb} not in the bundled fonts; "
                "replace it or it prints as a blank box",
            )
        )
    return findings


def check_links(root: Node, content: Content) -> list[Finding]:
    findings = []
    for path, node in _scalars(root):
        for link in links(node.value):
            problem = url_problem(link.url)
            if problem:
                findings.append(Finding(ERROR, "links", _where(content, node.line, path), problem))
    if not findings:
        findings.append(
            Finding(INFO, "links", content.file.name, "every link is http(s) or mailto")
        )
    return findings


def check_images(ctx: LayoutContext, rendered: Rendered) -> list[Finding]:
    findings = []
    printing = ctx.theme.profile.bleed
    for room in ctx.content.rooms:
        image, placed = room.image, ctx.images.get(room.id)
        if image is None or placed is None:
            continue
        where = _where(ctx.content, image.where.line, image.where.field)
        page = rendered.key_pages.get(room_key(room.id))
        info = inspect_image(image.path)
        dpi = round(min(info.width / (placed.width / 72), info.height / (placed.height / 72)))
        on_page = f" on page {page}" if page else ""
        if printing and dpi < PRINT_DPI_ERROR:
            findings.append(
                Finding(
                    ERROR,
                    "resolution",
                    where,
                    f"{image.path.name} is {dpi} dpi at its printed size"
                    f"{on_page}; print needs 200 or more",
                )
            )
        elif printing and dpi < PRINT_DPI_WARNING:
            findings.append(
                Finding(
                    WARNING,
                    "resolution",
                    where,
                    f"{image.path.name} is {dpi} dpi at its printed size"
                    f"{on_page}; it may print soft (200+ recommended)",
                )
            )
        if not image.alt and not image.caption:
            findings.append(
                Finding(WARNING, "alt text", where, f"{image.path.name} has no caption or alt text")
            )
    return findings


def check_fit(root: Node, ctx: LayoutContext, rendered: Rendered) -> list[Finding]:
    findings = []
    overflow = title_overflow(ctx)
    if overflow > 0:
        node = _find(root, "booklet.title")
        findings.append(
            Finding(
                ERROR,
                "fit",
                _where(ctx.content, node.line if node else None, "booklet.title"),
                f"the title block is {overflow:.0f} pt too tall for the cover; "
                "shorten the title or subtitle",
            )
        )
    # copy-fit: rooms that ran on, measured from the laid-out pages (layout/report.py).
    names = {room_key(room.id): room.name for room in ctx.content.rooms}
    for problem in check_story(rendered.log):
        if problem.rule != RUNS_ON or problem.unit is None:
            continue
        findings.append(
            Finding(
                WARNING,
                "fit",
                _unit_where(ctx.content, problem.unit),
                f"'{names.get(problem.unit.key, problem.unit.title)}' runs over {problem.span} "
                f"pages (from page "
                f"{problem.page}) even with a smaller picture and tighter spacing; shorten "
                "its text to keep it on one page",
            )
        )
    return findings


def check_layout(ctx: LayoutContext, rendered: Rendered) -> list[Finding]:
    """The typographic rules on the laid-out pages (layout/report.py): lone headings and
    boxes, widows, orphans, runts, short continuations, pages under-filled for no reason."""
    findings = [
        Finding(WARNING, "layout", _unit_where(ctx.content, problem.unit), problem.message)
        for problem in check_story(rendered.log)
        if problem.rule != RUNS_ON
    ]
    if not findings:
        findings.append(
            Finding(INFO, "layout", f"{rendered.pages} pages",
                    "no lone headings or boxes, widows, orphans, runts or short pages")
        )  # fmt: skip
    return findings


def _unit_where(content: Content, unit: Unit | None) -> str:
    """The content line of the section or room a layout problem is in."""
    if unit is None or unit.where is None:
        return content.file.name
    return _where(content, unit.where.line, unit.where.field)


def check_pages(rendered: Rendered, unpadded: int) -> list[Finding]:
    findings = []
    spill = unpadded % 4
    padding = (4 - spill) % 4  # what printing adds, whether or not this profile pads
    if spill in (1, 2):
        findings.append(
            Finding(
                WARNING,
                "pages",
                f"page {unpadded}",
                f"{unpadded} pages: the last sheet carries only {spill} page(s) "
                f"of content and {padding} spare pages; trimming {spill} page(s) "
                "of text would save a sheet",
            )
        )
    sheets = rendered.pages / 4
    findings.append(
        Finding(
            INFO,
            "pages",
            f"{rendered.pages} pages",
            f"{unpadded} pages of content + {padding} spare = {rendered.pages} "
            f"({sheets:g} sheets folded)"
            if rendered.pages % 4 == 0
            else f"{rendered.pages} pages (not a multiple of 4; build with --profile print to pad)",
        )
    )
    return findings


def check_qr(root: Node, content: Content) -> list[Finding]:
    node = _find(root, "museum.website")
    where = _where(content, node.line if node else None, "museum.website")
    return [Finding(INFO, "qr code", where, f"encodes {content.museum.website}")]
