"""Stage 3: turn validated content and a theme into ReportLab flowables and page templates."""
