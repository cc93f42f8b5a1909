"""YAML syntax errors in plain words, at file:line:column (booklet/content/syntax.py).

Each case is a small inline file with one typing mistake staff make, and the exact message.
Every case runs with libyaml (what booklet uses when it is there) and with PyYAML's pure-Python
parser (its fallback), whose own messages differ: the explanation must not.
"""

from __future__ import annotations

import pytest
import yaml

from booklet.content import source
from booklet.content.errors import ContentError
from booklet.content.source import load_source

LOADERS = [yaml.SafeLoader]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.insert(0, yaml.CSafeLoader)


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source, "_LOADER", request.param)


def refusal(text: str) -> str:
    """The one line load_source refuses `text` with."""
    with pytest.raises(ContentError) as raised:
        load_source(text.encode("utf-8"), "content.yaml")
    [problem] = raised.value.problems
    return str(problem)


CASES = {
    "tab": (
        "booklet:\n  title: A\n\tsubtitle: B\n",
        "content.yaml:3:1: line 3 is indented with a tab; use spaces",
    ),
    "tab before a list item": (
        "rooms:\n\t- id: a\n",
        "content.yaml:2:1: line 2 is indented with a tab; use spaces",
    ),
    "tab inside a text block": (
        "text: |\n  First line\n\tsecond line\n",
        "content.yaml:3:1: line 3 is indented with a tab; use spaces",
    ),
    "quote open to the end": (
        'booklet:\n  title: "A museum\n  subtitle: B\nrooms:\n  - id: x\n',
        'content.yaml:2:10: the " that opens here is never closed; add the closing "',
    ),
    "single quote open to the end": (
        "booklet:\n  title: 'A museum\n",
        "content.yaml:2:10: the ' that opens here is never closed; add the closing '",
    ),
    "quote open until the next quote": (
        'title:\n  en: "The House\n  es: "La casa"\n',
        'content.yaml:2:7: the " that opens here is never closed (the text runs on to line 3); '
        'add the closing "',
    ),
    "quote open inside braces": (
        'hours: [{days: "Tuesday to Sunday, opens: "10:00", closes: "17:00"}]\n',
        'content.yaml:1:16: the " that opens here is never closed; add the closing "',
    ),
    "key indented to no level": (
        "booklet:\n  title: A\n subtitle: B\n",
        "content.yaml:3:2: 'subtitle' is indented by 1 space, which lines up with nothing "
        "above it; indent it by 2 spaces to line up with 'title' on line 2, or by 0 to line "
        "up with 'booklet' on line 1",
    ),
    "key indented between two levels": (
        "booklet:\n  title:\n      en: A\n    es: B\n",
        "content.yaml:4:5: 'es' is indented by 4 spaces, which lines up with nothing above it; "
        "indent it by 6 spaces to line up with 'en' on line 3, or by 2 to line up with "
        "'title' on line 2",
    ),
    "key indented under a value": (
        "booklet:\n  title: A\n    subtitle: B\n",
        "content.yaml:3:5: 'subtitle' is indented more than 'title' on line 2, which already "
        "has its value; indent it by 2 spaces, like 'title'",
    ),
    "key in a list item indented short": (
        "rooms:\n  - id: a\n    name: x\n   text: y\n",
        "content.yaml:4:4: 'text' is indented by 3 spaces, which lines up with nothing above "
        "it; indent it by 4 spaces to line up with 'name' on line 3, or by 2 to line up with "
        "the '-' on line 2",
    ),
    "key lined up with the dashes": (
        "rooms:\n  - id: a\n  name: x\n",
        "content.yaml:3:3: 'name' is lined up with the '-' on line 2; indent it by 4 spaces to "
        "go with 'id' on line 2, or start it with '- ' to begin a new item",
    ),
    "a line of a text block indented short": (
        "welcome:\n  text: |\n    First line\n   second line\n  title: W\n",
        "content.yaml:4:4: line 4 is indented less than the text of 'text' above it (from "
        "line 2); indent it by 4 spaces, like the rest of the text",
    ),
    "no space after the colon": (
        "booklet:\n  title:A\n  subtitle: B\n",
        "content.yaml:2:9: no space after the ':' of 'title'; write 'title: A'",
    ),
    "no space after the colon on the last line": (
        "booklet:\n  subtitle: B\n  title:A\n",
        "content.yaml:3:9: no space after the ':' of 'title'; write 'title: A'",
    ),
    "no colon": (
        "booklet:\n  title A\n  subtitle: B\n",
        "content.yaml:2:3: 'title A' has no ':' after its name; write it as 'name: value'",
    ),
    "colon inside a plain value": (
        "booklet:\n  title: Trotsky: the last years\n",
        "content.yaml:2:17: the value of 'title' contains ': '; put the whole value in quotes",
    ),
    "bracket never closed": (
        "plan:\n  size: [10, 20\n  entrance: [1, 2]\n",
        "content.yaml:2:9: the '[' that opens here is never closed; add the ']'",
    ),
    "brace never closed": (
        "name: {en: Kitchen, es: Cocina\nkind: room\n",
        "content.yaml:1:7: the '{' that opens here is never closed; add the '}'",
    ),
    "bracket closing nothing": (
        "plan:\n  size: [10, 20]]\n",
        "content.yaml:2:17: this ']' closes nothing; remove it, or add the '[' it ends",
    ),
    "brace closed with a bracket": (
        "name: {en: Kitchen, es: Cocina]\n",
        "content.yaml:1:31: this ']' closes the '{' opened on line 1, column 7; use '}'",
    ),
    "comma missing between items": (
        "outline: [[0, 0], [10, 0],\n    [10, 10] [0, 10]]\n",
        "content.yaml:2:14: expected ',' or ']' here; separate the items with commas",
    ),
    "a dash among keys": (
        "booklet:\n  title: A\n  - subtitle: B\n",
        "content.yaml:3:3: a '- ' list item among the names of 'booklet' (line 1); remove the "
        "'-', or write every entry of 'booklet' as a '- ' item",
    ),
    "a dash under a key with a value": (
        "booklet:\n  title: A\n    - subtitle: B\n",
        "content.yaml:3:5: 'title' on line 2 already has a value, so it cannot also hold this "
        "'- ' item; remove the value after 'title:' or the '- '",
    ),
    "a list on the line of its name": (
        "booklet:\n  authors: - Ana\n",
        "content.yaml:2:12: a '- ' list cannot start on the line of its name; put each '- ' "
        "item on a line of its own, indented below the name",
    ),
    "text after the closing quote": (
        'title: "The House" on Viena\n',
        'content.yaml:1:20: text after the closing "; to put a " inside the text, write \\" or '
        "enclose the text in single quotes",
    ),
    "apostrophe inside single quotes": (
        "name: 'Juan O'Gorman'\n",
        "content.yaml:1:15: text after the closing '; to put a ' inside the text, write it "
        "twice ('')",
    ),
    "backslash inside double quotes": (
        'file: "assets\\photo.jpg"\n',
        "content.yaml:1:14: '\\p' is not a valid escape inside double quotes; write '\\\\' "
        "for a backslash, or enclose the text in single quotes",
    ),
    "broken character code in double quotes": (
        'name: "Caf\\xZZ"\n',
        "content.yaml:1:11: '\\x' is not a valid escape inside double quotes; write '\\\\' "
        "for a backslash, or enclose the text in single quotes",
    ),
    "value starting with @": (
        "museum:\n  phone: @trotskymuseum\n",
        "content.yaml:2:10: a value cannot start with '@'; put the value in quotes",
    ),
    "value starting with &": (
        "title: & more\n",
        "content.yaml:1:8: a value cannot start with '&'; put the value in quotes",
    ),
    "text after the bar": (
        "text: | First line\n",
        "content.yaml:1:9: text cannot follow '|' or '>' on the same line; start the text on "
        "the next line, indented",
    ),
    "two commas": (
        "translations: [es, , fr]\n",
        "content.yaml:1:20: an empty entry (two commas with nothing between); remove a comma",
    ),
    "a second document": (
        "booklet: {title: A}\n---\nrooms: []\n",
        "content.yaml:2:1: '---' starts a second document here, but a content file holds one; "
        "remove this line",
    ),
    "an end marker before the end": (
        "booklet: {title: A}\n...\nrooms: []\n",
        "content.yaml:2:1: '...' on line 2 ends the content, but more follows; remove it",
    ),
}


@pytest.mark.usefixtures("loader")
@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_a_syntax_error_is_explained_in_plain_words(text: str, expected: str) -> None:
    assert refusal(text) == expected


@pytest.mark.usefixtures("loader")
def test_a_key_out_of_line_with_its_neighbours_offers_both_fixes() -> None:
    """Which of two lines is out of place cannot be known; both fixes are offered."""
    text = "booklet:\n  subtitle:\n    en: A\n  native_title: B\n    language: en\n"
    assert refusal(text) == (
        "content.yaml:5:5: 'language' is indented more than 'native_title' on line 4, which "
        "already has its value; indent it by 2 spaces like 'native_title', or, if "
        "'native_title' is the line out of place, indent 'native_title' by 4 spaces"
    )


@pytest.mark.usefixtures("loader")
def test_a_quoted_piece_of_a_long_line_is_cut_short() -> None:
    text = "museum:\n  getting there from the metro station take the bus\n  phone: x\n"
    assert refusal(text) == (
        "content.yaml:2:3: 'getting there from the metro station ta…' has no ':' after its "
        "name; write it as 'name: value'"
    )


def test_a_sound_file_is_parsed_once() -> None:
    """Explaining costs a second parse only when the file has failed."""
    calls = 0
    real = yaml.parse

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml, "parse", counting)
        load_source(b"booklet:\n  title: A\n", "content.yaml")
    assert calls == 1
