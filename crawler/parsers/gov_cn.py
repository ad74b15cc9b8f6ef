"""Pure parsers for www.gov.cn (中国政府网): the columns' JSON lists, their HTML fallback, and both document templates.

What the site serves (sources in ``shared/data/gov_evidence.md``):

- Column pages such as ``/zhengce/zuixin/`` are shells (``<ul id="list-1-ajax-id">``) that a script fills from a
  JSON file in the same folder, ``ZUIXINZHENGCE.json``: an array of ``{TITLE, SUB_TITLE, URL, DOCRELPUBTIME}``,
  newest first, ``URL`` absolute, ``DOCRELPUBTIME`` ``YYYY-MM-DD``. Other columns have their own file
  (``YAOWENLIEBIAO.json``, ``TONGYONGLIEBIAODRQ.json``). Some ``/zhengce/<category>/`` pages still list documents
  in HTML (``h4 a``, ``div.subtitle a[title]``): read as a fallback, keeping document links only.
- Formal State Council documents ``/zhengce/content/YYYYMM/content_N.htm`` carry the metadata table
  (``table.bd1``: 索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期; ``td.zcwj_ztfl`` for the topic);
  general policy articles ``/zhengce/YYYYMM/content_N.htm`` have ``h1#ti`` and ``div.pages-date`` instead. Both put
  the text in ``#UCAP-CONTENT`` and the time of first publication in ``<meta name="firstpublishedtime"
  content="2026-07-12-09:37:43">``.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawler.parsers import govmeta
from crawler.parsers.govmeta import GovDocument, ListEntry, ListPage

# The JSON file each known column page loads (column path -> file in the same folder).
JSON_LISTS = {
    "/zhengce/zuixin/": "ZUIXINZHENGCE.json",  # 最新政策
    "/zhengce/wenjian/zhongyang/": "TONGYONGLIEBIAODRQ.json",
    "/yaowen/liebiao/": "YAOWENLIEBIAO.json",  # 要闻
}
# A JSON list holds hundreds of entries (最新政策 goes back years): the spider takes it in slices of this size.
JSON_SLICE = 20
LIST_LINKS = (
    "//h4//a[@href]"
    "|//div[contains(concat(' ', normalize-space(@class), ' '), ' subtitle ')]//a[@title]"
    "|//div[contains(concat(' ', normalize-space(@class), ' '), ' news_box ')]"
    "//li[not(contains(concat(' ', normalize-space(@class), ' '), ' line '))]//a[@href]"
)
# Document pages are .../content_N.htm on www.gov.cn (RSSHub gov/zhengce keeps only such links).
DOCUMENT_LINK_RE = re.compile(r"^https?://www\.gov\.cn/.*content_\d+\.htm$")
DOC_ID_RE = re.compile(r"/(content_\d+)\.htm$")
BODY_XPATHS = (
    "//*[@id='UCAP-CONTENT']",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_UEDITOR ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' pages_content ')]",  # 政策文件库 pages
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' contents_div ')]",  # provincial portals
)
TITLE_XPATHS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' share-title ')]",
    "//h1[@id='ti']",
    "//div[contains(@class, 'article')]/h1",
    "//h1",
)
PAGES_DATE_XPATH = "//div[contains(concat(' ', normalize-space(@class), ' '), ' pages-date ')]"
SOURCE_XPATHS = (
    "//span[contains(concat(' ', normalize-space(@class), ' '), ' font-zyygwj ')]",
    PAGES_DATE_XPATH + "//span",
)
TOPIC_XPATH = "//td[contains(concat(' ', normalize-space(@class), ' '), ' zcwj_ztfl ')]"
SOURCE_RE = re.compile(r"来源[：:]\s*(\S+)")
# <title> is "<document title>_<column>_中国政府网": 国务院文件, 最新政策, 部门文件, or a topic such as 水利.
SITE_SUFFIX_RE = re.compile(r"_中国政府网\s*$")
COLUMN_SUFFIX_RE = re.compile(r"_[^_]{1,10}$")
EDITOR_RE = re.compile(r"责任编辑[：:]\s*(\S+)")
KEYWORD_SPLIT_RE = re.compile(r"[;,；，]")


def json_list_url(column_url: str) -> str:
    """The JSON list behind a known column page (``…/zhengce/zuixin/`` -> ``…/ZUIXINZHENGCE.json``), else itself."""
    path = urlsplit(column_url).path
    name = JSON_LISTS.get(path if path.endswith("/") else path.rsplit("/", 1)[0] + "/")
    return urljoin(column_url, name) if name and not path.endswith(".json") else column_url


def clean_title(raw: str) -> str:
    """``国务院关于…的通知_国务院文件_中国政府网`` -> ``国务院关于…的通知`` (the column segment goes with the site)."""
    title = govmeta.clean_value(raw)
    if SITE_SUFFIX_RE.search(title):
        title = COLUMN_SUFFIX_RE.sub("", SITE_SUFFIX_RE.sub("", title))
    return title.strip()


def _json_entries(text: str, url: str) -> list[ListEntry] | None:
    """Entries of a JSON list, or None when ``text`` is not JSON (an HTML page)."""
    try:
        data: Any = json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return None
    rows = data if isinstance(data, list) else []
    entries: list[ListEntry] = []
    seen: set[str] = set()
    for row in rows:
        if not isinstance(row, dict):
            continue
        title = govmeta.clean_value(str(row.get("TITLE") or ""))
        link = urljoin(url, str(row.get("URL") or "").strip())
        # Document pages only, as in the HTML lists: a special-topic page or an off-site link is no document.
        if not title or not DOCUMENT_LINK_RE.match(link) or link in seen:
            continue
        seen.add(link)
        date = govmeta.clean_value(str(row.get("DOCRELPUBTIME") or "")) or None
        summary = govmeta.clean_value(str(row.get("SUB_TITLE") or "")) or None
        entries.append(ListEntry(link, title, date, summary))
    return entries


def parse_list(text: str, url: str) -> ListPage:
    """Entries of a gov.cn list: a column's JSON file, or an HTML column page (document links only).

    A JSON list comes whole, newest first; ``page_size`` tells the spider to take it in slices. An empty shell
    page (its list is filled by script) gives no entries.
    """
    from_json = _json_entries(text, url) if text.lstrip("\ufeff \r\n\t")[:1] in ("[", "{") else None
    if from_json is not None:
        return ListPage(from_json, page_size=JSON_SLICE)
    root = govmeta.parse_html(text)
    entries: list[ListEntry] = []
    seen: set[str] = set()
    for a in root.xpath(LIST_LINKS):
        link = urljoin(url, (a.get("href") or "").strip())
        title = govmeta.clean_value(a.get("title") or "") or govmeta.clean_value(govmeta.node_text(a))
        if not title or link in seen or not DOCUMENT_LINK_RE.match(link):
            continue
        seen.add(link)
        item = a.getparent()
        while item is not None and item.tag not in ("li", "h4", "div"):
            item = item.getparent()
        m = govmeta.DATE_RE.search(govmeta.node_text(item) if item is not None else "")
        entries.append(ListEntry(link, title, m.group(0).strip() if m else None))
    page = ListPage(entries)
    nxt = root.xpath("//a[normalize-space(.)='下一页' or normalize-space(.)='下页'][@href]/@href")
    if nxt and not str(nxt[0]).startswith("javascript:"):
        page.next_url = urljoin(url, str(nxt[0]).strip())
    return page


def _media(root: Any, table: dict[str, str]) -> str | None:
    found = govmeta.meta_tag(root, "ContentSource") or table.get("source")
    if found:
        return found
    for xp in SOURCE_XPATHS:
        for node in root.xpath(xp):
            m = SOURCE_RE.search(govmeta.node_text(node))
            if m:
                return m.group(1)
    return None


def parse_article(html: str, url: str) -> GovDocument:
    """A gov.cn document page, either template: ``#UCAP-CONTENT`` body, the metadata table when there is one.

    ``meta`` carries the table (index_no, topic, issuer, written_date, title, doc_number, published_date …);
    成文日期 becomes ``written_at`` and 发布日期 the publication date, kept apart. ``firstpublishedtime`` gives the
    time: the publication instant when it falls on the 发布日期 (or when the page has no table).
    """
    root = govmeta.parse_html(html)
    table = govmeta.parse_meta_table(root)
    if "topic" not in table:
        topic = govmeta.first_node(root, (TOPIC_XPATH,))
        if topic is not None and govmeta.clean_value(govmeta.node_text(topic)):
            table["topic"] = govmeta.clean_value(govmeta.node_text(topic)).removeprefix("主题分类\\")
    title = table.get("title") or govmeta.heading_title(root, TITLE_XPATHS) or govmeta.meta_tag(root, "ArticleTitle")
    if not title:
        title = clean_title(root.findtext(".//title") or "")
    body = govmeta.first_node(root, BODY_XPATHS)
    body_html = govmeta.outer_html(body) if body is not None else ""
    text = govmeta.body_text(body) if body is not None else ""
    first_raw = govmeta.meta_tag(root, "firstpublishedtime")
    pages_date = govmeta.first_node(root, (PAGES_DATE_XPATH,))
    shown = govmeta.DATE_RE.search(govmeta.node_text(pages_date)) if pages_date is not None else None
    published_raw = (
        table.get("published_date")
        or first_raw
        or govmeta.meta_tag(root, "PubDate")
        or (shown.group(0).strip() if shown else None)
    )
    published_at = govmeta.parse_cn_date(published_raw)
    first = govmeta.parse_cn_date(first_raw)
    if (
        published_at
        and first
        and first.astimezone(govmeta.CHINA_TZ).date() == published_at.astimezone(govmeta.CHINA_TZ).date()
    ):
        # 发布日期 names only the day; the page's first-published timestamp gives the time on that same day.
        published_at = first
    meta = govmeta.document_meta(table, text)
    column = govmeta.meta_tag(root, "lanmu")  # the site's column name (RSSHub gov/zhengce reads it as a category)
    if column:
        meta["column"] = column
    keywords = [k.strip() for k in KEYWORD_SPLIT_RE.split(govmeta.meta_tag(root, "keywords") or "") if k.strip()]
    editor_m = EDITOR_RE.search(govmeta.node_text(root.body) if root.body is not None else "")
    doc_id = DOC_ID_RE.search(urlsplit(url).path)
    return GovDocument(
        url=url,
        title=title,
        body_html=body_html,
        published_raw=published_raw,
        published_at=published_at,
        written_at=govmeta.parse_cn_date(table.get("written_date")),
        media=_media(root, table),
        editor=editor_m.group(1) if editor_m else None,
        meta=meta,
        attachments=govmeta.extract_attachments(root, url),
        doc_id=doc_id.group(1) if doc_id else None,
        keywords=keywords,
    )
