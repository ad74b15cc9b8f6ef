"""Pure parsers for www.ndrc.gov.cn (国家发展改革委): column list pages and release/document detail pages.

What the site serves (sources in ``shared/data/gov_evidence.md``): column pages list ``ul.u-list > li`` rows with
``a[title]`` (relative ``./YYYYMM/t….html`` or ``../../..`` links, sometimes straight to a PDF) and a ``span`` date
``YYYY/MM/DD``, separated by empty ``li.empty`` rows; pages are ``index.html``, ``index_1.html`` … Detail pages
carry ``<meta name="ArticleTitle">``, ``PubDate``, ``ContentSource`` and ``ColumnName``, the text in
``.TRS_Editor`` (else ``.article_con``) and attachments in ``.attachment``. How the list page states its page
count is not documented: a TRS pager script is read when present, otherwise the next ``index_N.html`` is tried
and a 404 ends the column. The 信息公开 platform (zfxxgk.ndrc.gov.cn) has other markup and is not read here.
"""

from __future__ import annotations

import re

from crawler.parsers import govmeta
from crawler.parsers.govmeta import GovDocument, ListPage

LIST_ITEMS = (
    "//ul[contains(concat(' ', normalize-space(@class), ' '), ' u-list ')]"
    "/li[not(contains(concat(' ', normalize-space(@class), ' '), ' empty '))]"
)
BODY_XPATHS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' article_con ')]",
)
TITLE_SUFFIX_RE = re.compile(r"\s*[-_]\s*国家发展和改革委员会$")
DEFAULT_ISSUER = "国家发展改革委"


def parse_list(html: str, url: str) -> ListPage:
    """Entries of an NDRC column page (``ul.u-list > li``: ``a[title]`` + ``span`` date); attachments skipped.

    A list link straight to a PDF or Word file is not a page to parse: it is left out.
    """
    return govmeta.parse_list(
        html,
        url,
        LIST_ITEMS,
        link_xpath="./a[@href]",
        page_ext="html",
        guess_next=True,
        accept=lambda link: govmeta.attachment_type(link) is None,
    )


def parse_article(html: str, url: str) -> GovDocument:
    """An NDRC detail page: ``meta[name=ArticleTitle|PubDate|ContentSource|ColumnName]``, TRS body, attachments.

    ``meta`` gets ``column``, ``doc_number`` (发改环资〔2022〕…号, from the 政府信息公开 table or the body) and
    ``issuer`` (the signature block, joint issuers joined with 、; 国家发展改革委 by default).
    """
    root = govmeta.parse_html(html)
    table = govmeta.parse_meta_table(root)
    title = govmeta.meta_tag(root, "ArticleTitle") or table.get("title") or ""
    if not title:
        title = TITLE_SUFFIX_RE.sub("", govmeta.clean_value(root.findtext(".//title") or ""))
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
