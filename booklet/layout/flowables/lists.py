"""A bulleted list item whose bullet and text are separate elements (LI > Lbl, LBody).

A paragraph with a `<bullet>` draws both in one go, so a reader could not tell the label from
the item; here the bullet is drawn where ReportLab would draw it (the style's bullet font,
size and indent, on the first baseline) and the text is the paragraph itself.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from booklet.layout import tagging


class ListItem(Flowable):
    def __init__(
        self,
        body: Paragraph,
        bullet: str | None,
        colour: Color,
        text: tagging.Tag | None = None,
    ) -> None:
        super().__init__()
        self.body = body
        self.bullet = bullet
        self.colour = colour
        self.text = text or tagging.Tag("LBody")
        if text is None:
            tagging.tag(self, "LI")

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.body.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # The parts of an item split over two pages stay one LI and one LBody.
        parts = self.body.split(available_width, available_height)
        items = [ListItem(part, self.bullet if index == 0 else None, self.colour, self.text)
                 for index, part in enumerate(parts)]  # fmt: skip
        return tagging.carry(self, items)

    def getSpaceBefore(self) -> float:
        return float(self.body.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        canvas, style = self.canv, self.body.style
        if self.bullet:
            with tagging.element(canvas, tagging.Tag("Lbl")):
                canvas.setFont(style.bulletFontName, style.bulletFontSize)
                canvas.setFillColor(self.colour)
                canvas.drawString(style.bulletIndent, self.height - style.fontSize, self.bullet)
        with tagging.element(canvas, self.text):
            self.body.drawOn(canvas, 0, 0)
