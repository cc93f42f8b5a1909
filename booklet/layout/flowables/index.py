"""The plan's legend as a page index: number, room name, dotted leader and page number.

It is a table of contents that listens only for the room entries, so its page numbers are
filled in by the same layout passes as the contents page, and each line links to its room.
"""

from __future__ import annotations

from typing import Any

from booklet.layout.flowables.contents import ContentsIndex


class RoomIndex(ContentsIndex):
    def __init__(self, labels: dict[str, str], **kwargs: Any) -> None:
        """`labels` maps each room's destination key to the markup shown for it."""
        super().__init__(**kwargs)
        self.labels = labels

    def notify(self, kind: str, stuff: Any) -> None:
        if kind == "TOCEntry":
            _level, _text, page, key = stuff
            if key in self.labels:
                self.addEntry(0, self.labels[key], page, key)

    def seed(self, entries: list[tuple[int, str, int, str]]) -> None:
        """Reserve the legend's lines before the first pass (see layout/render.py)."""
        self._entries = [(0, self.labels[key], page, key) for _, _, page, key in entries
                         if key in self.labels]  # fmt: skip
