"""Shared parsing for Chinese government pages: 政府信息公开 metadata tables, list pages, dates, attachments."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.etree import ParserError

from carbonwatch.textnorm import xml_safe_markup

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
}

SPACES_RE = re.compile(r"[\s\u00a0\u3000\u2002\u2003\u2009\u200b]+")
LABEL_TAIL_RE = re.compile(r"[：:]+$")
DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?"
)
# 发改环资〔2022〕1234号, 国发〔2021〕23号, 环办气候函[2021]5号 (brackets vary between pages and editors).
DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fa5]{1,12}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,5}\s*号")
# NDRC/MEE list pages build their pager with createPageHTML(total, current, "index", "html").
PAGER_RE = re.compile(r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([\w-]+)[\"']\s*,\s*[\"'](\w+)[\"']")
ATTACHMENT_EXTS = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "ofd", "zip", "rar", "et", "ppt", "pptx", "txt")
ATTACHMENT_CONTAINERS = (
    "//table[contains(concat(' ', normalize-space(@class), ' '), ' enclosure ')]"
    "|//*[contains(concat(' ', normalize-space(@class), ' '), ' attachment ')]"
)


@dataclass
class ListEntry:
    """One link of a list page: absolute URL, title and the date printed next to it."""

    url: str
    title: str
    date_raw: str | None = None


@dataclass
class ListPage:
    """A parsed list page: its entries and how to reach the next page, when the page says."""

    entries: list[ListEntry]
    next_url: str | None = None  # a 下一页 link
    page_count: int | None = None  # the total from createPageHTML(...)
    page_prefix: str = "index"
    page_ext: str = "html"


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
    parts = node.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")
    return "".join(str(p) for p in parts)


def parse_meta_table(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Read the 政府信息公开 label/value pairs from tables (and ``<li><span>label</span>value``) of a page.

    Works cell by cell: a cell whose normalised text is a known label takes the next cell as its value, so two-
    and four-column layouts both parse. The first occurrence of a key wins (pages often repeat the table).
    """
    meta: dict[str, str] = {}
    for row in root.iter("tr"):
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for i, cell in enumerate(cells[:-1]):
            key = LABEL_KEYS.get(normalize_label(node_text(cell)))
            if key and key not in meta:
                value = clean_value(node_text(cells[i + 1]))
                if value and normalize_label(value) not in LABEL_KEYS:
                    meta[key] = value
    for li in root.iter("li"):
        label_nodes = [c for c in li if isinstance(c.tag, str) and c.tag in ("span", "b", "strong", "label")]
        if not label_nodes:
            continue
        key = LABEL_KEYS.get(normalize_label(node_text(label_nodes[0])))
        if key and key not in meta:
            value = clean_value(node_text(li)[len(node_text(label_nodes[0])) :])
            if value:
                meta[key] = value
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
    container_links = [a for c in root.xpath(ATTACHMENT_CONTAINERS) for a in c.iter("a")]
    # Collected once: testing each page link against every container's links is quadratic on link-heavy pages.
    # lxml hands out one proxy per live element, so set membership is element identity.
    in_containers = set(container_links)
    for a in container_links + list(root.iter("a")):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        url = urljoin(base_url, href)
        kind = attachment_type(url)
        if url in seen or (kind is None and a not in in_containers):
            continue
        seen.add(url)
        name = clean_value(node_text(a)) or clean_value(a.get("title") or "") or url.rsplit("/", 1)[-1]
        found.append({"name": name, "url": url, "type": kind or "link"})
    return found


def parse_list(html: str, url: str, item_xpath: str) -> ListPage:
    """Entries of a government list page: each ``item_xpath`` node gives its first link and a date in its text.

    Links are made absolute against ``url``; duplicates and links without a title are skipped. The pager comes
    from ``createPageHTML(...)`` (TRS sites) or a 下一页 link.
    """
    root = parse_html(html)
    entries: list[ListEntry] = []
    seen: set[str] = set()
    for item in root.xpath(item_xpath):
        links = item.xpath(".//a[@href]")
        if not links:
            continue
        a = links[0]
        href = urljoin(url, a.get("href").strip())
        title = clean_value(a.get("title") or "") or clean_value(node_text(a))
        if not title or href in seen or not href.startswith(("http://", "https://")):
            continue
        seen.add(href)
        m = DATE_RE.search(node_text(item))
        entries.append(ListEntry(href, title, m.group(0).strip() if m else None))
    page = ListPage(entries)
    script_text = " ".join(str(s) for s in root.xpath("//script/text()"))
    pager = PAGER_RE.search(script_text)
    if pager:
        page.page_count = int(pager.group(1))
        page.page_prefix, page.page_ext = pager.group(3), pager.group(4)
    nxt = root.xpath("//a[normalize-space(.)='下一页' or normalize-space(.)='下页'][@href]/@href")
    if nxt and not str(nxt[0]).startswith("javascript:"):
        page.next_url = urljoin(url, str(nxt[0]).strip())
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
