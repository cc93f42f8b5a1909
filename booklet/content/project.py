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
from booklet.content.label_files import MUSEUM_FOLDER, read_museum_tables
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
    museum_labels: MuseumTables
    """The museum's own tables of fixed words (labels/xx.yaml beside the content), by name."""

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
        edition = read_content(self.root, self.file, language, museum_labels=self.museum_labels)
        return _with_labels(edition, self.file, self.museum_labels)


def load_project(path: Path, *, decode_images: bool = False) -> Project:
    """Read, parse and validate `path` once; raise ContentError with every problem found.

    `decode_images` decodes every photo in full (for `check`); otherwise only headers are read
    and damaged image data is reported, with its line, when the photos are prepared."""
    root = load_source(read_bounded(path, MAX_INPUT_BYTES), path.name)
    file = path.resolve()
    museum = read_museum_tables(file.parent)
    source = read_content(root, file, None, decode_images, museum_labels=museum)
    editions = {source.language: _with_labels(source, path, museum)}
    for language in source.booklet.translations:
        edition = read_content(root, file, language, museum_labels=museum)
        editions[language] = _with_labels(edition, path, museum)
    return Project(file, root, editions, missing_glyphs(root, path.name), museum)


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
    inputs.update((folder / MUSEUM_FOLDER).glob("*.yaml"))
    return inputs
