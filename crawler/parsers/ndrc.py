"""Pure parsers for www.ndrc.gov.cn (国家发展改革委): column list pages and release/document detail pages."""

from __future__ import annotations

from crawler.parsers import govmeta
from crawler.parsers.govmeta import GovDocument, ListPage

LIST_ITEMS = "//ul[contains(concat(' ', normalize-space(@class), ' '), ' u-list ')]/li"
BODY_XPATHS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' article_con ')]",
)
TITLE_XPATHS = ("//div[contains(@class, 'article_title')]", "//h2", "//title")
DEFAULT_ISSUER = "国家发展改革委"


def parse_list(html: str, url: str) -> ListPage:
    """Entries of an NDRC column page (``ul.u-list li a`` + date span) and its ``createPageHTML`` pager."""
    return govmeta.parse_list(html, url, LIST_ITEMS)


def parse_article(html: str, url: str) -> GovDocument:
    """An NDRC detail page: ``meta[name=ArticleTitle|PubDate|ContentSource|ColumnName]``, TRS body, attachments.

    ``meta`` gets ``column``, ``doc_number`` (发改环资〔2022〕…号, from the 政府信息公开 table or the body) and
    ``issuer`` (the signature block, joint issuers joined with 、; 国家发展改革委 by default).
    """
    root = govmeta.parse_html(html)
    table = govmeta.parse_meta_table(root)
    title = govmeta.meta_tag(root, "ArticleTitle") or table.get("title") or ""
    if not title:
        title = govmeta.heading_title(root, TITLE_XPATHS)
    body = govmeta.first_node(root, BODY_XPATHS)
    body_html = govmeta.outer_html(body) if body is not None else ""
    text = govmeta.body_text(body) if body is not None else ""
    published_raw = govmeta.meta_tag(root, "PubDate") or table.get("published_date")
    meta = govmeta.document_meta(table, text, DEFAULT_ISSUER)
    column = govmeta.meta_tag(root, "ColumnName")
    if column:
        meta["column"] = column
    return GovDocument(
        url=url,
        title=title,
        body_html=body_html,
        published_raw=published_raw,
        published_at=govmeta.parse_cn_date(published_raw),
        written_at=govmeta.parse_cn_date(table.get("written_date")),
        media=govmeta.meta_tag(root, "ContentSource"),
        meta=meta,
        attachments=govmeta.extract_attachments(root, url),
    )
