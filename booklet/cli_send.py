"""`booklet send`: email the booklet to a list of travelers, each in their own language.

The order is the one that loses nothing: check the list and the content (every problem at
once), lay out each needed edition once, then send one message at a time, writing each
delivery to the ledger as it happens. Heavy modules are imported inside the command, so
`booklet --help` stays quick.
"""

from __future__ import annotations

import ipaddress
import os
import re
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from booklet import interruption
from booklet.cli_common import configure_logging, content_argument, quiet_option
from booklet.content.errors import ContentError, Problem, UsageError, printable
from booklet.exits import EXIT_CONTENT as EXIT_FAILED
from booklet.exits import EXIT_INTERRUPTED

if TYPE_CHECKING:
    from email.headerregistry import Address
    from email.message import EmailMessage

    from booklet.content.project import Project
    from booklet.layout.rendered import Rendered
    from booklet.mail.ledger import Ledger
    from booklet.mail.message import Edition
    from booklet.mail.smtp import Mailer, Security
    from booklet.mail.travelers import Traveler

    Outgoing = Iterator[tuple[int, Traveler, EmailMessage]]

PASSWORD_VARIABLE = "BOOKLET_SMTP_PASSWORD"


@dataclass
class Tally:
    sent: int = 0
    skipped: int = 0
    failed: list[tuple[Traveler, str]] = field(default_factory=list)


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
    help="From address (default: the SMTP user, or booklet@localhost).",
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
    quiet: bool,
) -> None:
    """Email the booklet from CONTENT (default ./content.yaml) to every traveler in --to.

    Each traveler gets the edition in their language when the content has it. Addresses that
    received it are written to CSV.sent beside the list; running again sends only to the rest.
    """
    from booklet.mail.ledger import Ledger, ledger_path, read_ledger
    from booklet.mail.message import prepare_editions
    from booklet.mail.smtp import DEFAULT_PORTS, Mailer, SendAborted, SmtpSettings, parse_rate

    configure_logging(quiet)
    if starttls and use_ssl:
        raise click.UsageError("use either --starttls or --ssl, not both")
    security: Security = "ssl" if use_ssl else "starttls" if starttls else "none"
    try:
        per_minute = parse_rate(rate) if rate else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--rate") from None
    from_address = _from_address(sender, smtp_user)
    if smtp_user and security == "none" and not _is_loopback(smtp_host) and not dry_run:
        raise UsageError(
            f"--smtp-user without --starttls or --ssl would send the password to "
            f"{smtp_host} unencrypted; add --starttls or --ssl"
        )
    subject = " ".join(printable(subject).split()) if subject else None

    project, travelers, languages = _gather(content, travelers_file, personalise)
    tally = Tally()
    done = read_ledger(ledger_path(travelers_file))
    pending = [(n, t) for n, t in enumerate(travelers, 1) if t.key not in done]
    tally.skipped = len(travelers) - len(pending)
    if not pending:
        _say(
            quiet,
            f"nothing to send: all {len(travelers)} travelers already have the booklet "
            f"(listed in {ledger_path(travelers_file)})",
        )
        return
    stopped = ""
    with ExitStack() as stack:
        ledger = None if dry_run else stack.enter_context(Ledger(ledger_path(travelers_file)))
        password = None
        if smtp_user and not dry_run:
            password = os.environ.get(PASSWORD_VARIABLE) or click.prompt(
                f"SMTP password for {smtp_user}", hide_input=True, err=True
            )
        needed = sorted({languages[t.line] for _, t in pending})
        editions = prepare_editions(project, _typeset_email(project, needed), personalise)
        outgoing = _messages(pending, editions, languages, from_address, subject)
        port = smtp_port or DEFAULT_PORTS[security]
        settings = SmtpSettings(smtp_host, port, security, smtp_user, password, cafile)
        mailer = Mailer(settings, retry_delay=retry_delay)
        try:
            if dry_run:
                _write_all(outgoing, dry_run, len(travelers), len(pending), quiet, tally)
            elif ledger is not None:
                _send_all(
                    outgoing,
                    mailer,
                    ledger,
                    from_address.addr_spec,
                    per_minute,
                    len(pending),
                    quiet,
                    tally,
                )
        except KeyboardInterrupt:
            stopped = "interrupted"
            mailer.drop()  # mid-message, a polite QUIT could wait for the server's timeout
        except SendAborted as error:
            stopped = str(error)
        finally:
            mailer.close()
    _summarise(tally, len(pending), dry_run, stopped, quiet)
    if stopped == "interrupted":
        sys.exit(EXIT_INTERRUPTED)
    if stopped or tally.failed:
        sys.exit(EXIT_FAILED)


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
    own = project.source.language
    languages = {t.line: t.language if t.language in project.editions else own for t in travelers}
    for language in sorted(set(languages.values()) - {own}):
        problems += project.editions[language].untranslated
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


def _note_fallbacks(travelers: list[Traveler], languages: dict[int, str], own: str) -> None:
    asked: dict[str, int] = {}
    for t in travelers:
        if t.language and languages[t.line] != t.language:
            asked[t.language] = asked.get(t.language, 0) + 1
    for language, count in sorted(asked.items()):
        click.echo(
            f"note: the content has no '{language}' edition; {count} traveler"
            f"{'s' * (count != 1)} will get the '{own}' one",
            err=True,
        )


def _messages(
    pending: list[tuple[int, Traveler]],
    editions: dict[str, Edition],
    languages: dict[int, str],
    sender: Address,
    subject: str | None,
) -> Outgoing:
    """Each traveler's message, composed only when its turn comes (a stamped booklet each)."""
    from booklet.mail.message import message_for

    for number, traveler in pending:
        edition = editions[languages[traveler.line]]
        yield number, traveler, message_for(edition, traveler, sender, subject)


def _send_all(
    outgoing: Outgoing,
    mailer: Mailer,
    ledger: Ledger,
    sender: str,
    per_minute: float | None,
    length: int,
    quiet: bool,
    tally: Tally,
) -> None:
    """Deliver one message at a time; each delivery goes to the ledger before the next."""
    from booklet.mail.smtp import Pacer

    pacer = Pacer(per_minute)
    with _progress(length, "sending", quiet) as bar:
        for _, traveler, message in outgoing:
            interruption.stop_if_requested()  # ReportLab may have swallowed it making `message`
            pacer.wait()
            reason = mailer.deliver(message, sender, traveler.email)
            if reason is None:
                ledger.record(traveler.email)
                tally.sent += 1
            else:
                tally.failed.append((traveler, reason))
            bar.update(1)


def _write_all(
    outgoing: Outgoing, folder: Path, total: int, length: int, quiet: bool, tally: Tally
) -> None:
    """The dry run: DIR/007-ana@example.org.eml, numbered by the traveler's place in the list."""
    from email.policy import SMTP

    folder.mkdir(parents=True, exist_ok=True)
    width = max(3, len(str(total)))
    with _progress(length, "writing", quiet) as bar:
        for number, traveler, message in outgoing:
            interruption.stop_if_requested()
            safe = re.sub(r"[^A-Za-z0-9@._+-]", "_", traveler.email)
            path = folder / f"{number:0{width}d}-{safe}.eml"
            path.write_bytes(message.as_bytes(policy=SMTP))
            tally.sent += 1
            bar.update(1)


def _from_address(sender: str | None, smtp_user: str | None) -> Address:
    """--from as given (an address, or "Name <address>"), else the SMTP user if it is an
    address, else booklet@localhost."""
    from email.headerregistry import Address
    from email.utils import parseaddr

    if sender is None:
        sender = smtp_user if smtp_user and "@" in smtp_user else "booklet@localhost"
    name, address = parseaddr(sender)
    if not re.fullmatch(r"[^@\s]+@[A-Za-z0-9.-]+", address):
        raise click.BadParameter(
            f"not an email address: {printable(sender)!r}", param_hint="--from"
        )
    return Address(display_name=" ".join(printable(name).split()), addr_spec=address)


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


def _summarise(tally: Tally, pending: int, dry_run: Path | None, stopped: str, quiet: bool) -> None:
    done = tally.sent + len(tally.failed)
    if dry_run:
        _say(
            quiet,
            f"wrote {tally.sent} messages to {dry_run} (dry run: nothing was sent), "
            f"skipped {tally.skipped} (already sent)",
        )
    elif not quiet or tally.failed or stopped:
        click.echo(
            f"sent {tally.sent}, skipped {tally.skipped} (already sent), "
            f"failed {len(tally.failed)}",
            err=True,
        )
    for traveler, reason in tally.failed:
        click.echo(f"failed: {traveler.email} (line {traveler.line}): {reason}", err=True)
    if stopped:
        what = "interrupted" if stopped == "interrupted" else f"stopped: {stopped}"
        click.echo(
            f"error: {what}; {pending - done} not sent yet: run the same command "
            "again to send to them",
            err=True,
        )
