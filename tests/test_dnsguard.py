"""The SSRF guard's address rules (crawler/dnsguard.py): which addresses and DNS answers a crawl may connect to."""

from __future__ import annotations

import ipaddress

import pytest

from crawler.dnsguard import address_refusal, answer_refusal, mapped_targets, proxy_hosts


@pytest.mark.parametrize(
    "text",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.0.1",
        "100.64.0.1",  # carrier-grade NAT
        "100.100.100.200",  # a cloud metadata address inside it
        "169.254.169.254",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.1.1",  # multicast counts as global in Python's table
        "192.0.2.1",  # documentation
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:a00:1::",  # 6to4 of 10.0.0.1
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "ff02::1",
    ],
)
def test_internal_addresses_are_refused(text: str) -> None:
    assert address_refusal(ipaddress.ip_address(text)) is not None


@pytest.mark.parametrize("text", ["8.8.8.8", "202.108.33.60", "2606:4700::1", "::ffff:8.8.8.8", "2002:808:808::"])
def test_global_unicast_addresses_pass(text: str) -> None:
    assert address_refusal(ipaddress.ip_address(text)) is None


def test_embedded_ipv4_is_named_in_the_reason() -> None:
    assert address_refusal(ipaddress.ip_address("2002:7f00:1::")) == "address 2002:7f00:1:: (embeds 127.0.0.1)"


def test_one_internal_address_refuses_the_whole_answer() -> None:
    assert answer_refusal("mixed.example", ["8.8.8.8", "127.0.0.1"]) == "mixed.example resolves to address 127.0.0.1"


def test_a_global_answer_passes() -> None:
    assert answer_refusal("finance.sina.com.cn", ["202.108.33.60", "2606:4700::1"]) is None


def test_mapped_targets_are_the_host_maps_destinations() -> None:
    raw = '{"finance.sina.com.cn": "http://127.0.0.1:8321", "news.sina.com.cn": "http://localhost:8321/"}'
    assert mapped_targets(raw) == frozenset({"127.0.0.1", "localhost"})
    assert mapped_targets(None) == frozenset()


def test_proxy_hosts_are_the_environments_proxies() -> None:
    proxies = {"http": "http://127.0.0.1:3128", "https": "http://user:pw@Squid.lan:3128", "no": "localhost,.lan"}
    assert proxy_hosts(proxies) == frozenset({"127.0.0.1", "squid.lan"})
