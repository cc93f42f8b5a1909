"""The order of the booklet's sections. Adding a section is one module and one line here."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from booklet.layout.context import LayoutContext
from booklet.layout.sections import (
    back,
    contents,
    cover,
    history,
    nearby,
    padding,
    plan,
    practical,
    rooms,
    tips,
    welcome,
)

Section = Callable[[LayoutContext], list[Flowable]]

SECTIONS: tuple[Section, ...] = (
    cover.build,
    welcome.build,
    contents.build,
    history.build,
    history.build_timeline,
    plan.build,
    rooms.build,
    tips.build,
    nearby.build,
    practical.build,
    padding.build,
    back.build,
)


def build_story(ctx: LayoutContext) -> list[Flowable]:
    story: list[Flowable] = []
    for section in SECTIONS:
        story += section(ctx)
    return story
