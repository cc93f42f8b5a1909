"""The small inline markup content may use, turned into ReportLab paragraph markup safely.

Writers get `*emphasis*`, `**strong**` and `[text](https://...)`, nothing else. Everything else,
including every `<`, `>` and `&`, is escaped, so content can never reach ReportLab's own markup
language (which can open files and, in old releases, run code).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")

_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
_MARKER_RUN = re.compile(r"\*{1,3}")
REPORTLAB_TAGS = {"*": ("<i>", "</i>"), "**": ("<b>", "</b>")}
HTML_TAGS = {"*": ("<em>", "</em>"), "**": ("<strong>", "</strong>")}
NO_TAGS = {"*": ("", ""), "**": ("", "")}


def escape(text: str) -> str:
    """Escape text for ReportLab paragraph markup (as xml.sax.saxutils.escape, which would
    import urllib.request and cost a noticeable share of start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """A double-quoted attribute value with everything that could end it escaped."""
    return '"' + escape(text).replace('"', "&quot;") + '"'


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


def to_markup(text: str, link_colour: str, quotes: Sequence[str] = "“”‘’") -> str:
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


def smart_quotes(text: str, quotes: Sequence[str] = "“”‘’") -> str:
    """Typewriter quotes to typographic ones: apostrophes, then opening and closing quotes.

    `quotes` is the edition's double open/close and single open/close, e.g. "“”‘’" for English;
    a mark may carry a space, as French does: ("«\u00a0", "\u00a0»", "“", "”").
    """
    double_open, double_close, single_open, single_close = tuple(quotes)
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(^|[\s(\[{—–=-])\"", lambda m: m.group(1) + double_open, text)
    text = text.replace('"', double_close)
    text = re.sub(r"(^|[\s(\[{—–=-])'", lambda m: m.group(1) + single_open, text)
    return text.replace("'", single_close)


def plain(text: str, quotes: Sequence[str] = "“”‘’") -> str:
    """The text a reader sees, without markup characters but with typographic quotes
    (for headings, outlines and metadata)."""
    return smart_quotes(emphasis(_LINK.sub(lambda m: m.group(1), text), NO_TAGS), quotes)


def _styled(text: str, quotes: Sequence[str]) -> str:
    """Escape everything, then turn the emphasis markers we recognise into tags."""
    return emphasis(escape(smart_quotes(text, quotes)), REPORTLAB_TAGS)


def emphasis(text: str, tags: dict[str, tuple[str, str]]) -> str:
    """Turn matched `*` / `**` pairs into tags, always well nested.

    A marker opens before a non-space that is not inside a word, and closes after a non-space
    when it matches the innermost open marker; anything else prints as typed, as do markers
    left open at the end. So `2*3*4` and `***a* b**` never produce crossed tags.
    """
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    pos = 0
    for match in _MARKER_RUN.finditer(text):
        out.append(text[pos : match.start()])
        pos = match.end()
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        can_open = not after.isspace() and not (before.isalnum() or before == "_")
        can_close = not before.isspace() and not (after.isalnum() or after == "_")
        run = match.group()
        if run == "***":
            closing_em_first = bool(stack) and stack[-1][0] == "*"
            pieces = ["*", "**"] if (can_close and closing_em_first) else ["**", "*"]
        else:
            pieces = [run]
        for piece in pieces:
            if can_close and stack and stack[-1][0] == piece:
                _, index = stack.pop()
                out[index] = tags[piece][0]
                out.append(tags[piece][1])
            elif can_open:
                stack.append((piece, len(out)))
                out.append(piece)
            else:
                out.append(piece)
    out.append(text[pos:])
    return "".join(out)
