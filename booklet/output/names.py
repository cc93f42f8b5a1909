"""Where a build writes: the default folder, each profile's and edition's file name, and `-o`.

The rule, in one place for `booklet build` and the Python API:

- no `-o`: `booklet-out/booklet.pdf`; the print and email profiles add their name
  (`booklet-print.pdf`, `booklet-email.pdf`) so one never replaces another, and an edition
  other than the content's own adds its code (`booklet-es.pdf`, `booklet-print-es.pdf`);
- `-o` with `{lang}` is a pattern: every edition gets its code there (`guide-{lang}.pdf` ->
  `guide-en.pdf`, `guide-es.pdf`), whatever the number of editions;
- otherwise, for one edition `-o` is the file name, as given;
- for every edition (`--lang all`), `-o` is a folder that gets the default names.

`booklet-out/` is ours alone: `build/` and `dist/` belong to Python's packaging tools, which fill
`build/` with copies of the package on every `pip install .`, and `rm -rf build` is what people
type to clean those up.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from booklet.content.errors import UsageError

OUTPUT_FOLDER = Path("booklet-out")
LANG_FIELD = "{lang}"
SCREEN = "screen"


def default_name(profile: str, language: str, source_language: str) -> str:
    """`booklet.pdf`, `booklet-print.pdf`, `booklet-es.pdf`, `booklet-email-es.pdf`."""
    parts = ["booklet"]
    if profile != SCREEN:
        parts.append(profile)
    if language != source_language:
        parts.append(language)
    return "-".join(parts) + ".pdf"


def output_paths(
    output: Path | None,
    profile: str,
    languages: Sequence[str],
    source_language: str,
    *,
    every_edition: bool = False,
) -> list[Path]:
    """The file each edition in `languages` is written to, by the rule above.

    `every_edition` is `--lang all`; asking for several languages means the same. Raises
    UsageError for an `-o` that cannot name several files."""
    several = every_edition or len(languages) > 1
    if output is None:
        return [OUTPUT_FOLDER / default_name(profile, code, source_language) for code in languages]
    if LANG_FIELD in str(output):
        return [Path(str(output).replace(LANG_FIELD, code)) for code in languages]
    if not several:
        return [output]
    if output.suffix.lower() == ".pdf":
        example = output.with_name(f"{output.stem}-{LANG_FIELD}{output.suffix}")
        raise UsageError(
            f"-o {output} names one file, and --lang all writes one per edition: give a folder "
            f"(-o {output.parent / output.stem}) or a pattern with {LANG_FIELD} (-o '{example}')"
        )
    return [output / default_name(profile, code, source_language) for code in languages]


def imposed_path(output: Path) -> Path:
    """`booklet-print-imposed.pdf` beside `booklet-print.pdf`."""
    return output.with_name(f"{output.stem}-imposed{output.suffix}")
