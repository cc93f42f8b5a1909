"""Preflight: the checks a print shop would make, on the content and on the laid-out booklet.

Each check says where the problem is in content.yaml (line and field) and, where it helps,
on which page. Some checks read the content (glyph coverage, links, alt text); others need the
rendered booklet (pages, image resolution at the placed size, text that does not fit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from booklet.content.inline import links, url_problem
from booklet.content.model import Content
from booklet.content.photos import inspect_image
from booklet.content.project import Project
from booklet.content.source import Node, text_scalars
from booklet.layout.keys import room_key
from booklet.layout.measure import Unit
from booklet.layout.rendered import COVER_PHOTO, Rendered
from booklet.layout.report import RUNS_ON, check_story
from booklet.words import counted

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
PRINT_DPI_WARNING = 200
PRINT_DPI_ERROR = 100


@dataclass(frozen=True)
class Finding:
    severity: str
    check: str
    where: str
    message: str


def preflight(project: Project, rendered: Mapping[str, Rendered]) -> list[Finding]:
    """Every finding for the editions typeset in `rendered` (by language), errors first.

    Findings of a translated edition name it ("[es] pages"); one the content checks find in
    every edition is listed once."""
    findings: list[Finding] = []
    for language, edition in rendered.items():
        for finding in check_edition(project, project.editions[language], edition):
            if finding in findings:
                continue
            if language != project.source.language:
                finding = replace(finding, check=f"[{language}] {finding.check}")
            findings.append(finding)
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def check_edition(project: Project, content: Content, rendered: Rendered) -> list[Finding]:
    """Every finding for one edition, errors first."""
    root = project.root
    findings = [
        *check_glyphs(project),
        *check_links(root, content),
        *check_images(content, rendered),
        *check_fit(root, content, rendered),
        *check_layout(content, rendered),
        *check_pages(rendered),
        *check_qr(root, content),
    ]
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def _where(content: Content, line: int | None, field: str) -> str:
    location = f"{content.file.name}:{line}" if line else content.file.name
    return f"{location}: {field}" if field else location


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


def check_glyphs(project: Project) -> list[Finding]:
    """Characters the fonts lack, found when the project loaded."""
    return [
        Finding(ERROR, "glyphs", f"{p.file}:{p.line}: {p.field}" if p.line else
                f"{p.file}: {p.field}", p.message)
        for p in project.missing_glyphs
    ]  # fmt: skip


def check_links(root: Node, content: Content) -> list[Finding]:
    findings = []
    for path, node in text_scalars(root):
        for link in links(node.value):
            problem = url_problem(link.url)
            if problem:
                findings.append(Finding(ERROR, "links", _where(content, node.line, path), problem))
    if not findings:
        findings.append(
            Finding(INFO, "links", content.file.name, "every link is http(s) or mailto")
        )
    return findings


def check_images(content: Content, rendered: Rendered) -> list[Finding]:
    findings = []
    printing = rendered.profile.bleed
    # Each photo, where it was placed and on which page. (A cover photo is cropped to fill its
    # box: its limiting side, the smaller of the two scales below, is the one kept whole.)
    photos = [(room.image, rendered.images.get(room.id), rendered.key_pages.get(room_key(room.id)))
              for room in content.rooms]  # fmt: skip
    photos.append((content.booklet.cover.image, rendered.images.get(COVER_PHOTO), 1))
    for image, placed, page in photos:
        if image is None or placed is None:
            continue
        where = _where(content, image.where.line, image.where.field)
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


def check_fit(root: Node, content: Content, rendered: Rendered) -> list[Finding]:
    findings = []
    overflow = rendered.title_overflow
    if overflow > 0:
        node = _find(root, "booklet.title")
        findings.append(
            Finding(
                ERROR,
                "fit",
                _where(content, node.line if node else None, "booklet.title"),
                f"the title block is {overflow:.0f} pt too tall for the cover; "
                "shorten the title or subtitle",
            )
        )
    # copy-fit: rooms that ran on, measured from the laid-out pages (layout/report.py).
    names = {room_key(room.id): room.name for room in content.rooms}
    for problem in check_story(rendered.log):
        if problem.rule != RUNS_ON or problem.unit is None:
            continue
        findings.append(
            Finding(
                WARNING,
                "fit",
                _unit_where(content, problem.unit),
                f"'{names.get(problem.unit.key, problem.unit.title)}' runs over "
                f"{counted(problem.span, 'page')} (from page {problem.page}) even with a "
                "smaller picture and tighter spacing; shorten its text to keep it on one page",
            )
        )
    return findings


def check_layout(content: Content, rendered: Rendered) -> list[Finding]:
    """The typographic rules on the laid-out pages (layout/report.py): lone headings and
    boxes, widows, orphans, runts, short continuations, pages under-filled for no reason."""
    findings = [
        Finding(WARNING, "layout", _unit_where(content, problem.unit), problem.message)
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


def check_pages(rendered: Rendered) -> list[Finding]:
    findings = []
    unpadded = rendered.unpadded_pages
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
    if not content.museum.website:
        return []  # no website, no QR code
    field = "museum.website"
    node = _find(root, field)
    if node is not None and node.is_mapping:  # one URL per edition: name this edition's
        language = content.language if content.language in node.value else content.booklet.language
        field, node = f"{field}.{language}", node.value.get(language)
    where = _where(content, node.line if node else None, field)
    return [Finding(INFO, "qr code", where, f"encodes {content.museum.website}")]
