"""A QR code flowable, drawn module by module from ReportLab's encoder.

Drawing the modules ourselves (rather than through a graphics Drawing) keeps the page free of
the Helvetica font state that ReportLab's drawing renderer always sets up.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

QUIET_ZONE = 2


class QrCode(Flowable):
    def __init__(self, payload: str, size: float, colour: Color) -> None:
        super().__init__()
        code = QRCode(None, QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        count = code.getModuleCount()
        self.dark = [(r, c) for r in range(count) for c in range(count) if code.isDark(r, c)]
        self.modules = count
        self.colour = colour
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        module = self.width / (self.modules + 2 * QUIET_ZONE)
        canvas.saveState()
        canvas.setFillColor(self.colour)
        path = canvas.beginPath()
        for row, col in self.dark:
            x = (col + QUIET_ZONE) * module
            y = self.height - (row + 1 + QUIET_ZONE) * module
            path.rect(x, y, module * 1.02, module * 1.02)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
