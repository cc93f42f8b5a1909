"""The table of contents: clickable entries whose page numbers are drawn after the layout pass."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.flowables.contents import FittingContents
from booklet.layout.flowables.heading import Anchor
from booklet.layout.keys import section_key
from booklet.theme.styles import index_table_style


def build(ctx: LayoutContext) -> list[Flowable]:
    styles = ctx.theme.styles
    title = ctx.labels["contents"]
    toc = FittingContents(
        (index_table_style(styles["toc.1"]), [styles["toc.1"], styles["toc.2"]]),
        (index_table_style(styles["toc.1"]), [styles["toc.1.compact"], styles["toc.2"]]),
        frame_height=ctx.theme.paper.frame_height,  # copy-fit: no stub continuation page
        dotsMinLevel=0,
    )  # fmt: skip
    return [
        PageBreak(),
        Anchor(title=title, key=section_key("contents"), section=title, in_toc=False),
        tagging.tag(ctx.label(title, "h1"), "H1"),
        toc,
    ]
