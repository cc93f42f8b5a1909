"""Well-formed URLs: the characters, host and port of a link target or the QR code's payload.

`inline.url_problem` decides whether a link is allowed at all (scheme, host); this says whether
an allowed one is well formed, so it never prints as broken link markup nor sends a QR code
somewhere odd.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# RFC 3986: unreserved, reserved and "%"; other characters (RFC 3987 IRIs) only if not ASCII.
_URL_ASCII = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)
_HOST_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?")


def url_syntax_problem(url: str) -> str | None:
    """Why `url` is not a well-formed URL (one reason), or None."""
    for char in url:
        if char.isspace():
            return "it contains a space; write it as %20"
        if char.isascii() and char not in _URL_ASCII:
            return f"it contains {char!r}; write it as %{ord(char):02X}"
    if re.search(r"%(?![0-9A-Fa-f]{2})", url):
        return "'%' must start an escape of two hex digits, like %20"
    parts = urlsplit(url)
    if parts.scheme.lower() == "mailto":
        return None
    if "@" in parts.netloc:
        return "a user name before the host is refused (a reader would take it for the site)"
    try:
        parts.port  # noqa: B018 - urllib checks the port when it is read
    except ValueError:
        return f"the port in {parts.netloc!r} is not a number from 0 to 65535"
    host = parts.hostname or ""
    if host.startswith("[") or ":" in host:
        return None  # an IPv6 literal: urllib has checked it
    if not host or not all(_HOST_LABEL.fullmatch(label) for label in host.rstrip(".").split(".")):
        return f"{host!r} is not a host name"
    return None
