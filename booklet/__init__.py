"""booklet: one structured content file in, a designed visitor booklet PDF out."""

__version__ = "0.1.0"
