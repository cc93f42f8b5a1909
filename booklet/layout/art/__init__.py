"""Vector drawings: room pictograms, tip icons and the cover art, drawn on a ReportLab canvas."""
