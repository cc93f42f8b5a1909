"""`theme.fonts`: the museum's own TrueType files, read from the content folder and checked.

A museum whose names or texts are in a script the bundled fonts lack (Arabic, Hebrew, CJK), or
that has a house typeface, names its files here:

    theme:
      fonts:
        heading: {regular: fonts/OpenSans-Regular.ttf, bold: fonts/OpenSans-Bold.ttf}
        fallback: [fonts/NotoSansArabic-Regular.ttf]

`body` sets the running text (the bundled Noto Serif otherwise), `heading` the titles, labels
and captions (Noto Sans otherwise); `fallback` fonts set only the characters the others lack,
so an Arabic room name can print in an English booklet. Each file is checked here (TrueType
outlines, a licence that allows embedding), so a bad font is a line-numbered problem before
anything is laid out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from booklet.content.font_files import (
    FACES,
    ROLES,
    FontProblem,
    FontReport,
    FontSetReport,
    inspect_font,
)
from booklet.content.paths import resolve_content_file
from booklet.content.reader import Reader
from booklet.content.source import Node

MAX_FALLBACKS = 4


@dataclass(frozen=True)
class FontChoice:
    """The museum's faces by field ("heading.bold" -> file) and its fallback files, in order."""

    faces: dict[str, Path] = field(default_factory=dict)
    fallback: tuple[Path, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.faces or self.fallback)

    def stand_ins(self) -> list[str]:
        """ "theme.fonts.heading has no bold face; ..." for each face a given family lacks."""
        notes = []
        for role in ROLES:
            given = self.role(role)
            lacking = [face.replace("_", " ") for face in FACES if given and face not in given]
            if lacking:
                notes.append(
                    f"theme.fonts.{role} has no {_listed(lacking)} face; "
                    f"{role} text in {'those styles' if len(lacking) > 1 else 'that style'} "
                    "is set in its regular face"
                )
        return notes

    def role(self, role: str) -> dict[str, Path]:
        """The faces given for "body" or "heading", by face ("regular", "bold")."""
        prefix = role + "."
        return {k.removeprefix(prefix): v for k, v in self.faces.items() if k.startswith(prefix)}


def _listed(words: list[str]) -> str:
    """ "italic, bold or bold italic" """
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def read_fonts(r: Reader, node: Node | None, base: Path) -> FontChoice:
    """Read `theme.fonts`; every unusable file is a problem at its own line."""
    f = r.fields(node, "theme.fonts", (), (*ROLES, "fallback"))
    files: dict[str, Path] = {}
    lines: dict[str, int | None] = {}
    for role in ROLES:
        if role not in f:
            continue
        given = r.fields(f[role], f"theme.fonts.{role}", ("regular",), FACES[1:])
        for face, face_node in given.items():
            path = _font_file(r, face_node, f"theme.fonts.{role}.{face}", base)
            if path is not None:
                files[f"{role}.{face}"] = path
                lines[f"{role}.{face}"] = face_node.line
    fallback: list[Path] = []
    for path_name, item in r.items(f.get("fallback"), "theme.fonts.fallback", 1, MAX_FALLBACKS):
        path = _font_file(r, item, path_name, base)
        if path is not None:
            key = path_name.removeprefix("theme.fonts.")
            files[key] = path
            lines[key] = item.line
            fallback.append(path)
    problems = {}
    for key, path in files.items():
        try:
            _inspected(path)
        except FontProblem as exc:
            problems[key] = f"{path.name} {exc}"
            r.problem(lines[key], f"theme.fonts.{key}", problems[key])
    faces = {k: v for k, v in files.items() if not k.startswith("fallback") and k not in problems}
    usable = tuple(p for i, p in enumerate(fallback) if f"fallback[{i}]" not in problems)
    return FontChoice(faces, usable)


def font_report(choice: FontChoice) -> FontSetReport:
    """What each of the museum's faces covers, for `check` to report."""
    files = dict(choice.faces)
    files.update({f"fallback[{i}]": path for i, path in enumerate(choice.fallback)})
    return FontSetReport({key: _inspected(path) for key, path in files.items()})


def _font_file(r: Reader, node: Node, path: str, base: Path) -> Path | None:
    name = r.string(node, path, 300)
    if not name:
        return None
    resolved, problem = resolve_content_file(base, name)
    if problem:
        r.problem(node.line, path, problem)
        return None
    return resolved


@functools.lru_cache(maxsize=32)
def _inspected_at(path: Path, mtime: float, size: int) -> FontReport:
    return inspect_font(path)


def _inspected(path: Path) -> FontReport:
    info = path.stat()
    return _inspected_at(path, info.st_mtime, info.st_size)
