"""What the CLI process puts off at start-up: four regular expressions, HarfBuzz."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from booklet.startup import DeferredPattern, deferred_start_up
from tests.conftest import ENGLISH_CONTENT, ROOT, build_file, edit


def test_a_deferred_pattern_compiles_on_first_use_and_works_as_the_compiled_one() -> None:
    source = "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?([a-z]+)"
    deferred = DeferredPattern(source, re.I)
    assert "match" not in vars(deferred)
    compiled = re.compile(source, re.I)
    for text in ("HTTPS://Example", "mailto:x", ""):
        assert bool(deferred.match(text)) == bool(compiled.match(text))
    assert "match" in vars(deferred)  # kept: later calls go straight to the pattern's method
    assert deferred.sub("-", "https://abc") == compiled.sub("-", "https://abc")
    assert deferred.pattern == source and deferred.flags == compiled.flags


def test_a_pattern_whose_matches_need_a_text_is_not_compiled_for_strings_without_it() -> None:
    source = "(^(?:[a-z0-9\\.\\-\\+]*)://)(?:\\S+(?::\\S*)?@)?([a-z.]+)(/\\S*)?\\Z"
    deferred = DeferredPattern(source, re.I, required="://")
    compiled = re.compile(source, re.I)
    for word in ("Coyoacán", "example.org/a", "mailto:x@y.org"):
        assert deferred.match(word) is None is compiled.match(word)
        assert deferred.search(word) is None is compiled.search(word)
    assert "compiled" not in vars(deferred)
    for url in ("https://example.org/a/b", "HTTP://X.ORG", "x://"):
        assert repr(deferred.match(url)) == repr(compiled.match(url))
        assert repr(deferred.search(url)) == repr(compiled.search(url))
    assert "compiled" in vars(deferred)


def test_only_the_named_patterns_are_deferred_and_only_inside() -> None:
    real = re.compile
    with deferred_start_up():
        assert isinstance(re.compile("([\u2e80-\uffff])", re.UNICODE), DeferredPattern)
        assert isinstance(re.compile("[a-z]+"), re.Pattern)
    assert re.compile is real


_IMPORT = """
from booklet.startup import DeferredPattern, deferred_start_up
with deferred_start_up():
    import pikepdf
    import reportlab.lib.textsplit as textsplit
    import reportlab.platypus.paragraph as paragraph
    import yaml
from pikepdf.models.metadata import _constants
patterns = [paragraph.uri_pat, _constants.re_xml_illegal_chars, yaml.reader.Reader.NON_PRINTABLE,
            textsplit.rx]
print(all(isinstance(p, DeferredPattern) for p in patterns))
print(paragraph._uri_split_pairs("Coyoacán"), "compiled" in vars(paragraph.uri_pat))
print(paragraph._uri_split_pairs("https://example.org/a/b")[0])
print(_constants.clean("a\\x01b"), bool(yaml.reader.Reader.NON_PRINTABLE.search("\\x07")))
"""


def test_the_libraries_patterns_are_deferred_and_still_work() -> None:
    """In a fresh process: in this one the libraries are imported already. If a library's
    pattern changed, it is no longer deferred (compiled as usual) and this fails."""
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split("\n")[:4] == [
        "True", "None False", "('https://example.org/a/', 'b')", "ab True"
    ]  # fmt: skip


_HARFBUZZ = """
import sys
from booklet.startup import deferred_start_up
with deferred_start_up():
    import reportlab.pdfbase.ttfonts as ttfonts
print("uharfbuzz._harfbuzz" in sys.modules, type(ttfonts.uharfbuzz).__name__)
"""


def test_harfbuzz_is_loaded_only_when_text_is_shaped_and_shapes_the_same(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _HARFBUZZ], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split("\n")[0] == "False LazyModule"
    # An Arabic room name (shaped, in a fallback font) built by the `booklet` process, where
    # HarfBuzz is loaded on first use, and in this one: the same bytes.
    content = tmp_path / "content.yaml"
    shutil.copy(ENGLISH_CONTENT, content)
    (tmp_path / "assets").mkdir()
    (tmp_path / "fonts").mkdir()
    arabic = ROOT / "tests" / "data" / "fonts" / "NotoSansArabic-Regular.ttf"
    shutil.copy(arabic, tmp_path / "fonts")
    edit(content, '    name: "Dining room"\n', '    name: "غرفة الطعام"\n')
    edit(content, "theme:\n  paper: half-letter\n",
         "theme:\n  paper: half-letter\n  fonts:\n"
         "    fallback: [fonts/NotoSansArabic-Regular.ttf]\n")  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "booklet", "build", "-q", str(content), "-o", "cli.pdf"],
        cwd=tmp_path, check=True,
    )  # fmt: skip
    build_file(content, tmp_path / "here.pdf")
    assert (tmp_path / "cli.pdf").read_bytes() == (tmp_path / "here.pdf").read_bytes()
