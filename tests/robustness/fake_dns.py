"""A test DNS: the project's GlobalOnlyResolver answering names from a table, like an /etc/hosts entry would.

Use with ``-s TWISTED_DNS_RESOLVER=tests.robustness.fake_dns.TableResolver`` and ``-s TEST_DNS_TABLE='{"name":
["127.0.0.1"]}'``: the table replaces only the system lookup, so every check the crawl makes is the real one.
"""

from __future__ import annotations

import json
from typing import Any

from twisted.internet.address import IPv4Address, IPv6Address

from crawler.dnsguard import GlobalOnlyResolver


class _TableLookup:
    """An IHostnameResolver answering from ``table``, and from ``fallback`` for names not in it."""

    def __init__(self, table: dict[str, Any], fallback: Any) -> None:
        self.table = table
        self.fallback = fallback

    def resolveHostName(self, receiver: Any, name: str, port: int = 0, *args: Any, **kwargs: Any) -> Any:
        if name.lower() not in self.table:
            return self.fallback.resolveHostName(receiver, name, port, *args, **kwargs)
        receiver.resolutionBegan(None)
        answers = self.table[name.lower()]
        if answers and isinstance(answers[0], list):  # successive answers, as a rebinding DNS gives them
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
        else:
            answer = answers
        for text in answer:
            receiver.addressResolved((IPv6Address if ":" in text else IPv4Address)("TCP", text, port))
        receiver.resolutionComplete()
        return None


class TableResolver(GlobalOnlyResolver):
    """GlobalOnlyResolver whose system lookup is ``TEST_DNS_TABLE`` first."""

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> TableResolver:
        resolver = super().from_crawler(crawler, reactor)
        assert isinstance(resolver, TableResolver)
        table = json.loads(crawler.settings.get("TEST_DNS_TABLE") or "{}")
        resolver.original = _TableLookup({k.lower(): v for k, v in table.items()}, resolver.original)
        return resolver
