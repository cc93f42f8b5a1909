"""Stage 1, load: the content file read once, into everything the later stages need.

`load_project` reads the file (bounded), parses it into nodes that remember their lines,
validates every edition into a read-only `Content`, collects each edition's untranslated
texts and the characters the content's fonts (`theme.fonts`, or the bundled ones) lack.
Every command starts here and hands the `Project` on; nothing after this reads content.yaml
again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from booklet.content.errors import ContentError, Problem
from booklet.content.glyphs import covered, missing_glyphs, missing_in_words
from booklet.content.label_files import MUSEUM_FOLDER, MuseumLabels, read_museum_labels
from booklet.content.model import Content, read_content
from booklet.content.source import MAX_INPUT_BYTES, Node, load_source, read_bounded
from booklet.labels.tables import MuseumTables, missing_table_message


@dataclass(frozen=True)
class Project:
    """A content file, loaded and validated in every language it has."""

    file: Path
    root: Node
    editions: dict[str, Content]
    """Every edition by language, the content's own language first."""
    missing_glyphs: tuple[Problem, ...]
    """Printed texts (every translation) and every edition's fixed words with characters
    none of the booklet's fonts has."""
    museum_labels: MuseumTables
    """The museum's own tables of fixed words (labels/xx.yaml beside the content), by name."""
    drawable: frozenset[int] = frozenset()
    """Code points the booklet's fonts can draw."""
    museum_label_lines: dict[str, dict[str, int]] = field(default_factory=dict)

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
        # An edition in a language the content lacks is one untranslated whole (printed in the
        # content's own texts with --allow-fallback), if booklet or the museum has its words.
        edition = read_content(self.root, self.file, language, museum_labels=self.museum_labels)
        if missing_table_message(language, self.museum_labels):
            raise ContentError(list(edition.untranslated))  # neither its texts nor its words
        return edition

    def glyph_problems(self, languages: list[str]) -> list[Problem]:
        """`missing_glyphs`, and the fixed words of the editions `languages` the content has
        no texts for (built with --allow-fallback)."""
        problems = list(self.missing_glyphs)
        for language in languages:
            if language in self.editions:
                continue
            for problem in missing_in_words(
                language, self.drawable, self.museum_labels, self.museum_label_lines
            ):
                if problem not in problems:
                    problems.append(problem)
        return problems


def load_project(path: Path, *, decode_images: bool = False) -> Project:
    """Read, parse and validate `path` once; raise ContentError with every problem found.

    `decode_images` decodes every photo in full (for `check`); otherwise only headers are read
    and damaged image data is reported, with its line, when the photos are prepared."""
    root = load_source(read_bounded(path, MAX_INPUT_BYTES), path.name)
    file = path.resolve()
    labels = read_museum_labels(file.parent)
    museum = labels.tables
    source = read_content(root, file, None, decode_images, museum_labels=museum)
    editions = {source.language: _with_labels(source, path, museum)}
    for language in source.booklet.translations:
        edition = read_content(root, file, language, museum_labels=museum)
        editions[language] = _with_labels(edition, path, museum)
    drawable = covered(source.theme.fonts)
    glyphs = _missing_glyphs(root, path.name, list(editions), drawable, labels)
    return Project(file, root, editions, glyphs, museum, drawable, labels.lines)


def _missing_glyphs(
    root: Node, file_name: str, languages: list[str], drawable: frozenset[int],
    labels: MuseumLabels,
) -> tuple[Problem, ...]:  # fmt: skip
    """Characters no font has, in the content's texts and in each edition's fixed words."""
    problems = list(missing_glyphs(root, file_name, drawable))
    for language in languages:
        for problem in missing_in_words(language, drawable, labels.tables, labels.lines):
            if problem not in problems:
                problems.append(problem)
    return tuple(problems)


def _with_labels(content: Content, path: Path, museum: MuseumTables) -> Content:
    """An edition in a language with no table of fixed words ("Contents", "Opening hours"),
    from booklet or the museum's labels/ folder, counts as untranslated: it would print them
    in English."""
    missing = missing_table_message(content.language, museum)
    if not missing:
        return content
    where = content.booklet.language_lines.get(content.language)
    own = content.language == content.booklet.language
    field = "booklet.language" if own else "booklet.translations"
    problem = Problem(path.name, where, field, missing)
    return replace(content, untranslated=(problem, *content.untranslated))


def project_inputs(project: Project) -> set[Path]:
    """Every file a build of `project` reads, and the museum label tables it would read if
    they appeared: what watch mode watches."""
    folder = project.file.parent
    inputs = {project.file}
    for edition in project.editions.values():
        images = [room.image for room in edition.rooms]
        images.append(edition.booklet.cover.image)
        inputs.update(image.path for image in images if image is not None)
        inputs.add(folder / MUSEUM_FOLDER / f"{edition.language}.yaml")
        inputs.update(edition.theme.fonts.files().values())
    inputs.update((folder / MUSEUM_FOLDER).glob("*.yaml"))
    return inputs
