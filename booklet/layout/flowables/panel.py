"""Boxes with a tinted background: the "look for" box, tip cards, the at-a-glance panel."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from booklet.layout import tagging

IconDrawer = Callable[[Canvas, float, float, float], None]


class Panel(Flowable):
    """Flowables stacked in a padded, rounded, tinted box; an optional icon beside the first.

    A panel taller than the space left splits between its flowables (and inside a paragraph
    if it must), continuing in a second panel of the same look on the next page.
    """

    def __init__(
        self,
        content: Sequence[Flowable],
        *,
        background: Color,
        padding: float,
        radius: float,
        rule: Color | None = None,
        icon: IconDrawer | None = None,
        icon_size: float = 0,
        min_height: float = 0,
        keep_whole: bool = False,
    ) -> None:
        super().__init__()
        self.content = list(content)
        self.background = background
        self.padding = padding
        self.radius = radius
        self.rule = rule
        self.icon = icon
        self.icon_size = icon_size
        self.min_height = min_height
        self.keep_whole = keep_whole  # never split: moves to the next page whole
        self._sizes: list[tuple[float, float]] = []
        self.continues = self.continued = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        inner = available_width - 2 * self.padding
        indent = self._icon_indent()
        self._sizes = [
            f.wrap(inner - (indent if index == 0 else 0), available_height)
            for index, f in enumerate(self.content)
        ]
        if self.content and self.icon:
            first_height = max(self._sizes[0][1], self.icon_size)
            self._sizes[0] = (self._sizes[0][0], first_height)
        height = sum(h for _, h in self._sizes)
        height += sum(f.getSpaceAfter() for f in self.content[:-1])
        self.width = available_width
        self.height = max(height + 2 * self.padding, self.min_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if self.keep_whole:
            return []
        inner = available_width - 2 * self.padding
        room = available_height - 2 * self.padding
        first: list[Flowable] = []
        for index, flowable in enumerate(self.content):
            width = inner - (self._icon_indent() if index == 0 else 0)
            _, height = flowable.wrap(width, room)
            if index == 0 and self.icon:
                height = max(height, self.icon_size)
            if height <= room:
                first.append(flowable)
                room -= height + flowable.getSpaceAfter()
                continue
            parts = tagging.carry(flowable, flowable.split(width, room))
            if len(parts) >= 2:
                first.append(parts[0])
                rest = [*parts[1:], *self.content[index + 1 :]]
            else:
                rest = self.content[index:]
            break
        else:
            return [self]
        if not first or not rest:
            return []
        head, tail = self._with(first, self.icon), self._with(rest, None)
        head.continues, tail.continued = True, True  # for the layout report
        tail.continues = self.continues
        return tagging.carry(self, [head, tail])

    def _with(self, content: list[Flowable], icon: IconDrawer | None) -> Panel:
        return Panel(
            content,
            background=self.background,
            padding=self.padding,
            radius=self.radius,
            rule=self.rule,
            icon=icon,
            icon_size=self.icon_size if icon else 0,
        )

    def draw(self) -> None:
        canvas = self.canv
        with tagging.artifact(canvas):
            canvas.saveState()
            canvas.setFillColor(self.background)
            canvas.roundRect(0, 0, self.width, self.height, self.radius, stroke=0, fill=1)
            if self.rule is not None:
                canvas.setFillColor(self.rule)
                canvas.rect(0, self.radius, 2.2, self.height - 2 * self.radius, stroke=0, fill=1)
            canvas.restoreState()
        y = self.height - self.padding
        if self.icon:
            with tagging.artifact(canvas):  # the card's title says what the icon shows
                self.icon(canvas, self.padding, y - self.icon_size, self.icon_size)
        for index, (flowable, (_, height)) in enumerate(
            zip(self.content, self._sizes, strict=True)
        ):
            y -= height
            if index == 0 and self.icon:
                # Title beside the icon, vertically centred on it.
                own_height = flowable.wrap(
                    self.width - 2 * self.padding - self._icon_indent(), height
                )[1]
                tagging.draw_on(
                    flowable, canvas, self.padding + self._icon_indent(),
                    y + (height - own_height) / 2,
                )  # fmt: skip
            else:
                tagging.draw_on(flowable, canvas, self.padding, y)
            y -= flowable.getSpaceAfter()

    def _icon_indent(self) -> float:
        return self.icon_size * 1.35 if self.icon else 0.0


class Row(Flowable):
    """Flowables side by side in equal columns, as tall as the tallest (for rows of cards)."""

    def __init__(self, cells: Sequence[Flowable], gap: float, space_after: float) -> None:
        super().__init__()
        self.cells = list(cells)
        self.gap = gap
        self.spaceAfter = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        columns = max(len(self.cells), 2)
        self.cell_width = (available_width - self.gap * (columns - 1)) / columns
        heights = [cell.wrap(self.cell_width, available_height)[1] for cell in self.cells]
        self.height = max(heights)
        for cell in self.cells:
            if isinstance(cell, Panel):
                cell.min_height = self.height
                cell.wrap(self.cell_width, available_height)
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        for index, cell in enumerate(self.cells):
            x = index * (self.cell_width + self.gap)
            tagging.draw_on(cell, self.canv, x, self.height - cell.height)
