"""Stage 2, typeset: an edition's content and a theme laid out into PDF bytes (`Rendered`)."""
