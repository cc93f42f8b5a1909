"""Stage 3, consumers of `Rendered` PDF bytes: write, impose, preflight."""
