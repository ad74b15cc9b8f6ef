"""Pure parsers for www.mee.gov.cn (生态环境部): press-release and policy-document lists and detail pages."""

from __future__ import annotations

import re

from crawler.parsers import govmeta
from crawler.parsers.govmeta import GovDocument, ListPage

LIST_ITEMS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' iframe-list ')]//li"
    "|//ul[@id='div']/li"
    "|//ul[contains(concat(' ', normalize-space(@class), ' '), ' mobile_list ')]/li"
)
BODY_XPATHS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' content_body_box ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' neiright_JPZ_GK_CP ')]"
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
)
TITLE_XPATHS = ("//*[contains(@class, 'neiright_Title')]", "//h1", "//h2")
TIME_XPATH = "//span[contains(concat(' ', normalize-space(@class), ' '), ' time ')]"
TITLE_SUFFIX_RE = re.compile(r"_中华人民共和国生态环境部$")
SOURCE_RE = re.compile(r"来源[：:]\s*(\S+)")


def parse_list(html: str, url: str) -> ListPage:
    """Entries of an MEE list page (``a.cjcx_biaob`` + ``span.shijian``) and its ``createPageHTML`` pager."""
    return govmeta.parse_list(html, url, LIST_ITEMS)


def parse_article(html: str, url: str) -> GovDocument:
    """An MEE detail page: ``div.content_body_box`` body, meta tags or the 文件 metadata list, attachments."""
    root = govmeta.parse_html(html)
    table = govmeta.parse_meta_table(root)
    title = govmeta.meta_tag(root, "ArticleTitle") or table.get("title") or ""
    if not title:
        title = govmeta.heading_title(root, TITLE_XPATHS)
    if not title:
        title = TITLE_SUFFIX_RE.sub("", govmeta.clean_value(root.findtext(".//title") or ""))
    body = govmeta.first_node(root, BODY_XPATHS)
    body_html = govmeta.outer_html(body) if body is not None else ""
    text = govmeta.body_text(body) if body is not None else ""
    published_raw = govmeta.meta_tag(root, "PubDate") or table.get("published_date")
    if not published_raw:
        node = govmeta.first_node(root, (TIME_XPATH,))
        published_raw = govmeta.clean_value(govmeta.node_text(node)) if node is not None else None
    media = govmeta.meta_tag(root, "ContentSource")
    if not media:
        m = SOURCE_RE.search(" ".join(govmeta.node_text(n) for n in root.xpath("//span[contains(@class, 'xqLyPc')]")))
        media = m.group(1) if m else None
    meta = govmeta.document_meta(table, text)
    return GovDocument(
        url=url,
        title=title,
        body_html=body_html,
        published_raw=published_raw or None,
        published_at=govmeta.parse_cn_date(published_raw),
        written_at=govmeta.parse_cn_date(table.get("written_date")),
        media=media,
        meta=meta,
        attachments=govmeta.extract_attachments(root, url),
    )
