"""The theme — paper, palette, fonts, profiles and named styles — as data for the layout.

A foundation rather than a stage: it knows nothing of the content, so the content checks, the
layout and the mail may all use it. `paper.py` and `profile.py` import no ReportLab, so the
command line can offer their names without loading it; `theme.py` ties them together.
"""
