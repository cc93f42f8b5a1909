"""Stage 4: finish and write the PDF."""
