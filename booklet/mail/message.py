"""One email per traveler: a greeting, the essentials for the visit, and the booklet attached.

The essentials (address, hours, how to get there) come from the content of the traveler's
edition, so they say what the booklet says. Both a plain-text and an HTML body are sent: some
readers only show one. Content text is escaped before it reaches the HTML; only the booklet's
own small markup (emphasis, strong, http/https/mailto links) becomes tags.
"""

from __future__ import annotations

import datetime
import email.policy
import html
import re
import textwrap
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, make_msgid

from booklet.content.dates import PartialDate
from booklet.content.inline import (
    HTML_TAGS,
    emphasis,
    links,
    paragraphs,
    plain,
    smart_quotes,
    url_problem,
)
from booklet.content.model import Content
from booklet.content.project import Project
from booklet.labels import Labels
from booklet.layout.rendered import Rendered
from booklet.mail.stamp import CoverStamp
from booklet.mail.travelers import Traveler
from booklet.theme.palette import make_palette

NAME_ON_COVER = 60
WRAP = 72


@dataclass(frozen=True)
class Edition:
    """One language's booklet, laid out once and attached to every message in that language."""

    content: Content
    pdf: bytes
    filename: str
    stamp: CoverStamp | None


def prepare_editions(
    project: Project, booklets: Mapping[str, Rendered], personalise: bool
) -> dict[str, Edition]:
    """The booklet in each language some traveler reads (`booklets`, typeset once per run
    however many travelers read it); ready to stamp when personalising."""
    editions = {}
    for language, booklet in booklets.items():
        content = project.editions[language]
        paper = make_palette(content.theme.palette).paper
        band = booklet.positions["cover.band"]
        stamp = CoverStamp(booklet.pdf, paper, band) if personalise else None
        name = attachment_name(project.source, language)
        editions[language] = Edition(content, booklet.pdf, name, stamp)
    return editions


def message_for(
    edition: Edition, traveler: Traveler, sender: Address, subject: str | None
) -> EmailMessage:
    """The traveler's message: from the museum (unless --from named someone), with the
    edition's booklet, stamped with their name when personalising."""
    content = edition.content
    if not sender.display_name:
        sender = Address(plain(content.museum.name), addr_spec=sender.addr_spec)
    pdf = edition.pdf
    if edition.stamp is not None:
        pdf = edition.stamp.apply(prepared_line(traveler, content))
    return compose(
        content, traveler, pdf=pdf, filename=edition.filename, sender=sender, subject=subject
    )


def words(content: Content) -> dict[str, str]:
    """The email's words in the content's edition (the `email:` part of its label table)."""
    return dict(_labels(content).table["email"])


def default_subject(content: Content) -> str:
    return words(content)["subject"].format(museum=plain(content.museum.name))


def attachment_name(source: Content, language: str) -> str:
    """`leon-trotsky-house-museum-booklet.pdf`, `...-booklet-es.pdf` for other editions: the
    same stem in every edition, named after the museum in the content's own language."""
    stem = unicodedata.normalize("NFKD", plain(source.museum.name))
    slug = re.sub(r"[^a-z0-9]+", "-", stem.encode("ascii", "ignore").decode().lower()).strip("-")
    slug = f"{slug[:60].rstrip('-') or 'visitor'}-booklet"
    return f"{slug}.pdf" if language == source.language else f"{slug}-{language}.pdf"


def prepared_line(traveler: Traveler, content: Content) -> str:
    """The line stamped on the cover: "Prepared for Ana — visit on 20 August 2026"."""
    name = traveler.name
    if len(name) > NAME_ON_COVER:
        name = name[: NAME_ON_COVER - 1].rstrip() + "…"
    table = words(content)
    if traveler.visit_date is None:
        return table["prepared"].format(name=name)
    return table["prepared_visit"].format(name=name, date=_date(traveler.visit_date, content))


def compose(
    content: Content,
    traveler: Traveler,
    *,
    pdf: bytes,
    filename: str,
    sender: Address,
    subject: str | None = None,
) -> EmailMessage:
    """The whole message for one traveler, ready to send or to save as .eml."""
    subject = subject or default_subject(content)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    recipient = Address(display_name=traveler.name, addr_spec=traveler.email)
    message["To"] = recipient
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.domain or "localhost")
    sections = _sections(content)
    # Quoted-printable keeps the bodies 7-bit, for any relay without 8BITMIME on the way.
    message.set_content(_text_body(content, traveler, sections), cte="quoted-printable")
    html_body = _html_body(content, traveler, sections, subject)
    message.add_alternative(html_body, subtype="html", cte="quoted-printable")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    # Last: set_content() clears, and making a multipart moves, every Content-* header.
    message["Content-Language"] = content.language
    check_headers(message, {"To": (recipient,), "From": (sender,), "Subject": subject})
    return message


class UnsafeHeader(ValueError):
    """A header would not come out of the message as it went in: not sent."""


def check_headers(message: EmailMessage, expected: dict[str, str | tuple[Address, ...]]) -> None:
    """Write the headers as they would go on the wire, read them back, and insist on the same
    header names and the same values for `expected`: the same addresses, and the same text of
    names and subject (where Python's folding may move a space between encoded words).

    The traveler list and the content are checked before anything is composed (no encoded
    words, no line breaks); this is the second lock, on the bytes themselves: whatever Python's
    email package does with a value (decoding `=?utf-8?q?...?=` into line breaks, as releases
    without the CVE-2024-6923 fix do), nothing can become a header of its own or start the body.
    """
    policy = email.policy.SMTP
    wire = b"".join(policy.fold_binary(name, value) for name, value in message.raw_items())
    parsed = BytesParser(policy=email.policy.default).parsebytes(wire + b"\r\n", headersonly=True)
    if [name.lower() for name in parsed] != [name.lower() for name in message]:
        raise UnsafeHeader(f"the headers would come out as {', '.join(parsed)}")
    for name, value in expected.items():
        header = parsed[name]
        got = header.addresses if hasattr(header, "addresses") else str(header)
        if _gist(got) != _gist(value):
            raise UnsafeHeader(f"the {name} header would not come out as written")


def _gist(value: str | tuple[Address, ...]) -> object:
    """A header value without its whitespace: what must survive the trip to the wire."""
    if isinstance(value, str):
        return "".join(value.split())
    return [("".join(a.display_name.split()), a.addr_spec) for a in value]


def _sections(content: Content) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs in inline markup) for the essentials, in the booklet's words."""
    labels = _labels(content)
    museum, practical = content.museum, content.practical
    colon = labels["colon"]
    hours = [h.line(labels) for h in museum.hours]
    if museum.closed:
        hours.append(f"{labels['closed']}{colon}{museum.closed}")
    sections = [(labels["address"], ["\n".join(museum.address.lines())])]
    if hours:
        sections.append((labels["hours"], ["\n".join(hours)]))
    if practical.getting_there:
        sections.append((labels["getting_there"], paragraphs(practical.getting_there)))
    website = museum.website
    if website and not set(website) & set("()[]"):  # one our link markup can carry: a link
        website = f"[{website}]({website})"
    if website:
        sections.append((labels["website"], [website]))
    if museum.verify & {"hours", "closed"} or "getting_there" in practical.verify:
        sections.append(("", [labels["verify_mark"]]))
    return sections


def _greeting(content: Content, traveler: Traveler) -> list[str]:
    table = words(content)
    museum = plain(content.museum.name)
    lines = [table["greeting"].format(name=traveler.name), table["intro"].format(museum=museum)]
    if traveler.visit_date is not None:
        lines.append(table["visit"].format(date=_date(traveler.visit_date, content)))
    return lines


def _text_body(content: Content, traveler: Traveler, sections: list[tuple[str, list[str]]]) -> str:
    quotes = _labels(content).quotes
    blocks = [_wrap(line) for line in _greeting(content, traveler)]
    for heading, texts in sections:
        body = "\n\n".join(_wrap(_plain_text(text, quotes)) for text in texts)
        blocks.append(f"{heading.upper()}\n{body}" if heading else body)
    table = words(content)
    blocks.append(f"{table['closing']}\n{plain(content.museum.name)}")
    return "\n\n".join(blocks) + "\n"


def _html_body(
    content: Content, traveler: Traveler, sections: list[tuple[str, list[str]]], subject: str
) -> str:
    quotes = _labels(content).quotes
    colours = make_palette(content.theme.palette).hex
    heading_style = f"font-size:1em;margin:1.4em 0 .3em;color:{colours['accent']}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(content.language)}"><head><meta charset="utf-8">',
        f"<title>{html.escape(subject)}</title></head>",
        f'<body style="font-family:sans-serif;line-height:1.5;color:{colours["ink"]};'
        'max-width:38em">',
    ]
    out += [f"<p>{html.escape(line)}</p>" for line in _greeting(content, traveler)]
    for heading, texts in sections:
        if heading:
            out.append(f'<h2 style="{heading_style}">{html.escape(heading)}</h2>')
        out += [f"<p>{_html_text(text, quotes)}</p>" for text in texts]
    closing = words(content)["closing"]
    museum = html.escape(plain(content.museum.name))
    out += [f"<p>{html.escape(closing)}<br>{museum}</p>", "</body></html>", ""]
    return "\n".join(out)


def _plain_text(text: str, quotes: Sequence[str]) -> str:
    """Inline markup as a reader of plain text wants it: links as "label (url)"."""
    for link in links(text):
        shown = link.text if link.text == link.url else f"{link.text} ({link.url})"
        text = text.replace(f"[{link.text}]({link.url})", shown)
    return plain(text, quotes)


def _html_text(text: str, quotes: Sequence[str]) -> str:
    """Inline markup as HTML: everything escaped, then emphasis, strong and safe links."""
    out: list[str] = []
    pos = 0
    for link in links(text):
        raw = f"[{link.text}]({link.url})"
        start = text.find(raw, pos)
        out.append(_html_run(text[pos:start], quotes))
        if url_problem(link.url) is None:
            href = html.escape(link.url, quote=True)
            out.append(f'<a href="{href}">{_html_run(link.text, quotes)}</a>')
        else:
            out.append(_html_run(raw, quotes))
        pos = start + len(raw)
    out.append(_html_run(text[pos:], quotes))
    return "".join(out).replace("\n", "<br>\n")


def _html_run(text: str, quotes: Sequence[str]) -> str:
    # The same well-nested emphasis parser as the PDF, with HTML tags.
    return emphasis(html.escape(smart_quotes(text, quotes), quote=False), HTML_TAGS)


def _wrap(text: str) -> str:
    """Wrap each line of a paragraph at 72 columns, never breaking a word or a URL."""
    return "\n".join(
        textwrap.fill(line, WRAP, break_long_words=False, break_on_hyphens=False) or line
        for line in text.split("\n")
    )


def _date(date: datetime.date, content: Content) -> str:
    return _labels(content).date(PartialDate(date.year, date.month, date.day))


def _labels(content: Content) -> Labels:
    """The edition's words, with the museum's own (read with the content)."""
    return content.labels
