"""Where the time of one `booklet build` goes, stage by stage, in CPU seconds.

Runs one build in this process (as `booklet build` does: load_project, typeset, write) with
timers wrapped around the stages, and reports each stage's share of the process's CPU time
(user + sys from `resource.getrusage`, not wall time: the machine is shared, and CPU seconds do
not grow when another process takes the core). "start + imports" is the CPU the interpreter had
spent when this script reached the first stage, including importing the build's modules.

    python benchmarks/stages.py [CONTENT] [--profile screen|print|email] [--lang CODE]

Stages nest: "layout passes" is ReportLab's multiBuild (every pass, drawing included), "tagging"
is the pikepdf finishing step of each render, "images" is photo preparation; "typeset, rest" is
what typeset does besides those (theme, fonts, story building). Run it twice: the first run may
compile bytecode (PYTHONDONTWRITEBYTECODE keeps it from being cached at all).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


SPENT: dict[str, float] = {}


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = cpu()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + cpu() - started

    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", nargs="?", type=Path, default=REPO / "content.yaml")
    parser.add_argument("--profile", default="screen")
    parser.add_argument("--lang", default=None)
    args = parser.parse_args(argv)
    wall_started = time.perf_counter()

    # As the `booklet` process does (booklet/startup.py): the libraries' unused patterns
    # are compiled on first use. The process's exit (booklet/cli_entry.py) is not measured.
    from booklet.startup import deferred_start_up

    with deferred_start_up():
        from reportlab.platypus.doctemplate import BaseDocTemplate

        import booklet.build as build_module
        import booklet.layout.render as render_module
        import booklet.layout.typeset as typeset_module
        from booklet.content import project as project_module

    imports = cpu()
    render_module.finish = timed("tagging (pikepdf finish)", render_module.finish)
    BaseDocTemplate.multiBuild = timed("layout passes (multiBuild)", BaseDocTemplate.multiBuild)
    typeset_module._prepare_images = timed("images", typeset_module._prepare_images)
    build_module.typeset = timed("typeset (total)", build_module.typeset)
    build_module.write_atomically = timed("writing", build_module.write_atomically)
    load = timed("YAML + validation (load_project)", project_module.load_project)

    with tempfile.TemporaryDirectory() as folder:
        project = load(args.content)
        languages = [args.lang] if args.lang else None
        results = build_module.build(
            project, Path(folder) / "out.pdf", profile=args.profile, languages=languages
        )
    total = cpu()
    wall = time.perf_counter() - wall_started
    nested = ("layout passes (multiBuild)", "tagging (pikepdf finish)", "images")
    rest = SPENT.get("typeset (total)", 0.0) - sum(SPENT.get(name, 0.0) for name in nested)
    rows = [
        ("start + imports", imports),
        ("YAML + validation (load_project)", SPENT.get("YAML + validation (load_project)", 0)),
        ("images", SPENT.get("images", 0.0)),
        ("layout passes (multiBuild)", SPENT.get("layout passes (multiBuild)", 0.0)),
        ("tagging (pikepdf finish)", SPENT.get("tagging (pikepdf finish)", 0.0)),
        ("typeset, rest (theme, fonts, story)", rest),
        ("writing", SPENT.get("writing", 0.0)),
    ]
    accounted = sum(seconds for _, seconds in rows)
    rows.append(("other (build checks, logging)", total - accounted))
    pages = sum(r.pages for r in results)
    print(f"{args.content} ({args.profile}): {pages} pages; passes per render: "
          f"{[r.rendered.passes for r in results]}")  # fmt: skip
    for name, seconds in rows:
        print(f"  {name:<38} {seconds:6.3f} s CPU  {100 * seconds / total:5.1f} %")
    label = "total (process CPU, user+sys)"
    print(f"  {label:<38} {total:6.3f} s      (wall after start {wall:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
