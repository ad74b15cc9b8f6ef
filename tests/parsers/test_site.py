"""Selector-driven parsing for configured sites."""

from __future__ import annotations

import time

from crawler.parsers import site
from tests.helpers import FIXTURES

ROOT = FIXTURES / "site" / "fgw.example.gov.cn" / "zcfg"
LIST_URL = "https://fgw.example.gov.cn/zcfg/"


def test_list_links_from_elements_skip_javascript() -> None:
    links = site.list_links((ROOT / "index.html").read_text("utf-8"), LIST_URL, "ul.news-list li a")
    assert [e.url for e in links] == [
        LIST_URL + "202202/t20220215_101.html",
        LIST_URL + "202202/t20220214_100.html",
    ]
    assert links[0].title == "关于印发某省碳达峰实施方案的通知"


def test_list_links_from_attribute_pseudo_element() -> None:
    links = site.list_links((ROOT / "index.html").read_text("utf-8"), LIST_URL, "ul.news-list li a::attr(href)")
    assert len(links) == 2


def test_list_links_from_container_elements() -> None:
    links = site.list_links((ROOT / "index.html").read_text("utf-8"), LIST_URL, "ul.news-list li")
    assert len(links) == 2


def test_next_link() -> None:
    html = (ROOT / "index.html").read_text("utf-8")
    assert site.next_link(html, LIST_URL, "div.pager a.next") == LIST_URL + "index_1.html"
    assert site.next_link((ROOT / "index_1.html").read_text("utf-8"), LIST_URL, "div.pager a.next") is None


def test_parse_page_with_selectors() -> None:
    page = site.parse_page(
        (ROOT / "202202" / "t20220215_101.html").read_text("utf-8"),
        LIST_URL + "202202/t20220215_101.html",
        body_selector="div.detail-content",
        title_selector="h2.detail-title",
        date_selector="span.pubtime::text",
    )
    assert page.title == "关于印发某省碳达峰实施方案的通知"
    assert page.date_raw == "2022-02-15 10:00"
    assert "碳达峰" in page.body_html
    assert "打印本页" not in page.body_html


def test_parse_page_title_falls_back_to_the_title_tag() -> None:
    page = site.parse_page(
        "<html><head><title>标题甲_某省发展和改革委员会</title></head><body><div id='c'>正文</div></body></html>",
        LIST_URL,
        body_selector="#c",
    )
    assert page.title == "标题甲"
    assert page.date_raw is None


def test_parse_page_without_body_match() -> None:
    page = site.parse_page("<html><body><p>x</p></body></html>", LIST_URL, body_selector="#missing")
    assert page.body_html == ""


def test_parse_page_keeps_text_after_a_lone_surrogate() -> None:
    page = site.parse_page("<html><body><div id='c'>前文\ud800后文</div></body></html>", LIST_URL, body_selector="#c")
    assert page.body_html == '<div id="c">前文后文</div>'


def test_list_and_next_links_are_web_urls_only() -> None:
    html = (
        "<ul><li><a href='https://[x/1'>a</a></li><li><a href='ftp://x.cn/2'>b</a></li>"
        "<li><a href='/3.html'>c</a></li></ul><a class='next' href='mailto:x@x.cn'>下一页</a>"
    )
    assert [e.url for e in site.list_links(html, LIST_URL, "li")] == ["https://fgw.example.gov.cn/3.html"]
    assert site.next_link(html, LIST_URL, "a.next") is None


def test_parse_page_of_text_split_by_many_comments_in_linear_time() -> None:
    # 30k comment-separated text nodes in the title and the body: 64 s through ::text node-sets (issue 15 #4).
    split = "<!--x-->尾" * 30_000
    html = f"<html><head><title>t</title></head><body><h1>{split}</h1><div id='c'>{split}</div></body></html>"
    # CPU time of this process, not wall time: a loaded machine (a clean-clone CI run beside other jobs took 5.6 s of
    # wall time for about 0.2 s of work) must not fail it; the quadratic path took a minute of CPU
    start = time.process_time()
    page = site.parse_page(html, LIST_URL, body_selector="#c")
    assert time.process_time() - start < 5.0
    assert page.title.replace(" ", "") == "尾" * 30_000
