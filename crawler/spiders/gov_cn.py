"""gov.cn (中国政府网) spider: the 最新政策 and ``/zhengce/wenjian/zhongyang/`` JSON lists and the documents they link.

Run: ``scrapy crawl gov_cn`` (options: ``-a columns=URL,URL``, ``-a max_pages=N``). Column pages on www.gov.cn are
shells filled by script from a JSON file in the same folder; the spider reads that file (a column page URL given
in ``columns`` is mapped to it, see :data:`crawler.parsers.gov_cn.JSON_LISTS`), newest first, in slices of
:data:`~crawler.parsers.gov_cn.JSON_SLICE` entries while a slice still had unknown documents. An HTML column page
that lists documents itself is read too.
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
        "https://www.gov.cn/zhengce/zuixin/ZUIXINZHENGCE.json",  # 最新政策: State Council documents and policy news
        # the 政策 > 文件 column of central documents (its exact name on the site is not in our evidence)
        "https://www.gov.cn/zhengce/wenjian/zhongyang/TONGYONGLIEBIAODRQ.json",
    )

    def list_url(self, column_url: str) -> str:
        return gov_cn.json_list_url(column_url)

    def parse_list_page(self, html: str, url: str) -> ListPage:
        return gov_cn.parse_list(html, url)

    def parse_document(self, html: str, url: str) -> GovDocument:
        return gov_cn.parse_article(html, url)
