"""Choosing the parser of a saved page: by its URL's site, or by a configured source's selectors."""

from __future__ import annotations

import pytest

from crawler.parsers import pages
from crawler.parsers.sina import ArticleParseError
from crawler.sources import parse_sources
from tests.helpers import FIXTURES

NDRC_URL = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202202/t20220210_1315001.html"
NDRC_PAGE = FIXTURES / "ndrc" / "www.ndrc.gov.cn" / "xxgk/zcfb/tz/202202/t20220210_1315001.html"
MEE_PAGE = FIXTURES / "mee" / "www.mee.gov.cn" / "ywdt/xwfb/202204/t20220417_974894.shtml"


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml", "sina_finance"),
        ("https://finance.sina.cn/sa/2005-08-26/detail-ikknscsi2623250.d.html", "sina_finance"),
        ("https://www.gov.cn/zhengce/content/202607/content_7075101.htm", "gov_cn"),
        ("http://www.mee.gov.cn/ywdt/xwfb/202204/t20220417_974894.shtml", "mee"),
        ("https://WWW.NDRC.GOV.CN/xwdt/xwfb/", "ndrc"),
        ("https://fgw.example.gov.cn/zcfg/t1.html", None),
        ("file:///tmp/page.html", None),
        (None, None),
    ],
)
def test_site_for_url(url: str | None, site: str | None) -> None:
    assert pages.site_for_url(url) == site


@pytest.mark.parametrize(
    ("head", "url"),
    [
        (
            '<link rel="canonical" href="https://www.gov.cn/a.htm"><meta property="og:url" content="https://x.cn/b">',
            "https://www.gov.cn/a.htm",
        ),
        (
            '<meta property="og:url" content="https://finance.sina.com.cn/doc-iabc.shtml">',
            "https://finance.sina.com.cn/doc-iabc.shtml",
        ),
        ('<meta name="Url" content="http://www.mee.gov.cn/ywdt/t1.shtml">', "http://www.mee.gov.cn/ywdt/t1.shtml"),
        ('<link rel="canonical" href="/relative.html">', None),
        ("", None),
    ],
)
def test_url_from_page(head: str, url: str | None) -> None:
    assert pages.url_from_page(f"<html><head>{head}</head><body></body></html>") == url


def test_ndrc_page_is_read_by_the_ndrc_parser() -> None:
    item = pages.parse_page(NDRC_PAGE.read_text("utf-8"), NDRC_URL)
    assert (item.source, item.doc_id, item.meta["doc_number"]) == (
        "ndrc",
        "t20220210_1315001",
        "发改环资〔2022〕1234号",
    )


def test_page_on_an_unknown_host_is_refused_with_a_hint() -> None:
    with pytest.raises(ArticleParseError) as info:
        pages.parse_page(NDRC_PAGE.read_text("utf-8"), "https://fgw.example.gov.cn/zcfg/t1.html")
    assert info.value.reason == "unknown_site"
    assert "--source" in str(info.value)


def test_government_page_without_its_body_is_an_error() -> None:
    with pytest.raises(ArticleParseError) as info:
        pages.parse_page("<html><head><title>通知</title></head><body><p>改版</p></body></html>", NDRC_URL)
    assert info.value.reason == "no_body"


def test_a_page_naming_no_site_is_read_as_a_sina_page() -> None:
    html = (FIXTURES / "sina_finance" / "article_finance_2018.html").read_text("utf-8")
    assert pages.parse_page(html, "file:///tmp/saved.html").source == "sina_finance"


def test_a_page_naming_no_site_that_is_no_sina_page_asks_for_its_url() -> None:
    with pytest.raises(ArticleParseError) as info:
        pages.parse_page(NDRC_PAGE.read_text("utf-8"), "file:///tmp/saved.html")
    assert info.value.reason == "no_body"
    assert "pass --url" in str(info.value)


def test_configured_source_selectors_win_over_the_url() -> None:
    src = parse_sources(
        '[[source]]\nname = "mee-by-hand"\nkind = "site"\nurl = "https://www.mee.gov.cn/ywdt/"\n'
        'list_selector = "li a"\nbody_selector = "div.neiright_JPZ_GK_CP"\ntitle_selector = "h2.neiright_Title"\n'
        'date_selector = "span.time::text"\nmeta = { region = "national" }\n'
    )[0]
    item = pages.parse_page(MEE_PAGE.read_text("utf-8"), "https://www.mee.gov.cn/x/t20220417_974894.shtml", source=src)
    assert (item.source, item.title, item.published_raw) == (
        "mee-by-hand",
        "生态环境部一周要闻（4.10-4.16）",
        "2022-04-17",
    )
    assert item.body_html.startswith('<div class="neiright_JPZ_GK_CP">')
    assert item.meta == {"region": "national"}


def test_configured_source_whose_body_selector_matches_nothing() -> None:
    src = parse_sources(
        '[[source]]\nname = "s"\nkind = "site"\nurl = "https://a.example/"\n'
        'list_selector = "a"\nbody_selector = "#none"\n'
    )[0]
    with pytest.raises(ArticleParseError) as info:
        pages.parse_page(MEE_PAGE.read_text("utf-8"), "https://a.example/1.html", source=src)
    assert info.value.reason == "no_body"
