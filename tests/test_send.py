"""`booklet send`: the travelers list, the messages, the cover stamp, and delivery through a real
SMTP server (aiosmtpd on 127.0.0.1) including retries, refusals, AUTH, STARTTLS and SMTPS."""

from __future__ import annotations

import email
import email.policy
import io
import os
import shutil
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword
from click.testing import CliRunner
from pypdf import PdfReader

from booklet import cli_send
from booklet.cli import main
from booklet.content.errors import ContentError, UsageError
from booklet.content.project import load_project
from booklet.images import ImageCache
from booklet.layout.rendered import Rendered
from booklet.layout.typeset import typeset
from booklet.mail.ledger import Ledger, read_ledger
from booklet.mail.message import compose
from booklet.mail.smtp import Mailer, Pacer, SendAborted, SmtpSettings, parse_rate
from booklet.mail.stamp import CoverStamp, fit_line
from booklet.mail.travelers import Traveler, read_travelers
from booklet.theme.palette import make_palette
from tests.conftest import DEFAULT_CONTENT, ROOT
from tests.conftest import load_edition as load_content

TRAVELERS = """\
name,email,language,visit_date
Ana García,ana@example.org,es,2026-08-20
Bob Smith,bob@example.org,,
Chen Li,chen@example.org,en,2026-09-01
"""
PASSWORD = "correct horse"
SENDER = "visits@museo.example"


# -- fixtures: the booklet built once, SMTP servers on loopback -------------------------------


@pytest.fixture(scope="session")
def typeset_booklets() -> dict[str, Rendered]:
    """The default booklet in each language, typeset for email once for the whole session."""
    project = load_project(DEFAULT_CONTENT)
    with ImageCache() as images:
        return {language: typeset(project.editions[language], "email", images)
                for language in ("en", "es")}  # fmt: skip


@pytest.fixture(scope="session")
def booklets(typeset_booklets: dict[str, Rendered]) -> dict[str, bytes]:
    return {language: rendered.pdf for language, rendered in typeset_booklets.items()}


@pytest.fixture
def prebuilt(
    typeset_booklets: dict[str, Rendered],
    booklets: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> dict[str, bytes]:
    """Make `send` attach the session's booklets instead of laying each one out again."""
    monkeypatch.setattr(
        "booklet.cli_send._typeset_email",
        lambda _project, languages: {
            language: typeset_booklets[language] for language in languages
        },
    )
    return booklets


@pytest.fixture
def travelers(tmp_path: Path) -> Path:
    path = tmp_path / "travelers.csv"
    path.write_text(TRAVELERS, encoding="utf-8")
    return path


class Recorder:
    """Accepts everything and keeps each envelope, as a mail server's queue would."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 OK"

    def messages(self) -> dict[str, EmailMessage]:
        parsed = {}
        for envelope in self.envelopes:
            message = email.message_from_bytes(envelope.content, policy=email.policy.default)
            assert isinstance(message, EmailMessage)
            (recipient,) = envelope.rcpt_tos
            parsed[recipient] = message
        return parsed


class BusyOnce(Recorder):
    """Answers 421 (try again later) the first time a message for `address` arrives."""

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address
        self.refused = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        if self.address in envelope.rcpt_tos and not self.refused:
            self.refused += 1
            return "421 4.3.2 Service busy, try again later"
        return await super().handle_DATA(server, session, envelope)


class NoSuchUser(Recorder):
    """Refuses `address` for good (550) at RCPT and accepts everyone else."""

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address == self.address:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def check_password(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
    ok = isinstance(data, LoginPassword) and data == (b"museum", PASSWORD.encode())
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd replies 235/535


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(handler: Recorder, **options: Any) -> Iterator[int]:
    """A real SMTP server on 127.0.0.1 for the duration of the block; yields its port."""
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: (certificate, key)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def server_tls(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


def run_send(
    port: int | None,
    travelers: Path,
    *extra: str,
    sender: str | None = SENDER,
    content: Path = DEFAULT_CONTENT,
    **kwargs: Any,
) -> tuple[int, str]:
    """`booklet send` through the real command group, from SENDER unless `extra` says
    otherwise (`sender=None`: no --from); returns (exit code, stderr)."""
    args = ["send", str(content), "--to", str(travelers), "--retry-delay", "0.01"]
    if sender is not None and "--from" not in extra:
        args += ["--from", sender]
    if port is not None:
        args += ["--smtp-host", "127.0.0.1", "--smtp-port", str(port)]
    result = CliRunner().invoke(main, [*args, *extra], catch_exceptions=False, **kwargs)
    return result.exit_code, result.stderr


def delivered(travelers: Path) -> set[str]:
    """The addresses the ledger beside the list records as delivered (for any tour)."""
    entries = read_ledger(travelers.with_name(travelers.name + ".sent"))
    found = {address for (address, _), state in entries.states.items() if state == "delivered"}
    return found | entries.everywhere


def attachment(message: EmailMessage) -> tuple[str, bytes]:
    (part,) = message.iter_attachments()
    assert isinstance(part, EmailMessage) and part.get_content_type() == "application/pdf"
    content = part.get_content()
    assert isinstance(content, bytes)
    return part.get_filename() or "", content


def body(message: EmailMessage, kind: str) -> str:
    part = message.get_body((kind,))
    assert part is not None, f"no text/{kind} part"
    return str(part.get_content()).replace("\r\n", "\n")  # as sent: CRLF line ends


# -- sending ------------------------------------------------------------------------------------


def test_each_traveler_gets_both_bodies_and_the_booklet_in_their_language(
    travelers: Path, booklets: dict[str, bytes]
) -> None:
    # The real build, once per language: the attachment is byte for byte the built booklet.
    recorder = Recorder()
    with smtp_server(recorder) as port:
        code, err = run_send(port, travelers, "--from", "visits@museo.example")
    assert code == 0, err
    assert "sent 3\n" in err
    messages = recorder.messages()
    assert sorted(messages) == ["ana@example.org", "bob@example.org", "chen@example.org"]

    ana = messages["ana@example.org"]
    assert ana["To"] == "Ana García <ana@example.org>"
    assert ana["From"] == "Museo Casa de León Trotsky <visits@museo.example>"
    assert ana["Subject"] == "Su guía para visitantes: Museo Casa de León Trotsky"
    assert ana["Message-ID"].endswith("@museo.example>") and ana["Date"]
    assert attachment(ana) == ("leon-trotsky-house-museum-booklet-es.pdf", booklets["es"])
    text = body(ana, "plain")
    assert text.startswith("Apreciable Ana García:")
    assert "Av. Río Churubusco 410" in text and "Martes a domingo: 10:00–17:00" in text
    assert "20 de agosto de 2026" in text and "CÓMO LLEGAR" in text
    assert "<p>Apreciable Ana García:</p>" in body(ana, "html")

    bob = messages["bob@example.org"]
    assert bob["Subject"] == "Your visitor booklet: Leon Trotsky House Museum"
    assert attachment(bob) == ("leon-trotsky-house-museum-booklet.pdf", booklets["en"])
    text, html = body(bob, "plain"), body(bob, "html")
    assert text.startswith("Dear Bob Smith,")
    assert "Tuesday to Sunday: 10:00\u00a0AM–5:00\u00a0PM" in text
    assert "GETTING THERE\nThe visitor entrance is at Av. Río Churubusco 410" in text
    assert '<a href="https://intromuseotrotsky.blogspot.com">' in html  # the English page
    assert "museocasadeleontrotsky" in body(ana, "plain")  # the Spanish one
    assert delivered(travelers) == set(messages)
    assert travelers.with_name("travelers.csv.sent").read_text().splitlines()[1:] == [
        "sending ana@example.org visit=2026-08-20 edition=2026",
        "delivered ana@example.org visit=2026-08-20 edition=2026",
        "sending bob@example.org visit=none edition=2026",
        "delivered bob@example.org visit=none edition=2026",
        "sending chen@example.org visit=2026-09-01 edition=2026",
        "delivered chen@example.org visit=2026-09-01 edition=2026",
    ]


def test_a_second_run_sends_nothing_and_the_ledger_ignores_case(
    travelers: Path, prebuilt: dict[str, bytes]
) -> None:
    # A bare address (older versions, or added by hand) counts for every tour.
    ledger = travelers.with_name("travelers.csv.sent")
    ledger.write_text("BOB@Example.org\nchen@exa", encoding="utf-8")  # a crash mid-line
    recorder = Recorder()
    with smtp_server(recorder) as port:
        code, err = run_send(port, travelers)
        assert code == 0, err
        assert "sent 2, skipped 1 (already sent)\n" in err
        assert sorted(recorder.messages()) == ["ana@example.org", "chen@example.org"]
        code, err = run_send(port, travelers)
    assert code == 0, err
    assert "nothing to send: all 3 travelers already have the booklet" in err
    assert len(recorder.envelopes) == 2
    lines = ledger.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "BOB@Example.org",
        "chen@exa",
        "sending ana@example.org visit=2026-08-20 edition=2026",
        "delivered ana@example.org visit=2026-08-20 edition=2026",
        "sending chen@example.org visit=2026-09-01 edition=2026",
        "delivered chen@example.org visit=2026-09-01 edition=2026",
    ]


def test_a_busy_server_is_retried_and_the_message_arrives_once(
    travelers: Path, prebuilt: dict[str, bytes]
) -> None:
    recorder = BusyOnce("bob@example.org")
    with smtp_server(recorder) as port:
        code, err = run_send(port, travelers)
    assert code == 0, err
    assert recorder.refused == 1
    recipients = [envelope.rcpt_tos[0] for envelope in recorder.envelopes]
    assert sorted(recipients) == ["ana@example.org", "bob@example.org", "chen@example.org"]


def test_a_refused_address_is_reported_and_the_others_delivered(
    travelers: Path, prebuilt: dict[str, bytes]
) -> None:
    recorder = NoSuchUser("bob@example.org")
    with smtp_server(recorder) as port:
        code, err = run_send(port, travelers)
    assert code == 1
    assert "sent 2, failed 1\n" in err
    assert "failed: bob@example.org (line 3): 550 5.1.1 No such user here" in err
    assert sorted(recorder.messages()) == ["ana@example.org", "chen@example.org"]
    assert delivered(travelers) == {"ana@example.org", "chen@example.org"}


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_without_tls_on_loopback_password_from_environment_or_prompt(
    travelers: Path, prebuilt: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(cli_send, "has_terminal", lambda: True)  # CliRunner answers the prompt
    options = {"authenticator": check_password, "auth_required": True, "auth_require_tls": False}
    with smtp_server(recorder, **options) as port:
        monkeypatch.setenv("BOOKLET_SMTP_PASSWORD", "wrong")
        code, err = run_send(port, travelers, "--smtp-user", "museum")
        assert code == 1
        assert "error: stopped: cannot use the SMTP server" in err and "login refused: 535" in err
        assert "3 not sent yet" in err
        monkeypatch.delenv("BOOKLET_SMTP_PASSWORD")
        code, err = run_send(port, travelers, "--smtp-user", "museum", input=PASSWORD + "\n")
    assert code == 0, err
    assert "SMTP password for museum" in err and PASSWORD not in err
    assert len(recorder.envelopes) == 3
    assert recorder.envelopes[0].mail_from == SENDER


def test_starttls_and_login(
    travelers: Path,
    prebuilt: dict[str, bytes],
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorder = Recorder()
    options = {"tls_context": server_tls(certificate), "require_starttls": True,
               "authenticator": check_password, "auth_required": True}  # fmt: skip
    monkeypatch.setenv("BOOKLET_SMTP_PASSWORD", PASSWORD)
    with smtp_server(recorder, **options) as port:
        code, err = run_send(port, travelers, "--starttls", "--smtp-user", "museum")
        assert code == 1 and "TLS failed: CERTIFICATE_VERIFY_FAILED" in err  # not trusted yet
        cafile = str(certificate[0])
        code, err = run_send(
            port, travelers, "--starttls", "--smtp-user", "museum", "--cafile", cafile
        )
    assert code == 0, err
    assert len(recorder.envelopes) == 3


def test_implicit_tls(
    travelers: Path, prebuilt: dict[str, bytes], certificate: tuple[Path, Path]
) -> None:
    recorder = Recorder()
    with smtp_server(recorder, ssl_context=server_tls(certificate)) as port:
        code, err = run_send(port, travelers, "--ssl", "--cafile", str(certificate[0]))
    assert code == 0, err
    assert len(recorder.envelopes) == 3


def test_an_unreachable_server_stops_the_run_after_retrying(
    travelers: Path, prebuilt: dict[str, bytes]
) -> None:
    port = free_port()  # nothing listens there
    code, err = run_send(port, travelers)
    assert code == 1
    assert f"error: stopped: cannot use the SMTP server 127.0.0.1:{port}: " in err
    assert "(3 connection failures in a row); 3 not sent yet: run the same command again" in err
    assert "\nsent 0, not sent 3\nerror: stopped: " in err  # not "sent 0, ... failed 0"
    assert delivered(travelers) == set()


def test_personalised_covers_carry_each_name(travelers: Path, prebuilt: dict[str, bytes]) -> None:
    recorder = Recorder()
    with smtp_server(recorder) as port:
        code, err = run_send(port, travelers, "--personalise")
    assert code == 0, err
    messages = recorder.messages()
    covers = {}
    for address, message in messages.items():
        _, pdf = attachment(message)
        reader = PdfReader(io.BytesIO(pdf))
        covers[address] = reader.pages[0].extract_text()
        original = PdfReader(io.BytesIO(prebuilt[message["Content-Language"]]))
        assert len(reader.pages) == len(original.pages)
        assert reader.pages[3].extract_text() == original.pages[3].extract_text()
        fonts = reader.pages[0]["/Resources"]["/Font"].values()
        assert all("Noto" in font.get_object()["/BaseFont"] for font in fonts)
    assert "Preparada para Ana García — visita el 20 de agosto de 2026" in covers["ana@example.org"]
    assert "Prepared for Bob Smith\n" in covers["bob@example.org"] + "\n"
    assert "Prepared for Chen Li — visit on September 1, 2026" in covers["chen@example.org"]
    assert "Ana" not in covers["chen@example.org"]  # stamps never accumulate


def test_dry_run_writes_messages_that_parse_and_sends_nothing(
    travelers: Path, prebuilt: dict[str, bytes], tmp_path: Path
) -> None:
    out = tmp_path / "outbox"
    code, err = run_send(free_port(), travelers, "--dry-run", str(out))
    assert code == 0, err
    assert "wrote 3 messages to" in err and "nothing was sent" in err
    names = sorted(p.name for p in out.iterdir())
    assert names == ["001-ana@example.org.eml", "002-bob@example.org.eml",
                     "003-chen@example.org.eml"]  # fmt: skip
    message = email.message_from_bytes((out / names[1]).read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert message["To"] == "Bob Smith <bob@example.org>"
    assert body(message, "plain") and body(message, "html")
    assert attachment(message)[1] == prebuilt["en"]
    assert not travelers.with_name("travelers.csv.sent").exists()


# -- the sender and the password -------------------------------------------------------------


def test_without_a_sender_nothing_is_sent(travelers: Path) -> None:
    """No more mail from booklet@localhost: --from, mail.from or an address to log in as."""
    expected = (
        "error: no sender address: give --from ADDRESS, set mail.from in content.yaml, or log "
        "in with an --smtp-user that is an email address\n"
    )
    assert run_send(free_port(), travelers, sender=None) == (2, expected)
    # A user name that is not an address is no sender either (and no password is asked).
    code, err = run_send(free_port(), travelers, "--smtp-user", "museum", sender=None)
    assert (code, err) == (2, expected)
    assert not travelers.with_name("travelers.csv.sent").exists()


def test_the_sender_is_from_then_mail_from_then_the_smtp_user(
    travelers: Path, prebuilt: dict[str, bytes], tmp_path: Path
) -> None:
    def sender_of(content: Path, *options: str) -> str:
        outbox = tmp_path / f"outbox-{len(list(tmp_path.iterdir()))}"
        code, err = run_send(None, travelers, "--dry-run", str(outbox), *options,
                             sender=None, content=content)  # fmt: skip
        assert code == 0, err
        bob = (outbox / "002-bob@example.org.eml").read_bytes()  # the English edition
        message = email.message_from_bytes(bob, policy=email.policy.default)
        return str(message["From"])

    user = ("--smtp-user", "staff@museo.example")
    assert sender_of(DEFAULT_CONTENT, *user) == "Leon Trotsky House Museum <staff@museo.example>"
    project = tmp_path / "project"
    project.mkdir()
    content = project / "content.yaml"
    text = DEFAULT_CONTENT.read_text(encoding="utf-8")
    content.write_text(text + '\nmail:\n  from: "Casa Trotsky <visitas@museo.example>"\n')
    assert sender_of(content, *user) == "Casa Trotsky <visitas@museo.example>"
    assert sender_of(content, *user, "--from", "ana@museo.example") == (
        "Leon Trotsky House Museum <ana@museo.example>"
    )


def test_mail_from_must_be_an_address(tmp_path: Path) -> None:
    content = tmp_path / "content.yaml"
    text = DEFAULT_CONTENT.read_text(encoding="utf-8")
    content.write_text(text + "\nmail:\n  from: Casa Trotsky\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content)
    line = len(content.read_text(encoding="utf-8").splitlines())
    assert [str(p) for p in caught.value.problems] == [
        f"content.yaml:{line}: mail.from: expected an email address like "
        "visits@museum.example or \"Museum <visits@museum.example>\", got 'Casa Trotsky'"
    ]


def test_without_a_terminal_the_password_must_come_from_the_environment(
    travelers: Path, tmp_path: Path
) -> None:
    """As under cron: no controlling terminal (a new session), stdin not a terminal. Python's
    getpass would warn it may echo the password, then read stdin; click would say Aborted!."""
    environment = {k: v for k, v in os.environ.items() if k != "BOOKLET_SMTP_PASSWORD"}
    result = subprocess.run(
        [sys.executable, "-m", "booklet", "send", str(DEFAULT_CONTENT), "--to", str(travelers),
         "--from", SENDER, "--smtp-host", "127.0.0.1", "--smtp-port", str(free_port()),
         "--smtp-user", "museum"],
        cwd=ROOT, env={**environment, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, start_new_session=True, timeout=120, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "error: no terminal to ask for the SMTP password of museum: without one, the password "
        "must come from BOOKLET_SMTP_PASSWORD in the environment\n",
    )


def test_counts_are_written_in_words_that_agree(tmp_path: Path, prebuilt: dict[str, bytes]) -> None:
    one = tmp_path / "one.csv"
    one.write_text("name,email\nAna García,ana@example.org\n", encoding="utf-8")
    outbox = tmp_path / "outbox"
    code, err = run_send(None, one, "--dry-run", str(outbox))
    assert (code, err.splitlines()[-1]) == (
        0,
        f"wrote 1 message to {outbox} (dry run: nothing was sent)",
    )
    one.with_name("one.csv.sent").write_text("ana@example.org\n", encoding="utf-8")
    code, err = run_send(free_port(), one)
    assert (code, err) == (
        0,
        f"nothing to send: the one traveler has the booklet (listed in {one}.sent)\n",
    )
    mailer = Mailer(SmtpSettings("127.0.0.1", free_port()), attempts=1)
    with pytest.raises(SendAborted, match=r": Connection refused \(tried 1 time\)$"):
        mailer.deliver(EmailMessage(), "a@example.org", "b@example.org")


# -- usage and bad lists --------------------------------------------------------------------


def test_the_password_is_never_an_option(travelers: Path) -> None:
    code, err = run_send(None, travelers, "--smtp-user", "museum", "--smtp-password", "hunter2")
    assert code == 2
    assert "never taken on the command line" in err and "hunter2" not in err


def test_bad_usage_exits_2(travelers: Path) -> None:
    assert run_send(None, travelers, "--starttls", "--ssl")[0] == 2
    code, err = run_send(None, travelers, "--rate", "fast")
    assert code == 2 and "expected a rate like 30/min" in err
    code, err = run_send(None, travelers, "--smtp-host", "smtp.example.org", "--smtp-user", "u")
    assert code == 2
    assert "would send the password to smtp.example.org unencrypted" in err


def test_every_bad_row_is_reported_before_anything_is_sent(tmp_path: Path) -> None:
    path = tmp_path / "travelers.csv"
    path.write_text(
        "name,email,language,visit_date\n"
        "Ana,ana@example.org,es,2026-08-20\n"
        "Bea,x@,,\n"
        "\n"
        "Cy,,sp,\n"
        "Di,ANA@example.org,,20/08/2026\n"
        ",eve@example.org,,2026-02-30\n",
        encoding="utf-8",
    )
    code, err = run_send(free_port(), path)
    assert code == 1
    assert err.splitlines() == [
        "error: travelers.csv:3: email: not a valid address: 'x@'",
        "error: travelers.csv:5: email: missing address",
        "error: travelers.csv:5: language: unknown language 'sp'; expected a two-letter code "
        "like en or es",
        "error: travelers.csv:6: email: duplicate address 'ANA@example.org'; first on line 2",
        "error: travelers.csv:6: visit_date: not a date: '20/08/2026'; expected YYYY-MM-DD "
        "like 2026-08-20",
        "error: travelers.csv:7: name: missing name",
        "error: travelers.csv:7: visit_date: not a date: '2026-02-30'; expected YYYY-MM-DD "
        "like 2026-08-20",
        "7 problems found; nothing was written.",
    ]


def test_a_list_without_an_email_column(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name,mail\nAna,ana@example.org\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_travelers(path)
    assert [str(p) for p in caught.value.problems] == [
        "list.csv:1: missing column 'email'; the first line names the columns, "
        "e.g. name,email,language,visit_date"
    ]


def test_the_list_as_spreadsheets_write_it(tmp_path: Path) -> None:
    path = tmp_path / "travelers.csv"
    text = (
        "\ufeff\n Name ; E-Mail ;EMAIL; Language ;notes\r\n"
        "\r\n"
        'Ana\u202e García;;ana@example.org;es-MX;"likes\r\ngardens"\r\n'
        "Bob;;bob@example.org;;\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    assert read_travelers(path) == [
        Traveler(4, "Ana García", "ana@example.org", "es-MX"),
        Traveler(6, "Bob", "bob@example.org"),
    ]
    path.write_bytes(b"name,email\nJos\xe9,jose@example.org\n")
    with pytest.raises(ContentError, match=r"travelers.csv:2: not UTF-8 text"):
        read_travelers(path)


def test_personalised_names_must_be_printable_in_the_cover_font(tmp_path: Path) -> None:
    path = tmp_path / "travelers.csv"
    path.write_text("name,email\n王小明,wang@example.org\n", encoding="utf-8")
    code, err = run_send(free_port(), path, "--personalise")
    assert code == 1
    assert "error: travelers.csv:2: name: the cover font has no letters for '王小明'" in err


# -- the parts ------------------------------------------------------------------------------


def test_html_body_escapes_content_and_converts_only_our_markup() -> None:
    content = load_content(DEFAULT_CONTENT)
    how = (
        "Take *bus* **7** to [the stop](https://example.org/?a=1&b=2) <script>x</script> "
        "or [this](javascript:alert(1))."
    )
    content = replace(content, practical=replace(content.practical, getting_there=how))
    traveler = Traveler(2, "<b>Eve</b> & co", "eve@example.org")
    sender = Address("Museum", addr_spec="visits@museo.example")
    message = compose(content, traveler, pdf=b"%PDF", filename="b.pdf", sender=sender)
    html, text = body(message, "html"), body(message, "plain")
    assert "<p>Dear &lt;b&gt;Eve&lt;/b&gt; &amp; co,</p>" in html
    assert "Take <em>bus</em> <strong>7</strong> to " in html
    assert '<a href="https://example.org/?a=1&amp;b=2">the stop</a>' in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert "or [this](javascript:alert(1))." in html and 'href="javascript' not in html
    assert "Take bus 7 to the stop (https://example.org/?a=1&b=2) <script>" in text


def test_the_stamp_stays_clear_of_the_band_text(typeset_booklets: dict[str, Rendered]) -> None:
    for rendered in typeset_booklets.values():
        pdf = rendered.pdf
        stamp = CoverStamp(pdf, make_palette({}).paper, rendered.positions["cover.band"])
        place = stamp.placement
        line, size = fit_line("Prepared for " + "M" * 60 + " — visit on 20 September 2026",
                              place.size, place.width)  # fmt: skip
        assert size >= 5.0 and line.endswith("…")
        top = place.y + size * 0.75
        page = pdfium.PdfDocument(pdf)[0]
        text = page.get_textpage()
        band = [text.get_charbox(i) for i in range(text.count_chars())]
        band = [box for box in band if box[1] < 0.085 * page.get_height() and box[2] > box[0]]
        assert band, "the cover has text in its band"
        assert all(box[1] > top for box in band), "the line would touch the museum name"
        assert place.y - size * 0.25 > 0 and place.x + place.width <= page.get_width()


def test_retries_back_off_then_give_up_on_an_unreachable_server() -> None:
    delays: list[float] = []
    mailer = Mailer(SmtpSettings("127.0.0.1", free_port()), retry_delay=2.0, sleep=delays.append)
    with pytest.raises(
        SendAborted, match=r": Connection refused \(3 connection failures in a row\)$"
    ):
        mailer.deliver(EmailMessage(), "a@example.org", "b@example.org")
    assert delays == [2.0, 4.0]


def test_rate_spaces_the_messages() -> None:
    assert parse_rate("30/min") == 30 and parse_rate("1/s") == 60 and parse_rate("90") == 90
    with pytest.raises(ValueError):
        parse_rate("0/min")
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = Pacer(30, clock=lambda: now[0], sleep=sleep)
    pacer.wait()
    now[0] += 0.5
    pacer.wait()
    pacer.wait()
    assert slept == [1.5, 2.0]


def test_one_run_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "travelers.csv.sent"
    with Ledger(path) as ledger:
        ledger.record("delivered", "ana@example.org", "campaign=spring")
        with pytest.raises(UsageError, match="another `booklet send` is using"), Ledger(path):
            pass
    assert read_ledger(path).state("ANA@example.org", "campaign=spring") == "delivered"
