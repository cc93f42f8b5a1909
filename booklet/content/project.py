"""Stage 1, load: the content file read once, into everything the later stages need.

`load_project` reads the file (bounded), parses it into nodes that remember their lines,
validates every edition into a read-only `Content`, collects each edition's untranslated
texts and the characters the fonts lack. Every command starts here and hands the `Project`
on; nothing after this reads content.yaml again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from booklet.content.errors import Problem
from booklet.content.glyphs import missing_glyphs
from booklet.content.model import Content, read_content
from booklet.content.source import MAX_INPUT_BYTES, Node, load_source, read_bounded
from booklet.labels import label_languages


@dataclass(frozen=True)
class Project:
    """A content file, loaded and validated in every language it has."""

    file: Path
    root: Node
    editions: dict[str, Content]
    """Every edition by language, the content's own language first."""
    missing_glyphs: tuple[Problem, ...]

    @property
    def source(self) -> Content:
        """The edition in the content's own language."""
        return next(iter(self.editions.values()))

    @property
    def languages(self) -> list[str]:
        return list(self.editions)

    def edition(self, language: str | None = None) -> Content:
        """One edition (None: the content's own); a ContentError naming the editions there
        are when the content has none in `language`."""
        if language is None:
            return self.source
        if language in self.editions:
            return self.editions[language]
        # Validating for a language the content lacks reports it, with the editions it has.
        return _with_labels(read_content(self.root, self.file, language), self.file)


def load_project(path: Path, *, decode_images: bool = False) -> Project:
    """Read, parse and validate `path` once; raise ContentError with every problem found.

    `decode_images` decodes every photo in full (for `check`); otherwise only headers are read
    and damaged image data is reported, with its line, when the photos are prepared."""
    root = load_source(read_bounded(path, MAX_INPUT_BYTES), path.name)
    file = path.resolve()
    source = _with_labels(read_content(root, file, None, decode_images), path)
    editions = {source.language: source}
    for language in source.booklet.translations:
        editions[language] = _with_labels(read_content(root, file, language), path)
    return Project(file, root, editions, missing_glyphs(root, path.name))


def _with_labels(content: Content, path: Path) -> Content:
    """An edition in a language booklet has no fixed words for ("Contents", month names)
    counts as untranslated: it would print them in English."""
    known = label_languages()
    if content.language in known:
        return content
    where = content.booklet.language_lines.get(content.language)
    own = content.language == content.booklet.language
    problem = Problem(
        path.name, where, "booklet.language" if own else "booklet.translations",
        f"booklet has no '{content.language}' table of fixed words (Contents, month names, "
        f"...); it has {', '.join(known)}",
    )  # fmt: skip
    return replace(content, untranslated=(problem, *content.untranslated))
