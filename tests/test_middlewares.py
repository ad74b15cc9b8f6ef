"""Downloader middlewares: the SSRF guard's address rules and Retry-After parsing (pure helpers)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.middlewares import blocked_reason, retry_after_seconds

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
