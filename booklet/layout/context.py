"""Per-build state shared by the section builders: content, theme, labels, placed images."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.platypus import Paragraph

from booklet.content.inline import escape, paragraphs, to_markup
from booklet.content.model import Content
from booklet.layout.flowables.even import EvenParagraph
from booklet.layout.labels import Labels
from booklet.theme import Theme


@dataclass(frozen=True)
class PlacedImage:
    """A processed image file and the size (points) it is drawn at."""

    file: Path
    width: float
    height: float


@dataclass
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

    def markup(self, text: str, link_colour: str | None = None) -> str:
        """Content text as safe ReportLab markup, with this edition's quotation marks."""
        colour = link_colour or self.theme.palette.hex["accent"]
        return to_markup(text, colour, self.labels["quotes"])

    def para(self, text: str, style: str) -> Paragraph:
        """One paragraph of content text (inline markup allowed, everything else escaped)."""
        return EvenParagraph(self.markup(text), self.theme.styles[style])  # copy-fit: no runts

    def paras(self, text: str, style: str) -> list[Paragraph]:
        """Content text split at blank lines into paragraphs."""
        return [self.para(block, style) for block in paragraphs(text)]

    def label(self, text: str, style: str) -> Paragraph:
        """A fixed string from the label table: escaped, no inline markup."""
        return Paragraph(escape(text), self.theme.styles[style])


def room_key(room_id: str) -> str:
    """PDF destination name of a room's page."""
    return f"room-{room_id}"
