"""NDRC (国家发展改革委) spider: 新闻发布, 通知公告 and the 政策发布 document library on www.ndrc.gov.cn.

Run: ``scrapy crawl ndrc`` (options: ``-a columns=URL,URL`` to pick columns, ``-a max_pages=N``). How a column page
states its page count is not documented: while a page had new entries the next ``index_N.html`` is tried, and a
404 ends the column (``carbonwatch/ndrc/list_end``).
"""

from __future__ import annotations

from typing import ClassVar

from crawler.parsers import ndrc
from crawler.parsers.govmeta import GovDocument, ListPage
from crawler.spiderbase import GovListSpider

BASE = "https://www.ndrc.gov.cn"


class NdrcSpider(GovListSpider):
    """TRS column lists (``index.html``, ``index_1.html`` …) and their detail pages (:mod:`crawler.parsers.ndrc`)."""

    name = "ndrc"
    allowed_domains: ClassVar[list[str]] = ["www.ndrc.gov.cn"]
    columns: ClassVar[tuple[str, ...]] = (
        f"{BASE}/xwdt/xwfb/",  # 新闻发布
        f"{BASE}/xwdt/tzgg/",  # 通知公告
        f"{BASE}/xxgk/zcfb/fzggwl/",  # 发展改革委令
        f"{BASE}/xxgk/zcfb/ghxwj/",  # 规范性文件
        f"{BASE}/xxgk/zcfb/ghwb/",  # 规划文本
        f"{BASE}/xxgk/zcfb/gg/",  # 公告
        f"{BASE}/xxgk/zcfb/tz/",  # 通知
    )

    def parse_list_page(self, html: str, url: str) -> ListPage:
        return ndrc.parse_list(html, url)

    def parse_document(self, html: str, url: str) -> GovDocument:
        return ndrc.parse_article(html, url)
