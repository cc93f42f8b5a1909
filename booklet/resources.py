"""Where the files that ship with booklet live: the starter content.yaml and the assets folder.

In an installed wheel they are the package `booklet.starter`; in a source checkout they are the
repository's top-level content.yaml and assets/ (the same files, mapped in pyproject.toml).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def starter_dir() -> Path:
    """The folder holding the default content.yaml and its assets/ folder."""
    try:
        packaged = Path(str(resources.files("booklet.starter")))
        if (packaged / "content.yaml").is_file():
            return packaged
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent


def fonts_dir() -> Path:
    return starter_dir() / "assets" / "fonts"
