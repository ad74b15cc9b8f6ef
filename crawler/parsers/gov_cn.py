"""Pure parsers for www.gov.cn (中国政府网) policy lists and State Council document pages."""

from __future__ import annotations

import re

from crawler.parsers import govmeta
from crawler.parsers.govmeta import GovDocument, ListPage

LIST_ITEMS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' news_box ')]//li"
    "|//ul[contains(concat(' ', normalize-space(@class), ' '), ' listTxt ')]/li"
)
BODY_XPATHS = (
    "//*[@id='UCAP-CONTENT']",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' pages_content ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' contents_div ')]",  # provincial portals
)
TITLE_XPATHS = ("//div[contains(@class, 'article')]/h1", "//h1")
TITLE_SUFFIX_RE = re.compile(r"_[^_]*(?:中国政府网|国务院文件|部门文件)[^_]*$")
EDITOR_RE = re.compile(r"责任编辑[：:]\s*(\S+)")


def parse_list(html: str, url: str) -> ListPage:
    """Entries of a gov.cn policy list (``.news_box li`` with ``h4 a`` + ``span.date``) and its 下一页 link."""
    return govmeta.parse_list(html, url, LIST_ITEMS)


def parse_article(html: str, url: str) -> GovDocument:
    """A gov.cn document page: ``#UCAP-CONTENT`` body and the 政府信息公开 table.

    ``meta`` carries the table (index_no, topic, issuer, written_date, title, doc_number, published_date);
    成文日期 becomes ``written_at`` and 发布日期 the publication date, kept apart.
    """
    root = govmeta.parse_html(html)
    table = govmeta.parse_meta_table(root)
    title = table.get("title") or govmeta.meta_tag(root, "ArticleTitle") or ""
    if not title:
        title = govmeta.heading_title(root, TITLE_XPATHS)
    if not title:
        raw = root.findtext(".//title") or ""
        title = TITLE_SUFFIX_RE.sub("", govmeta.clean_value(raw))
    body = govmeta.first_node(root, BODY_XPATHS)
    body_html = govmeta.outer_html(body) if body is not None else ""
    text = govmeta.body_text(body) if body is not None else ""
    published_raw = (
        table.get("published_date") or govmeta.meta_tag(root, "firstpublishedtime") or govmeta.meta_tag(root, "PubDate")
    )
    published_at = govmeta.parse_cn_date(published_raw)
    first = govmeta.parse_cn_date(govmeta.meta_tag(root, "firstpublishedtime"))
    if (
        published_at
        and first
        and first.astimezone(govmeta.CHINA_TZ).date() == published_at.astimezone(govmeta.CHINA_TZ).date()
    ):
        # 发布日期 names only the day; the page's first-published timestamp gives the time on that same day.
        published_at = first
    meta = govmeta.document_meta(table, text)
    editor_m = EDITOR_RE.search(govmeta.node_text(root.body) if root.body is not None else "")
    return GovDocument(
        url=url,
        title=title,
        body_html=body_html,
        published_raw=published_raw,
        published_at=published_at,
        written_at=govmeta.parse_cn_date(table.get("written_date")),
        media=govmeta.meta_tag(root, "ContentSource"),
        editor=editor_m.group(1) if editor_m else None,
        meta=meta,
        attachments=govmeta.extract_attachments(root, url),
    )
