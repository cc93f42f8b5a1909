"""Where the time of one `booklet build` goes, stage by stage, in CPU seconds.

Runs one build in this process (as `booklet build` does: load_project, typeset, write) with
timers wrapped around the stages, and reports the CPU time (user + sys, not wall time: the
machine is shared, and CPU seconds do not grow when another process takes the core) of the
main thread in each stage, then what the photo threads spent beside it (the process's CPU from
`resource.getrusage` less the main thread's). "start + imports" is the CPU the interpreter had
spent when this script reached the first stage, including importing the build's modules.

    python benchmarks/stages.py [CONTENT] [--profile screen|print|email] [--lang CODE]

Stages nest: "layout" is BookletDocument.lay_out (ReportLab's pass, drawing and writing),
"tagging" is the pikepdf finishing step of each render, "fitting rooms to choose photo sizes"
is `_prepare_images` (each room fitted, its photo handed to the threads); "typeset, rest" is
what typeset does besides those (theme, fonts, story building). Photos are prepared by two
threads while the main thread goes on, so the last line can overlap any stage. Run it twice:
the first run may compile bytecode (PYTHONDONTWRITEBYTECODE keeps it from being cached at all).
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
LAYOUT = "layout (lay_out: pass + numbers)"
FITTING = "fitting rooms to choose photo sizes"


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[name] = SPENT.get(name, 0.0) + time.thread_time() - started

    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", nargs="?", type=Path, default=REPO / "content.yaml")
    parser.add_argument("--profile", default="screen")
    parser.add_argument("--lang", default=None)
    args = parser.parse_args(argv)
    wall_started = time.perf_counter()

    import booklet.build as build_module
    import booklet.layout.document as document_module
    import booklet.layout.render as render_module
    import booklet.layout.typeset as typeset_module
    from booklet.content import project as project_module

    imports = cpu()
    render_module.finish = timed("tagging (pikepdf finish)", render_module.finish)
    document = document_module.BookletDocument
    document.lay_out = timed(LAYOUT, document.lay_out)  # type: ignore[method-assign]
    typeset_module._prepare_images = timed(FITTING, typeset_module._prepare_images)
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
    main_thread = time.thread_time()
    wall = time.perf_counter() - wall_started
    nested = (LAYOUT, "tagging (pikepdf finish)", FITTING)
    rest = SPENT.get("typeset (total)", 0.0) - sum(SPENT.get(name, 0.0) for name in nested)
    rows = [
        ("start + imports", imports),
        ("YAML + validation (load_project)", SPENT.get("YAML + validation (load_project)", 0)),
        (FITTING, SPENT.get(FITTING, 0.0)),
        (LAYOUT, SPENT.get(LAYOUT, 0.0)),
        ("tagging (pikepdf finish)", SPENT.get("tagging (pikepdf finish)", 0.0)),
        ("typeset, rest (theme, fonts, story)", rest),
        ("writing", SPENT.get("writing", 0.0)),
    ]
    accounted = sum(seconds for _, seconds in rows)
    rows.append(("other (build checks, logging)", main_thread - accounted))
    rows.append(("photo threads, beside the main thread", max(0.0, total - main_thread)))
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
