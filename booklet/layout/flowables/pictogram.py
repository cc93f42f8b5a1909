"""A room pictogram or tip icon as a flowable, for rooms without a photograph."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from booklet.layout.art.pictograms import Ink, draw_pictogram


class PictogramPanel(Flowable):
    """A tinted panel the width of the column with the room's pictogram centred in it."""

    def __init__(self, name: str, height: float, ink: Ink, panel: Color, radius: float) -> None:
        super().__init__()
        self.name = name
        self.panel_height = height
        self.ink = ink
        self.panel = panel
        self.radius = radius

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.panel_height
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.panel)
        canvas.roundRect(0, 0, self.width, self.height, self.radius, stroke=0, fill=1)
        canvas.restoreState()
        size = self.height * 0.78
        draw_pictogram(
            canvas, self.name, (self.width - size) / 2, (self.height - size) / 2, size, self.ink
        )
