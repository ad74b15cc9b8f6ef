"""Shared parsing for Chinese government pages: 政府信息公开 metadata tables, list pages, dates, attachments."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.etree import ParserError

from carbonwatch.textnorm import xml_safe_markup
from crawler.items import ArticleItem
from crawler.urls import canonicalize, join_url, trs_doc_id

# China has kept UTC+8 without daylight saving since 1991: a fixed offset needs no tz database.
CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")

# Labels as printed in 政府信息公开 tables, after removing every kind of space and the trailing colon.
LABEL_KEYS: dict[str, str] = {
    "索引号": "index_no",
    "主题分类": "topic",
    "分类": "topic",
    "主题": "topic",
    "发文机关": "issuer",
    "发布机构": "issuer",
    "发布机关": "issuer",
    "成文日期": "written_date",
    "生成日期": "written_date",
    "标题": "title",
    "名称": "title",
    "发文字号": "doc_number",
    "文号": "doc_number",
    "发布日期": "published_date",
    "主题词": "keywords",
    "有效性": "validity",
    "来源": "source",  # gov.cn 政策文件库 header table
    "公文种类": "doc_type",  # gov.cn 政策文件库 header table
}

SPACES_RE = re.compile(r"[\s\u00a0\u3000\u2002\u2003\u2009\u200b]+")
LABEL_TAIL_RE = re.compile(r"[：:]+$")
# The time may follow after spaces, a "T", or a hyphen: gov.cn's firstpublishedtime meta is 2026-07-12-09:37:43.
DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:(?:\s*|[T-])(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?"
)
# 发改环资〔2022〕1234号, 国发〔2021〕23号, 环办气候函[2021]5号 (brackets vary between pages and editors).
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fa5]{1,12}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号")
# TRS column pages write their pager from script variables: ``var countPage = 12 //共多少页`` (MEE, and other TRS
# sites), pages ``index.shtml``, ``index_1.shtml`` ... The page extension is not in those variables.
COUNT_PAGE_RE = re.compile(r"\bcountPage\s*=\s*(\d+)")
# Another TRS pager form, createPageHTML(total, current, "index", "html"), read by generic government-site
# crawlers; not confirmed on NDRC or MEE, so it is only a fallback after countPage.
PAGER_RE = re.compile(r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](\w+)[\"']")
INDEX_PAGE_RE = re.compile(r"/(index)(?:_\d+)?\.(s?html?)$")
ATTACHMENT_EXTS = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "ofd", "zip", "rar", "et", "ppt", "pptx", "txt")
# Two queries, not one "a | b": libxml2 merges union node-sets pairwise, quadratic when both are large.
ATTACHMENT_CONTAINERS = (
    "//table[contains(concat(' ', normalize-space(@class), ' '), ' enclosure ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' attachment ')]",
)


@dataclass
class ListEntry:
    """One link of a list page: absolute URL, title, the date printed next to it and the list's summary, if any."""

    url: str
    title: str
    date_raw: str | None = None
    summary: str | None = None  # gov.cn's JSON lists give one (SUB_TITLE)


@dataclass
class ListPage:
    """A parsed list page: its entries and how to reach the next page, when the page says."""

    entries: list[ListEntry]
    next_url: str | None = None  # a 下一页 link
    page_count: int | None = None  # the total from the TRS pager script (countPage, createPageHTML)
    page_prefix: str = "index"
    page_ext: str = "html"
    # No pager in the page, but the site numbers its pages index_1, index_2 ...: try the next one (a 404 ends it).
    guess_next: bool = False
    # A list that is one document (a JSON array) is taken in slices of this many entries, newest first.
    page_size: int | None = None


@dataclass
class GovDocument:
    """A parsed government detail page, ready to become an ArticleItem."""

    url: str
    title: str
    body_html: str
    published_raw: str | None = None
    published_at: datetime | None = None
    written_at: datetime | None = None
    media: str | None = None
    editor: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    attachments: list[dict[str, str]] = field(default_factory=list)
    doc_id: str | None = None  # the site's document id when the URL does not carry a TRS one
    keywords: list[str] = field(default_factory=list)

    def missing(self) -> list[str]:
        """Which of ``title``, ``date`` and ``body`` the page did not give: a sign that its markup changed."""
        found = {"title": bool(self.title), "date": bool(self.published_raw), "body": bool(self.body_html)}
        return [name for name, ok in found.items() if not ok]

    def to_item(self, url: str, source: str, **fields: Any) -> ArticleItem:
        """An :class:`ArticleItem` carrying this document's fields; ``fields`` adds or overrides item fields."""
        values: dict[str, Any] = {
            "title": self.title,
            "body_html": self.body_html,
            "canonical_url": canonicalize(url),
            "published_raw": self.published_raw,
            "published_at": self.published_at,
            "written_at": self.written_at,
            "media": self.media,
            "editor": self.editor,
            "doc_id": self.doc_id or trs_doc_id(url),
            "keywords": list(self.keywords),
            "meta": dict(self.meta),
            "attachments": list(self.attachments),
        }
        values.update(fields)
        return ArticleItem(url=url, source=source, **values)


def normalize_label(text: str) -> str:
    """``索 &nbsp;引 号：`` -> ``索引号``: drop all spaces and the trailing colon."""
    return LABEL_TAIL_RE.sub("", SPACES_RE.sub("", text))


def clean_value(text: str) -> str:
    """Collapse runs of spaces of every kind into one ASCII space and trim."""
    return SPACES_RE.sub(" ", text).strip()


def parse_html(html: str) -> lxml.html.HtmlElement:
    """Parse an HTML string (possibly empty) into an lxml tree; scripts and styles stay but are skipped later."""
    try:
        return lxml.html.document_fromstring(xml_safe_markup(html) or "<html></html>")
    except (ParserError, ValueError):
        return lxml.html.document_fromstring("<html></html>")


def node_text(node: lxml.html.HtmlElement) -> str:
    """The text of ``node`` without the contents of scripts, styles and comments."""
    # A tree walk, not ".//text()[not(ancestor::script)]": lxml turns a text node-set into strings in quadratic
    # time when comments split the text (16k <!--x-->尾: 4 s; issue 15 #4).
    parts: list[str] = []
    if node.tag not in SKIPPED_TEXT_TAGS:
        _collect_text(node, parts)
    return "".join(parts)


SKIPPED_TEXT_TAGS = frozenset({"script", "style"})


def _collect_text(el: lxml.html.HtmlElement, parts: list[str]) -> None:
    if el.text and isinstance(el.tag, str):
        parts.append(el.text)
    for child in el:
        # Comments and processing instructions have a function as tag: their content is no text, their tail is.
        if isinstance(child.tag, str) and child.tag not in SKIPPED_TEXT_TAGS:
            _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)


LABEL_ELEMENTS = ("span", "b", "strong", "label", "em")
ROW_BLOCKS = frozenset({"div", "p", "table", "ul", "ol", "li", "dl"})
MAX_ROW_VALUE = 200  # a label row's value is a date, a number or a name, never a paragraph
LABEL_VALUE_RE = re.compile(r"^([^：:]{1,12})[：:](.+)$", re.S)


def _cell_pair(text: str) -> tuple[str, str] | None:
    """``发文机关：国务院`` in one cell as (key, value), when the part before the colon is a known label."""
    m = LABEL_VALUE_RE.match(clean_value(text))
    if not m:
        return None
    key = LABEL_KEYS.get(normalize_label(m.group(1)))
    value = clean_value(m.group(2))
    return (key, value) if key and value and len(value) <= MAX_ROW_VALUE else None


def _label_row(row: lxml.html.HtmlElement) -> tuple[str, str] | None:
    """A row whose first child element is the label and whose remaining text is the value.

    ``<li><span>文　　号：</span>环办…号</li>`` and MEE's ``.content_top_box`` rows
    ``<div><span>生成日期</span>2021-10-25</div>``.
    Rows holding blocks (a wrapper ``div`` around a whole section) are not label rows.
    """
    if (row.text or "").strip():
        return None
    children = [c for c in row if isinstance(c.tag, str)]
    if not children or children[0].tag not in LABEL_ELEMENTS or any(c.tag in ROW_BLOCKS for c in children):
        return None
    label_text = node_text(children[0])
    key = LABEL_KEYS.get(normalize_label(label_text))
    if not key:
        return None
    value = clean_value(node_text(row)[len(label_text) :]).lstrip("：:").strip()
    return (key, value) if value and len(value) <= MAX_ROW_VALUE else None


def parse_meta_table(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Read the 政府信息公开 label/value pairs of a page: table cells, and label rows in lists and divs.

    Works cell by cell: a cell whose normalised text is a known label takes the next cell as its value, so two-
    and four-column layouts both parse; a cell ``发文机关：国务院`` holds both. Rows ``<li>``/``<div>`` whose first
    child element is a label take the rest of their text. The first occurrence of a key wins (pages often repeat
    the table).
    """
    meta: dict[str, str] = {}
    for row in root.iter("tr"):
        # A layout cell wrapping a whole nested table (gov.cn's ``td > table.bd1``) is not a label or a value.
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th") and c.find(".//table") is None]
        for i, cell in enumerate(cells):
            text = node_text(cell)
            key = LABEL_KEYS.get(normalize_label(text))
            if key and i + 1 < len(cells):
                value = clean_value(node_text(cells[i + 1]))
                if value and key not in meta and normalize_label(value) not in LABEL_KEYS:
                    meta[key] = value
                continue
            pair = _cell_pair(text) if not key else None
            if pair and pair[0] not in meta:
                meta[pair[0]] = pair[1]
    for row in root.iter("li", "div", "p"):
        found = _label_row(row)
        if found and found[0] not in meta:
            meta[found[0]] = found[1]
    return meta


def parse_cn_date(raw: str | None) -> datetime | None:
    """``2022年01月27日`` / ``2021-11-16 10:30`` (Beijing time) as an aware UTC datetime, or None."""
    if not raw:
        return None
    m = DATE_RE.search(raw)
    if not m:
        return None
    try:
        local = datetime(
            int(m["y"]),
            int(m["m"]),
            int(m["d"]),
            int(m["H"] or 0),
            int(m["M"] or 0),
            int(m["S"] or 0),
            tzinfo=CHINA_TZ,
        )
    except ValueError:
        return None
    return local.astimezone(UTC)


def find_doc_number(text: str) -> str | None:
    """The first 发文字号 (``发改环资〔2022〕1234号``) in ``text``, spaces removed."""
    m = DOC_NUMBER_RE.search(text)
    return SPACES_RE.sub("", m.group(0)) if m else None


def meta_tag(root: lxml.html.HtmlElement, name: str) -> str | None:
    """The content of ``<meta name=NAME>`` (trimmed), or None when absent or empty."""
    values = root.xpath("//meta[@name=$n]/@content", n=name)
    value = clean_value(str(values[0])) if values else ""
    return value or None


def first_node(root: lxml.html.HtmlElement, xpaths: tuple[str, ...]) -> lxml.html.HtmlElement | None:
    """The first element matched by the first XPath of ``xpaths`` that matches anything."""
    for xp in xpaths:
        found = root.xpath(xp)
        if found:
            node: lxml.html.HtmlElement = found[0]
            return node
    return None


def outer_html(node: lxml.html.HtmlElement) -> str:
    """The element serialised as a UTF-8 string."""
    return str(lxml.html.tostring(node, encoding="unicode", method="html"))


def attachment_type(url: str) -> str | None:
    """The attachment extension of ``url`` (``pdf``), or None when it is not a document link."""
    path = urlsplit(url).path.lower()
    ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return ext if ext in ATTACHMENT_EXTS else None


def extract_attachments(root: lxml.html.HtmlElement, base_url: str) -> list[dict[str, str]]:
    """Attachments as ``{"name", "url", "type"}``: links in enclosure/attachment blocks and document links."""
    seen: set[str] = set()
    found: list[dict[str, str]] = []
    containers = {c for xpath in ATTACHMENT_CONTAINERS for c in root.xpath(xpath)}
    container_links = [a for c in root.iter() if c in containers for a in c.iter("a")]  # document order
    # Collected once: testing each page link against every container's links is quadratic on link-heavy pages.
    # lxml hands out one proxy per live element, so set membership is element identity.
    in_containers = set(container_links)
    for a in container_links + list(root.iter("a")):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        url = join_url(base_url, href)
        if url is None:  # an href that is no URL: one bad link must not lose the page
            continue
        kind = attachment_type(url)
        if url in seen or (kind is None and a not in in_containers):
            continue
        seen.add(url)
        name = clean_value(node_text(a)) or clean_value(a.get("title") or "") or url.rsplit("/", 1)[-1]
        found.append({"name": name, "url": url, "type": kind or "link"})
    return found


def trs_pager(root: lxml.html.HtmlElement, url: str, default_ext: str) -> tuple[int, str, str] | None:
    """(page count, prefix, extension) from a TRS list page's pager script, or None when it has none.

    ``var countPage = N //共多少页`` first (the extension comes from the page's own URL, else ``default_ext``),
    then ``createPageHTML(N, i, "index", "ext")``.
    """
    script_text = " ".join(str(s) for s in root.xpath("//script/text()"))
    count = COUNT_PAGE_RE.search(script_text)
    if count:
        own = INDEX_PAGE_RE.search(urlsplit(url).path)
        return int(count.group(1)), "index", own.group(2) if own else default_ext
    pager = PAGER_RE.search(script_text)
    if pager:
        return int(pager.group(1)), pager.group(3), pager.group(4)
    return None


def parse_list(
    html: str,
    url: str,
    item_xpath: str,
    *,
    link_xpath: str = ".//a[@href]",
    page_ext: str = "html",
    guess_next: bool = False,
    accept: Callable[[str], bool] | None = None,
) -> ListPage:
    """Entries of a government list page: each ``item_xpath`` node gives a link and a date in its text.

    The link is the first match of ``link_xpath`` in the item, else the item's first link. Links are made
    absolute against ``url``; duplicates, links without a title and links ``accept`` refuses are skipped. The
    pager comes from the TRS pager script (:func:`trs_pager`) or a 下一页 link; without either, ``guess_next``
    asks the spider to try the next ``index_N`` page.
    """
    root = parse_html(html)
    entries: list[ListEntry] = []
    seen: set[str] = set()
    for item in root.xpath(item_xpath):
        links = item.xpath(link_xpath) or item.xpath(".//a[@href]")
        if not links:
            continue
        a = links[0]
        href = join_url(url, (a.get("href") or "").strip()) or ""
        title = clean_value(a.get("title") or "") or clean_value(node_text(a))
        if not title or href in seen or not href.startswith(("http://", "https://")):
            continue
        if accept is not None and not accept(href):
            continue
        seen.add(href)
        m = DATE_RE.search(node_text(item))
        entries.append(ListEntry(href, title, m.group(0).strip() if m else None))
    page = ListPage(entries, page_ext=page_ext)
    pager = trs_pager(root, url, page_ext)
    if pager:
        page.page_count, page.page_prefix, page.page_ext = pager
    nxt = root.xpath("//a[normalize-space(.)='下一页' or normalize-space(.)='下页'][@href]/@href")
    if nxt and not str(nxt[0]).startswith("javascript:"):
        page.next_url = join_url(url, str(nxt[0]).strip())
    page.guess_next = guess_next and pager is None and page.next_url is None
    return page


def paged_url(column_url: str, page: int, prefix: str = "index", ext: str = "html") -> str:
    """The URL of list page ``page`` (0-based) of a TRS column: ``index.html``, ``index_1.html`` …"""
    base = column_url if column_url.endswith("/") else column_url.rsplit("/", 1)[0] + "/"
    return urljoin(base, f"{prefix}.{ext}" if page == 0 else f"{prefix}_{page}.{ext}")


# Central agencies that sign joint documents, in the short forms used in signature blocks.
AGENCIES = (
    "国家发展改革委",
    "国家发展和改革委员会",
    "国家能源局",
    "工业和信息化部",
    "生态环境部",
    "财政部",
    "科技部",
    "自然资源部",
    "住房和城乡建设部",
    "住房城乡建设部",
    "交通运输部",
    "农业农村部",
    "商务部",
    "国务院国资委",
    "市场监管总局",
    "国家统计局",
    "中国人民银行",
    "银保监会",
    "证监会",
    "国家林草局",
    "中国气象局",
    "国家机关事务管理局",
    "国务院",
    "国务院办公厅",
)
DOC_PREFIX_ISSUERS = (("发改", "国家发展改革委"), ("国发", "国务院"), ("国办", "国务院办公厅"), ("环", "生态环境部"))


def signature_issuers(text: str, tail_lines: int = 8) -> list[str]:
    """Agencies named alone on the last lines of a document (its signature block), in order."""
    lines = [clean_value(x) for x in text.splitlines() if clean_value(x)]
    found: list[str] = []
    for line in lines[-tail_lines:]:
        for name in re.split(r"[\s、]+", line):
            if name in AGENCIES and name not in found:
                found.append(name)
    return found


def guess_issuer(body_text: str, doc_number: str | None, default: str | None = None) -> str | None:
    """The issuing agency: the signature block (joined with 、 when joint), else the 文号 prefix, else ``default``."""
    signers = signature_issuers(body_text)
    if signers:
        return "、".join(signers)
    if doc_number:
        for prefix, issuer in DOC_PREFIX_ISSUERS:
            if doc_number.startswith(prefix):
                return issuer
    return default


def body_text(node: lxml.html.HtmlElement) -> str:
    """Plain text of a body node with block elements on their own lines (for signatures and numbers)."""
    node = copy.deepcopy(node)  # the caller may still serialise the original
    for br in node.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = []
    for block in node.iter("p", "div", "td", "li", "h1", "h2", "h3"):
        if not any(isinstance(c.tag, str) and c.tag in ("p", "div") for c in block):
            lines.append(node_text(block))
    return "\n".join(lines) if lines else node_text(node)


def document_meta(table: dict[str, str], text: str, default_issuer: str | None = None) -> dict[str, str]:
    """The metadata table plus the document number and issuer, from the table or else from the body text."""
    meta = dict(table)
    doc_number = table.get("doc_number") or find_doc_number(text)
    if doc_number:
        meta["doc_number"] = doc_number
    issuer = table.get("issuer") or guess_issuer(text, doc_number, default_issuer)
    if issuer:
        meta["issuer"] = issuer
    return meta


def heading_title(root: lxml.html.HtmlElement, xpaths: tuple[str, ...]) -> str:
    """The page's visible heading (the first of ``xpaths`` that matches), cleaned; "" when none matches."""
    node = first_node(root, xpaths)
    return clean_value(node_text(node)) if node is not None else ""
