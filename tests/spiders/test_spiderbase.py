"""Entries and pages the spiders give up (not web pages, over budget, no body, no link) are counted drops."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler import spiderbase
from crawler.parsers.govmeta import GovDocument, ListEntry


class ColumnSpider(spiderbase.IncrementalSpider):
    name = "column"


class BodilessColumnSpider(spiderbase.GovListSpider):
    """A column site whose detail pages lost the markup of their body (the title and date are still read)."""

    name = "bodiless"

    def parse_document(self, html: str, url: str) -> GovDocument:
        return GovDocument(url=url, title="关于碳达峰的通知", body_html="", published_raw="2026-11-20")


def test_fresh_entries_drop_entries_that_are_not_web_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spiderbase, "known_canonical_urls", lambda crawler, urls: set())
    crawler = get_crawler(ColumnSpider)
    crawler.stats.open_spider()
    spider = ColumnSpider.from_crawler(crawler)
    entries = [ListEntry(url, "标题", None) for url in ("javascript:void(0)", "https://[x.cn/1", "https://x.cn/2")]
    assert [e.url for e in spider.fresh_entries(entries)] == ["https://x.cn/2"]
    assert crawler.stats.get_value("carbonwatch/drop/not_web_url") == 2


def test_page_over_the_parse_budget_is_a_counted_drop() -> None:
    crawler = get_crawler(ColumnSpider, settings_dict={"CARBONWATCH_PARSE_MAX_TAGS": 100})
    crawler.stats.open_spider()
    spider = ColumnSpider.from_crawler(crawler)
    flood = HtmlResponse("https://x.gov.cn/a.html", body=("<div>" + "<!--x-->尾" * 200 + "</div>").encode())
    assert spider.page_text(flood) is None
    assert crawler.stats.get_value("carbonwatch/drop/page_too_complex") == 1
    assert spider.page_text(HtmlResponse("https://x.gov.cn/b.html", body="<p>碳</p>".encode())) == "<p>碳</p>"


def test_detail_page_without_a_body_is_a_counted_drop_and_a_layout_error() -> None:
    crawler = get_crawler(BodilessColumnSpider)
    crawler.stats.open_spider()
    spider = BodilessColumnSpider.from_crawler(crawler)
    page = HtmlResponse("https://x.gov.cn/t1.html", body="<div class='new-layout'>碳</div>".encode())
    entry = ListEntry("https://x.gov.cn/t1.html", "关于碳达峰的通知", None)
    assert list(spider.parse_detail(page, entry=entry, column_url="https://x.gov.cn/")) == []
    assert crawler.stats.get_value("carbonwatch/drop/no_body") == 1
    assert crawler.stats.get_value("carbonwatch/errors/layout/no_body") == 1
    assert crawler.stats.get_value("carbonwatch/errors/layout/no_title") is None  # what was found is not blamed


def test_feed_entry_without_a_link_is_a_counted_drop(monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.sources import Source
    from crawler.spiders import feed

    monkeypatch.setattr(feed, "known_canonical_urls", lambda crawler, urls: set())
    crawler = get_crawler(feed.FeedSpider)
    crawler.stats.open_spider()
    spider = feed.FeedSpider.from_crawler(crawler)
    spider.sources = [Source(name="plain", kind="feed", urls=("https://x.cn/feed.xml",))]
    rss = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>"
        "<item><title>无链接的条目</title><description>碳</description></item>"
        "<item><title>有链接</title><link>https://x.cn/a.html</link><description>碳</description></item>"
        "</channel></rss>"
    )
    response = HtmlResponse("https://x.cn/feed.xml", body=rss.encode())
    items = list(spider.parse_feed(response, source_name="plain"))
    assert [i.url for i in items] == ["https://x.cn/a.html"]
    assert crawler.stats.get_value("carbonwatch/drop/no_link") == 1


def test_feed_without_entries_is_a_layout_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from crawler.sources import Source
    from crawler.spiders import feed

    monkeypatch.setattr(feed, "known_canonical_urls", lambda crawler, urls: set())
    crawler = get_crawler(feed.FeedSpider)
    crawler.stats.open_spider()
    spider = feed.FeedSpider.from_crawler(crawler)
    spider.sources = [Source(name="plain", kind="feed", urls=("https://x.cn/feed.xml",))]
    rss = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title></channel></rss>"
    assert list(spider.parse_feed(HtmlResponse("https://x.cn/feed.xml", body=rss.encode()), source_name="plain")) == []
    # Counted where `status` looks: the source turns unhealthy ("list page(s) without entries").
    assert crawler.stats.get_value("carbonwatch/errors/layout/empty_list") == 1
