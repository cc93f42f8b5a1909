"""Label/value rows for practical facts, with the mark for details that change."""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable, Paragraph

from booklet.content.inline import escape
from booklet.content.model import Museum
from booklet.labels import Labels
from booklet.layout import tagging
from booklet.layout.context import LayoutContext
from booklet.layout.sections.common import grid

VERIFY_MARK = "†"


def fact_rows(
    ctx: LayoutContext, facts: Iterable[tuple[str, str, list[str]]], verify: frozenset[str]
) -> list[Flowable]:
    """A two-column table: small accent labels left, values (lines) right; skips empty ones."""
    styles = ctx.theme.styles
    data = []
    for field, label, lines in facts:
        lines = [line for line in lines if line]
        if not lines:
            continue
        markup = "<br/>".join(ctx.markup(line) for line in lines)
        if field in verify:
            markup += verify_mark(ctx)
        data.append(
            [Paragraph(escape(label.upper()), styles["label"]), Paragraph(markup, styles["value"])]
        )
    if not data:
        return []
    label_width = ctx.theme.size(78)
    pad = ctx.theme.size(2.5)
    table = grid(
        ctx,
        data,
        [label_width, None],
        ("RIGHTPADDING", (0, 0), (0, -1), ctx.theme.size(6)),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        structure=tagging.TableTags(header_columns=1),
    )
    return [table]


def verify_mark(ctx: LayoutContext) -> str:
    """The † after a detail that changes, as markup; a no-break space keeps it on the line."""
    accent = ctx.theme.palette.hex["accent"]
    return f'\u00a0<font color="{accent}">{VERIFY_MARK}</font>'


def verify_note(ctx: LayoutContext, verify: frozenset[str]) -> Paragraph | None:
    if not verify:
        return None
    accent = ctx.theme.palette.hex["accent"]
    text = escape(ctx.labels["verify_mark"])
    return Paragraph(
        f'<font color="{accent}">{VERIFY_MARK}</font> {text}', ctx.theme.styles["note"]
    )


def opening_hours(museum: Museum, labels: Labels) -> list[str]:
    """ "Tuesday to Sunday: 10:00 AM–5:00 PM", times as the edition's locale writes them."""
    return [h.line(labels) for h in museum.hours]
