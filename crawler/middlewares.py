"""Downloader middlewares: wait out ``Retry-After`` on 429/503 (bounded), refuse SSRF-prone requests, and read a
robots.txt that cannot be downloaded whole as "disallow everything"."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import CannotResolveHostError, DownloadCancelledError, IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import CancelledError, Deferred

from crawler.dnsguard import AddressRefused, GlobalOnlyResolver, address_refusal
from crawler.offline import parse_host_map

logger = logging.getLogger(__name__)

RETRY_AFTER_CODES = (429, 503)
# What the HTTP handler raises when a body outgrows DOWNLOAD_MAXSIZE: Scrapy's error when Content-Length
# announces it, Twisted's cancellation when the bytes received pass the limit.
OVERSIZE_ERRORS = (DownloadCancelledError, CancelledError)
DISALLOW_ALL_ROBOTS = b"User-agent: *\nDisallow: /\n"
ALLOWED_SCHEMES = ("http", "https")
BLOCKED_HOSTNAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def retry_after_seconds(value: str | bytes | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta seconds or an HTTP date), None when unusable."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class RetryAfterMiddleware:
    """Retries a 429/503 that carries ``Retry-After`` after the time the server asked for.

    Bounded twice: a wait longer than ``CARBONWATCH_RETRY_AFTER_MAX`` seconds (default 60) is not waited out,
    and one request is retried this way at most ``CARBONWATCH_RETRY_AFTER_TIMES`` times (default 2). Either way
    the response then goes on (Scrapy's RetryMiddleware is told not to retry it) and the spider's errback counts
    it; the give-up is counted as ``carbonwatch/errors/retry_after_exceeded``. Responses without the header are
    left to Scrapy's RetryMiddleware.
    """

    def __init__(self, crawler: Any, max_wait: float, max_times: int) -> None:
        self.crawler = crawler
        self.max_wait = max_wait
        self.max_times = max_times

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        max_wait = crawler.settings.getfloat("CARBONWATCH_RETRY_AFTER_MAX", 60.0)
        max_times = crawler.settings.getint("CARBONWATCH_RETRY_AFTER_TIMES", 2)
        if max_times <= 0:
            raise NotConfigured("CARBONWATCH_RETRY_AFTER_TIMES is 0")
        return cls(crawler, max_wait, max_times)

    async def process_response(self, request: Any, response: Any) -> Any:
        if response.status not in RETRY_AFTER_CODES or request.meta.get("dont_retry"):
            return response
        wait = retry_after_seconds(response.headers.get("Retry-After"), datetime.now(UTC))
        if wait is None:
            return response
        stats = self.crawler.stats
        tries = int(request.meta.get("carbonwatch_retry_after", 0))
        if wait > self.max_wait or tries >= self.max_times:
            logger.warning(
                "giving up on %s: status %s asks to wait %.0f s (cap %.0f s, tried %d times)",
                request.url,
                response.status,
                wait,
                self.max_wait,
                tries,
            )
            stats.inc_value("carbonwatch/errors/retry_after_exceeded")
            request.meta["dont_retry"] = True  # Scrapy's retry would ignore the server's wish
            return response
        logger.info("status %s on %s: waiting %.1f s as Retry-After asks", response.status, request.url, wait)
        stats.inc_value("carbonwatch/retry_after/waited")
        await asyncio.sleep(wait)
        retry = request.replace(dont_filter=True)
        retry.meta["carbonwatch_retry_after"] = tries + 1
        return retry


def blocked_reason(url: str, allowed_hosts: frozenset[str]) -> str | None:
    """Why ``url`` must not be fetched before any lookup (SSRF guard), or None when it may be.

    Refused: schemes other than http/https, ``localhost`` names, and IP literals (in any encoding) that are not
    global unicast (:func:`crawler.dnsguard.address_refusal`). Hosts in ``allowed_hosts`` (the test/demo host
    map's real hostnames) pass. Names are resolved afterwards by :class:`SsrfGuardMiddleware`.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"scheme {scheme or '(none)'}"
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return "no host"
    if host in allowed_hosts:
        return None
    if host in BLOCKED_HOSTNAMES or host.endswith(".localhost"):
        return "localhost"
    addr: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        addr = _legacy_ipv4(host)
    if addr is None:
        return None
    return address_refusal(addr)


def is_name(host: str) -> bool:
    """Whether ``host`` (as :func:`urlsplit` gives it) is a name to resolve rather than an IP literal."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return _legacy_ipv4(host) is None
    return False


def _legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Decimal/hex/octal IPv4 forms (``2130706433``, ``0x7f.1``) that browsers and curl still accept."""
    if not all(part and (part.isdigit() or part.lower().startswith("0x")) for part in host.split(".")):
        return None
    try:
        nums = [
            int(p, 16) if p.lower().startswith("0x") else int(p, 8 if p.startswith("0") and p != "0" else 10)
            for p in host.split(".")
        ]
    except ValueError:
        return None
    if not nums or len(nums) > 4:
        return None
    value = 0
    for i, num in enumerate(nums[:-1]):
        if num > 255:
            return None
        value |= num << (24 - 8 * i)
    last_bits = 8 * (5 - len(nums))
    if nums[-1] >= 1 << last_bits:
        return None
    return ipaddress.IPv4Address(value | nums[-1])


class SsrfGuardMiddleware:
    """Refuses requests that could reach internal services; counted as ``carbonwatch/drop/ssrf_blocked``.

    Runs for every request, redirects and retries included. A name is resolved here, through the reactor's
    :class:`~crawler.dnsguard.GlobalOnlyResolver`, whose vetted and cached answer is the one the connection then
    uses; a name with any non-global address is refused with the address in the log line.
    """

    def __init__(self, crawler: Any, allowed_hosts: frozenset[str]) -> None:
        self.crawler = crawler
        self.allowed_hosts = allowed_hosts
        self._fallback: GlobalOnlyResolver | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> SsrfGuardMiddleware:
        if not crawler.settings.getbool("CARBONWATCH_SSRF_GUARD", True):
            raise NotConfigured("CARBONWATCH_SSRF_GUARD is off")
        hosts = frozenset(parse_host_map(crawler.settings.get("CARBONWATCH_HOST_MAP")))
        return cls(crawler, hosts)

    async def process_request(self, request: Any) -> None:
        reason = blocked_reason(request.url, self.allowed_hosts)
        host = (urlsplit(request.url).hostname or "").lower().rstrip(".")
        if reason is None and host not in self.allowed_hosts and is_name(host):
            try:
                await maybe_deferred_to_future(self._resolver().lookup(host))
            except AddressRefused as exc:
                reason = str(exc)
        if reason is None:
            return None
        self._refuse(request, reason)

    def process_exception(self, request: Any, exception: BaseException) -> None:
        """A connection whose own lookup was refused (a rebinding answer after the check) is a counted drop too."""
        if not isinstance(exception, CannotResolveHostError):
            return None
        host = (urlsplit(request.url).hostname or "").lower().rstrip(".")
        reason = self._resolver().refused.get(host)
        if reason is None:
            return None
        self._refuse(request, f"at connect time: {reason}")

    def _refuse(self, request: Any, reason: str) -> None:
        self.crawler.stats.inc_value("carbonwatch/drop/ssrf_blocked")
        logger.warning("refused %s (%s): not a public web address", request.url, reason)
        raise IgnoreRequest(f"ssrf_blocked: {reason}")

    def _resolver(self) -> GlobalOnlyResolver:
        from twisted.internet import reactor

        installed = getattr(reactor, "nameResolver", None)
        if isinstance(installed, GlobalOnlyResolver):
            return installed
        if self._fallback is None:
            # Another TWISTED_DNS_RESOLVER: names are still checked here, but the connection resolves again.
            logger.warning("TWISTED_DNS_RESOLVER is not the SSRF guard's resolver: connections are not pinned")
            self._fallback = GlobalOnlyResolver(reactor, 10_000, frozenset())
        return self._fallback


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, except that a robots.txt it cannot read whole disallows its whole host.

    Scrapy takes a robots.txt it failed to download for "no rules": a host serving one over ``DOWNLOAD_MAXSIZE``
    (plain, or gzip-encoded and over the limit once decompressed) had its disallowed pages fetched (issue 15
    #12). RFC 9309 lets a crawler parse a prefix of at least 500 KiB, but a cancelled download keeps none, so
    such a file reads as "complete disallow", the RFC's rule for an unreachable one. Counted as
    ``carbonwatch/robots/unreadable``; each page refused because of it counts in ``robotstxt/forbidden``.
    """

    def process_exception(self, request: Any, exception: BaseException) -> Response | None:
        """A robots.txt download cancelled for its size becomes a disallow-all reply (no ERROR traceback)."""
        if not isinstance(exception, OVERSIZE_ERRORS) or not is_robots_request(request):
            return None
        self._unreadable(request.url, exception)
        return Response(url=request.url, status=200, body=DISALLOW_ALL_ROBOTS, request=request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        # Scrapy 2.19's hook for a failed robots.txt fetch (the engine test in test_politeness.py guards it). An
        # IgnoreRequest is HttpCompressionMiddleware refusing a body over the limit once decompressed, or the SSRF
        # guard refusing the host (whose pages it refuses as well).
        if not isinstance(exc, IgnoreRequest):
            super()._robots_error(exc, netloc)
            return
        self._unreadable(f"//{netloc}/robots.txt", exc)
        parser = build_from_crawler(self._parserimpl, self.crawler, DISALLOW_ALL_ROBOTS)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(waiting, Deferred):
            waiting.callback(parser)

    def _unreadable(self, url: str, exc: BaseException) -> None:
        self.crawler.stats.inc_value("carbonwatch/robots/unreadable")
        logger.warning("robots.txt %s could not be read whole (%s): nothing on its host is fetched", url, exc)


def is_robots_request(request: Any) -> bool:
    """Whether ``request`` is the robots.txt fetch of Scrapy's RobotsTxtMiddleware."""
    return bool(request.meta.get("dont_obey_robotstxt")) and urlsplit(request.url).path == "/robots.txt"
