"""Small words for messages: "1 room", "2 rooms", never "1 rooms" or "page(s)"."""

from __future__ import annotations


def counted(count: int, word: str, plural: str | None = None) -> str:
    """`count` and the word in the right number: counted(1, "room") -> "1 room",
    counted(3, "entry", "entries") -> "3 entries". Numbers above 9,999 get thousands commas."""
    shown = f"{count:,}" if abs(count) >= 10_000 else str(count)
    return f"{shown} {word if count == 1 else plural or word + 's'}"
