"""IncrementalSpider's list-entry filter: entries that are not web pages are counted drops, never requested."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler import spiderbase
from crawler.parsers.govmeta import ListEntry


class ColumnSpider(spiderbase.IncrementalSpider):
    name = "column"


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
