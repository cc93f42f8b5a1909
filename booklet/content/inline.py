"""The small inline markup content may use, turned into ReportLab paragraph markup safely.

Writers get `*emphasis*`, `**strong**` and `[text](https://...)`, nothing else. Everything else,
including every `<`, `>` and `&`, is escaped, so content can never reach ReportLab's own markup
language (which can open files and, in old releases, run code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

ALLOWED_SCHEMES = ("http", "https", "mailto")

_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", re.S)


@dataclass(frozen=True)
class Link:
    text: str
    url: str


def paragraphs(text: str) -> list[str]:
    """Split on blank lines; single line breaks inside a paragraph become spaces."""
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    return [" ".join(line.strip() for line in block.splitlines()) for block in blocks if block]


def links(text: str) -> list[Link]:
    """Every [text](url) in the text, for validation."""
    return [Link(m.group(1), m.group(2)) for m in _LINK.finditer(text)]


def url_problem(url: str) -> str | None:
    """Why a link target is not acceptable, or None when it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return f"not a valid link: {url!r}"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return f"links must start with http://, https:// or mailto:, got {url[:40]!r}"
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return f"link has no host: {url[:60]!r}"
    return None


def to_markup(text: str, link_colour: str, quotes: str = "“”‘’") -> str:
    """Render one paragraph of inline markup as ReportLab paragraph markup."""
    out: list[str] = []
    pos = 0
    for match in _LINK.finditer(text):
        out.append(_styled(text[pos : match.start()], quotes))
        label, url = match.group(1), match.group(2)
        if url_problem(url) is None:
            out.append(
                f"<a href={quoteattr(url)} color={quoteattr(link_colour)}>"
                f"{_styled(label, quotes)}</a>"
            )
        else:
            out.append(_styled(match.group(0), quotes))
        pos = match.end()
    out.append(_styled(text[pos:], quotes))
    return "".join(out)


def smart_quotes(text: str, quotes: str = "“”‘’") -> str:
    """Typewriter quotes to typographic ones: apostrophes, then opening and closing quotes.

    `quotes` is the edition's double open/close and single open/close, e.g. "“”‘’" for English.
    """
    double_open, double_close, single_open, single_close = tuple(quotes)
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(^|[\s(\[{—–-])\"", lambda m: m.group(1) + double_open, text)
    text = text.replace('"', double_close)
    text = re.sub(r"(^|[\s(\[{—–-])'", lambda m: m.group(1) + single_open, text)
    return text.replace("'", single_close)


def plain(text: str) -> str:
    """The text a reader sees, without markup characters (for outlines and metadata)."""
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _STRONG.sub(lambda m: m.group(1), text)
    return _EMPHASIS.sub(lambda m: m.group(1), text)


def _styled(text: str, quotes: str) -> str:
    """Escape everything, then turn the emphasis markers we recognise into tags."""
    escaped = escape(smart_quotes(text, quotes))
    escaped = _STRONG.sub(lambda m: f"<b>{m.group(1)}</b>", escaped)
    return _EMPHASIS.sub(lambda m: f"<i>{m.group(1)}</i>", escaped)
