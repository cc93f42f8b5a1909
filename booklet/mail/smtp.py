"""Delivering messages over SMTP the way mail servers expect to be treated.

Failures are sorted by what a retry can change. A 4xx reply, a dropped, refused or reset
connection and a timeout are transient: wait (2 s, 4 s, 8 s by default), reconnect, try again. A
5xx reply is the server's final word on that address: it is reported and the run goes on. A
failure every later message would meet too (the server cannot be reached, TLS fails, the login
or the sender is refused) stops the run, instead of failing a thousand addresses one by one.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Literal

from booklet.content.errors import printable

Security = Literal["none", "starttls", "ssl"]
DEFAULT_PORTS: dict[Security, int] = {"none": 25, "starttls": 587, "ssl": 465}
_Kind = Literal["transient", "permanent", "fatal"]


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security = "none"
    user: str | None = None
    password: str | None = None
    cafile: Path | None = None
    timeout: float = 60.0


class SendAborted(Exception):
    """A failure that every further message would meet too; the run stops."""


class Mailer:
    """One connection, opened when first needed and reopened after a transient failure."""

    def __init__(
        self,
        settings: SmtpSettings,
        *,
        attempts: int = 4,
        retry_delay: float = 2.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.attempts = attempts
        self.retry_delay = retry_delay
        self._sleep = sleep
        self._smtp: smtplib.SMTP | None = None

    def deliver(self, message: EmailMessage, sender: str, recipient: str) -> str | None:
        """Send one message, retrying transient failures. None when the server accepted it;
        otherwise why it is refused for good, e.g. "550 5.1.1 no such user". Raises
        SendAborted when no message could get through."""
        reason = ""
        connecting = True
        for attempt in range(1, self.attempts + 1):
            if attempt > 1:
                self._sleep(self.retry_delay * 2 ** (attempt - 2))
            connecting = True
            try:
                smtp = self._connection()
                connecting = False
                smtp.send_message(message, from_addr=sender, to_addrs=[recipient])
                return None
            except (smtplib.SMTPException, OSError) as error:
                kind, reason = classify(error)
            if kind == "fatal" or (connecting and kind == "permanent"):
                self.close()
                raise SendAborted(self._where(connecting) + reason)
            if kind == "permanent":
                return reason  # smtplib has reset the session; the connection is still good
            self.drop()
        if connecting:
            raise SendAborted(self._where(True) + f"{reason} (tried {self.attempts} times)")
        return f"gave up after {self.attempts} attempts: {reason}"

    def close(self) -> None:
        """Say goodbye politely if the server is still listening."""
        if self._smtp is not None:
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

    def _where(self, connecting: bool) -> str:
        s = self.settings
        return f"cannot use the SMTP server {s.host}:{s.port}: " if connecting else ""

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            self._smtp = connect(self.settings)
        return self._smtp


def connect(settings: SmtpSettings) -> smtplib.SMTP:
    """Connect, secure the connection as asked, and log in."""
    s = settings
    context = ssl.create_default_context(cafile=str(s.cafile) if s.cafile else None)
    smtp: smtplib.SMTP
    if s.security == "ssl":
        smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
    else:
        smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
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


def classify(error: smtplib.SMTPException | OSError) -> tuple[_Kind, str]:
    """Whether retrying can help, and the reason in one printable line."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return _by_code(code, text)
    if isinstance(error, smtplib.SMTPSenderRefused):
        kind, reply = _by_code(error.smtp_code, error.smtp_error)
        return ("fatal" if kind == "permanent" else kind), f"sender refused: {reply}"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "fatal", f"login refused: {_reply(error.smtp_code, error.smtp_error)}"
    if isinstance(error, smtplib.SMTPResponseException):
        return _by_code(error.smtp_code, error.smtp_error)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "transient", "the server closed the connection"
    if isinstance(error, smtplib.SMTPException):  # e.g. STARTTLS or AUTH not offered
        return "fatal", printable(str(error))
    if isinstance(error, ssl.SSLError):
        return "fatal", f"TLS failed: {printable(error.reason or str(error))}"
    if isinstance(error, socket.gaierror):
        return "fatal", "no such host"
    if isinstance(error, TimeoutError):
        return "transient", "timed out"
    return "transient", printable(error.strerror or str(error))


def _by_code(code: int, text: bytes | str) -> tuple[_Kind, str]:
    return ("transient" if 400 <= code < 500 else "permanent"), _reply(code, text)


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


def parse_rate(text: str) -> float:
    """ "30/min" (or "30"), "1/s", "600/h" as messages per minute; ValueError if not."""
    match = _RATE.fullmatch(text)
    if match is None or float(match.group(1)) <= 0:
        raise ValueError(f"expected a rate like 30/min, got {text!r}")
    return float(match.group(1)) * _PER_MINUTE[(match.group(2) or "min").lower()]
