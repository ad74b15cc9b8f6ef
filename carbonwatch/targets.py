"""Notification targets shown by structure: scheme and host plus a fingerprint, never path, query or user info.

A webhook or apprise URL carries its secret anywhere (``/services/T0/B0/XXXX``, ``/bot<token>/``, ``?k=…``,
``user:pass@``, ``tgram://<token>/<chat>``), in any spelling (percent-encoded, with ``+``, short). Guessing which
part is secret by its look leaks the ones that do not look secret, so :func:`redact_target` keeps only the parts
that never are: the scheme and, for http(s) webhooks, the host and port. The fingerprint (a prefix of the SHA-256 of
the full URL) tells targets on the same host apart. One function serves the ``notifications.target`` column, the CLI
and the logs, so a target reads the same everywhere.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import unquote, unquote_plus, urlsplit, urlunsplit

FINGERPRINT_HEX = 10  # the length stored since migration 0001: rows written before 0004 keep matching
WEBHOOK_SCHEMES = ("http", "https")
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
# Where a URL splits into the parts that may each be (or hold) a secret.
PART_SEPARATORS_RE = re.compile(r"[/?&=#:@;,]")
# Parts shorter than this are not scrubbed from messages: they carry no secret worth guessing and would mangle
# every "HTTP 500" or "Errno 111" of the message they are scrubbed from.
MIN_SCRUBBED_PART = 3


def fingerprint(url: str) -> str:
    """A short stable id of a full target URL (tells targets apart without storing their secrets)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:FINGERPRINT_HEX]


def _scheme(url: str) -> str:
    match = SCHEME_RE.match(url)
    return match.group(1).lower() if match else "unknown"


def _host_port(url: str) -> str:
    """``host[:port]`` of an http(s) URL, without user info; empty when there is none or it does not parse."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[oops": an unbalanced IPv6 bracket
        return ""
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    try:
        port = parts.port
    except ValueError:  # a non-numeric "port" is no port (it may be the tail of a password)
        port = None
    return f"{host}:{port}" if host and port is not None else host


def redact_target(url: str) -> str:
    """The target as stored, printed and logged: ``https://host[:port]#<fp>``, or ``<scheme>://***#<fp>``.

    Apprise URLs put their tokens in the host too (``tgram://<bot token>/<chat>``, ``discord://<id>/<token>``),
    so for every scheme but http(s) only the scheme is kept.
    """
    scheme = _scheme(url)
    host = _host_port(url) if scheme in WEBHOOK_SCHEMES else ""
    return f"{scheme}://{host or '***'}#{fingerprint(url)}"


def secret_parts(url: str) -> list[str]:
    """Every part of ``url`` but the scheme and the webhook host, as written and decoded, longest first.

    For scrubbing text that did not come from :func:`redact_target` (an exception message, a library's log line).
    """
    scheme = _scheme(url)
    rest = url.partition("://")[2] if "://" in url else url
    if scheme in WEBHOOK_SCHEMES and _host_port(url):
        netloc = urlsplit(url).netloc
        userinfo = netloc.rpartition("@")[0] if "@" in netloc else ""
        rest = userinfo + rest[len(netloc) :]
    candidates = {rest, *PART_SEPARATORS_RE.split(rest)}
    # The user info as a whole: a password may itself hold ":" or "@".
    if "@" in rest:
        candidates.add(rest.rpartition("@")[0])
    found: set[str] = set()
    for part in candidates:
        found |= {part, unquote(part), unquote_plus(part)}
    return sorted((p for p in found if len(p) >= MIN_SCRUBBED_PART), key=len, reverse=True)


def scrub(text: str, url: str) -> str:
    """``text`` with ``url`` replaced by its redacted form and every other secret part of it by ``***``."""
    text = text.replace(url, redact_target(url))
    for part in secret_parts(url):
        text = text.replace(part, "***")
    return text


def split_credentials(url: str) -> tuple[str, str | None]:
    """``url`` without its user info, and the HTTP Basic ``Authorization`` value that user info stood for.

    urllib does not turn ``https://user:pass@host/`` into a header; it takes ``user:pass@host`` for the host.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # left to urllib to refuse, with its message scrubbed
        return url, None
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode("ascii")
    return urlunsplit((parts.scheme, hostport, parts.path, parts.query, parts.fragment)), f"Basic {token}"
