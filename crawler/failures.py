"""What a failed request failed of, as the short kind the run record counts (``carbonwatch/errors/<kind>``).

``http_404`` for an HTTP error answer (after retries), ``dns``, ``timeout``, ``connection_refused`` … for a download
that never got an answer; None for a request refused on purpose (robots.txt, offsite, the SSRF guard), which is
counted where it is refused.
"""

from __future__ import annotations

import re

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

# Scrapy 2.19 wraps Twisted's errors in its own classes; both spellings map to one kind.
ERROR_KINDS = {
    "DownloadTimeoutError": "timeout",
    "TimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "DownloadConnectionRefusedError": "connection_refused",
    "ConnectionRefusedError": "connection_refused",
    "CannotResolveHostError": "dns",
    "DNSLookupError": "dns",
    "ResponseDataLossError": "data_loss",
    "DownloadFailedError": "download_failed",
    "ResponseNeverReceived": "no_response",
    "ConnectionLost": "connection_lost",
}
CAMEL_RE = re.compile(r"(?<!^)(?=[A-Z])")


def error_kind(exc: BaseException) -> str:
    """The kind of a download exception (``timeout``, ``dns``, ``connection_refused``; else its snake_case name)."""
    name = type(exc).__name__
    return ERROR_KINDS.get(name, CAMEL_RE.sub("_", name).lower())


def failure_kind(failure: Failure) -> str | None:
    """The kind a failed request counts under, or None when it was refused on purpose."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}"
    if exc is None or isinstance(exc, IgnoreRequest):
        return None
    return error_kind(exc)
