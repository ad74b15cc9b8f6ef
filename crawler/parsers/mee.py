"""Pure parsers for www.mee.gov.cn (生态环境部): column lists and news and policy-document pages.

What the site serves (sources in ``shared/data/gov_evidence.md``): column pages list entries as
``a.cjcx_biaob`` / ``a.cjcx_biaobnan`` links in ``.mobile_none li`` / ``.mobile_clear li``,
``ul.cjcx_danduimg_list > li`` (``dl dt a.cjcx_biaobnan``, date ``span.cjcx_shijian``), or ``li`` rows holding a
``.date``; detail links are TRS documents ``./YYYYMM/tYYYYMMDD_N.shtml``. The pager is a script,
``var countPage = N //共多少页``, with pages ``index_1.shtml`` … Detail pages carry ``<meta name="ArticleTitle">``,
``PubDate`` (``2022-04-17 14:46:00``) and ``ContentSource``, the heading ``h2.neiright_Title``, the shown date and
source in ``span.xqLyPc``, and the text in ``div.neiright_JPZ_GK_CP > div.TRS_Editor``; policy documents add
``.content_top_box`` rows (``<div><span>生成日期</span>2021-10-25</div>``).
"""

from __future__ import annotations

import re

from crawler.parsers import govmeta
from crawler.parsers.govmeta import GovDocument, ListPage
from crawler.urls import trs_doc_id


def _cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


LIST_ITEMS = (
    f"//ul[{_cls('cjcx_danduimg_list')}]/li"
    f"|//*[{_cls('mobile_none')} or {_cls('mobile_clear')}]//li"
    f"|//li[.//*[{_cls('date')}]]"
    "|//ul[@id='div']/li"  # nnsa.mee.gov.cn, the same CMS
)
LIST_LINK = f".//a[{_cls('cjcx_biaobnan')} or {_cls('cjcx_biaob')}]"
BODY_XPATHS = (
    f"//div[{_cls('neiright_JPZ_GK_CP')}]//div[{_cls('TRS_Editor')}]",
    f"//div[{_cls('TRS_Editor')}]",
    f"//div[{_cls('content_body_box')}]",
    f"//div[{_cls('neiright_JPZ_GK_CP')}]",
)
TITLE_XPATHS = (f"//*[{_cls('neiright_Title')}]", f"//*[{_cls('cjcs_phone_title')}]")
TIME_XPATH = f"//span[{_cls('time')}]"
SOURCE_XPATH = f"//span[{_cls('xqLyPc')}]"
TITLE_SUFFIX_RE = re.compile(r"_中华人民共和国生态环境部$")
SOURCE_RE = re.compile(r"来源[：:]\s*(\S+)")


def parse_list(html: str, url: str) -> ListPage:
    """Entries of an MEE column page (TRS document links only) and its ``countPage`` pager (``index_N.shtml``)."""
    return govmeta.parse_list(
        html, url, LIST_ITEMS, link_xpath=LIST_LINK, page_ext="shtml", accept=lambda link: bool(trs_doc_id(link))
    )


def parse_article(html: str, url: str) -> GovDocument:
    """An MEE detail page: meta tags, the ``neiright`` heading and date line, the TRS body, document rows."""
    root = govmeta.parse_html(html)
    table = govmeta.parse_meta_table(root)
    title = govmeta.meta_tag(root, "ArticleTitle") or govmeta.heading_title(root, TITLE_XPATHS) or table.get("title")
    if not title:
        title = TITLE_SUFFIX_RE.sub("", govmeta.clean_value(root.findtext(".//title") or ""))
    body = govmeta.first_node(root, BODY_XPATHS)
    body_html = govmeta.outer_html(body) if body is not None else ""
    text = govmeta.body_text(body) if body is not None else ""
    published_raw = govmeta.meta_tag(root, "PubDate")
    if not published_raw:
        node = govmeta.first_node(root, (TIME_XPATH,))
        published_raw = govmeta.clean_value(govmeta.node_text(node)) if node is not None else None
    # A policy document's only date may be its 生成日期 row.
    published_raw = published_raw or table.get("published_date") or table.get("written_date")
    media = govmeta.meta_tag(root, "ContentSource")
    if not media:
        m = SOURCE_RE.search(" ".join(govmeta.node_text(n) for n in root.xpath(SOURCE_XPATH)))
        media = m.group(1) if m else None
    meta = govmeta.document_meta(table, text)
    column = govmeta.meta_tag(root, "ColumnName")
    if column:
        meta["column"] = column
    return GovDocument(
        url=url,
        title=title or "",
        body_html=body_html,
        published_raw=published_raw or None,
        published_at=govmeta.parse_cn_date(published_raw),
        written_at=govmeta.parse_cn_date(table.get("written_date")),
        media=media,
        meta=meta,
        attachments=govmeta.extract_attachments(root, url),
    )
