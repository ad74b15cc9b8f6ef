"""The SSRF guard for pages rendered in Chromium: every request the browser makes is checked like the crawler's own.

A rendered page's scripts, images, frames and XHR are fetched by Chromium itself, past Scrapy's downloader and its
resolver (:mod:`crawler.dnsguard`), so a hostile list page could make the browser read an internal address and put
the answer into the list it renders. scrapy-playwright routes each browser request through
``PLAYWRIGHT_ABORT_REQUEST``; this predicate aborts one whose URL the crawler would refuse
(:func:`crawler.middlewares.blocked_reason`: scheme, ``localhost``, non-global IP literals) or whose host name
resolves to any address that is not global unicast. Only the operator's host map (its names and targets) and proxy
hosts may be internal, as for the crawler. In-page URLs (``data:``, ``blob:``, ``about:``) make no request.

Chromium resolves the name again when it connects, so an answer that changes between the two lookups (DNS
rebinding with a zero TTL) is not caught here; the crawler's own requests are pinned to the vetted answer.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit
from urllib.request import getproxies

from crawler.dnsguard import answer_refusal, mapped_targets, proxy_hosts
from crawler.middlewares import blocked_reason, is_name
from crawler.offline import parse_host_map

logger = logging.getLogger(__name__)

IN_PAGE_SCHEMES = frozenset({"data", "blob", "about"})
STAT = "carbonwatch/drop/ssrf_blocked_render"
Resolve = Callable[[str], Awaitable[list[str]]]


async def system_resolve(host: str) -> list[str]:
    """Every address the system resolver gives for ``host`` (what Chromium will be told too)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, 443, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class RenderGuard:
    """``PLAYWRIGHT_ABORT_REQUEST``: True (abort) for a browser request to a place the crawler may not fetch."""

    def __init__(self, allowed_hosts: frozenset[str], stats: Any = None, resolve: Resolve | None = None) -> None:
        self.allowed_hosts = allowed_hosts
        self.stats = stats
        self.resolve = resolve or system_resolve

    @classmethod
    def from_crawler(cls, crawler: Any) -> RenderGuard:
        """The guard for a crawl: its host map's names and targets, and the environment's proxies, may be internal."""
        settings = crawler.settings
        raw_map = settings.get("CARBONWATCH_HOST_MAP")
        allowed = frozenset(parse_host_map(raw_map)) | mapped_targets(raw_map)
        if settings.getbool("HTTPPROXY_ENABLED", True):
            allowed |= proxy_hosts(getproxies())
        return cls(allowed, lambda: crawler.stats)

    async def refusal(self, url: str) -> str | None:
        """Why the browser must not request ``url``, or None."""
        parts = urlsplit(url)
        if parts.scheme.lower() in IN_PAGE_SCHEMES:
            return None
        reason = blocked_reason(url, self.allowed_hosts)
        host = (parts.hostname or "").lower().rstrip(".")
        if reason is not None or host in self.allowed_hosts or not is_name(host):
            return reason
        try:
            addresses = await self.resolve(host)
        except OSError:
            return None  # the browser's own lookup fails the same way
        return answer_refusal(host, addresses)

    async def __call__(self, request: Any) -> bool:
        reason = await self.refusal(str(request.url))
        if reason is None:
            return False
        if self.stats is not None:
            self.stats().inc_value(STAT)
        logger.warning("refused a rendered page's request for %s (%s): not a public web address", request.url, reason)
        return True
