"""The names of the drawings content may choose: room pictograms, tip icons, cover motifs.

The names live here, with the content model that validates them; the drawings themselves are
in booklet/layout/art, which registers one drawing under each name (a test keeps the two equal).
"""

from __future__ import annotations

NONE = "none"  # `pictogram: none` / `icon: none`: no drawing at all

PICTOGRAMS = (
    # a lived-in house (drawn for the Trotsky house)
    "kitchen", "dining", "office", "study", "bedroom", "child",
    # grounds
    "garden", "courtyard", "farm", "tomb", "tower",
    # rooms of historic buildings
    "hall", "parlour", "library", "chapel", "schoolroom", "staircase", "cellar", "attic",
    # collections and how they are shown
    "gallery", "painting", "sculpture", "exhibit-case", "archaeology", "natural-history",
    "costume",
    # trades, industry and science
    "workshop", "machinery", "printing", "textile", "shop-front", "apothecary", "laboratory",
    "maritime", "transport", "music", "cinema",
)  # fmt: skip

TIP_ICONS = (
    "clock", "ticket", "map", "info", "accessibility", "lift", "family", "toilets",
    "lockers", "bag", "cafe", "coffee", "shop", "audio-guide", "language", "book",
    "camera", "no-photo", "quiet", "walk", "weather", "wifi", "first-aid", "cactus",
)  # fmt: skip

COVER_ART = ("trotsky-house",)
