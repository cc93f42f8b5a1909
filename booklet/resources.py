"""Where the files that ship with booklet live, in a checkout and in an installed wheel alike.

`booklet/starter/` is the sample project `booklet init` copies: its own content.yaml and the
assets that sample needs. It is not the museum's project at the top of the repository (whose
content.yaml and `assets/images/` staff edit): editing those never changes what `pip install`
ships. `booklet/fonts/` holds the bundled typefaces every booklet is set in.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def starter_dir() -> Path:
    """The folder holding the sample content.yaml and its assets/ folder."""
    return _PACKAGE / "starter"


def templates_dir() -> Path:
    """The content templates `booklet init --template` offers besides the sample."""
    return _PACKAGE / "templates"


def fonts_dir() -> Path:
    return _PACKAGE / "fonts"
