"""Downloader middlewares: the SSRF guard's address rules, Retry-After parsing and the unreadable robots.txt guard."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import DownloadCancelledError
from scrapy.utils.test import get_crawler

from crawler.middlewares import RobotsTxtMiddleware, blocked_reason, retry_after_seconds

NOW = datetime(2021, 11, 16, 3, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://172.16.3.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://[::ffff:10.0.0.1]/",
        "http://2130706433/",  # 127.0.0.1 as one decimal number
        "http://0x7f.1/",
        "http://localhost:6379/",
        "http://0.0.0.0/",
        "http://100.100.100.200/latest/meta-data/",  # carrier-grade NAT, a cloud metadata address
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "file:///etc/passwd",
        "ftp://finance.sina.com.cn/x",
        "gopher://127.0.0.1:6379/_INFO",
    ],
)
def test_internal_targets_are_blocked(url: str) -> None:
    assert blocked_reason(url, frozenset()) is not None


@pytest.mark.parametrize(
    "url",
    ["https://finance.sina.com.cn/roll/x.shtml", "http://www.ndrc.gov.cn/", "https://8.8.8.8/", "https://1.2.3.4/"],
)
def test_public_targets_pass(url: str) -> None:
    assert blocked_reason(url, frozenset()) is None


def test_host_map_names_pass_even_when_internal() -> None:
    assert blocked_reason("http://localhost/x", frozenset({"localhost"})) is None
    assert blocked_reason("http://localhost/x", frozenset({"finance.sina.com.cn"})) == "localhost"


def test_scheme_is_checked_before_the_host_map() -> None:
    assert blocked_reason("file://finance.sina.com.cn/x", frozenset({"finance.sina.com.cn"})) == "scheme file"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (b"5", 5.0),
        ("Tue, 16 Nov 2021 03:00:30 GMT", 30.0),
        ("Tue, 16 Nov 2021 02:59:00 GMT", 0.0),  # a date in the past: retry now
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_seconds(value: str | bytes | None, expected: float | None) -> None:
    assert retry_after_seconds(value, NOW) == expected


def _robots_guard() -> tuple[RobotsTxtMiddleware, Any]:
    crawler = get_crawler(settings_dict={"ROBOTSTXT_OBEY": True})
    crawler.stats.open_spider()
    return RobotsTxtMiddleware.from_crawler(crawler), crawler


def test_robots_txt_cancelled_for_size_disallows_everything() -> None:
    guard, crawler = _robots_guard()
    request = Request("https://news.sina.com.cn/robots.txt", meta={"dont_obey_robotstxt": True})
    response = guard.process_exception(request, DownloadCancelledError("larger than download max size"))
    assert response is not None and response.body == b"User-agent: *\nDisallow: /\n"
    assert crawler.stats.get_value("carbonwatch/robots/unreadable") == 1


@pytest.mark.parametrize(
    ("url", "meta", "exc"),
    [
        ("https://news.sina.com.cn/a.shtml", {}, DownloadCancelledError("too big")),  # a page: its own drop
        ("https://news.sina.com.cn/robots.txt", {}, DownloadCancelledError("too big")),  # not the robots fetch
        ("https://news.sina.com.cn/robots.txt", {"dont_obey_robotstxt": True}, TimeoutError("slow")),
    ],
)
def test_other_failures_are_left_to_scrapy(url: str, meta: dict[str, Any], exc: Exception) -> None:
    guard, _ = _robots_guard()
    assert guard.process_exception(Request(url, meta=meta), exc) is None
