"""Delivering messages over SMTP the way mail servers expect to be treated, and no more than once.

Failures are sorted by what a retry can change. A 4xx reply, a dropped, refused or reset
connection and a timeout before the message was complete are transient: wait (2 s, 4 s, 8 s by
default), reconnect, try again. A 5xx reply is the server's final word on that address: it is
reported and the run goes on. A failure every later message would meet too (the server cannot
be reached, TLS fails, the login or the sender is refused) stops the run, instead of failing a
thousand addresses one by one.

Once the whole message is on its way, a failure before the server's reply leaves the outcome
unknown: the server may have accepted it. That is never retried (four retries were four copies);
the caller records it as unknown and a person decides.

Every read from the server is bounded (a reply has at most MAX_REPLY_LINES lines, each at most
smtplib's 8192 bytes, and must arrive within the timeout), and so is the whole run: a deadline,
and a circuit breaker that stops after MAX_FAILURES connection failures in a row. The bounds
live in a subclass of smtplib.SMTP, our side of the boundary; the stdlib is not patched.
"""

from __future__ import annotations

import base64
import hmac
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from booklet.content.errors import os_reason, printable
from booklet.words import counted

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

Security = Literal["none", "starttls", "ssl"]
DEFAULT_PORTS: dict[Security, int] = {"none": 25, "starttls": 587, "ssl": 465}
_Kind = Literal["transient", "permanent", "fatal"]

DEFAULT_TIMEOUT = 60.0
MAX_FAILURES = 3  # connection failures in a row before the run stops
MAX_REPLY_LINES = 100  # an EHLO reply has a dozen; an endless "220-" greeting is an attack
MAX_REPLY_BYTES = 64 * 1024
_MAX_LINE = 8192  # smtplib's own cap on one reply line
_CHUNK = 64 * 1024  # the message is sent in pieces, each with the full timeout
QUIT_TIMEOUT = 5.0  # goodbye is a courtesy: not worth a minute


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security = "none"
    user: str | None = None
    password: str | None = None
    cafile: Path | None = None
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Deadline:
    """When the whole command must stop (a time.monotonic() value), and its length for
    messages."""

    at: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds, seconds)

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def describe(self) -> str:
        return f"the deadline ({duration(self.seconds)}) passed"


NO_DEADLINE = Deadline(float("inf"), float("inf"))


@dataclass(frozen=True)
class Outcome:
    """What became of one message: delivered (the server said 250), failed (the server
    refused it, or it could not be sent: certainly not delivered), or unknown."""

    state: Literal["delivered", "failed", "unknown"]
    reason: str = ""


class SendAborted(Exception):
    """A failure that every further message would meet too; the run stops."""


class ServerTimeout(smtplib.SMTPServerDisconnected):
    """No reply (or no room to send) within the timeout; the connection is closed."""


class ServerClosed(smtplib.SMTPServerDisconnected):
    """The server closed or reset the connection."""


class ReplyTooLong(smtplib.SMTPServerDisconnected):
    """A reply over MAX_REPLY_LINES lines or MAX_REPLY_BYTES bytes: not an SMTP server we
    can talk to."""


class Mailer:
    """One connection, opened when first needed and reopened after a transient failure."""

    def __init__(
        self,
        settings: SmtpSettings,
        *,
        attempts: int = 4,
        retry_delay: float = 2.0,
        max_failures: int = MAX_FAILURES,
        deadline: Deadline = NO_DEADLINE,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.attempts = attempts
        self.retry_delay = retry_delay
        self.max_failures = max_failures
        self.deadline = deadline
        self._sleep = sleep
        self._smtp: _Client | None = None
        self._failures = 0  # connection failures in a row
        self._last_failure = ""

    @property
    def in_doubt(self) -> bool:
        """The whole message has gone to the server and its reply has not come back: if the
        run stops now, the server may or may not have accepted it."""
        return self._smtp is not None and self._smtp.in_doubt

    def deliver(
        self,
        message: EmailMessage,
        sender: str,
        recipient: str,
        before_commit: Callable[[], None] = lambda: None,
    ) -> Outcome:
        """Send one message, retrying what certainly did not arrive. Raises SendAborted when
        no message can get through (nothing was sent for this one then).

        `before_commit` runs just before the last piece of the message goes out, the moment
        after which the server may accept it (the caller writes ahead that it might have); if
        it raises, that last piece is never sent."""
        reason = ""
        connecting = True
        for attempt in range(1, self.attempts + 1):
            self._check_can_go_on()
            if attempt > 1:
                self._pause(self.retry_delay * 2 ** (attempt - 2))
            connecting = True
            try:
                smtp = self._connection()
                connecting = False
                smtp.before_commit = before_commit
                smtp.send_message(message, from_addr=sender, to_addrs=[recipient])
                self._failures = 0
                return Outcome("delivered")
            except (smtplib.SMTPException, OSError) as error:
                failure = classify(error, self.settings.timeout)
            reason = failure.reason
            if failure.connection:
                self._failures += 1
                self._last_failure = failure.reason
            else:
                self._failures = 0
            if self.in_doubt:
                self.drop()
                return Outcome("unknown", _doubt(failure))
            if failure.kind == "fatal" or (connecting and failure.kind == "permanent"):
                self.close()
                raise SendAborted(self._where(connecting) + reason)
            if failure.kind == "permanent":
                return Outcome("failed", reason)  # smtplib has reset the session
            self.drop()
        if connecting:
            tried = counted(self.attempts, "time")
            raise SendAborted(self._where(True) + f"{reason} (tried {tried})")
        return Outcome("failed", f"gave up after {counted(self.attempts, 'attempt')}: {reason}")

    def close(self) -> None:
        """Say goodbye politely if the server is still listening."""
        if self._smtp is not None:
            self._smtp.reply_timeout = min(self._smtp.reply_timeout, QUIT_TIMEOUT)
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def drop(self) -> None:
        """Close the connection without a word (after an interruption mid-message)."""
        if self._smtp is not None:
            self._smtp.close()
            self._smtp = None

    def _check_can_go_on(self) -> None:
        if self.deadline.remaining() <= 0:
            self.drop()
            raise SendAborted(self.deadline.describe())
        if self._failures >= self.max_failures:
            self.drop()
            raise SendAborted(
                f"{self._where(True)}{self._last_failure} "
                f"({counted(self._failures, 'connection failure')} in a row)"
            )

    def _pause(self, seconds: float) -> None:
        if seconds >= self.deadline.remaining():
            self.drop()
            raise SendAborted(self.deadline.describe())
        self._sleep(seconds)

    def _where(self, connecting: bool) -> str:
        s = self.settings
        return f"cannot use the SMTP server {s.host}:{s.port}: " if connecting else ""

    def _connection(self) -> _Client:
        if self._smtp is None:
            self._smtp = connect(self.settings, self.deadline)
        return self._smtp


def connect(settings: SmtpSettings, deadline: Deadline = NO_DEADLINE) -> _Client:
    """Connect, secure the connection as asked, and log in."""
    s = settings
    context = ssl.create_default_context(cafile=str(s.cafile) if s.cafile else None)
    smtp: _Client
    if s.security == "ssl":
        smtp = _TlsClient(s.host, s.port, timeout=s.timeout, deadline=deadline, context=context)
    else:
        smtp = _Client(s.host, s.port, timeout=s.timeout, deadline=deadline)
    try:
        if s.security == "starttls":
            smtp.ehlo()
            smtp.starttls(context=context)
            smtp.ehlo()
        if s.user:
            smtp.login(s.user, s.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


class _Client(smtplib.SMTP):
    """smtplib's client with bounded reads, a deadline, the real reason for a failure, UTF-8
    credentials, and `in_doubt` while the server holds a complete message unanswered."""

    def __init__(
        self, host: str, port: int, *, timeout: float, deadline: Deadline, **options: Any
    ) -> None:
        self.reply_timeout = timeout
        self.deadline = deadline
        self.in_doubt = False
        self.before_commit: Callable[[], None] = lambda: None
        # smtplib connects (and reads the greeting through getreply) inside __init__.
        connect_within = max(0.001, min(timeout, deadline.remaining()))
        super().__init__(host, port, timeout=connect_within, **options)

    def getreply(self) -> tuple[int, bytes]:
        """One reply, read within the timeout and the deadline, of bounded size."""
        if self.sock is None:
            raise ServerClosed("not connected")
        if self.file is None:  # reset by starttls(): nothing read in clear text is kept
            self.file = _Lines(self.sock)
        reader: _Lines = self.file
        own_limit = time.monotonic() + self.reply_timeout
        until = min(own_limit, self.deadline.at)
        lines: list[bytes] = []
        size = 0
        while True:
            try:
                line = reader.readline(until)
            except TimeoutError:
                self.close()
                raise ServerTimeout(self._silence(until < own_limit)) from None
            except OSError as error:
                self.close()
                raise ServerClosed(f"the connection broke: {os_reason(error)}") from None
            if not line:
                self.close()
                raise ServerClosed("the server closed the connection")
            size += len(line)
            if len(line) > _MAX_LINE or len(lines) >= MAX_REPLY_LINES or size > MAX_REPLY_BYTES:
                self.close()
                raise ReplyTooLong(
                    f"the server's reply went past {MAX_REPLY_LINES} lines or "
                    f"{MAX_REPLY_BYTES // 1024} KB; is it an SMTP server?"
                )
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                return -1, b"\n".join(lines)
            if line[3:4] != b"-":
                return code, b"\n".join(lines)

    def send(self, s: ReadableBuffer | str) -> None:
        """Send in pieces, each within the timeout (and all within the deadline)."""
        if self.sock is None:
            raise ServerClosed("not connected")
        data = memoryview(s.encode(self.command_encoding) if isinstance(s, str) else bytes(s))
        for start in range(0, len(data), _CHUNK):
            own_limit = time.monotonic() + self.reply_timeout
            left = min(own_limit, self.deadline.at) - time.monotonic()
            try:
                if left <= 0:
                    raise TimeoutError
                self.sock.settimeout(left)
                self.sock.sendall(data[start : start + _CHUNK])
            except TimeoutError:
                self.close()
                raise ServerTimeout(self._silence(self.deadline.at < own_limit)) from None
            except OSError as error:
                self.close()
                raise ServerClosed(f"the connection broke: {os_reason(error)}") from None

    def data(self, msg: ReadableBuffer | str) -> tuple[int, bytes]:
        """smtplib's DATA, marking the moment the outcome becomes unknown: from just before
        the last byte goes out until the server's reply is read."""
        self.putcmd("data")
        code, reply = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        body = msg.encode("ascii") if isinstance(msg, str) else bytes(msg)
        body = re.sub(rb"(?m)^\.", b"..", body)
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        payload = body + b".\r\n"
        if len(payload) > _CHUNK:
            self.send(payload[:-_CHUNK])
        try:
            self.before_commit()
        except BaseException:
            self.close()  # the server drops a message it never saw the end of
            raise
        self.in_doubt = True  # a Ctrl-C right after the last byte must count as sent
        try:
            self.send(payload[-_CHUNK:])
        except smtplib.SMTPServerDisconnected:
            self.in_doubt = False  # the end did not all go out: the server cannot accept it
            raise
        code, reply = self.getreply()
        self.in_doubt = False
        return code, reply

    def auth(
        self, mechanism: str, authobject: Callable[..., Any], *, initial_response_ok: bool = True
    ) -> tuple[int, bytes]:
        """smtplib's AUTH, with credentials in UTF-8 (RFC 4616) instead of ASCII only."""
        mechanism = mechanism.upper()
        initial = authobject() if initial_response_ok else None
        if initial is not None:
            response = base64.b64encode(initial.encode("utf-8")).decode("ascii")
            code, reply = self.docmd("AUTH", f"{mechanism} {response}")
            challenges = 1
        else:
            code, reply = self.docmd("AUTH", mechanism)
            challenges = 0
        self._auth_challenge_count = challenges
        while code == 334:
            challenges += 1
            self._auth_challenge_count = challenges
            answer = authobject(base64.decodebytes(reply))
            code, reply = self.docmd(base64.b64encode(answer.encode("utf-8")).decode("ascii"))
            if challenges > 5:
                raise smtplib.SMTPException("the server keeps asking for the login (AUTH loop)")
        if code in (235, 503):
            return code, reply
        raise smtplib.SMTPAuthenticationError(code, reply)

    @overload
    def auth_cram_md5(self, challenge: None = None) -> None: ...
    @overload
    def auth_cram_md5(self, challenge: ReadableBuffer) -> str: ...
    def auth_cram_md5(self, challenge: ReadableBuffer | None = None) -> str | None:
        if challenge is None:
            return None
        digest = hmac.HMAC(self.password.encode("utf-8"), challenge, "md5").hexdigest()
        return f"{self.user} {digest}"

    def _silence(self, deadline_first: bool) -> str:
        if deadline_first:
            return self.deadline.describe()
        return f"the server did not answer within {duration(self.reply_timeout)}"


class _TlsClient(_Client, smtplib.SMTP_SSL):
    """The same client over TLS from the start (SMTPS)."""


@dataclass
class _Lines:
    """Reads reply lines from the socket, each read within the time left."""

    sock: socket.socket
    buffer: bytearray = field(default_factory=bytearray)

    def readline(self, until: float) -> bytes:
        """The next line with its line end, at most _MAX_LINE + 1 bytes (longer means too
        long), or what is left at the end of the stream."""
        while True:
            end = self.buffer.find(b"\n", 0, _MAX_LINE + 1)
            if end >= 0 or len(self.buffer) > _MAX_LINE:
                cut = end + 1 if end >= 0 else _MAX_LINE + 1
                line = bytes(self.buffer[:cut])
                del self.buffer[:cut]
                return line
            left = until - time.monotonic()
            if left <= 0:
                raise TimeoutError
            self.sock.settimeout(left)
            chunk = self.sock.recv(4096)
            if not chunk:
                line = bytes(self.buffer)
                self.buffer.clear()
                return line
            self.buffer += chunk

    def close(self) -> None:
        self.buffer.clear()


@dataclass(frozen=True)
class Failure:
    """Whether retrying can help, the reason in one printable line, and whether it was the
    connection that failed (those count towards the circuit breaker)."""

    kind: _Kind
    reason: str
    connection: bool = False


def classify(error: smtplib.SMTPException | OSError, timeout: float = DEFAULT_TIMEOUT) -> Failure:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return _by_code(code, text)
    if isinstance(error, smtplib.SMTPSenderRefused):
        refused = _by_code(error.smtp_code, error.smtp_error)
        kind = "fatal" if refused.kind == "permanent" else refused.kind
        return Failure(kind, f"sender refused: {refused.reason}")
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return Failure("fatal", f"login refused: {_reply(error.smtp_code, error.smtp_error)}")
    if isinstance(error, smtplib.SMTPResponseException):
        return _by_code(error.smtp_code, error.smtp_error)
    if isinstance(error, ReplyTooLong):
        return Failure("fatal", str(error), connection=True)
    if isinstance(error, ServerTimeout | ServerClosed):
        return Failure("transient", str(error), connection=True)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return Failure("transient", "the server closed the connection", connection=True)
    if isinstance(error, smtplib.SMTPException):  # e.g. STARTTLS or AUTH not offered
        return Failure("fatal", printable(str(error)))
    if isinstance(error, ssl.SSLError):
        return Failure("fatal", f"TLS failed: {printable(error.reason or str(error))}")
    if isinstance(error, socket.gaierror):
        return Failure("fatal", "no such host")
    if isinstance(error, TimeoutError):
        reason = f"the server did not answer within {duration(timeout)}"
        return Failure("transient", reason, connection=True)
    return Failure("transient", printable(error.strerror or str(error)), connection=True)


def _doubt(failure: Failure) -> str:
    """Why the outcome of a message that went out whole is unknown."""
    return (
        f"{failure.reason} after the whole message was sent, before the server confirmed it; "
        "it may have been delivered"
    )


def _by_code(code: int, text: bytes | str) -> Failure:
    return Failure("transient" if 400 <= code < 500 else "permanent", _reply(code, text))


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return printable(f"{code} {' '.join(text.split())}")[:300]


class Pacer:
    """Spaces the start of each delivery so no more than `per_minute` go out a minute."""

    def __init__(
        self,
        per_minute: float | None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 60.0 / per_minute if per_minute else 0.0
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        now = self._clock()
        if self._next > now:
            self._sleep(self._next - now)
            now = self._next
        self._next = now + self.interval


_RATE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:/\s*(s|sec|min|h|hour))?\s*", re.IGNORECASE)
_PER_MINUTE = {"s": 60.0, "sec": 60.0, "min": 1.0, "h": 1 / 60, "hour": 1 / 60}
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hour)?\s*", re.IGNORECASE)
_SECONDS = {"s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "hour": 3600.0}


def parse_rate(text: str) -> float:
    """ "30/min" (or "30"), "1/s", "600/h" as messages per minute; ValueError if not."""
    match = _RATE.fullmatch(text)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"expected a rate like 30/min, got {text!r}")
    return float(match.group(1)) * _PER_MINUTE[(match.group(2) or "min").lower()]


def parse_duration(text: str) -> float:
    """ "45min" (or "45"), "90s", "2h" as seconds; ValueError if not."""
    match = _DURATION.fullmatch(text)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"expected a duration like 30min, 90s or 2h, got {text!r}")
    return float(match.group(1)) * _SECONDS[(match.group(2) or "min").lower()]


def duration(seconds: float) -> str:
    """60 -> "60 s", 1800 -> "30 min", 5400 -> "1.5 h", for messages."""
    if seconds < 120:
        return f"{seconds:g} s"
    if seconds < 7200:
        return f"{round(seconds / 60, 1):g} min"
    return f"{round(seconds / 3600, 1):g} h"
