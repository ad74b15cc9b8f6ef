"""Table-driven tests for crawler.urls: canonical URLs and Sina document ids."""

from __future__ import annotations

import pytest

from crawler.urls import canonicalize, is_storable_url, is_web_url, join_url, sina_doc_id

CANONICAL_CASES = [
    # desktop Sina pages: https, channel path dropped, date kept, query and fragment dropped
    (
        "http://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml",
        "https://finance.sina.com.cn/2018-12-28/doc-ihqfskcn2160999.shtml",
    ),
    (
        "https://FINANCE.Sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml?from=wap&utm_source=x#comments",
        "https://finance.sina.com.cn/2018-12-28/doc-ihqfskcn2160999.shtml",
    ),
    (
        "https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml",
        "https://news.sina.com.cn/2019-11-25/doc-iihnzahi3275702.shtml",
    ),
    (
        "https://news.sina.com.cn/o/2019-11-25/doc-iihnzahi3275702.shtml",
        "https://news.sina.com.cn/2019-11-25/doc-iihnzahi3275702.shtml",
    ),
    # mobile pages map to the desktop form
    (
        "https://finance.sina.cn/2018-12-28/detail-ihqfskcn2160999.d.html?vt=4&pos=108",
        "https://finance.sina.com.cn/2018-12-28/doc-ihqfskcn2160999.shtml",
    ),
    (
        "https://finance.sina.cn/sa/2005-08-26/detail-ikknscsi2623250.d.html",
        "https://finance.sina.com.cn/2005-08-26/doc-ikknscsi2623250.shtml",
    ),
    (
        "https://sina.cn/detail-ihqfskcn2160999.d.html",
        "https://news.sina.com.cn/doc-ihqfskcn2160999.shtml",
    ),
    # no date segment: keyed by the id alone
    (
        "http://finance.sina.com.cn/doc-ihqfskcn2160999.shtml",
        "https://finance.sina.com.cn/doc-ihqfskcn2160999.shtml",
    ),
    # other sites: scheme, host case, default port, fragment, tracking only
    (
        "http://WWW.NDRC.gov.cn:80/xwdt/xwfb/202111/t20211116_1304177.html#top",
        "https://www.ndrc.gov.cn/xwdt/xwfb/202111/t20211116_1304177.html",
    ),
    (
        "https://www.gov.cn/zhengce/content/list.htm?page=2&utm_medium=rss&spm=a.b.c&_=1637040000000",
        "https://www.gov.cn/zhengce/content/list.htm?page=2",
    ),
    ("https://www.mee.gov.cn", "https://www.mee.gov.cn/"),
    ("https://www.mee.gov.cn:8443/a/", "https://www.mee.gov.cn:8443/a/"),
    # Sina pages that are not documents keep their path
    ("https://finance.sina.com.cn/china/", "https://finance.sina.com.cn/china/"),
    (
        "https://feed.mix.sina.com.cn/api/roll/get?pageid=155&lid=1686&num=50&page=1&r=0.42",
        "https://feed.mix.sina.com.cn/api/roll/get?pageid=155&lid=1686&num=50&page=1",
    ),
    # not http(s): untouched
    ("mailto:someone@example.org", "mailto:someone@example.org"),
]


@pytest.mark.parametrize(("url", "expected"), CANONICAL_CASES)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


def test_canonicalize_is_idempotent() -> None:
    for url, _ in CANONICAL_CASES:
        once = canonicalize(url)
        assert canonicalize(once) == once


def test_desktop_and_mobile_share_one_canonical_url() -> None:
    desktop = canonicalize("https://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml")
    mobile = canonicalize("https://finance.sina.cn/2018-12-28/detail-ihqfskcn2160999.d.html")
    assert desktop == mobile


def test_non_tracking_query_is_kept() -> None:
    assert "id=7" in canonicalize("https://www.gov.cn/a.htm?id=7&from=timeline")
    assert "from=" not in canonicalize("https://www.gov.cn/a.htm?id=7&from=timeline")


DOC_ID_CASES = [
    ("https://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml", "ihqfskcn2160999"),
    ("https://finance.sina.cn/sa/2005-08-26/detail-ikknscsi2623250.d.html", "ikknscsi2623250"),
    ("http://tech.sina.com.cn/t/2019-09-11/doc-iicezzrq4972166.shtml?from=x", "iicezzrq4972166"),
    ("https://finance.sina.com.cn/china/", None),
    ("https://example.org/2018-12-28/doc-ihqfskcn2160999.shtml", None),
    ("https://notsina.cn/doc-ihqfskcn2160999.shtml", None),
]


@pytest.mark.parametrize(("url", "expected"), DOC_ID_CASES)
def test_sina_doc_id(url: str, expected: str | None) -> None:
    assert sina_doc_id(url) == expected


@pytest.mark.parametrize(
    "url",
    ["https://finance.sina.com.cn/a.shtml", "http://www.gov.cn/x?a=1", " HTTPS://Example.cn:8443/ ", "http://[::1]/"],
)
def test_web_urls(url: str) -> None:
    assert is_web_url(url)


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:void(0)",
        "java\tscript:alert(1)",
        "mailto:editor@example.cn",
        "data:text/html,<p>x</p>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://example.cn/a.html",
        "/relative/path.html",
        "//example.cn/a.html",
        "https:///no-host",
        "https://[example.cn/a.html",
        "https://example.cn:port/a.html",
    ],
)
def test_not_web_urls(url: str | None) -> None:
    assert not is_web_url(url)


@pytest.mark.parametrize(
    ("url", "storable"),
    [
        ("https://finance.sina.com.cn/a.shtml", True),
        ("urn:carbonwatch:post:0123456789abcdef0123", True),  # an imported post's key (no web address)
        ("urn:isbn:9787010000000", False),
        ("javascript:void(0)", False),
        ("file:///tmp/page.html", False),
        ("", False),
    ],
)
def test_storable_urls(url: str, storable: bool) -> None:
    assert is_storable_url(url) is storable


def test_unparseable_urls_give_no_doc_id_and_no_join() -> None:
    assert sina_doc_id("https://[finance.sina.com.cn/2021-11-16/doc-iktzscyy5616520.shtml") is None
    assert join_url("https://finance.sina.com.cn/a/", "http://[x/b") is None
    assert join_url("https://finance.sina.com.cn/a/", "b.shtml") == "https://finance.sina.com.cn/a/b.shtml"


def test_canonicalize_never_raises_on_a_url_that_does_not_split() -> None:
    # An imported feed's entry linking to https://[host used to stop the whole import (ValueError).
    assert canonicalize(" https://[finance.sina.com.cn/a.shtml ") == "https://[finance.sina.com.cn/a.shtml"
