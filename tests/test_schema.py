"""One declaration, four uses: the validator, the JSON Schema, the README's field reference and
the starter files all agree.

The schema is checked against the validator on real files (the default content, the blank
template with and without its optional sections, the examples) and on a set of wrong files
each of which both must refuse. Files are read for jsonschema as editors do, YAML to JSON
(PyYAML's safe loader); our validator reads the same text.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from PIL import Image

from booklet.content.errors import ContentError
from booklet.content.model import read_content
from booklet.content.reference import END, START, field_reference
from booklet.content.schema import SCHEMA_FILE, SCHEMA_LINE, content_schema, schema_text
from booklet.content.source import load_source
from booklet.resources import templates_dir
from tests.conftest import DEFAULT_CONTENT, MINIMAL, ROOT, run_cli

BLANK = templates_dir() / "blank.yaml"
EXAMPLES = sorted((ROOT / "examples").glob("*/content.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(content_schema())


def schema_accepts(text: str) -> bool:
    return VALIDATOR.is_valid(yaml.safe_load(text))


def booklet_accepts(text: str, folder: Path) -> bool:
    file = folder / "content.yaml"
    try:
        read_content(load_source(text.encode(), "content.yaml"), file)
    except ContentError:
        return False
    return True


def uncommented(text: str) -> str:
    """The blank template with every optional section and field switched on: below the header,
    every line commented out as `# ` + YAML loses its `# `."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    body = [re.sub(r"^(\s*)# ", r"\1", line) for line in lines[first:]]
    return "\n".join([*lines[:first], *body]) + "\n"


# -- the generated documents are current ------------------------------------------------------


def test_the_readme_field_reference_is_the_declarations() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    written = readme[readme.index(START) + len(START) : readme.index(END)].strip()
    assert written == field_reference().strip(), (
        "README.md's field reference differs from the declaration: "
        "run `python scripts/field_reference.py`"
    )


def test_the_readme_reference_names_every_field_once() -> None:
    reference = field_reference()
    for name in ("`title`", "`address.city`", "`hours[].opens`", "`image.alt`", "`palette`"):
        assert name in reference
    assert reference.count("### `") == 12  # one table per top-level section


def test_the_committed_schema_file_is_current() -> None:
    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(), (
        "run `booklet schema > content.schema.json`"
    )


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(content_schema())
    assert content_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_booklet_schema_prints_the_schema_and_the_reference() -> None:
    code, out, _ = run_cli("schema")
    assert code == 0 and json.loads(out) == content_schema()
    code, out, _ = run_cli("schema", "--markdown")
    assert code == 0 and out == field_reference()


# -- starter files --------------------------------------------------------------------------


def test_starter_files_name_the_schema_on_their_first_line() -> None:
    for path in (DEFAULT_CONTENT, BLANK):
        assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE, path
    assert EXAMPLES, "no examples found"
    for path in EXAMPLES:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../{SCHEMA_FILE}", path


@pytest.mark.parametrize(
    "path", [DEFAULT_CONTENT, BLANK, *EXAMPLES], ids=lambda p: str(p.relative_to(ROOT))
)
def test_starters_and_examples_pass_the_schema_and_the_validator(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    VALIDATOR.validate(yaml.safe_load(text))
    assert booklet_accepts(text, path.parent)


def test_the_blank_template_with_every_optional_section_switched_on(tmp_path: Path) -> None:
    text = uncommented(BLANK.read_text(encoding="utf-8"))
    assert text.count("\n# ") < 20  # the header only: every section was switched on
    images = tmp_path / "assets" / "images"
    images.mkdir(parents=True)
    for name in ("front.jpg", "schoolroom.jpg"):
        Image.new("RGB", (600, 400), (90, 110, 130)).save(images / name)
    data = yaml.safe_load(text)
    assert set(data) == {"booklet", "museum", "rooms", "welcome", "history", "plan", "tips",
                         "nearby", "practical", "sources", "theme"}  # fmt: skip
    VALIDATOR.validate(data)
    assert booklet_accepts(text, tmp_path)


def test_init_blank_writes_the_template_and_the_schema(tmp_path: Path) -> None:
    code, _, err = run_cli("init", str(tmp_path / "new"), "--template", "blank")
    assert code == 0, err
    assert (tmp_path / "new" / "content.yaml").read_bytes() == BLANK.read_bytes()
    assert json.loads((tmp_path / "new" / SCHEMA_FILE).read_text()) == content_schema()
    code, _, err = run_cli("check", str(tmp_path / "new"))
    assert code == 0, err


def test_init_sample_writes_the_default_content_and_the_schema(tmp_path: Path) -> None:
    code, _, err = run_cli("init", str(tmp_path / "sample"))
    assert code == 0, err
    written = (tmp_path / "sample" / "content.yaml").read_bytes()
    assert written == DEFAULT_CONTENT.read_bytes()
    assert (tmp_path / "sample" / SCHEMA_FILE).is_file()


# -- the schema and the validator agree -------------------------------------------------------


def variant(old: str, new: str) -> str:
    assert MINIMAL.count(old) == 1, old
    return MINIMAL.replace(old, new)


def room_with(line: str) -> str:
    """MINIMAL with one more line in its room."""
    return variant('    text: "The wheel', f'    {line}\n    text: "The wheel')


def museum_with(line: str) -> str:
    """MINIMAL with one more line in its museum."""
    name = '  name: "Harrow Creek Mill Museum"'
    return variant(name, f"{name}\n  {line}")


VALID = {
    "minimal": MINIMAL,
    "translated": variant(
        '  title: "The Mill"', '  title: {en: "The Mill", es: "El molino"}\n  translations: [es]'
    ),
    "a number as a title": variant('"The Mill"', "1984"),
    "every section": MINIMAL
    + textwrap.dedent("""\
        welcome: {text: "Hello."}
        history:
          chapters: [{title: "Then", text: "It was."}]
          timeline: [{date: "1880", event: "Built"}, {date: "1931-05-02", event: "Closed"}]
        plan: {areas: [{room: the-wheel-room, outline: [[0, 0], [50, 0], [50, 50]]}]}
        tips: [{title: "Early", text: "Quiet.", icon: clock}]
        nearby: [{name: "Bridge", text: "Old.", walk_minutes: 5}]
        practical: {getting_there: "Bus 12."}
        sources: [{title: "Records", url: "https://example.org"}]
        theme: {paper: a5, palette: {accent: "#1f5fa8"}}
        """),
    "website per edition": museum_with(
        'website: {en: "https://example.org/en", es: "https://example.org/es"}'
    ),
}

WRONG = {
    "no title": variant('  title: "The Mill"\n', '  subtitle: "A guide"\n'),
    "an empty title": variant('"The Mill"', '""'),
    "a title too long": variant('"The Mill"', f'"{"M" * 81}"'),
    "an unknown section": MINIMAL + "extras: {a: 1}\n",
    "an unknown room field": room_with("colour: red"),
    "no rooms": variant(MINIMAL[MINIMAL.index("rooms:") :], "rooms: []\n"),
    "a room without text": variant('    text: "The wheel turned here."\n', ""),
    "an address without a city": variant('city: "Harrow Creek", ', ""),
    "no museum": MINIMAL.replace(MINIMAL[MINIMAL.index("museum:") : MINIMAL.index("rooms:")], ""),
    "an unknown tip icon": MINIMAL + "tips: [{title: Early, text: Quiet., icon: clok}]\n",
    "an unquoted opening time": museum_with('hours: [{days: Daily, opens: 9:30, closes: "17:00"}]'),
    "an hour past midnight": museum_with('hours: [{days: Daily, opens: "25:00", closes: "17:00"}]'),
    "an unquoted date": MINIMAL + "history: {timeline: [{date: 1931-05-02, event: Closed}]}\n",
    "month 13": MINIMAL + 'history: {timeline: [{date: "1931-13", event: Closed}]}\n',
    "an unknown paper": MINIMAL + "theme: {paper: b5}\n",
    "a colour by name": MINIMAL + 'theme: {palette: {accent: "red"}}\n',
    "an unknown pictogram": room_with("pictogram: kitchn"),
    "room number zero": room_with("number: 0"),
    "a room id with spaces": room_with('id: "the wheel"'),
    "an ftp website": museum_with('website: "ftp://example.org"'),
    "a quoted yes for highlight": MINIMAL
    + 'history: {timeline: [{date: "1931", event: Closed, highlight: "yes"}]}\n',
    "zero minutes' walk": MINIMAL + "nearby: [{name: Bridge, text: Old., walk_minutes: 0}]\n",
    "a plan without areas": MINIMAL + "plan: {size: [100, 70]}\n",
    "a point with one number": MINIMAL
    + "plan: {entrance: [5], areas: [{room: the-wheel-room, outline: [[0, 0], [5, 0], [5, 5]]}]}\n",
    "a text keyed by a word": variant('"The Mill"', '{english: "Mill"}'),
    "a list where a text goes": variant('"The Mill"', '["The", "Mill"]'),
    "a kind that is not one": room_with("kind: garden"),
}  # fmt: skip


@pytest.mark.parametrize("name", VALID)
def test_both_accept(name: str, tmp_path: Path) -> None:
    text = VALID[name]
    assert schema_accepts(text), list(VALIDATOR.iter_errors(yaml.safe_load(text)))
    assert booklet_accepts(text, tmp_path)


@pytest.mark.parametrize("name", WRONG)
def test_both_refuse(name: str, tmp_path: Path) -> None:
    text = WRONG[name]
    assert not schema_accepts(text), f"the schema accepts {name}"
    assert not booklet_accepts(text, tmp_path), f"booklet accepts {name}"


def _fields(schema: dict[str, Any], prefix: str = "") -> set[str]:
    """Every property path the schema declares (lists as [])."""
    found = set()
    for key, sub in schema.get("properties", {}).items():
        path = f"{prefix}{key}"
        found.add(path)
        item = sub.get("items", sub)
        found |= _fields(item, f"{path}[]." if "items" in sub else f"{path}.")
    return found


def test_the_schema_and_the_reference_name_the_same_fields() -> None:
    reference = field_reference()
    for path in _fields(content_schema()):
        section, _, rest = path.partition(".")
        name = rest or section
        if "[]." in section:
            section, _, first = section.partition("[].")
            name = f"{first}.{rest}" if rest else first
        assert f"`{name}`" in reference, path
