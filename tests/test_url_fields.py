"""Every URL field (museum.website, sources[].url) is a well-formed URL, or a located problem.

A website like `https://museo.example/"><b>` once passed (a valid scheme and host) and came out
as broken link markup on the practical page and a malformed QR code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import edit, line_of, run_cli

WEBSITE = 'website: "https://museocasadeleontrotsky.blogspot.com"'
SOURCE = 'url: "https://intromuseotrotsky.blogspot.com"'


def check(content: Path) -> tuple[int, list[str]]:
    code, out, err = run_cli("check", str(content))
    assert out == ""
    return code, err.splitlines()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ('https://museo.example/"><b>x', "it contains '\"'; write it as %22"),
        ("https://museo.example/a b", "it contains a space; write it as %20"),
        ("https://museo.example/<x>", "it contains '<'; write it as %3C"),
        ("https://museo.example/{x}", "it contains '{'; write it as %7B"),
        ("https://museo.example/100%", "'%' must start an escape of two hex digits, like %20"),
        ("https://museo.example:99999/", "the port in 'museo.example:99999' is not a number "
                                         "from 0 to 65535"),
        ("https://museo.example@evil.example/", "a user name before the host is refused "
                                                "(a reader would take it for the site)"),
        ("https://-museo.example/", "'-museo.example' is not a host name"),
    ],
)  # fmt: skip
def test_a_malformed_url_is_refused_in_every_url_field(
    english_project: Path, url: str, problem: str
) -> None:
    content = english_project / "content.yaml"
    quoted = url.replace('"', '\\"')
    edit(content, WEBSITE, f'website: "{quoted}"')
    edit(content, SOURCE, f'url: "{quoted}"')
    website, source = line_of(content, "website: "), line_of(content, f'url: "{quoted}"')
    code, lines = check(content)
    assert code == 1
    assert lines == [
        f"error: content.yaml:{website}: museum.website: not a valid URL: {problem}",
        f"error: content.yaml:{source}: sources[1].url: not a valid URL: {problem}",
        "2 problems found; nothing was written.",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://es.wikipedia.org/wiki/León_Trotski",  # an IRI: letters beyond ASCII are fine
        "https://museo.example:8443/visita?día=martes&x=%20#horario",
        "http://[2001:db8::1]/",
        "https://museo.example./",
    ],
)
def test_well_formed_urls_pass(english_project: Path, url: str) -> None:
    content = english_project / "content.yaml"
    edit(content, WEBSITE, f'website: "{url}"')
    edit(content, SOURCE, f'url: "{url}"')
    code, lines = check(content)
    assert code == 0, lines
