"""URL canonicalisation: one URL per document, so re-crawls and mirrors of a page map to one database row.

Sina documents: every desktop page ``https://<channel>.sina.com.cn/<path>/<yyyy-mm-dd>/doc-i<id>.shtml`` and
every mobile page ``https://<channel>.sina.cn/<path>/<yyyy-mm-dd>/detail-i<id>.d.html`` becomes
``https://<channel>.sina.com.cn/<yyyy-mm-dd>/doc-i<id>.shtml`` (desktop host, the date kept, the channel path
segments such as ``roll/`` or ``c/`` dropped because the same document is linked under several of them, and the
mobile page gives no reliable desktop channel); without a date segment the form is
``https://<channel>.sina.com.cn/doc-i<id>.shtml``. The canonical URL is an identity key: fetch ``item.url``.
The document id itself (``sina_doc_id``) is the strongest key and is stored too.

Other sites keep their path and non-tracking query; only scheme (https), host case, default port, fragment and
tracking parameters are normalised.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Sina's document ids: "doc-i" / "detail-i" followed by lowercase letters and digits (ihqfskcn2160999).
SINA_DOC_RE = re.compile(r"/(?:doc|detail)-(i[a-z0-9]+)\.(?:d\.html|shtml|html)$")
DATE_SEGMENT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SINA_HOST_RE = re.compile(r"(?:^|\.)sina\.(?:com\.cn|cn)$")
# TRS document ids in government URLs: t20211116_1304110.html
TRS_DOC_ID_RE = re.compile(r"/(t\d{8}_\d+)\.s?html?$")

TRACKING_PARAMS = frozenset(
    {"from", "spm", "r", "_", "wm", "sudaref", "vt", "ivk_sa", "cre", "mod", "loc", "fromsinago", "share_token"}
)
TRACKING_PREFIXES = ("utm_", "spm_")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _desktop_host(host: str) -> str:
    """``finance.sina.cn`` -> ``finance.sina.com.cn``; the bare mobile portal ``sina.cn`` serves news."""
    if host.endswith(".sina.com.cn"):
        return host
    if host == "sina.cn":
        return "news.sina.com.cn"
    return host[: -len(".sina.cn")] + ".sina.com.cn"


def _netloc(host: str, port: int | None, scheme: str) -> str:
    if port is None or (scheme == "https" and port == 443) or (scheme == "http" and port == 80):
        return host
    return f"{host}:{port}"


def sina_doc_id(url: str) -> str | None:
    """The Sina document id (``ihqfskcn2160999``) of a desktop or mobile Sina article URL, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "https://[host" (from a page's og:url): no URL, no id
        return None
    host = (parts.hostname or "").lower()
    if not SINA_HOST_RE.search(host):
        return None
    match = SINA_DOC_RE.search(parts.path)
    return match.group(1) if match else None


def trs_doc_id(url: str) -> str | None:
    """The TRS document id of a government detail URL (``t20211116_1304110``), or None."""
    m = TRS_DOC_ID_RE.search(url.split("?", 1)[0])
    return m.group(1) if m else None


def join_url(base: str, href: str) -> str | None:
    """``href`` made absolute against ``base``; None when it is no URL at all (``https://[host``)."""
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def is_web_url(url: str | None) -> bool:
    """Whether ``url`` is an absolute http(s) URL with a host: the only kind fetched, stored or sent on.

    ``javascript:``, ``mailto:``, ``data:``, ``file:``, ``ftp:`` …, relative references and URLs that do not
    even split (``https://[host``, a port of letters) are not.
    """
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018  # reading it validates the port (ValueError when it is not a number)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


# The identity keys of documents with no web address (imported Hexo posts: carbonwatch.importer.post_key).
LOCAL_KEY_PREFIX = "urn:carbonwatch:"


def is_storable_url(url: str | None) -> bool:
    """Whether ``url`` may be stored as a document's address: a web URL, or one of our ``urn:carbonwatch:`` keys."""
    return is_web_url(url) or (url or "").startswith(LOCAL_KEY_PREFIX)


def canonicalize(url: str) -> str:
    """The canonical form of ``url`` (see the module docstring for the Sina rule); total, never raises."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        # "https://[host": no URL, nothing to canonicalise; the store refuses it (is_storable_url).
        return url.strip()
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        # mailto:, javascript:, relative references: nothing to canonicalise.
        return url.strip()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    doc_id = sina_doc_id(url)
    if doc_id is not None:
        dates = [seg for seg in parts.path.split("/") if DATE_SEGMENT_RE.match(seg)]
        prefix = f"/{dates[-1]}" if dates else ""
        # The query of a Sina document page never selects content (only tracking), so it is dropped whole.
        return urlunsplit(("https", _desktop_host(host), f"{prefix}/doc-{doc_id}.shtml", "", ""))
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)], doseq=False
    )
    path = parts.path or "/"
    return urlunsplit(("https", _netloc(host, port, scheme), path, query, ""))
