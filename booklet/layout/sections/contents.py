"""The table of contents: clickable entries with page numbers filled in by ReportLab's passes."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from booklet.layout.context import LayoutContext
from booklet.layout.flowables.heading import Anchor
from booklet.layout.flowables.index import Contents
from booklet.theme.styles import index_table_style


def build(ctx: LayoutContext) -> list[Flowable]:
    styles = ctx.theme.styles
    title = ctx.labels["contents"]
    toc = Contents(  # copy-fit: its continuation page carries a third of a page
        ctx.theme.paper.frame_height,
        dotsMinLevel=0,
        tableStyle=index_table_style(styles["toc.1"]),
    )
    toc.levelStyles = [styles["toc.1"], styles["toc.2"]]
    return [
        PageBreak(),
        Anchor(title=title, key="section-contents", section=title, in_toc=False),
        ctx.label(title, "h1"),
        toc,
    ]
