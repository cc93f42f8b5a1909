"""What the section builders share for one typesetting: content, theme, labels, placed photos.

Built by typeset.py and read-only everywhere: a pass with spare pages or smaller photos is a
new context (`dataclasses.replace`), never a patched one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from booklet.content.inline import escape, paragraphs, to_markup
from booklet.content.model import Content
from booklet.labels import Labels
from booklet.layout.flowables.even import EvenParagraph
from booklet.layout.paragraph import Paragraph
from booklet.layout.rendered import PlacedImage
from booklet.theme.theme import Theme


def _no_wait(path: Path) -> None:
    pass


@dataclass(frozen=True)
class LayoutContext:
    content: Content
    theme: Theme
    labels: Labels
    images: dict[str, PlacedImage] = field(default_factory=dict)
    padding_pages: int = 0
    notes_only: bool = False
    # copy-fit: what the fitting step worked out once per build (a room's measured parts, the
    # history's pages), so the image pipeline and the passes do not work it out again.
    fitted: dict[object, object] = field(default_factory=dict)
    # Photos are prepared in the background while the layout goes on: drawing one waits for
    # its file (and raises ContentError if a photo could not be prepared).
    photo_ready: Callable[[Path], None] = _no_wait

    def markup(self, text: str, link_colour: str | None = None) -> str:
        """Content text as safe ReportLab markup, with this edition's quotation marks."""
        colour = link_colour or self.theme.palette.hex["accent"]
        return to_markup(text, colour, self.labels.quotes)

    def para(self, text: str, style: str) -> Paragraph:
        """One paragraph of content text (inline markup allowed, everything else escaped)."""
        return EvenParagraph(self.markup(text), self.theme.styles[style])  # copy-fit: no runts

    def paras(self, text: str, style: str) -> list[Paragraph]:
        """Content text split at blank lines into paragraphs."""
        return [self.para(block, style) for block in paragraphs(text)]

    def label(self, text: str, style: str) -> Paragraph:
        """A fixed string from the label table: escaped, no inline markup."""
        return Paragraph(escape(text), self.theme.styles[style])
