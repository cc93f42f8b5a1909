"""Stage 2: the theme — paper, palette, fonts and named styles — as data for the layout."""

from booklet.theme.theme import Theme, make_theme

__all__ = ["Theme", "make_theme"]
