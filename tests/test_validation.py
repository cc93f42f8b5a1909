"""Validation through the CLI: every bad content.yaml gets exact, located, one-line messages.

Each test edits a copy of the default content, runs `booklet check` (or `build` where writing
matters) and compares stderr line by line with `error: content.yaml:LINE: field.path: message`
plus the closing count. Line numbers come from the edited file, never hard-coded.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from booklet.content.project import load_project
from tests.conftest import DEFAULT_CONTENT, edit, line_of, run_cli

STUDY_PICTOGRAM = "    pictogram: study\n"
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _summary(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} found; nothing was written."


def check(project: Path) -> tuple[int, list[str]]:
    """Run `booklet check` on the project's content; return (exit code, stderr lines)."""
    code, out, err = run_cli("check", str(project / "content.yaml"))
    assert out == ""
    return code, err.splitlines()


def assert_problems(project: Path, *expected: str) -> None:
    """`check` exits 1 and prints exactly these problems (without the `error: ` prefix)."""
    code, lines = check(project)
    assert code == 1, lines
    assert lines == [f"error: {problem}" for problem in expected] + [_summary(len(expected))]


def line_after(path: Path, anchor: str, needle: str) -> int:
    """1-based line of the first line containing `needle` after the line containing `anchor`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = line_of(path, anchor)
    for number in range(start + 1, len(lines) + 1):
        if needle in lines[number - 1]:
            return number
    raise AssertionError(f"{needle!r} not after {anchor!r}")


@pytest.fixture
def project(english_project: Path) -> Path:
    """Edits below quote the content's wording, so they work on the frozen English copy."""
    return english_project


@pytest.fixture
def content(project: Path) -> Path:
    return project / "content.yaml"


# -- the default content ---------------------------------------------------------------------


# -- wrong types -----------------------------------------------------------------------------


def test_a_list_where_text_is_expected(project: Path, content: Path) -> None:
    edit(
        content,
        'subtitle: "A visitor\'s guide to the Leon Trotsky House Museum"',
        "subtitle: [a, b]",
    )
    line = line_of(content, "subtitle: [a, b]")
    assert_problems(project, f"content.yaml:{line}: booklet.subtitle: expected text, got a list")


def test_a_mapping_where_text_is_expected(project: Path, content: Path) -> None:
    edit(content, 'closed: "Mondays"', "closed: {day: Monday}")
    line = line_of(content, "closed: {day: Monday}")
    assert_problems(project, f"content.yaml:{line}: museum.closed: expected text, got a mapping")


def test_text_where_a_number_is_expected(project: Path, content: Path) -> None:
    edit(content, "entrance: [24, 0]", "entrance: [24, zero]")
    line = line_of(content, "entrance: [24, zero]")
    assert_problems(
        project, f"content.yaml:{line}: plan.entrance[1]: expected a number, got text 'zero'"
    )


def test_a_bad_plan_size_is_reported_once(project: Path, content: Path) -> None:
    edit(content, "size: [100, 70]", "size: [100, seventy]")
    line = line_of(content, "size: [100, seventy]")
    assert_problems(
        project, f"content.yaml:{line}: plan.size[1]: expected a number, got text 'seventy'"
    )


def test_text_where_a_whole_number_is_expected(project: Path, content: Path) -> None:
    edit(content, "walk_minutes: 10\n", "walk_minutes: ten\n")
    line = line_of(content, "walk_minutes: ten")
    assert_problems(
        project,
        f"content.yaml:{line}: nearby[0].walk_minutes: expected a whole number, got text 'ten'",
    )


def test_a_quoted_number_is_text_not_a_number(project: Path, content: Path) -> None:
    edit(content, "walk_minutes: 10\n", 'walk_minutes: "10"\n')
    line = line_of(content, 'walk_minutes: "10"')
    assert_problems(
        project,
        f"content.yaml:{line}: nearby[0].walk_minutes: expected a whole number, got text '10'",
    )


def test_a_bad_room_number_is_reported_once(project: Path, content: Path) -> None:
    edit(content, "    number: 4\n", "    number: four\n")
    line = line_of(content, "number: four")
    assert_problems(
        project, f"content.yaml:{line}: rooms[3].number: expected a whole number, got text 'four'"
    )


def test_a_mapping_where_a_list_is_expected(project: Path, content: Path) -> None:
    edit(
        content,
        '    highlights:\n      - "Desk with books and papers, kept as in August 1940"\n'
        '      - "His dictaphone and wire-rimmed glasses"\n'
        '      - "A map, a small day-bed and a marble bust"\n',
        "    highlights: {desk: books}\n",
    )
    line = line_of(content, "highlights: {desk: books}")
    assert_problems(
        project, f"content.yaml:{line}: rooms[3].highlights: expected a list, got a mapping"
    )


def test_a_yes_no_where_true_false_is_expected(project: Path, content: Path) -> None:
    old = '      event: "Ramón Mercader, an NKVD agent, attacked Trotsky with an ice axe in his study."\n      highlight: true\n'  # noqa: E501
    edit(content, old, old.replace("highlight: true", "highlight: yes"))
    line = line_after(content, "Ramón Mercader, an NKVD agent", "highlight: yes")
    assert_problems(
        project,
        f"content.yaml:{line}: history.timeline[18].highlight: "
        "expected true or false, got a yes/no value (yes)",
    )


# -- missing, misspelt and unknown fields ----------------------------------------------------


def test_a_missing_required_field(project: Path, content: Path) -> None:
    edit(content, '    name: "Trotsky\'s study"\n', "")
    line = line_of(content, "  - id: study")
    assert_problems(project, f"content.yaml:{line}: rooms[3].name: required field is missing")


def test_a_missing_section_is_reported_by_what_it_must_hold(project: Path, content: Path) -> None:
    """One round: a missing museum names its missing name and address parts at once."""
    text = content.read_text(encoding="utf-8")
    start, end = text.index("\nmuseum:\n"), text.index("\nhistory:\n")
    content.write_text(text[:start] + text[end:], encoding="utf-8")
    line = line_of(content, "booklet:")
    assert_problems(
        project,
        f"content.yaml:{line}: museum.name: required field is missing",
        f"content.yaml:{line}: museum.address.street: required field is missing",
        f"content.yaml:{line}: museum.address.city: required field is missing",
        f"content.yaml:{line}: museum.address.country: required field is missing",
    )


def test_misspelt_subtitle_suggests_the_right_name(project: Path, content: Path) -> None:
    edit(content, '  subtitle: "A visitor', '  subtitel: "A visitor')
    assert_problems(
        project,
        f"content.yaml:{line_of(content, 'subtitel:')}: booklet.subtitel: unknown field; "
        "did you mean 'subtitle'?",
    )


def test_misspelt_highlights_suggests_the_right_name(project: Path, content: Path) -> None:
    edit(content, '    highlights:\n      - "Desk', '    highlihgts:\n      - "Desk')
    line = line_of(content, "highlihgts:")
    assert_problems(
        project,
        f"content.yaml:{line}: rooms[3].highlihgts: unknown field; did you mean 'highlights'?",
    )


def test_unknown_field_without_a_close_match_lists_the_expected_ones(
    project: Path, content: Path
) -> None:
    edit(content, STUDY_PICTOGRAM, STUDY_PICTOGRAM + "    zzzqqq: 1\n")
    line = line_of(content, "zzzqqq: 1")
    assert_problems(
        project,
        f"content.yaml:{line}: rooms[3].zzzqqq: unknown field; expected one of: "
        "id, number, name, local_name, kind, pictogram, summary, text, "
        "highlights, image",
    )


def test_unknown_museum_field_lists_each_expected_field_once(project: Path, content: Path) -> None:
    edit(content, '  phone: "+52 55 5658 8732"\n', '  phone: "+52 55 5658 8732"\n  zzzqqq: 1\n')
    line = line_of(content, "zzzqqq: 1")
    assert_problems(
        project,
        f"content.yaml:{line}: museum.zzzqqq: unknown field; expected one of: name, local_name, "
        "institution, address, website, phone, hours, closed, admission, visit_length, verify",
    )


# -- YAML syntax -----------------------------------------------------------------------------


def test_a_key_indented_too_little_names_the_levels_it_could_take(
    project: Path, content: Path
) -> None:
    edit(content, '  subtitle: "A visitor', ' subtitle: "A visitor')
    line = line_of(content, ' subtitle: "A visitor')
    title = line_of(content, '  title: "The House')
    booklet = content.read_text(encoding="utf-8").splitlines().index("booklet:") + 1
    assert_problems(
        project,
        f"content.yaml:{line}:2: 'subtitle' is indented by 1 space, which lines up with "
        f"nothing above it; indent it by 2 spaces to line up with 'title' on line {title}, "
        f"or by 0 to line up with 'booklet' on line {booklet}",
    )


def test_a_key_indented_under_a_value_says_how_far_to_indent_it(
    project: Path, content: Path
) -> None:
    edit(content, '  subtitle: "A visitor', '   subtitle: "A visitor')
    line = line_of(content, '   subtitle: "A visitor')
    title = line_of(content, '  title: "The House')
    assert_problems(
        project,
        f"content.yaml:{line}:4: 'subtitle' is indented more than 'title' on line {title}, "
        "which already has its value; indent it by 2 spaces, like 'title'",
    )


def test_an_over_indented_field_names_its_neighbour(project: Path, content: Path) -> None:
    edit(content, '    city: "Ciudad de México"', '      city: "Ciudad de México"')
    line = line_of(content, "      city:")
    assert_problems(
        project,
        f"content.yaml:{line}:7: 'city' is indented more than 'postal_code' on line "
        f"{line - 1}, which already has its value; indent it by 4 spaces, like 'postal_code'",
    )


def test_a_tab_for_indentation_is_named_on_its_line(project: Path, content: Path) -> None:
    edit(content, '  edition: "2026"', '\tedition: "2026"')
    line = line_of(content, '\tedition: "2026"')
    assert_problems(
        project, f"content.yaml:{line}:1: line {line} is indented with a tab; use spaces"
    )


def test_an_unclosed_quote_is_reported_where_it_opens(project: Path, content: Path) -> None:
    edit(content, '{days: "Tuesday to Sunday", opens', '{days: "Tuesday to Sunday, opens')
    line = line_of(content, '{days: "Tuesday to Sunday, opens')
    assert_problems(
        project, f'content.yaml:{line}:14: the " that opens here is never closed; add the closing "'
    )


def test_a_quote_left_open_to_the_next_line_is_reported_where_it_opens(
    project: Path, content: Path
) -> None:
    edit(content, '  title: "The House on Avenida Viena"', '  title: "The House on Avenida Viena')
    line = line_of(content, '  title: "The House on Avenida Viena')
    assert_problems(
        project,
        f'content.yaml:{line}:10: the " that opens here is never closed (the text runs on to '
        f'line {line + 1}); add the closing "',
    )


def test_a_quote_left_open_to_the_end_is_reported_where_it_opens(
    project: Path, content: Path
) -> None:
    edit(content, 'secondary: "#2e6a52"', 'secondary: "#2e6a52')
    line = line_of(content, 'secondary: "#2e6a52')
    column = content.read_text(encoding="utf-8").splitlines()[line - 1].index('"') + 1
    assert_problems(
        project,
        f'content.yaml:{line}:{column}: the " that opens here is never closed; add the closing "',
    )


def test_a_utf8_byte_order_mark_is_accepted(project: Path, content: Path) -> None:
    content.write_bytes(b"\xef\xbb\xbf" + content.read_bytes())
    assert check(project)[0] == 0


@pytest.mark.parametrize("data", [b"", b"\n\n# nothing but a comment\n"], ids=["empty", "comment"])
def test_an_empty_file(project: Path, content: Path, data: bytes) -> None:
    content.write_bytes(data)
    assert_problems(project, "content.yaml:1: the file is empty")


def test_a_file_that_is_a_list_gets_one_message(project: Path, content: Path) -> None:
    content.write_text("- a\n- b\n", encoding="utf-8")
    assert_problems(
        project,
        "content.yaml:1: expected a mapping of sections (booklet:, museum:, rooms: ...) "
        "at the top of the file",
    )


# -- YAML 1.1 surprises where text is expected -----------------------------------------------


def test_unquoted_time_is_a_number_to_yaml(project: Path, content: Path) -> None:
    edit(content, 'opens: "10:00", closes', "opens: 9:30, closes")
    line = line_of(content, "opens: 9:30")
    assert_problems(
        project,
        f"content.yaml:{line}: museum.hours[0].opens: "
        'YAML reads 9:30 as a number; put it in quotes: "09:30"',
    )


def test_unquoted_no_is_a_yes_no_value_to_yaml(project: Path, content: Path) -> None:
    edit(content, 'closes: "17:00"', "closes: no")
    line = line_of(content, "closes: no")
    assert_problems(
        project,
        f"content.yaml:{line}: museum.hours[0].closes: "
        'YAML reads no as a yes/no value; put it in quotes: "no"',
    )


def test_unquoted_postal_code_is_a_number_to_yaml(project: Path, content: Path) -> None:
    edit(content, '    postal_code: "04100"\n', "    postal_code: 04100\n")
    line = line_of(content, "postal_code: 04100")
    assert_problems(
        project,
        f"content.yaml:{line}: museum.address.postal_code: "
        'YAML reads 04100 as a number; put it in quotes: "04100"',
    )


def test_unquoted_date_is_a_date_to_yaml(project: Path, content: Path) -> None:
    edit(content, '- date: "1940-08-21"', "- date: 1940-08-21")
    line = line_of(content, "- date: 1940-08-21")
    code, lines = check(project)
    assert code == 1
    assert (
        f"error: content.yaml:{line}: history.timeline[19].date: "
        'YAML reads 1940-08-21 as a date; put it in quotes: "1940-08-21"'
    ) in lines


def test_unquoted_date_is_reported_once(project: Path, content: Path) -> None:
    edit(content, '- date: "1940-08-21"', "- date: 1940-08-21")
    line = line_of(content, "- date: 1940-08-21")
    assert_problems(
        project,
        f"content.yaml:{line}: history.timeline[19].date: "
        'YAML reads 1940-08-21 as a date; put it in quotes: "1940-08-21"',
    )


def test_unquoted_colour_is_a_comment_to_yaml(project: Path, content: Path) -> None:
    edit(content, 'accent: "#b0271f"', "accent: #ff0000")
    line = line_of(content, "accent: #ff0000")
    assert_problems(
        project,
        f"content.yaml:{line}: theme.palette.accent: empty; a colour starts with "
        "'#', which YAML reads as a comment: put it in quotes, like "
        '"#b0271f"',
    )


# -- files named by the content --------------------------------------------------------------


def _add_study_image(content: Path, file: str) -> int:
    edit(content, STUDY_PICTOGRAM, STUDY_PICTOGRAM + f"    image: {{file: {file}}}\n")
    return line_of(content, "    image: {file:")


# -- cross-references and order --------------------------------------------------------------


def test_plan_area_naming_an_unknown_room(project: Path, content: Path) -> None:
    edit(content, "{room: bedroom, outline", "{room: bedrom, outline")
    line = line_of(content, "{room: bedrom,")
    assert_problems(
        project,
        f"content.yaml:{line}: plan.areas[4].room: "
        "no room has id 'bedrom'; did you mean 'bedroom'?",
    )


def test_duplicate_room_ids_and_numbers(project: Path, content: Path) -> None:
    edit(content, "    - {room: bedroom, outline: [[58, 50], [74, 50], [74, 64], [58, 64]]}\n", "")
    edit(content, "  - id: bedroom\n    number: 5\n", "  - id: study\n    number: 4\n")
    id_line = line_after(content, "  - id: study", "  - id: study")
    assert_problems(
        project,
        f"content.yaml:{id_line}: rooms[4].id: id 'study' already used by rooms[3]",
        f"content.yaml:{id_line + 1}: rooms[4].number: number 4 already used by rooms[3]",
    )


def test_timeline_out_of_order(project: Path, content: Path) -> None:
    edit(content, '- date: "1962"', '- date: "1902"')
    line = line_of(content, '- date: "1902"')
    assert_problems(
        project, f"content.yaml:{line}: history.timeline[20].date: events must be in date order"
    )


# -- links and characters in text ------------------------------------------------------------


WEBSITE = '  website: "https://museocasadeleontrotsky.blogspot.com"\n'


def test_each_edition_opens_its_own_website(tmp_path: Path) -> None:
    shutil.copy(DEFAULT_CONTENT, tmp_path / "content.yaml")
    content = tmp_path / "content.yaml"
    assert load_project(content).source.museum.website == "https://intromuseotrotsky.blogspot.com"
    spanish = load_project(content).editions["es"].museum.website
    assert spanish == "https://museocasadeleontrotsky.blogspot.com"
    # An edition without a URL of its own uses the original's: a URL needs no translation.
    edit(content, '    es: "https://museocasadeleontrotsky.blogspot.com"\n', "")
    spanish = load_project(content).editions["es"].museum.website
    assert spanish == "https://intromuseotrotsky.blogspot.com"
    code, lines = check(tmp_path)
    assert code == 0 and not any("museum.website" in line for line in lines), lines


@pytest.mark.parametrize(
    ("variants", "field", "message"),
    [
        (
            {"en": "https://example.org/en", "es": "ftp://example.org/es"},
            "museum.website.es",
            "links must start with http://, https:// or mailto:, got 'ftp://example.org/es'",
        ),
        (
            {"en": "https://example.org/en", "es": "https://example.org/" + "x" * 300},
            "museum.website.es",
            "too long for a QR code that scans from print: 320 characters, at most 300",
        ),
        ({"es": "https://example.org/es"}, "museum.website", "no 'en' URL"),
        (
            {"en": "https://example.org/en", "Spanish": "https://example.org/es"},
            "museum.website.Spanish",
            "expected a two-letter language code",
        ),
    ],
)
def test_a_website_per_edition_is_checked_in_every_edition(
    project: Path, content: Path, variants: dict[str, str], field: str, message: str
) -> None:
    lines = "".join(f'    {code}: "{url}"\n' for code, url in variants.items())
    edit(content, WEBSITE, f"  website:\n{lines}")
    bad = [code for code in variants if field.endswith(f".{code}")]
    line = line_of(content, f"    {bad[0]}: ") if bad else line_of(content, "    es: ")
    assert_problems(project, f"content.yaml:{line}: {field}: {message}")


def _assert_no_raw_controls(text: str) -> None:
    for char in text:
        assert char == "\n" or unicodedata.category(char) != "Cc", repr(char)
        assert char not in BIDI, repr(char)


def test_an_echoed_value_shows_control_characters_escaped(project: Path, content: Path) -> None:
    edit(content, "pictogram: kitchen", 'pictogram: "kit\\u202echen"')
    line = line_of(content, 'pictogram: "kit\\u202echen"')
    assert_problems(
        project,
        f"content.yaml:{line}: rooms[0].pictogram: "
        "contains a bidirectional override (U+202E); remove it",
        f"content.yaml:{line}: rooms[0].pictogram: "
        "no pictogram called 'kit\\u202echen'; did you mean 'kitchen'?",
    )
    _assert_no_raw_controls(run_cli("check", str(content))[2])


# -- every problem, in order -----------------------------------------------------------------


def test_every_problem_is_reported_sorted_by_line_and_nothing_is_written(
    project: Path, content: Path
) -> None:
    edit(content, 'accent: "#b0271f"', "accent: #ff0000")
    edit(content, STUDY_PICTOGRAM, STUDY_PICTOGRAM + "    image: {file: assets/images/nope.jpg}\n")
    edit(content, 'opens: "10:00", closes', "opens: 9:30, closes")
    edit(content, '  subtitle: "A visitor', '  subtitel: "A visitor')
    expected = [
        f"content.yaml:{line_of(content, 'subtitel:')}: booklet.subtitel: unknown field; "
        "did you mean 'subtitle'?",
        f"content.yaml:{line_of(content, 'opens: 9:30')}: museum.hours[0].opens: "
        'YAML reads 9:30 as a number; put it in quotes: "09:30"',
        f"content.yaml:{line_of(content, 'nope.jpg')}: rooms[3].image.file: "
        "file not found: assets/images/nope.jpg",
        f"content.yaml:{line_of(content, 'accent: #ff0000')}: theme.palette.accent: "
        "empty; a colour "
        "starts with '#', which YAML reads as a comment: put it in quotes, like \"#b0271f\"",
    ]
    assert_problems(project, *expected)

    out = project / "booklet-out" / "booklet.pdf"
    code, stdout, err = run_cli("build", str(content), "-o", str(out))
    assert (code, stdout) == (1, "")
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {problem}" for problem in expected]
    assert err.splitlines()[-1] == "4 problems found; nothing was written."
    numbers = [int(line.split(":")[2]) for line in errors]
    assert numbers == sorted(numbers)
    assert not (project / "booklet-out").exists()


def test_an_unreadable_image_is_reported_with_other_problems(project: Path, content: Path) -> None:
    images = project / "assets" / "images"
    images.mkdir()
    (images / "study.jpg").write_text("not a photo\n", encoding="utf-8")
    image_line = _add_study_image(content, "assets/images/study.jpg")
    edit(content, 'closes: "17:00"', "closes: no")
    assert_problems(
        project,
        f"content.yaml:{line_of(content, 'closes: no')}: museum.hours[0].closes: "
        'YAML reads no as a yes/no value; put it in quotes: "no"',
        f"content.yaml:{image_line}: rooms[3].image.file: "
        "not a photo booklet can read: the file is corrupt, empty or not really an image; "
        "open it and export it again as a JPEG",
    )


def test_a_point_with_one_number_is_counted_in_the_singular(project: Path, content: Path) -> None:
    old = content.read_text(encoding="utf-8")
    entrance = next(line for line in old.splitlines() if line.startswith("  entrance: ["))
    edit(content, entrance, "  entrance: [50]")
    assert_problems(
        project,
        f"content.yaml:{line_of(content, '  entrance: [50]')}: plan.entrance: "
        "expected [x, y], got 1 number",
    )
