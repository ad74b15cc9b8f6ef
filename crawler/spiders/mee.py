"""MEE (生态环境部) spider: 新闻发布 press releases and 部文件 policy documents on www.mee.gov.cn.

Run: ``scrapy crawl mee`` (options: ``-a columns=URL,URL``, ``-a max_pages=N``). Column pages page with the TRS
script pager (``var countPage = N``, pages ``index_1.shtml`` …). Pages are decoded by
``crawler.spiderbase.response_text`` (HTTP charset, ``<meta>``, UTF-8, then GB18030).
"""

from __future__ import annotations

from typing import ClassVar

from crawler.parsers import mee
from crawler.parsers.govmeta import GovDocument, ListPage
from crawler.spiderbase import GovListSpider


class MeeSpider(GovListSpider):
    """TRS column lists and their news and policy-document pages (markup: :mod:`crawler.parsers.mee`)."""

    name = "mee"
    allowed_domains: ClassVar[list[str]] = ["www.mee.gov.cn"]
    columns: ClassVar[tuple[str, ...]] = (
        "https://www.mee.gov.cn/ywdt/xwfb/",  # 新闻发布
        "https://www.mee.gov.cn/zcwj/bwj/",  # 政策文件 / 部文件
    )

    def parse_list_page(self, html: str, url: str) -> ListPage:
        return mee.parse_list(html, url)

    def parse_document(self, html: str, url: str) -> GovDocument:
        return mee.parse_article(html, url)
