"""Preflight: the checks a print shop would make, on the content and on the laid-out booklet.

Each check says where the problem is in content.yaml (line and field) and, where it helps,
on which page. Some checks read the content (glyph coverage, links, alt text); others need the
rendered booklet (pages, image resolution at the placed size, text that does not fit).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from booklet.content.glyphs import missing_glyphs
from booklet.content.inline import links, url_problem
from booklet.content.model import Content
from booklet.content.photos import inspect_image
from booklet.content.source import STR_TAG, Node
from booklet.layout.context import LayoutContext, room_key
from booklet.layout.render import Rendered
from booklet.layout.sections.cover import COVER_PHOTO, title_overflow
from booklet.words import counted

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
        *check_glyphs(root, ctx),
        *check_links(root, ctx.content),
        *check_images(ctx, rendered),
        *check_fit(root, ctx, rendered),
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


def check_glyphs(root: Node, ctx: LayoutContext) -> list[Finding]:
    """Characters none of the theme's fonts has, one finding per field."""
    content = ctx.content
    problems = missing_glyphs(root, content.file.name, ctx.theme.fonts.covered)
    return [Finding(ERROR, "glyphs", _where(content, p.line, p.field), p.message) for p in problems]


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
    # Each photo, where it was placed and on which page. (A cover photo is cropped to fill its
    # box: its limiting side, the smaller of the two scales below, is the one kept whole.)
    photos = [(room.image, ctx.images.get(room.id), rendered.key_pages.get(room_key(room.id)))
              for room in ctx.content.rooms]  # fmt: skip
    photos.append((ctx.content.booklet.cover.image, ctx.images.get(COVER_PHOTO), 1))
    for image, placed, page in photos:
        if image is None or placed is None:
            continue
        where = _where(ctx.content, image.where.line, image.where.field)
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
        if not image.alt:
            # The tagged PDF still describes the photo, but only as well as this fallback.
            heard = "its caption" if image.caption else "only the room's name"
            findings.append(
                Finding(
                    WARNING, "alt text", where,
                    f"{image.path.name} has no alt text; a screen reader hears {heard} instead",
                )
            )  # fmt: skip
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
    # Headings in document order: a room runs until the next heading of any kind starts.
    order = list(rendered.key_pages.items())
    following = {key: order[i + 1][1] if i + 1 < len(order) else rendered.pages
                 for i, (key, _) in enumerate(order)}  # fmt: skip
    for room in ctx.content.rooms:
        key = room_key(room.id)
        start, end = rendered.key_pages.get(key), following.get(key)
        if start and end and end - start > 1:
            where = _where(ctx.content, room.where.line, room.where.field)
            findings.append(
                Finding(
                    WARNING,
                    "fit",
                    where,
                    f"'{room.name}' runs over {counted(end - start, 'page')} (from page "
                    f"{start}); shorten its text to keep it on one page",
                )
            )
    return findings


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
                f"{unpadded} pages: the last sheet carries only {counted(spill, 'page')} "
                f"of content and {counted(padding, 'spare page')}; trimming "
                f"{counted(spill, 'page')} of text would save a sheet",
            )
        )
    findings.append(
        Finding(
            INFO,
            "pages",
            f"{rendered.pages} pages",
            f"{unpadded} pages of content + {padding} spare = {rendered.pages} "
            f"({counted(rendered.pages // 4, 'sheet')} folded)"
            if rendered.pages % 4 == 0
            else f"{rendered.pages} pages (not a multiple of 4; build with --profile print to pad)",
        )
    )
    return findings


def check_qr(root: Node, content: Content) -> list[Finding]:
    field = "museum.website"
    node = _find(root, field)
    if node is not None and node.is_mapping:  # one URL per edition: name this edition's
        language = content.language if content.language in node.value else content.booklet.language
        field, node = f"{field}.{language}", node.value.get(language)
    where = _where(content, node.line if node else None, field)
    return [Finding(INFO, "qr code", where, f"encodes {content.museum.website}")]
