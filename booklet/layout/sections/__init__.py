"""One module per section of the booklet; `SECTIONS` is the order they appear in."""
