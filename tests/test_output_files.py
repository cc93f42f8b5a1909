"""Where a build writes, what the PDF says about when it was made, and what `pip install` ships.

The naming rule (output/names.py) at its own level, then through `booklet build` as staff run
it: in the project folder, with no -o, one profile after another.
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from booklet.content.dates import creation_date
from booklet.content.errors import UsageError
from booklet.output.names import default_name, imposed_path, output_paths
from booklet.resources import fonts_dir, starter_dir
from tests.conftest import ROOT, edit, run_cli

UTC = datetime.UTC

# -- the naming rule ---------------------------------------------------------------------------


def test_each_profile_and_edition_has_its_own_default_name() -> None:
    names = [
        default_name(profile, language, "en")
        for profile in ("screen", "print", "email")
        for language in ("en", "es", "es-MX")
    ]
    assert names == [
        "booklet.pdf", "booklet-es.pdf", "booklet-es-MX.pdf",
        "booklet-print.pdf", "booklet-print-es.pdf", "booklet-print-es-MX.pdf",
        "booklet-email.pdf", "booklet-email-es.pdf", "booklet-email-es-MX.pdf",
    ]  # fmt: skip
    assert default_name("print", "es", "es") == "booklet-print.pdf"  # the content's own
    assert imposed_path(Path("booklet-out/booklet-print-es.pdf")) == Path(
        "booklet-out/booklet-print-es-imposed.pdf"
    )


def test_without_o_every_file_goes_to_booklet_out() -> None:
    paths = output_paths(None, "email", ["en", "es"], "en", every_edition=True)
    assert paths == [
        Path("booklet-out/booklet-email.pdf"),
        Path("booklet-out/booklet-email-es.pdf"),
    ]


def test_with_one_edition_o_is_the_file_name_as_given() -> None:
    assert output_paths(Path("spanish.pdf"), "screen", ["es"], "en") == [Path("spanish.pdf")]
    assert output_paths(Path("guide"), "print", ["en"], "en") == [Path("guide")]


def test_with_every_edition_o_is_a_folder_or_a_pattern() -> None:
    folder = output_paths(Path("pdfs"), "print", ["en", "es"], "en", every_edition=True)
    assert folder == [Path("pdfs/booklet-print.pdf"), Path("pdfs/booklet-print-es.pdf")]
    pattern = output_paths(Path("out/guide-{lang}.pdf"), "screen", ["en", "es"], "en",
                           every_edition=True)  # fmt: skip
    assert pattern == [Path("out/guide-en.pdf"), Path("out/guide-es.pdf")]
    # --lang all on a content with one edition: still a folder, not a file named "pdfs"
    assert output_paths(Path("pdfs"), "screen", ["en"], "en", every_edition=True) == [
        Path("pdfs/booklet.pdf")
    ]
    # A pattern works for one edition too.
    assert output_paths(Path("{lang}.pdf"), "screen", ["es"], "en") == [Path("es.pdf")]


def test_a_file_name_for_every_edition_is_refused_with_both_ways_out() -> None:
    with pytest.raises(UsageError) as caught:
        output_paths(Path("out/guide.pdf"), "screen", ["en", "es"], "en", every_edition=True)
    assert str(caught.value) == (
        "-o out/guide.pdf names one file, and --lang all writes one per edition: give a folder "
        "(-o out/guide) or a pattern with {lang} (-o 'out/guide-{lang}.pdf')"
    )


# -- the rule through `booklet build` ------------------------------------------------------------


@pytest.fixture
def in_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default content in its own folder, which is also the current directory."""
    monkeypatch.chdir(project)
    return project


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_profiles_no_longer_overwrite_each_other(in_project: Path) -> None:
    assert run_cli("build", "-q")[:2] == (0, "")
    screen = (in_project / "booklet-out" / "booklet.pdf").read_bytes()
    code, _, err = run_cli("build", "--profile", "print", "--impose", "--lang", "es", "-q")
    assert (code, err) == (0, "")
    assert files_under(in_project / "booklet-out") == [
        "booklet-print-es-imposed.pdf",
        "booklet-print-es.pdf",
        "booklet.pdf",
    ]
    assert (in_project / "booklet-out" / "booklet.pdf").read_bytes() == screen
    printed = PdfReader(in_project / "booklet-out" / "booklet-print-es.pdf")
    assert printed.trailer["/Root"]["/Lang"] == "es"
    assert float(printed.pages[0].mediabox.width) > float(printed.pages[0].trimbox.width)


def test_an_explicit_o_is_obeyed(in_project: Path) -> None:
    """The report that started this: `--lang es -o spanish.pdf` wrote spanish-es.pdf."""
    code, _, err = run_cli("build", "--lang", "es", "-o", "spanish.pdf", "-q")
    assert (code, err) == (0, "")
    assert PdfReader("spanish.pdf").trailer["/Root"]["/Lang"] == "es"
    code, _, err = run_cli("build", "--lang", "all", "-o", "guide-{lang}.pdf", "-q")
    assert (code, err) == (0, "")
    assert sorted(p.name for p in in_project.glob("*.pdf")) == [
        "guide-en.pdf",
        "guide-es.pdf",
        "spanish.pdf",
    ]
    assert not (in_project / "booklet-out").exists()


def test_lang_all_with_a_file_name_is_a_usage_error_and_writes_nothing(in_project: Path) -> None:
    code, _, err = run_cli("build", "--lang", "all", "-o", "guide.pdf", "-q")
    assert (code, err) == (
        2,
        "error: -o guide.pdf names one file, and --lang all writes one per edition: give a "
        "folder (-o guide) or a pattern with {lang} (-o 'guide-{lang}.pdf')\n",
    )
    assert files_under(in_project) == ["content.yaml"]


# -- the PDF's dates -----------------------------------------------------------------------------


def test_the_creation_date_comes_from_source_date_epoch_or_the_edition() -> None:
    assert creation_date("2026", None) == datetime.datetime(2026, 1, 1, tzinfo=UTC)
    assert creation_date("2026", " ") == datetime.datetime(2026, 1, 1, tzinfo=UTC)
    assert creation_date("Edición 2026-03", None) == datetime.datetime(2026, 3, 1, tzinfo=UTC)
    assert creation_date("Spring 2025", None) == datetime.datetime(2025, 1, 1, tzinfo=UTC)
    assert creation_date("2025-12-24", None) == datetime.datetime(2025, 12, 24, tzinfo=UTC)
    assert creation_date("second edition", None) is None
    assert creation_date("", None) is None
    moment = datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    assert creation_date("2026", "1700000000") == moment


@pytest.mark.parametrize("value", ["yesterday", "-5", "1.5e9", "99999999999999"])
def test_a_malformed_source_date_epoch_is_refused(value: str) -> None:
    with pytest.raises(UsageError) as caught:
        creation_date("2026", value)
    assert str(caught.value) == (
        "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, like "
        f"1767225600; got {value!r}"
    )


def pdf_dates(path: Path) -> tuple[str | None, str | None, str, str]:
    """(Info /CreationDate, Info /ModDate, XMP CreateDate, XMP ModifyDate) ("" when absent)."""
    with pikepdf.open(path) as pdf:
        info = pdf.docinfo
        xmp = pdf.open_metadata()
        created = info.get("/CreationDate")
        modified = info.get("/ModDate")
        return (
            None if created is None else str(created),
            None if modified is None else str(modified),
            str(xmp.get("xmp:CreateDate", "")),
            str(xmp.get("xmp:ModifyDate", "")),
        )


def test_the_default_booklet_is_dated_by_its_edition(default_pdf: Path) -> None:
    assert pdf_dates(default_pdf) == (
        "D:20260101000000+00'00'",
        "D:20260101000000+00'00'",
        "2026-01-01T00:00:00+00:00",
        "2026-01-01T00:00:00+00:00",
    )


def test_source_date_epoch_dates_the_booklet_and_its_imposition(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = project / "booklet.pdf"
    code, _, err = run_cli("build", str(project / "content.yaml"), "-o", str(out), "--impose", "-q")
    assert (code, err) == (0, "")
    assert pdf_dates(out) == (
        "D:20231114221320+00'00'",
        "D:20231114221320+00'00'",
        "2023-11-14T22:13:20+00:00",
        "2023-11-14T22:13:20+00:00",
    )
    imposed = PdfReader(project / "booklet-imposed.pdf").metadata
    assert imposed is not None
    assert imposed["/CreationDate"] == imposed["/ModDate"] == "D:20231114221320+00'00'"


def test_an_edition_without_a_year_gives_no_date_rather_than_a_made_up_one(
    english_project: Path,
) -> None:
    content = english_project / "content.yaml"
    edit(content, '  edition: "2026"', '  edition: "Second edition"')
    out = english_project / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")
    assert (code, err) == (0, "")
    assert pdf_dates(out) == (None, None, "", "")


def test_a_malformed_source_date_epoch_is_a_usage_error_at_the_command_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    out = project / "booklet.pdf"
    code, _, err = run_cli("build", str(project / "content.yaml"), "-o", str(out), "-q")
    assert (code, err) == (
        2,
        "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, "
        "like 1767225600; got 'yesterday'\n",
    )
    assert not out.exists()


# -- what `pip install .` ships, and `booklet init` --------------------------------------------


def test_the_package_holds_every_module_the_fonts_and_the_sample_and_nothing_else() -> None:
    """pyproject.toml finds every package under booklet/ (a hand-kept list once missed
    layout/art/pictograms), ships the fonts and the starter, and nothing from the museum's
    own project at the top of the repository."""
    from setuptools import find_packages

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert "package-dir" not in setuptools  # nothing mapped in from outside booklet/
    found = set(find_packages(str(ROOT), include=setuptools["packages"]["find"]["include"]))
    on_disk = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "booklet").rglob("__init__.py")
    }
    assert found == on_disk
    shipped = sorted(
        str(path.relative_to(ROOT / "booklet"))
        for pattern in setuptools["package-data"]["booklet"]
        for path in (ROOT / "booklet").glob(pattern)
    )
    fonts = sorted(f"fonts/{p.name}" for p in fonts_dir().iterdir())
    assert shipped == sorted([*fonts, "starter/content.yaml", "starter/assets/images/CREDITS"])
    assert len(fonts) == 10  # eight faces, their licence and what they cover (coverage.txt)


def test_init_copies_the_starter_folder(tmp_path: Path) -> None:
    assert starter_dir() == ROOT / "booklet" / "starter"
    target = tmp_path / "museum"
    code, _, err = run_cli("init", str(target))
    assert code == 0, err
    assert files_under(target) == ["assets/images/CREDITS", "content.schema.json", "content.yaml"]
    assert (target / "content.yaml").read_bytes() == (starter_dir() / "content.yaml").read_bytes()


def test_the_sample_init_writes_is_the_showcase_content() -> None:
    """booklet/starter/ is a copy so that editing the museum's project never changes the
    package; the copy must still be the showcase booklet, not an older one."""
    assert (starter_dir() / "content.yaml").read_bytes() == (ROOT / "content.yaml").read_bytes()
