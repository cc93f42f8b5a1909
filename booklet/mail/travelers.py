"""The list of travelers (a CSV that staff export from a spreadsheet), read and checked.

Every bad row is reported at once, by its line in the file, before anything is sent: a typo
found after the 400th email is a typo found too late.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from booklet.content.errors import ContentError, Problem
from booklet.content.source import read_bounded

MAX_LIST_BYTES = 20 * 1024 * 1024
REQUIRED_COLUMNS = ("name", "email")
OPTIONAL_COLUMNS = ("language", "visit_date")
MAX_NAME = 200
_HEADER_HINT = "the first line names the columns, e.g. name,email,language,visit_date"

# Pragmatic, ASCII-only: what every SMTP server accepts without the SMTPUTF8 extension.
_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_ADDRESS = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})+")
_LANGUAGE = re.compile(r"([a-z]{2})(?:[-_][a-z0-9]{2,8})*")
_ENCODED_WORD = re.compile(r"=\?.*\?=", re.DOTALL)
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines() splits at

# ISO 639-1, so that "sp" for Spanish is caught instead of quietly getting the English edition.
_ISO_639_1 = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh
    zu"""
ISO_LANGUAGES = frozenset(_ISO_639_1.split())


@dataclass(frozen=True)
class Traveler:
    """One row of the list. `line` is the row's line in the file, for messages."""

    line: int
    name: str
    email: str
    language: str = ""
    visit_date: datetime.date | None = None

    @property
    def key(self) -> str:
        """The address as compared for duplicates and in the ledger: case does not matter."""
        return self.email.lower()


def is_address(text: str) -> bool:
    """A plain address like ana@example.org (no display name, no non-ASCII)."""
    return len(text) <= 254 and _ADDRESS.fullmatch(text) is not None


def clean_name(text: str) -> str:
    """The name without control, format or line-separator characters and runs of spaces, so it
    can neither break a header nor reorder the text around it (bidi overrides)."""
    kept = "".join(" " if c.isspace() else c for c in text if not _invisible(c))
    return " ".join(kept.split())


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") and not char.isspace()


def read_travelers(path: Path) -> list[Traveler]:
    """Read the list; raise ContentError with every bad row (file, line, column, problem)."""
    name = path.name
    # Split as the csv module expects (newline=""), so line numbers are the editor's.
    lines = io.StringIO(_read_text(path), newline="").readlines()
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise ContentError([Problem(name, None, "", f"no travelers listed; {_HEADER_HINT}")])
    rows = csv.reader(lines[start:], delimiter=_delimiter(lines[start]))
    try:
        header = [column.strip().lower() for column in next(rows)]
    except csv.Error as error:
        raise ContentError([Problem(name, start + 1, "", _csv_problem(error))]) from None
    problems = _check_header(name, start + 1, header)
    if problems:
        raise ContentError(problems)
    known = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
    columns = {column: header.index(column) for column in known if column in header}
    travelers: list[Traveler] = []
    first_line: dict[str, int] = {}
    end = rows.line_num + start
    try:
        for row in rows:
            line, end = end + 1, rows.line_num + start
            if not any(cell.strip() for cell in row):
                continue
            values = {k: row[i].strip() if i < len(row) else "" for k, i in columns.items()}
            traveler = _traveler(name, line, values, first_line, problems)
            if traveler is not None:
                travelers.append(traveler)
    except csv.Error as error:  # the csv module stops there: report it with the rows before it
        problems.append(Problem(name, end + 1, "", _csv_problem(error)))
    if not travelers and not problems:
        problems.append(Problem(name, None, "", "no travelers listed below the header"))
    if problems:
        raise ContentError(problems)
    return travelers


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"a cell is longer than {csv.field_size_limit()} characters "
            "(a quote left open swallows the rest of the file)"
        )
    return f"not readable as CSV: {str(error)[:100]}"


def header_problem(text: str) -> str | None:
    """Why `text` cannot go into an email header as it is, or None. Python's email package
    decodes RFC 2047 encoded words (`=?utf-8?q?...?=`) in any header it is given, and before
    the CVE-2024-6923 fix it wrote what they decode to (line breaks included) unencoded: a
    name could add headers or replace the body. So nothing that looks like one is accepted."""
    if any(char in _LINE_BREAKS for char in text):
        return "contains a line break; it must be one line"
    if _ENCODED_WORD.search(text):
        return (
            "looks like an encoded word (=?charset?q?...?=), which mail programs decode "
            "into other text; write it as plain text"
        )
    return None


def _read_text(path: Path) -> str:
    name = path.name
    data = read_bounded(path, MAX_LIST_BYTES)
    if len(data) > MAX_LIST_BYTES:
        raise ContentError([Problem(name, None, "", f"larger than {MAX_LIST_BYTES} bytes")])
    try:
        return data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = 'not UTF-8 text; in the spreadsheet, save the list as "CSV UTF-8"'
        raise ContentError([Problem(name, line, "", message)]) from None


def _delimiter(header_line: str) -> str:
    """Comma, unless the header uses semicolons or tabs (spreadsheets in some locales do)."""
    for candidate in (",", ";", "\t"):
        if candidate in header_line:
            return candidate
    return ","


def _check_header(name: str, line: int, header: list[str]) -> list[Problem]:
    problems = []
    for column in REQUIRED_COLUMNS:
        if column not in header:
            problems.append(Problem(name, line, "", f"missing column '{column}'; {_HEADER_HINT}"))
    for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS):
        if header.count(column) > 1:
            problems.append(Problem(name, line, "", f"column '{column}' appears twice"))
    return problems


def _traveler(
    name: str, line: int, values: dict[str, str], first_line: dict[str, int], out: list[Problem]
) -> Traveler | None:
    """One row as a Traveler, or None after adding its problems to `out`."""
    before = len(out)
    person = clean_name(values["name"])
    unsafe = header_problem(values["name"])
    if unsafe:
        out.append(Problem(name, line, "name", unsafe))
    elif not person:
        out.append(Problem(name, line, "name", "missing name"))
    elif len(person) > MAX_NAME:
        out.append(Problem(name, line, "name", f"longer than {MAX_NAME} characters"))
    email = values["email"]
    if not email:
        out.append(Problem(name, line, "email", "missing address"))
    elif not is_address(email):
        out.append(Problem(name, line, "email", f"not a valid address: {email[:80]!r}"))
    elif email.lower() in first_line:
        first = first_line[email.lower()]
        out.append(
            Problem(name, line, "email", f"duplicate address {email!r}; first on line {first}")
        )
    else:
        first_line[email.lower()] = line
    text = values.get("language", "")
    language = _language(text)
    if text and not language:
        expected = "expected a two-letter code like en or es"
        out.append(Problem(name, line, "language", f"unknown language {text!r}; {expected}"))
    text = values.get("visit_date", "")
    visit = _visit_date(text)
    if text and not visit:
        expected = "expected YYYY-MM-DD like 2026-08-20"
        out.append(Problem(name, line, "visit_date", f"not a date: {text!r}; {expected}"))
    if len(out) > before:
        return None
    return Traveler(line, person, email, language, visit)


def _language(text: str) -> str:
    """ "es", "ES" → "es"; "es-MX", "es_mx" → "es-MX" (the edition for Mexico if the content
    has one, else the Spanish one); "" when empty or not a language."""
    match = _LANGUAGE.fullmatch(text.lower())
    if match is None or match.group(1) not in ISO_LANGUAGES:
        return ""
    region = re.fullmatch(r"[a-z]{2}[-_]([a-z]{2})", text.lower())
    return f"{match.group(1)}-{region.group(1).upper()}" if region else match.group(1)


def _visit_date(text: str) -> datetime.date | None:
    """A real YYYY-MM-DD date, or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
