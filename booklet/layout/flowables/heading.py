"""Headings that know their place in the table of contents, the outline and the footer."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from booklet.content.model import Located
from booklet.layout import tagging


class Heading(Paragraph):
    """A paragraph that becomes a TOC entry, a bookmark and (level 0) the footer's section name.

    `key` is the PDF destination name, so the TOC, the plan and cross-references can link to it.
    """

    def __init__(
        self,
        markup: str,
        style: ParagraphStyle,
        *,
        title: str,
        key: str,
        level: int = 0,
        section: str | None = None,
        in_toc: bool = True,
        where: Located | None = None,
    ) -> None:
        super().__init__(markup, style)
        tagging.tag(self, f"H{min(level, 5) + 1}")  # tagging: outline level 0 is H1
        self.where = where
        self.title = title
        self.key = key
        self.level = level
        self.section = section
        self.in_toc = in_toc


class Anchor(Flowable):
    """An invisible heading: for sections whose visible title is drawn by another flowable."""

    def __init__(
        self,
        *,
        title: str,
        key: str,
        level: int = 0,
        section: str | None = None,
        in_toc: bool = True,
        where: Located | None = None,
    ) -> None:
        super().__init__()
        self.where = where
        self.title = title
        self.key = key
        self.level = level
        self.section = section
        self.in_toc = in_toc
        self.keepWithNext = True

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass


class Marker(Flowable):
    """Invisible: tells the document which content field the following flowables come from,
    so a block that cannot be laid out is reported against the right line."""

    def __init__(self, where: Located) -> None:
        super().__init__()
        self.where = where

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        pass
