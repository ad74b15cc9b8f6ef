"""gov.cn (中国政府网) spider: the 最新政策 list and the 国务院文件 (信息公开) list with their document pages.

Run: ``scrapy crawl gov_cn`` (options: ``-a columns=URL,URL``, ``-a max_pages=N``). The lists are static HTML;
paging follows the page's 下一页 link (``home_1.htm`` …).
"""

from __future__ import annotations

from typing import ClassVar

from crawler.parsers import gov_cn
from crawler.parsers.govmeta import GovDocument, ListPage
from crawler.spiderbase import GovListSpider


class GovCnSpider(GovListSpider):
    """State Council policy lists on www.gov.cn."""

    name = "gov_cn"
    allowed_domains: ClassVar[list[str]] = ["www.gov.cn"]
    columns: ClassVar[tuple[str, ...]] = (
        "https://www.gov.cn/zhengce/zuixin/",  # 最新政策
        "https://www.gov.cn/zhengce/xxgk/",  # 国务院文件 (政府信息公开)
    )

    def parse_list_page(self, html: str, url: str) -> ListPage:
        return gov_cn.parse_list(html, url)

    def parse_document(self, html: str, url: str) -> GovDocument:
        return gov_cn.parse_article(html, url)
