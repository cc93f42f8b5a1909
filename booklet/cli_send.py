"""`booklet send`: email the booklet to a list of travelers, each in their own language.

The order is the one that loses nothing and sends nothing twice: check the list and the content
(every problem at once), take the ledger's lock and read it, lay out each needed edition once,
then send one message at a time, writing what became of it to the ledger before the next. Heavy
modules are imported inside the command, so `booklet --help` stays quick.
"""

from __future__ import annotations

import getpass
import ipaddress
import os
import re
import sys
import time
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from booklet import interruption
from booklet.cli_common import configure_logging, content_argument, quiet_option
from booklet.content.errors import (
    ContentError,
    FileError,
    Problem,
    UsageError,
    os_reason,
    printable,
)
from booklet.exits import EXIT_CONTENT as EXIT_FAILED
from booklet.exits import EXIT_INTERRUPTED
from booklet.words import counted

if TYPE_CHECKING:
    from email.headerregistry import Address
    from email.message import EmailMessage

    from booklet.content.model import Content
    from booklet.content.project import Project
    from booklet.layout.rendered import Rendered
    from booklet.mail.ledger import Ledger, LedgerError, State
    from booklet.mail.message import Edition
    from booklet.mail.smtp import Mailer, Outcome, Pacer, Security
    from booklet.mail.travelers import Traveler

    Outgoing = Iterator[tuple["Pending", EmailMessage]]

PASSWORD_VARIABLE = "BOOKLET_SMTP_PASSWORD"
NOT_RECORDED = "not recorded: "
INTERRUPTED_IN_DOUBT = (
    "interrupted after the whole message was sent, before the server confirmed it; it may "
    "have been delivered"
)


@dataclass
class Tally:
    sent: int = 0
    skipped: int = 0
    failed: list[tuple[Traveler, str]] = field(default_factory=list)
    unknown: list[tuple[Traveler, str]] = field(default_factory=list)
    held: int = 0  # outcome unknown in an earlier run: not sent again without --resend-unknown

    @property
    def done(self) -> int:
        return self.sent + len(self.failed) + len(self.unknown)


@dataclass(frozen=True)
class Pending:
    """One message to send: the traveler's place in the list, and what the ledger keys it by."""

    number: int
    traveler: Traveler
    tour: str


class NotRecorded(Exception):
    """What became of a message could not be written to the ledger: stop at once."""

    def __init__(self, traveler: Traveler, error: LedgerError, ledger: Path) -> None:
        state = error.line.split(" ", 1)[0]
        who = f"{traveler.email} (line {traveler.line})"
        where = f"{ledger}: {error.reason}"
        if state == "sending":
            text = (
                f"could not record that the message to {who} was about to go out ({where}); "
                "it was not sent"
            )
        elif state == "failed":
            text = (
                f"the message to {who} was not delivered, but that could not be recorded in "
                f"{where}; the ledger still counts it as possibly delivered: use --resend "
                f"{traveler.email} to send it"
            )
        else:
            what = "was delivered" if state == "delivered" else "may have been delivered"
            text = (
                f"{who} {what} but that could not be recorded in {where}; stopped before the "
                f"next message. Until this line is added to {ledger.name}, it counts as "
                f"possibly delivered and is not sent again: {error.line}"
            )
        super().__init__(text)


def _refuse_password(_ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value is not None:
        raise click.UsageError(
            f"the SMTP password is never taken on the command line, where other users and the "
            f"shell history can see it; set {PASSWORD_VARIABLE} or answer the prompt"
        )


@click.command(short_help="Email the booklet to a list of travelers.")
@content_argument
@click.option(
    "--to",
    "travelers_file",
    type=click.Path(path_type=Path),
    required=True,
    metavar="CSV",
    help="The travelers: a CSV with the columns name,email and "
    "optionally language,visit_date (YYYY-MM-DD).",
)
@click.option(
    "--subject",
    default=None,
    help="Subject line (default: 'Your visitor booklet: MUSEUM', translated).",
)
@click.option(
    "--from",
    "sender",
    default=None,
    metavar="ADDRESS",
    help="From address (default: mail.from in the content, else the SMTP user if it is "
    "an address; there is no other default).",
)
@click.option("--smtp-host", default="localhost", show_default=True, help="The SMTP server.")
@click.option(
    "--smtp-port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Default 25; 587 with --starttls, 465 with --ssl.",
)
@click.option("--starttls", is_flag=True, help="Encrypt the connection with STARTTLS.")
@click.option("--ssl", "use_ssl", is_flag=True, help="Connect over TLS from the start (SMTPS).")
@click.option(
    "--smtp-user",
    default=None,
    metavar="USER",
    help=f"Log in as USER; the password comes from {PASSWORD_VARIABLE} or a prompt.",
)
@click.option("--smtp-password", hidden=True, expose_value=False, callback=_refuse_password)
@click.option(
    "--personalise", is_flag=True, help='Print "Prepared for NAME — visit on DATE" on each cover.'
)
@click.option("--rate", default=None, metavar="N/min", help="Send at most N messages a minute.")
@click.option(
    "--dry-run",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help="Write the messages a real run would send to DIR/NNN-ADDRESS"
    ".eml instead; nothing is sent and the ledger is left alone.",
)
@click.option(
    "--retry-delay",
    type=click.FloatRange(min=0),
    default=2.0,
    show_default=True,
    metavar="SECONDS",
    help="Wait before retrying a message the server deferred (4xx) or a dropped connection.",
)
@click.option(
    "--cafile",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Trust the CA certificates in this PEM file (a server with a private CA).",
)
@click.option(
    "--campaign",
    default=None,
    metavar="NAME",
    help="Key the ledger by this name instead of each traveler's visit date and the "
    "booklet's edition: everyone gets the booklet once per campaign.",
)
@click.option(
    "--resend",
    multiple=True,
    metavar="ADDRESS|all",
    help="Send again to this traveler (repeat for more), or to everyone with 'all', even if "
    "the ledger says they have it.",
)
@click.option(
    "--resend-unknown",
    is_flag=True,
    help="Send again to the travelers whose message had an unknown outcome (the connection "
    "ended before the server confirmed it).",
)
@click.option(
    "--deadline",
    default=None,
    metavar="DURATION",
    help="Stop after this long, e.g. 45min or 2h (default: 30min plus the time --rate "
    "spaces the messages).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=None,
    metavar="SECONDS",
    help="Longest wait for each answer from the server (default: 60).",
)
@quiet_option("Print problems and failures only.")
def send(
    content: Path,
    travelers_file: Path,
    subject: str | None,
    sender: str | None,
    smtp_host: str,
    smtp_port: int | None,
    starttls: bool,
    use_ssl: bool,
    smtp_user: str | None,
    personalise: bool,
    rate: str | None,
    dry_run: Path | None,
    retry_delay: float,
    cafile: Path | None,
    campaign: str | None,
    resend: tuple[str, ...],
    resend_unknown: bool,
    deadline: str | None,
    timeout: float | None,
    quiet: bool,
) -> None:
    """Email the booklet from CONTENT (default ./content.yaml) to every traveler in --to.

    Each traveler gets the edition in their language when the content has it. What became of
    each message is written to CSV.sent beside the list, keyed by address, visit date and
    edition (or --campaign); running again sends only to the rest.
    """
    from booklet.content.inline import plain
    from booklet.mail.ledger import Ledger, ledger_path, read_ledger
    from booklet.mail.message import prepare_editions
    from booklet.mail.smtp import (
        DEFAULT_PORTS,
        DEFAULT_TIMEOUT,
        Deadline,
        Mailer,
        Pacer,
        SendAborted,
        SmtpSettings,
        parse_duration,
        parse_rate,
    )

    configure_logging(quiet)
    if starttls and use_ssl:
        raise click.UsageError("use either --starttls or --ssl, not both")
    security: Security = "ssl" if use_ssl else "starttls" if starttls else "none"
    try:
        per_minute = parse_rate(rate) if rate else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--rate") from None
    try:
        limit = parse_duration(deadline) if deadline else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--deadline") from None
    given_sender = _from_option(sender)
    if smtp_user and security == "none" and not _is_loopback(smtp_host) and not dry_run:
        raise UsageError(
            f"--smtp-user without --starttls or --ssl would send the password to "
            f"{smtp_host} unencrypted; add --starttls or --ssl"
        )
    subject = _header_option(subject, "--subject")
    campaign = _header_option(campaign, "--campaign")

    project, travelers, languages = _gather(content, travelers_file, personalise)
    source = project.source
    from_address = _sender(given_sender, source, smtp_user)
    resend_all, wanted = _resend_addresses(resend, travelers, travelers_file)
    edition = " ".join(plain(source.booklet.edition).split())
    tours = {t.line: _tour(t, edition, campaign) for t in travelers}
    ledger_file = ledger_path(travelers_file)
    tally = Tally()
    stopped = ""
    with ExitStack() as stack:
        # Read under the lock: a run that finished a moment ago is seen, not sent again.
        ledger = None if dry_run else stack.enter_context(Ledger(ledger_file))
        entries = read_ledger(ledger_file) if ledger is None else ledger.entries
        _warn_ignored(ledger_file, entries.ignored)
        pending: list[Pending] = []
        for number, t in enumerate(travelers, 1):
            state = entries.state(t.email, tours[t.line])
            again = resend_all or t.key in wanted or (state == "unknown" and resend_unknown)
            if state is None or again:
                pending.append(Pending(number, t, tours[t.line]))
            elif state == "unknown":
                tally.held += 1
            else:
                tally.skipped += 1
        if not pending:
            _say(quiet, _nothing_to_send(tally, len(travelers), ledger_file))
            return
        seconds = limit or 30 * 60 + (60 / per_minute if per_minute else 0) * len(pending)
        password = None
        if smtp_user and not dry_run:
            password = os.environ.get(PASSWORD_VARIABLE) or _ask_password(smtp_user)
            _check_password(password)
        started = time.monotonic()  # the deadline counts from here, not from the prompt
        needed = sorted({languages[p.traveler.line] for p in pending})
        editions = prepare_editions(project, _typeset_email(project, needed), personalise)
        outgoing = _messages(pending, editions, languages, from_address, subject, tally)
        port = smtp_port or DEFAULT_PORTS[security]
        settings = SmtpSettings(
            smtp_host, port, security, smtp_user, password, cafile, timeout or DEFAULT_TIMEOUT
        )
        mailer = Mailer(
            settings, retry_delay=retry_delay, deadline=Deadline(started + seconds, seconds)
        )
        try:
            if dry_run:
                _write_all(outgoing, dry_run, len(travelers), len(pending), quiet, tally)
            elif ledger is not None:
                pacer = Pacer(per_minute)
                address = from_address.addr_spec
                _send_all(outgoing, mailer, ledger, address, pacer, len(pending), quiet, tally)
        except KeyboardInterrupt:
            stopped = "interrupted"
            mailer.drop()  # mid-message, a polite QUIT could wait for the server's timeout
        except SendAborted as error:
            stopped = str(error)
        except NotRecorded as error:
            stopped = NOT_RECORDED + str(error)
            mailer.drop()
        finally:
            mailer.close()
    _summarise(tally, len(pending), dry_run, stopped, ledger_file, quiet)
    if stopped == "interrupted":
        sys.exit(EXIT_INTERRUPTED)
    if stopped or tally.failed or tally.unknown:
        sys.exit(EXIT_FAILED)


def _header_option(value: str | None, option: str) -> str | None:
    """An option that ends up in a header (or the ledger): one printable line, and nothing a
    mail program would decode into something else."""
    from booklet.mail.travelers import header_problem

    if value is None:
        return None
    problem = header_problem(value)
    if problem:
        raise click.BadParameter(problem, param_hint=option)
    text = " ".join(printable(value).split())
    if not text:
        raise click.BadParameter("must not be empty", param_hint=option)
    return text


def _ask_password(user: str) -> str:
    """The password from a prompt on the terminal. Without a terminal (cron, a pipe) there is
    no one to ask, and Python's getpass would warn that it may echo the password, then read
    whatever stdin holds: say where the password must come from instead."""
    refusal = UsageError(
        f"no terminal to ask for the SMTP password of {user}: without one, the password must "
        f"come from {PASSWORD_VARIABLE} in the environment"
    )
    if not has_terminal():
        raise refusal
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)  # a terminal that cannot hide
        try:
            answer: str = click.prompt(f"SMTP password for {user}", hide_input=True, err=True)
        except getpass.GetPassWarning:
            raise refusal from None
    return answer


def has_terminal() -> bool:
    """Whether a prompt can ask without echoing, as getpass does it: on the controlling
    terminal, or on stdin if that is a terminal."""
    try:
        handle = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return sys.stdin is not None and sys.stdin.isatty()
    os.close(handle)
    return True


def _check_password(password: str) -> None:
    """A password SMTP can carry (UTF-8, no NUL, which AUTH PLAIN uses as separator); the
    message never shows any of it."""
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(
            f"the SMTP password (from {PASSWORD_VARIABLE} or the prompt) is not valid UTF-8 text"
        ) from None
    if "\0" in password:
        raise UsageError("the SMTP password contains a NUL character, which SMTP cannot carry")


def _resend_addresses(
    resend: tuple[str, ...], travelers: list[Traveler], travelers_file: Path
) -> tuple[bool, set[str]]:
    """Whether --resend said 'all', and the addresses it names (lowercased)."""
    wanted = {value.strip().lower() for value in resend}
    if "all" in wanted:
        return True, set()
    listed = {t.key for t in travelers}
    for address in sorted(wanted - listed):
        raise click.BadParameter(
            f"{printable(address)!r} is not in {travelers_file.name}", param_hint="--resend"
        )
    return False, wanted


def _tour(traveler: Traveler, edition: str, campaign: str | None) -> str:
    """What a message is, for the ledger: the campaign, or the visit date and the edition."""
    if campaign:
        return f"campaign={campaign}"
    visit = traveler.visit_date.isoformat() if traveler.visit_date else "none"
    return f"visit={visit} edition={edition or 'none'}"


def _warn_ignored(ledger_file: Path, lines: list[int]) -> None:
    if lines:
        shown = ", ".join(str(n) for n in lines[:5]) + (", ..." if len(lines) > 5 else "")
        click.echo(
            f"warning: {ledger_file}: ignored what is not STATE ADDRESS TOUR or an address "
            f"({'line' if len(lines) == 1 else 'lines'} {shown})",
            err=True,
        )


def _nothing_to_send(tally: Tally, total: int, ledger_file: Path) -> str:
    if not tally.held:
        who = f"all {total} travelers already have" if total != 1 else "the one traveler has"
        return f"nothing to send: {who} the booklet (listed in {ledger_file})"
    have = "has" if tally.skipped == 1 else "have"
    return (
        f"nothing to send: {counted(tally.skipped, 'traveler')} already {have} the booklet and "
        f"{counted(tally.held, 'traveler')} had a message with an unknown outcome (listed in "
        f"{ledger_file}; --resend-unknown sends to them again)"
    )


def _gather(
    content_file: Path, travelers_file: Path, personalise: bool
) -> tuple[Project, list[Traveler], dict[int, str]]:
    """Read and check the list and every edition it needs; all problems in one ContentError.

    Returns the loaded content, the travelers, and each traveler's edition language by line
    (the content's own language when it has no edition in theirs)."""
    from booklet.build import warn_missing_glyphs
    from booklet.content.project import load_project
    from booklet.mail.stamp import unprintable
    from booklet.mail.travelers import read_travelers

    problems: list[Problem] = []
    project = travelers = None
    try:
        travelers = read_travelers(travelers_file)
    except ContentError as error:
        problems += error.problems
    try:
        project = load_project(content_file)
    except ContentError as error:
        problems += error.problems
    if project is None or travelers is None:
        raise ContentError(problems)
    from booklet.locales.codes import choose_edition

    own = project.source.language
    languages = {t.line: choose_edition(t.language, project.languages) or own for t in travelers}
    problems += _header_problems(content_file, project.source)
    for language in sorted(set(languages.values()) - {own}):
        edition = project.editions[language]
        problems += edition.untranslated
        problems += [p for p in _header_problems(content_file, edition) if p not in problems]
    if personalise:
        for t in travelers:
            missing = unprintable(t.name)
            if missing:
                problems.append(
                    Problem(
                        travelers_file.name,
                        t.line,
                        "name",
                        f"the cover font has no letters for {missing!r}; write "
                        "the name in Latin, Greek or Cyrillic letters, or send "
                        "without --personalise",
                    )
                )
    if problems:
        raise ContentError(problems)
    _note_fallbacks(travelers, languages, own)
    warn_missing_glyphs(project)
    return project, travelers, languages


def _typeset_email(project: Project, languages: list[str]) -> dict[str, Rendered]:
    """Each edition some traveler reads, typeset once for email however many read it."""
    from booklet.images import ImageCache
    from booklet.layout.typeset import typeset

    with ImageCache() as images:
        return {language: typeset(project.editions[language], "email", images)
                for language in languages}  # fmt: skip


def _header_problems(content_file: Path, content: Content) -> list[Problem]:
    """The museum's name is the From name and part of the default subject; mail.from is the
    From header."""
    from booklet.content.inline import plain
    from booklet.mail.travelers import header_problem

    problems = []
    problem = header_problem(plain(content.museum.name))
    if problem is not None:
        own = content.language == content.booklet.language
        name = "museum.name" if own else f"museum.name.{content.language}"
        problems.append(
            Problem(content_file.name, None, name, f"{problem} (it goes into email headers)")
        )
    problem = header_problem(content.mail.sender)
    if problem is not None:
        where = content.mail.line
        text = f"{problem} (it is the From header)"
        problems.append(Problem(content_file.name, where, "mail.from", text))
    return problems


def _note_fallbacks(travelers: list[Traveler], languages: dict[int, str], own: str) -> None:
    asked: dict[str, int] = {}
    for t in travelers:
        if t.language and languages[t.line].split("-")[0] != t.language.split("-")[0]:
            asked[t.language] = asked.get(t.language, 0) + 1
    for language, count in sorted(asked.items()):
        click.echo(
            f"note: the content has no '{language}' edition; {counted(count, 'traveler')} "
            f"will get the '{own}' one",
            err=True,
        )


def _messages(
    pending: list[Pending],
    editions: dict[str, Edition],
    languages: dict[int, str],
    sender: Address,
    subject: str | None,
    tally: Tally,
) -> Outgoing:
    """Each traveler's message, composed only when its turn comes (a stamped booklet each).
    One whose headers would not come out as built is counted as failed and skipped."""
    from booklet.mail.message import UnsafeHeader, message_for

    for item in pending:
        edition = editions[languages[item.traveler.line]]
        try:
            message = message_for(edition, item.traveler, sender, subject)
        except UnsafeHeader as error:
            tally.failed.append((item.traveler, f"not sent: {error}"))
            continue
        yield item, message


def _send_all(
    outgoing: Outgoing,
    mailer: Mailer,
    ledger: Ledger,
    sender: str,
    pacer: Pacer,
    length: int,
    quiet: bool,
    tally: Tally,
) -> None:
    """Deliver one message at a time; what became of each is on disk before the next.

    "sending" is written ahead of the moment the server may accept the message, so even a
    kill -9 leaves a trace. A Ctrl-C (or SIGTERM) never loses an outcome: while the server
    holds the whole message unanswered it is recorded as unknown, after the server's answer as
    that answer, and before the end went out the written-ahead line is withdrawn."""
    from booklet.mail.smtp import Outcome, SendAborted

    with _progress(length, "sending", quiet) as bar:
        for item, message in outgoing:
            interruption.stop_if_requested()  # ReportLab may have swallowed it making `message`
            pacer.wait()
            ahead = _WriteAhead(ledger, item)
            outcome: Outcome | None = None
            settled = False
            try:
                outcome = mailer.deliver(message, sender, item.traveler.email, ahead)
                _settle(ledger, item, outcome, tally, ahead.written)
                settled = True
            except KeyboardInterrupt:
                if outcome is None and mailer.in_doubt:
                    outcome = Outcome("unknown", INTERRUPTED_IN_DOUBT)
                if outcome is not None and not settled:
                    _settle(ledger, item, outcome, tally, ahead.written)
                elif outcome is None and ahead.written:
                    _record(ledger, "failed", item)  # the end never went out
                raise
            except SendAborted:
                if ahead.written:  # a retry wrote ahead, then the run had to stop before it
                    _record(ledger, "failed", item)
                raise
            bar.update(1)


class _WriteAhead:
    """Records "sending" for one message when the Mailer is about to let its end go."""

    def __init__(self, ledger: Ledger, item: Pending) -> None:
        self.ledger, self.item, self.written = ledger, item, False

    def __call__(self) -> None:
        _record(self.ledger, "sending", self.item)
        self.written = True


def _settle(
    ledger: Ledger, item: Pending, outcome: Outcome, tally: Tally, written_ahead: bool
) -> None:
    """Count the outcome and write it to the ledger. A failure needs a line only to withdraw
    a "sending" written ahead: otherwise the next run simply tries again."""
    if outcome.state == "failed":
        tally.failed.append((item.traveler, outcome.reason))
        if written_ahead:
            _record(ledger, "failed", item)
        return
    if outcome.state == "delivered":
        tally.sent += 1
    else:
        tally.unknown.append((item.traveler, outcome.reason))
    _record(ledger, outcome.state, item)


def _record(ledger: Ledger, state: State, item: Pending) -> None:
    from booklet.mail.ledger import LedgerError

    try:
        ledger.record(state, item.traveler.email, item.tour)
    except LedgerError as error:
        raise NotRecorded(item.traveler, error, ledger.path) from None


def _write_all(
    outgoing: Outgoing, folder: Path, total: int, length: int, quiet: bool, tally: Tally
) -> None:
    """The dry run: DIR/007-ana@example.org.eml, numbered by the traveler's place in the list."""
    from email.policy import SMTP

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileError(f"cannot write to {folder}: {os_reason(error)}") from None
    width = max(3, len(str(total)))
    with _progress(length, "writing", quiet) as bar:
        for item, message in outgoing:
            interruption.stop_if_requested()
            safe = re.sub(r"[^A-Za-z0-9@._+-]", "_", item.traveler.email)
            path = folder / f"{item.number:0{width}d}-{safe}.eml"
            try:
                path.write_bytes(message.as_bytes(policy=SMTP))
            except OSError as error:
                raise FileError(f"cannot write {path}: {os_reason(error)}") from None
            tally.sent += 1
            bar.update(1)


def _from_option(sender: str | None) -> Address | None:
    """--from as given: an address, or "Name <address>"."""
    from email.headerregistry import Address

    from booklet.content.values import sender_parts

    if sender is None:
        return None
    parts = sender_parts(sender)
    if parts is None:
        raise click.BadParameter(
            f"not an email address: {printable(sender)!r}", param_hint="--from"
        )
    name, address = parts
    shown = _header_option(name, "--from") if name else None
    return Address(display_name=shown or "", addr_spec=address)


def _sender(given: Address | None, content: Content, smtp_user: str | None) -> Address:
    """Who the messages are from: --from, else the content's mail.from (the museum's choice),
    else the SMTP user if it is an address. Never an address made up here: mail from
    booklet@localhost is spam to the traveler's provider, and their reply goes nowhere."""
    from email.headerregistry import Address

    from booklet.content.values import sender_parts

    if given is not None:
        return given
    parts = sender_parts(content.mail.sender) if content.mail.sender else None
    if parts is not None:
        return Address(display_name=parts[0], addr_spec=parts[1])
    user = sender_parts(smtp_user) if smtp_user else None
    if user is not None and not user[0]:
        return Address(addr_spec=user[1])
    raise UsageError(
        f"no sender address: give --from ADDRESS, set mail.from in {content.file.name}, or "
        "log in with an --smtp-user that is an email address"
    )


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Quiet:
    def update(self, _steps: int) -> None:
        pass


@contextmanager
def _progress(length: int, label: str, quiet: bool) -> Iterator[Any]:
    """click's bar on stderr (only drawn on a terminal), or nothing at all with --quiet."""
    if quiet:
        yield _Quiet()
        return
    with click.progressbar(length=length, label=label, file=sys.stderr, show_pos=True) as bar:
        yield bar


def _say(quiet: bool, text: str) -> None:
    if not quiet:
        click.echo(text, err=True)


def _summarise(
    tally: Tally,
    pending: int,
    dry_run: Path | None,
    stopped: str,
    ledger_file: Path,
    quiet: bool,
) -> None:
    """One line of counts (those that are not zero), then each failure and what to do."""
    left = pending - tally.done if stopped else 0
    skipped = f"skipped {tally.skipped} (already sent)" if tally.skipped else ""
    if dry_run:
        wrote = f"wrote {counted(tally.sent, 'message')} to {dry_run} (dry run: nothing was sent)"
        _say(quiet, ", ".join(part for part in (wrote, skipped) if part))
    elif not quiet or tally.failed or tally.unknown or stopped:
        counts = [
            f"sent {tally.sent}",
            skipped,
            f"failed {len(tally.failed)}" if tally.failed else "",
            f"outcome unknown {len(tally.unknown)}" if tally.unknown else "",
            f"not sent {left}" if left else "",
        ]
        click.echo(", ".join(part for part in counts if part), err=True)
    if tally.held:
        click.echo(
            f"note: {counted(tally.held, 'traveler')} with an unknown outcome "
            f"from an earlier run (marked 'unknown' in {ledger_file}) not sent again: check "
            "with them or the server's log, then use --resend-unknown to send again",
            err=True,
        )
    for traveler, reason in tally.failed:
        click.echo(f"failed: {traveler.email} (line {traveler.line}): {reason}", err=True)
    for traveler, reason in tally.unknown:
        click.echo(
            f"unknown: {traveler.email} (line {traveler.line}): {reason}; marked 'unknown' in "
            f"{ledger_file.name} and not retried: check with the traveler or the server's log, "
            "then use --resend-unknown to send again",
            err=True,
        )
    if not stopped:
        return
    if stopped == "interrupted":
        what = "interrupted"
    elif stopped.startswith(NOT_RECORDED):
        click.echo(f"error: {stopped[len(NOT_RECORDED) :]}", err=True)
        what = "stopped"
    else:
        what = f"stopped: {stopped}"
    click.echo(
        f"error: {what}; {left} not sent yet: run the same command again to send to them",
        err=True,
    )
