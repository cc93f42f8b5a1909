"""Where the files that ship with booklet live: the starter content.yaml and the assets folder.

In an installed wheel they are `booklet/starter/` (mapped from the repository's top-level
content.yaml and assets/ in pyproject.toml); in a source checkout they are those top-level files.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def starter_dir() -> Path:
    """The folder holding the default content.yaml and its assets/ folder."""
    installed = _PACKAGE / "starter"
    if (installed / "content.yaml").is_file():
        return installed
    return _PACKAGE.parent


def templates_dir() -> Path:
    """The content templates `booklet init --template` offers besides the sample."""
    return _PACKAGE / "templates"


def fonts_dir() -> Path:
    return starter_dir() / "assets" / "fonts"
