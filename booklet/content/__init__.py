"""Stage 1, load: content.yaml read once into a validated, typed model per edition."""
