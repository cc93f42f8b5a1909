"""Stage 1: read content.yaml into a validated, typed model."""
