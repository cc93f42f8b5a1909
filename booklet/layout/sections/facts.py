"""Label/value rows for practical facts, with the mark for details that change."""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from booklet.content.inline import to_markup
from booklet.layout.context import LayoutContext
from booklet.layout.sections.common import grid

VERIFY_MARK = "†"


def fact_rows(
    ctx: LayoutContext, facts: Iterable[tuple[str, str, str]], verify: frozenset[str]
) -> list[Flowable]:
    """A two-column table: small accent labels left, values right; skips empty values."""
    styles = ctx.theme.styles
    accent = ctx.theme.palette.hex["accent"]
    data = []
    for field, label, value in facts:
        if not value:
            continue
        lines = [to_markup(line, accent) for line in value.split("\n")]
        markup = "<br/>".join(lines)
        if field in verify:
            markup += f' <font color="{accent}">{VERIFY_MARK}</font>'
        data.append([Paragraph(escape(label.upper()), styles["label"]), Paragraph(markup, styles["value"])])
    if not data:
        return []
    label_width = ctx.theme.size(78)
    pad = ctx.theme.size(2.5)
    table = grid(ctx, data, [label_width, None],  # type: ignore[arg-type]
                 ("RIGHTPADDING", (0, 0), (0, -1), ctx.theme.size(6)),
                 ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad))  # fmt: skip
    return [table]


def verify_note(ctx: LayoutContext, verify: frozenset[str]) -> Paragraph | None:
    if not verify:
        return None
    accent = ctx.theme.palette.hex["accent"]
    text = escape(ctx.labels["verify_mark"])
    return Paragraph(f'<font color="{accent}">{VERIFY_MARK}</font> {text}', ctx.theme.styles["note"])
