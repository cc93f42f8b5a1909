"""Every shipped table as an edition of the default content: its /Lang, and dates, times and
quotation marks written the edition's way (the texts themselves fall back to English)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.build import BuildResult, build
from tests.conftest import DEFAULT_CONTENT, edit

NB = "\u00a0"
# edition: (a fixed word, a timeline date, opening hours, a quotation in the welcome text)
EDITIONS = {
    "fr": ("Sommaire", "10–17 avr. 1937", "10:00–17:00", f"«{NB}Frank Jacson,{NB}»"),
    "de": ("Zeittafel", "10.–17. Apr. 1937", "10:00–17:00 Uhr", "„Frank Jacson,“"),
    "it": ("Cronologia", "10–17 apr 1937", "10:00–17:00", "«Frank Jacson,»"),
    "pt": ("Cronologia", "10–17 de abr. de 1937", "10:00–17:00", "“Frank Jacson,”"),
    "pt-PT": ("Cronologia", "10–17 de abr. de 1937", "10:00–17:00", "«Frank Jacson,»"),
    "en-GB": ("Timeline", "10–17 Apr 1937", "10:00–17:00", "“Frank Jacson,”"),
    "es-MX": ("Cronología", "10–17 de abr de 1937", f"10:00{NB}a.m.–5:00{NB}p.m.",
              "“Frank Jacson”"),
}  # fmt: skip


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[BuildResult, str]]:
    folder = tmp_path_factory.mktemp("locales")
    content = folder / "content.yaml"
    content.write_text(DEFAULT_CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "assets").mkdir()
    codes = [code for code in EDITIONS if code != "es-MX"]
    edit(content, "  translations: [es]\n", f"  translations: [es-MX, {', '.join(codes)}]\n")
    results = build(content, folder / "booklet.pdf", languages=list(EDITIONS), allow_fallback=True)
    out = {}
    for result in results:
        reader = PdfReader(result.output)
        text = "\n".join(page.extract_text() for page in reader.pages)
        out[result.language] = (result, flat(text))
    return out


def flat(text: str) -> str:
    """Every run of white space as one space: the timeline's narrow column wraps long dates,
    and text extraction gives a no-break space back as a plain one."""
    return " ".join(text.split())


@pytest.mark.parametrize("code", sorted(EDITIONS))
def test_an_edition_per_shipped_table(
    editions: dict[str, tuple[BuildResult, str]], code: str
) -> None:
    result, text = editions[code]
    word, date, hours, quoted = EDITIONS[code]
    reader = PdfReader(result.output)
    assert reader.trailer["/Root"]["/Lang"] == code
    assert Path(result.output).name == f"booklet-{code}.pdf"
    assert word in text
    assert flat(date) in text
    assert flat(hours) in text
    assert flat(quoted) in text
