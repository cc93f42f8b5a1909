"""Small helpers every section uses: the section opener and the look of drawn pictograms."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, Table, TableStyle

from booklet.content.inline import escape
from booklet.content.model import Located
from booklet.layout import tagging
from booklet.layout.art.pictograms import Ink
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.heading import Heading
from booklet.layout.keys import section_key


def opener(
    ctx: LayoutContext,
    name: str,
    title: str,
    kicker: str = "",
    min_space: float = 0,
    field: str | None = None,
) -> list[Flowable]:
    """Start a section: on a new page, or after the previous one if `min_space` (a share of
    the page height) is still free; then optional kicker, the title (a TOC entry) and space."""
    styles = ctx.theme.styles
    story: list[Flowable] = [
        CondPageBreak(ctx.theme.paper.frame_height * min_space) if min_space else PageBreak()
    ]
    if kicker:
        story.append(ctx.label(kicker.upper(), "kicker"))
    field = field or name
    where = Located(ctx.content.section_lines.get(field.split(".")[0]), field)
    story.append(
        Heading(
            escape(title),
            styles["h1"],
            title=title,
            key=section_key(name),
            section=title,
            where=where,
        )
    )
    story.append(Spacer(1, ctx.theme.size(2)))
    return story


def ink(ctx: LayoutContext) -> Ink:
    palette = ctx.theme.palette
    return Ink(line=palette.ink, accent=palette.accent, fill=palette.tint(palette.muted, 0.12))


def grid(
    ctx: LayoutContext,
    rows: list[list[object]],
    widths: list[float | None],
    *commands: tuple[object, ...],
    valign: str = "TOP",
    heights: list[float] | None = None,
    structure: tagging.TableTags | None = None,
) -> Table:
    """A borderless layout table with no padding, in the theme's font.

    Setting FONT matters: a Table otherwise selects Helvetica for its cells even when every
    cell is a Paragraph, and that puts a base-14 font into the PDF.

    Tagged PDF: each flowable in a cell keeps its own role (a layout grid is no table to a
    reader); with `structure` the grid is a real table of rows and cells.
    """
    cells = [[_tagged(cell) for cell in row] for row in rows]
    table = Table(cells, colWidths=widths, rowHeights=heights, hAlign="LEFT", splitInRow=1,
                  renderCB=structure)  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), ctx.theme.fonts.sans, ctx.theme.styles["body"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), valign),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )
    )
    return table


def _tagged(cell: object) -> object:
    if isinstance(cell, Flowable):
        return tagging.Tagged(cell)
    if isinstance(cell, list | tuple):
        return [tagging.Tagged(f) if isinstance(f, Flowable) else f for f in cell]
    return cell


def display_url(url: str) -> str:
    """The address as a reader would type it: no scheme, no trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")
