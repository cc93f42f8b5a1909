"""What the commands share: logging set-up and the options every command spells the same way.

Declared once here (as MkDocs declares its `common_options`), used by cli.py and cli_send.py.
Only click and the theme's names are imported, so `booklet --help` stays quick.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import click

from booklet.theme.paper import PAPERS
from booklet.theme.profile import PROFILES

F = TypeVar("F", bound=Callable[..., Any])

content_argument = click.argument(
    "content", type=click.Path(path_type=Path), default=Path("content.yaml")
)


def quiet_option(help: str = "No progress messages.") -> Callable[[F], F]:
    return click.option("-q", "--quiet", is_flag=True, help=help)


def paper_option(
    help: str = "Paper size (default: theme.paper in the content).",
) -> Callable[[F], F]:
    return click.option("--paper", type=click.Choice(tuple(PAPERS)), default=None, help=help)


def profile_option(default: str, help: str) -> Callable[[F], F]:
    return click.option(
        "--profile",
        type=click.Choice(sorted(PROFILES)),
        default=default,
        show_default=True,
        help=help,
    )


def configure_logging(quiet: bool) -> None:
    """Problems (logger "booklet") and progress ("booklet.progress") go to stderr as bare lines;
    --quiet keeps only errors."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name, level in (("booklet.progress", logging.INFO), ("booklet", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.ERROR if quiet else level)


class SizeParam(click.ParamType):
    """A size in bytes written as 2MB, 1.5 MB, 800KB or 2000000."""

    name = "size"
    _UNITS: ClassVar[dict[str, int]] = {"": 1, "B": 1, "KB": 1_000, "MB": 1_000_000, "GB": 10**9}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", str(value).upper())
        if not match or match.group(2) not in self._UNITS:
            self.fail(f"expected a size like 2MB or 800KB, got {value!r}", param, ctx)
        size = int(float(match.group(1)) * self._UNITS[match.group(2)])
        if size < 50_000:
            self.fail("a booklet needs at least 50KB", param, ctx)
        return size
