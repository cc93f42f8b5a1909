"""The table of contents: clickable entries with page numbers filled in by ReportLab's passes."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from booklet.layout.context import LayoutContext
from booklet.layout.flowables.heading import Anchor


def build(ctx: LayoutContext) -> list[Flowable]:
    styles = ctx.theme.styles
    title = ctx.labels["contents"]
    toc = TableOfContents(
        dotsMinLevel=0,
        tableStyle=TableStyle(
            [
                # Without FONT the TOC's table selects Helvetica, a base-14 font.
                ("FONT", (0, 0), (-1, -1), ctx.theme.fonts.sans, styles["toc.1"].fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    toc.levelStyles = [styles["toc.1"], styles["toc.2"]]
    return [
        PageBreak(),
        Anchor(title=title, key="section-contents", section=title, in_toc=False),
        ctx.label(title, "h1"),
        toc,
    ]
