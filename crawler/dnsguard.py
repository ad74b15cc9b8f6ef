"""A name resolver that answers only global unicast addresses, so a crawl connects only where the SSRF guard looked.

Installed on the reactor by ``TWISTED_DNS_RESOLVER`` (``crawler/settings.py``). Every connection Scrapy's HTTP
handler opens resolves its host here, literals included; an answer holding any address that is not global unicast
(loopback, private, carrier-grade NAT ``100.64.0.0/10``, link-local, reserved, multicast, or an IPv6 form embedding
such an IPv4: ``::ffff:127.0.0.1``, 6to4 ``2002:7f00:1::``, Teredo, NAT64) is refused whole, and the connection
gets no address at all. Answers are cached for the process, so the SSRF middleware's check before the request and
the connection use the same vetted answer and a DNS rebinding between the two cannot change it. The hosts the
operator chose are the only exceptions: those ``CARBONWATCH_HOST_MAP`` points at (tests and the offline demo:
``127.0.0.1``) and the proxies of ``http_proxy``/``https_proxy``.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit
from urllib.request import getproxies

from scrapy.utils.datatypes import LocalCache
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IAddress, IHostnameResolver, IHostResolution, IResolutionReceiver
from zope.interface import implementer, provider  # type: ignore[import-untyped]  # zope ships no type stubs

from crawler.offline import parse_host_map

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")


class AddressRefused(Exception):
    """A name resolved to an address that is not global unicast."""


def embedded_ipv4(addr: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo server and client, NAT64)."""
    if isinstance(addr, ipaddress.IPv4Address):
        return []
    found = [a for a in (addr.ipv4_mapped, addr.sixtofour) if a is not None]
    if addr.teredo is not None:
        found += list(addr.teredo)
    if addr in NAT64_PREFIX:
        found.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
    return found


def address_refusal(addr: IPAddress) -> str | None:
    """Why ``addr`` must not be connected to, or None when it (and any IPv4 it embeds) is global unicast."""
    embedded = embedded_ipv4(addr)
    # An IPv4-mapped address is that IPv4 address on the wire: judged by it alone (Python counts the whole
    # ::ffff:0:0/96 as non-global). Other forms must be global themselves and carry only global IPv4.
    own = [] if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None else [addr]
    for candidate in (*embedded, *own):
        # is_global is False for loopback, private, CGNAT, link-local, reserved, documentation and unspecified
        # ranges; multicast is "global" in that table but never a web server.
        if not candidate.is_global or candidate.is_multicast:
            return f"address {addr}" if candidate is addr else f"address {addr} (embeds {candidate})"
    return None


def answer_refusal(name: str, addresses: Sequence[str]) -> str | None:
    """Why the DNS answer ``addresses`` for ``name`` must not be used: the first refused address, or None."""
    for text in addresses:
        reason = address_refusal(ipaddress.ip_address(text.split("%", 1)[0]))
        if reason is not None:
            return reason if text == name else f"{name} resolves to {reason}"
    return None


def mapped_targets(raw_host_map: Any) -> frozenset[str]:
    """The hosts the operator's host map sends requests to (``127.0.0.1`` in tests and the demo)."""
    return frozenset((urlsplit(base).hostname or "").lower() for base in parse_host_map(raw_host_map).values()) - {""}


def proxy_hosts(proxies: dict[str, str]) -> frozenset[str]:
    """The proxy hosts the operator set in the environment (``http_proxy``, ``https_proxy``), which Scrapy uses."""
    return frozenset((urlsplit(url).hostname or "").lower() for url in proxies.values() if "://" in url) - {""}


@implementer(IHostResolution)
class _Resolution:
    def __init__(self, name: str) -> None:
        self.name = name

    def cancel(self) -> None:
        """Not cancellable; HostnameEndpoint never cancels (matches Scrapy's resolvers)."""


@provider(IResolutionReceiver)
class _Collector:
    """Gathers the addresses the wrapped resolver reports, then fires ``done`` with them."""

    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.done: Deferred[list[str]] = Deferred()

    def resolutionBegan(self, resolution: IHostResolution) -> None:
        pass

    def addressResolved(self, address: IAddress) -> None:
        host = getattr(address, "host", None)
        if isinstance(host, str) and host not in self.addresses:
            self.addresses.append(host)

    def resolutionComplete(self) -> None:
        self.done.callback(self.addresses)


@implementer(IHostnameResolver)
class GlobalOnlyResolver:
    """Resolves through the reactor's own resolver and refuses any answer that is not wholly global unicast."""

    def __init__(self, reactor: Any, cache_size: int, allowed_hosts: frozenset[str], enabled: bool = True) -> None:
        self.reactor = reactor
        self.original: Any = reactor.nameResolver
        self.allowed_hosts = allowed_hosts
        self.enabled = enabled
        self.cache: LocalCache[str, tuple[str, ...]] = LocalCache(cache_size)
        # Names refused lately, with the reason: the SSRF middleware counts a connection failed by a refusal.
        self.refused: LocalCache[str, str] = LocalCache(1000)

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GlobalOnlyResolver:
        # Scrapy builds the resolver from the crawler process: only its settings are there (no stats).
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        allowed = mapped_targets(settings.get("CARBONWATCH_HOST_MAP"))
        if settings.getbool("HTTPPROXY_ENABLED", True):
            # A proxy on loopback or the LAN is the operator's choice; it then resolves the crawled names itself.
            allowed |= proxy_hosts(getproxies())
        return cls(reactor, cache_size, allowed, settings.getbool("CARBONWATCH_SSRF_GUARD", True))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def lookup(self, name: str) -> Deferred[tuple[str, ...]]:
        """Every address of ``name``; fails with :class:`AddressRefused` when one is not global unicast."""
        key = name.lower().rstrip(".")
        cached = self.cache.get(key)
        if cached is not None:
            result: Deferred[tuple[str, ...]] = Deferred()
            result.callback(cached)
            return result
        collector = _Collector()
        self.original.resolveHostName(collector, name, 0)
        return collector.done.addCallback(self._vet, key)

    def _vet(self, addresses: list[str], key: str) -> tuple[str, ...]:
        if self.enabled and key not in self.allowed_hosts:
            reason = answer_refusal(key, addresses)
            if reason is not None:
                self.refused[key] = reason
                raise AddressRefused(reason)
        answer = tuple(addresses)
        if answer and self.cache.limit:
            self.cache[key] = answer
        return answer

    def resolveHostName(
        self,
        resolutionReceiver: Any,  # an IResolutionReceiver: zope interfaces do not type-check as classes
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: str = "TCP",
    ) -> Any:
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)

        def report(addresses: tuple[str, ...]) -> None:
            for text in addresses:
                kind = IPv6Address if ":" in text else IPv4Address
                if addressTypes is None or kind in addressTypes:
                    resolutionReceiver.addressResolved(kind("TCP", text, portNumber))

        def refused(failure: Any) -> None:
            # No address: the connection fails as a DNS error (the SSRF middleware counts the retry's refusal).
            if failure.check(AddressRefused):
                logger.warning("not connecting to %s: %s", hostName, failure.value)

        def complete(_: object) -> None:
            resolutionReceiver.resolutionComplete()

        self.lookup(hostName).addCallbacks(report, refused).addBoth(complete)
        return resolution
