"""A QR code flowable (ReportLab's own encoder) in the theme's ink colour."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

MAX_QR_PAYLOAD = 1000


class QrCode(Flowable):
    def __init__(self, payload: str, size: float, colour: Color) -> None:
        super().__init__()
        widget = QrCodeWidget(payload, barLevel="M")
        widget.barFillColor = colour
        widget.barStrokeColor = colour
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        self.drawing = drawing
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.drawing.drawOn(self.canv, 0, 0)
