"""Property-based fuzzing with hypothesis: whatever the content, booklet builds it or says why.

1. Any printable text in a room's text, a room name and a tip title builds, and its words can be
   read back from the PDF.
2. Any document shaped like content.yaml, with random values at random places, loads or raises
   ContentError; nothing else escapes the validator.
3. Random bytes, and the default content with random bytes spliced in, likewise (time-boxed).

No example database is kept (`database=None`): a failure prints its example, and the seed to
replay it with --hypothesis-seed. Building examples are not shrunk (each build takes a fraction
of a second, and shrinking one took minutes).
"""

from __future__ import annotations

import copy
import functools
import re
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from booklet.content.errors import ContentError
from booklet.theme.fonts import FACE_NAMES, register_fonts
from tests.conftest import DEFAULT_CONTENT, run_cli
from tests.conftest import load_edition as load_content

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
TYPOGRAPHIC_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
BYTES_TIME_BOX = 20.0  # seconds for the random-bytes fuzz, however many examples that is

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:  # booklet refuses anchors and aliases
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)


@functools.cache
def _default() -> dict[str, Any]:
    data: dict[str, Any] = yaml.load(DEFAULT_CONTENT.read_text(encoding="utf-8"), Loader=_Loader)
    for room in data["rooms"]:
        room.pop("image", None)  # the default's photos are not in the fuzz folder
    return data


def default_data() -> dict[str, Any]:
    return copy.deepcopy(_default())


def small_booklet(data: dict[str, Any]) -> dict[str, Any]:
    """The default content cut to one of everything: a build takes a fraction of a second."""
    data = copy.deepcopy(data)
    data["rooms"] = data["rooms"][:1]
    data["tips"] = data["tips"][:1]
    data["nearby"] = data.get("nearby", [])[:1]
    data["sources"] = data.get("sources", [])[:1]
    history = data["history"]
    history["chapters"] = history["chapters"][:1]
    history["timeline"] = history["timeline"][:2]
    room_id = data["rooms"][0]["id"]
    data["plan"]["areas"] = [a for a in data["plan"]["areas"] if a["room"] == room_id]
    return data


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A content folder shared by every example of the module, with one real photo in it."""
    path = tmp_path_factory.mktemp("fuzz")
    (path / "assets").mkdir()
    Image.new("RGB", (60, 40), (200, 30, 30)).save(path / "assets" / "photo.jpg", "JPEG")
    yield path


# -- 1. printable text builds and prints ------------------------------------------------------

printable_text = st.characters(
    exclude_categories=("Cc", "Cs", "Co", "Cn"), exclude_characters=BIDI_CONTROLS
)


def squash(text: str) -> str:
    """Printed or typed text, comparable: NFKC, straight quotes, no spaces, breaks or hyphens."""
    text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC_QUOTES)
    return re.sub(r"[\s\-\u2010\u00ad]", "", text)


def _drawable() -> frozenset[str]:
    """Characters every bundled face has a glyph for. Others print as an empty box (the build
    warns about them) and come back from the PDF as U+0000."""
    register_fonts()
    faces = [pdfmetrics.getFont(name).face.charToGlyph for name in FACE_NAMES]
    return frozenset(chr(c) for c in set.intersection(*(set(face) for face in faces)))


DRAWABLE = _drawable()


def words(text: str) -> list[str]:
    """The words a reader must find: 3 or more letters between spaces, all in the fonts."""
    return [w for w in text.split() if len(w) >= 3 and w.isalpha() and set(w) <= DRAWABLE]


@settings(
    max_examples=15,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # shrinking builds takes minutes; print as found
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.text(printable_text, min_size=1, max_size=300),
    name=st.text(printable_text, min_size=1, max_size=80),
    title=st.text(printable_text, min_size=1, max_size=80),
)
def test_any_printable_text_builds_and_prints(
    folder: Path, text: str, name: str, title: str
) -> None:
    for value in (text, name, title):
        assume(value.strip() and "](" not in value)  # blank, or a link to validate: not this test
    data = small_booklet(default_data())
    data["rooms"][0]["text"] = text
    data["rooms"][0]["name"] = name
    data["tips"][0]["title"] = title
    content = folder / "content.yaml"
    content.write_text(dump(data), encoding="utf-8")
    out = folder / "booklet-out" / "booklet.pdf"
    code, _, err = run_cli("build", str(content), "-o", str(out), "-q")
    assert code == 0, err
    assert err == ""
    printed = squash("\n".join(page.extract_text() for page in PdfReader(out).pages))
    for word in words(text) + words(name) + words(title):
        assert squash(word) in printed, word


# -- 2. schema-shaped documents: load, or ContentError -----------------------------------------

leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(),
    st.text(max_size=40),
    st.sampled_from(["", " ", "9:30", "no", "1940-08-21", "017", "#b0271f", "https://x.org",
                     "assets/photo.jpg", "../content.yaml", "/etc/passwd", "assets", "."]),
    st.dates(),
    st.binary(max_size=8),
    st.lists(st.integers(0, 200), max_size=3),
    st.dictionaries(st.sampled_from(["en", "es", "xx", "EN", "file"]), st.text(max_size=8),
                    max_size=2),
)  # fmt: skip


def shaped(template: Any) -> st.SearchStrategy[Any]:
    """Values shaped like `template`: mostly the same structure, sometimes a random leaf."""
    if isinstance(template, dict):
        keys = {k: shaped(v) for k, v in template.items()}
        structure = (
            st.fixed_dictionaries({}, optional=keys)
            if len(keys) > 2
            else st.fixed_dictionaries(keys)
        )
        extras = st.dictionaries(
            st.sampled_from(["image", "es", "Title", "verify", "local_name", "x"]), leaf, max_size=1
        )
        same = st.builds(lambda base, extra: {**extra, **base}, structure, extras)
    elif isinstance(template, list) and template:
        same = st.lists(st.one_of([shaped(item) for item in template[:3]]), max_size=3)
    else:
        same = st.one_of(st.just(template), leaf)
    return st.integers(0, 7).flatmap(lambda n: leaf if n == 0 else same)


def _template() -> dict[str, Any]:
    data = default_data()
    data["rooms"][0]["image"] = {"file": "assets/photo.jpg", "caption": "A photo"}
    return data


@settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(document=shaped(_template()), language=st.sampled_from([None, "es", "xx"]))
def test_schema_shaped_documents_load_or_raise_content_error(
    folder: Path, document: Any, language: str | None
) -> None:
    content = folder / "content.yaml"
    content.write_text(dump(document), encoding="utf-8")
    try:
        load_content(content, language)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert all(c == "\n" or c.isprintable() for c in str(problem))


# -- 3. random bytes: ContentError or a valid document, within a time box ---------------------

_DEFAULT_BYTES = DEFAULT_CONTENT.read_bytes()
_BYTES_STARTED: list[float] = []


def _spliced(position: int, cut: int, insert: bytes) -> bytes:
    at = position % (len(_DEFAULT_BYTES) + 1)
    return _DEFAULT_BYTES[:at] + insert + _DEFAULT_BYTES[at + cut :]


random_bytes = st.one_of(
    st.binary(max_size=2048),
    st.builds(_spliced, st.integers(0, 10**6), st.integers(0, 40), st.binary(max_size=40)),
)


@settings(
    max_examples=500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=random_bytes)
def test_random_bytes_load_or_raise_content_error(folder: Path, data: bytes) -> None:
    if not _BYTES_STARTED:
        _BYTES_STARTED.append(time.monotonic())
    if time.monotonic() - _BYTES_STARTED[0] > BYTES_TIME_BOX:
        return  # time box spent: the remaining examples pass without running
    content = folder / "content.yaml"
    content.write_bytes(data)
    try:
        load_content(content)
    except ContentError as error:
        assert error.problems
