"""Pure parsers for Sina Finance: the roll (list) API reply and article pages (desktop and mobile).

String in, typed dataclass out; no Scrapy objects, so tests call them on saved pages directly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lxml import etree
from parsel import Selector

from carbonwatch.textnorm import xml_safe_markup
from crawler.items import ArticleItem
from crawler.parsers.charset import decode_html as decode_html  # re-exported: callers import it from here
from crawler.parsers.charset import decode_text as decode_text
from crawler.urls import canonicalize, is_web_url, sina_doc_id

# try{feedCardJsonpCallback({...});}catch(e){};  (any callback name; the JSON is everything between the parens)
# Read in two anchored pieces, head and catch tail, instead of one regex with ".*" between runs of "\s*": that
# one backtracked cubically (cb() + 3,000 spaces + x: 24 s).
JSONP_HEAD_RE = re.compile(r"(?:try\s*\{\s*)?[A-Za-z_$][\w$.]*\s*\(")
JSONP_CATCH_RE = re.compile(r"\}\s*catch\s*\(\s*\w*\s*\)\s*\{\s*\}\s*;?$")
# "_新浪财经_新浪网", "_新浪新闻", "_手机新浪网" ... at the end of <title> / og:title.
TITLE_SUFFIX_RE = re.compile(r"\s*_(?:新浪[^_|]{0,6}|手机新浪网)(?:_新浪网)?\s*$")
# <title> also carries "|keyword|keyword" before the suffix.
TITLE_KEYWORDS_RE = re.compile(r"\s*\|[^|]*(?:\|[^|]*)*$")
# 责任编辑：刘万里 SF014 / 责任编辑：李昂  (name, optional staff code of capital letters + digits). Xinhua's own
# footer, which Sina keeps in the articles it takes over, brackets its line: 【纠错】【责任编辑:薛涛】.
EDITOR_RE = re.compile(
    r"(?P<bracket>【\s*)?责任编辑\s*[：:]\s*(?P<name>[^\s<>：:【】\[\]（）()]{1,20}?)\s*(?P<code>[A-Z]{1,4}\d{2,6})?"
    r"(?=\s|<|$|[】\]）)])"
)
DISPLAY_DATE_RE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?")
KEYWORD_SPLIT_RE = re.compile(r"[,，;；\s]+")
# Keyword noise: the mobile template's site tag and the news template's channel tag.
KEYWORD_NOISE = frozenset({"sina.cn", "新闻"})
# The 2004-2005 template: the headline cell (th.f24) heads a table whose next rows hold
# "http://www.sina.net 2005年03月21日 11:21 <font>《理财周刊》</font>".
LEGACY_DATE_CELLS_XPATH = "//th[contains(concat(' ', normalize-space(@class), ' '), ' f24 ')]/ancestor::table[1]//td"
# Sina's CMS stamped pages of that era: <!--[111,3,244339] published at 2005-03-21 11:21:30 from #013 by 435-->
CMS_STAMP_RE = re.compile(r"<!--\[\d+,\d+,\d+\]\s*published at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")
MEDIA_BRACKETS = "《》〈〉「」 "
ID_SELECTOR_RE = re.compile(r"^#[A-Za-z][\w-]*$")
# At most this many text nodes mentioning 责任编辑 are read (page order); only those become Python strings.
EDITOR_TEXTS_XPATH = "(//body//text()[contains(., '责任编辑')])[position() <= 50]"

# td.l17 is the text cell of the 2004-2005 table template (no #artibody; its #article, when present, also holds
# the headline and date rows). libxml2 closes that template's <font id="zoom"> at the first <p>, so not that.
BODY_SELECTORS = ("#artibody", "td.l17", "#article", "section.art_content", "article.art_box", ".article-body")
TITLE_SELECTORS = ("h1.main-title", "#artibodyTitle", "h1.art_tit_h1", "h1.l_tit", "th.f24", "td.title14")
DATE_SELECTORS = (".date-source .date", "span.date", "#pub_date", ".time-source", ".weibo_time")
SOURCE_SELECTORS = (".date-source .source", ".source", ".ent-source", "h2.weibo_user")


class RollApiError(ValueError):
    """The roll API reply is unusable; ``reason`` is a short slug for stats (``carbonwatch/drop/roll_<reason>``)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


class ArticleParseError(ValueError):
    """An article page holds nothing usable; ``reason`` is ``not_html``, ``no_body`` or ``no_title``."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(f"{reason}: {message}" if message else reason)
        self.reason = reason


@dataclass
class RollItem:
    """One entry of the roll API's ``data`` list."""

    url: str
    title: str
    media: str | None
    published_at: datetime | None  # aware UTC, from ``intime`` (unix seconds)
    doc_id: str | None
    keywords: list[str] = field(default_factory=list)
    intro: str = ""
    raw: dict[str, Any] = field(default_factory=dict)  # the item as the API gave it (for list_meta)


@dataclass
class RollPage:
    """A parsed roll API page: usable items, the API's total, and how many entries were skipped."""

    items: list[RollItem]
    total: int | None
    skipped: int = 0


@dataclass
class SinaArticle:
    """The fields of one Sina article page; ``body_html`` is the raw main-content fragment (clean it later)."""

    url: str
    title: str
    body_html: str
    published_raw: str | None  # machine-readable time if the page has one, else the displayed date
    display_date: str | None  # the date as shown to readers (2019年11月25日 18:57)
    media: str | None
    editor: str | None
    editor_code: str | None
    keywords: list[str]
    doc_id: str | None
    description: str | None = None

    def to_item(self, url: str, source: str, **fields: Any) -> ArticleItem:
        """An :class:`ArticleItem` carrying this page's fields; ``fields`` adds or overrides item fields."""
        values: dict[str, Any] = {
            "title": self.title,
            "body_html": self.body_html,
            "canonical_url": canonicalize(url),
            "published_raw": self.published_raw,
            "media": self.media,
            "editor": self.editor,
            "editor_code": self.editor_code,
            "keywords": list(self.keywords),
            "doc_id": self.doc_id,
        }
        values.update(fields)
        return ArticleItem(url=url, source=source, **values)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _split_keywords(raw: str) -> list[str]:
    seen: list[str] = []
    for word in KEYWORD_SPLIT_RE.split(raw):
        word = word.strip()
        if word and word not in KEYWORD_NOISE and word not in seen:
            seen.append(word)
    return seen


def _intime(value: Any) -> datetime | None:
    try:
        seconds = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    if seconds <= 0:
        return None
    return datetime.fromtimestamp(seconds, UTC)


def _roll_doc_id(entry: dict[str, Any], url: str) -> str | None:
    from_url = sina_doc_id(url)
    if from_url:
        return from_url
    # docid looks like "comos:hqfskcn2160999"; the page URL writes the same id with a leading "i".
    docid = _text(entry.get("docid"))
    if docid:
        tail = docid.rsplit(":", 1)[-1]
        return tail if tail.startswith("i") else f"i{tail}"
    return None


def _jsonp_body(text: str) -> str | None:
    """What a JSONP reply (stripped) passes to its callback, or None when it is not one (linear time)."""
    head = JSONP_HEAD_RE.match(text)
    if head is None:
        return None
    catch = JSONP_CATCH_RE.search(text, head.end())
    tail = text[: catch.start()] if catch else text
    tail = tail.rstrip().removesuffix(";").rstrip()
    if not tail.endswith(")") or len(tail) <= head.end():
        return None
    return tail[head.end() : -1]


def parse_roll_page(text: str) -> RollPage:
    """Parse a roll API reply (plain JSON or the ``feedCardJsonpCallback`` JSONP wrapper)."""
    stripped = text.strip().lstrip("\ufeff")
    if not stripped:
        raise RollApiError("empty", "empty reply")
    if stripped.startswith("<"):
        raise RollApiError("not_json", "HTML instead of JSON (blocked or an error page?)")
    if not stripped.startswith(("{", "[")):
        body = _jsonp_body(stripped)
        if body is None:
            raise RollApiError("not_json", "neither JSON nor a JSONP callback")
        stripped = body.strip()
    try:
        payload = json.loads(stripped)
    except json.JSONDecodeError as exc:
        # A reply cut off mid-stream no longer ends with its closing bracket; anything else is malformed.
        reason = "not_json" if stripped.endswith(("}", "]")) else "truncated"
        raise RollApiError(reason, f"invalid JSON at char {exc.pos}: {exc.msg}") from exc
    if not isinstance(payload, dict):
        raise RollApiError("missing_field", "top level is not an object")
    result = payload.get("result")
    if not isinstance(result, dict):
        raise RollApiError("missing_field", "no 'result' object")
    status = result.get("status")
    if isinstance(status, dict):
        code = status.get("code")
        if str(code) != "0":
            raise RollApiError("status_error", f"status code {code!r}: {status.get('msg')!r}")
    data = result.get("data")
    if not isinstance(data, list):
        raise RollApiError("missing_field", "no 'result.data' list")
    total: int | None
    try:
        total = int(result["total"])
    except (KeyError, TypeError, ValueError):
        total = None
    items: list[RollItem] = []
    skipped = 0
    for entry in data:
        url = _text(entry.get("url")) if isinstance(entry, dict) else ""
        if not is_web_url(url):
            skipped += 1
            continue
        assert isinstance(entry, dict)
        items.append(
            RollItem(
                url=url,
                title=_text(entry.get("title")),
                media=_text(entry.get("media_name")) or None,
                published_at=_intime(entry.get("intime") or entry.get("ctime")),
                doc_id=_roll_doc_id(entry, url),
                keywords=_split_keywords(_text(entry.get("keywords"))),
                intro=_text(entry.get("intro")),
                raw=entry,
            )
        )
    return RollPage(items=items, total=total, skipped=skipped)


def clean_title(title: str) -> str:
    """Drop Sina's ``_新浪财经_新浪网`` style suffixes (and the ``|keyword`` list that precedes them in <title>)."""
    title = " ".join(title.split())
    had_suffix = TITLE_SUFFIX_RE.search(title) is not None
    title = TITLE_SUFFIX_RE.sub("", title)
    if had_suffix:
        title = TITLE_KEYWORDS_RE.sub("", title)
    return title.strip()


def parse_editor(text: str) -> tuple[str | None, str | None]:
    """``责任编辑：刘万里 SF014`` -> (``刘万里``, ``SF014``); (None, None) when there is no editor line.

    The first plain editor line wins over bracketed ones (``【责任编辑:薛涛】``: the source agency's editor in a
    republished story); a bracketed name is the answer only when there is no plain line.
    """
    bracketed: re.Match[str] | None = None
    for match in EDITOR_RE.finditer(text.replace("\xa0", " ").replace("\u3000", " ")):
        if not match.group("bracket"):
            return match.group("name"), match.group("code")
        bracketed = bracketed or match
    if bracketed is None:
        return None, None
    return bracketed.group("name"), bracketed.group("code")


class _Page:
    """One parsed page plus lookups shared by the field extractors, so each costs one tree scan at most.

    A CSS or XPath query with an attribute test walks every element (about 0.2 ms on a 120 KB Sina page); the
    ``<meta>`` tags are read once into a dict, ``#id`` selectors use libxml2's ID table, and the header's
    ``.date-source`` block (date and media) is looked up once.
    """

    def __init__(self, sel: Selector) -> None:
        self.sel = sel
        self.metas: dict[tuple[str, str], str] = {}
        for el in sel.root.iter("meta"):
            content = el.get("content")
            if content is None:
                continue
            for attr in ("name", "property"):
                key = el.get(attr)
                if key is not None:
                    self.metas.setdefault((attr, key), content)
        self._date_source: list[Selector] | None = None

    def meta(self, attr: str, name: str) -> str | None:
        return " ".join(self.metas.get((attr, name), "").split()) or None

    def css(self, css: str) -> list[Selector]:
        if ID_SELECTOR_RE.match(css):
            found = self.sel.xpath("id($i)", i=css[1:])
            # libxml2's ID table keeps the first of duplicate ids; the CSS path sees them all.
            return list(found) if found and _has_text(found[0]) else list(self.sel.css(css))
        if css.startswith(".date-source "):
            if self._date_source is None:
                self._date_source = list(self.sel.css(".date-source"))
            return [node for block in self._date_source for node in block.css(css.split(" ", 1)[1])]
        return list(self.sel.css(css))


def _has_text(node: Selector) -> bool:
    # The [1] lets libxml2 stop at the first non-blank text node. Without it the whole text node-set is built,
    # which is quadratic when comments split the text (<!--x-->尾 x 100k: minutes).
    return bool(node.xpath("boolean(descendant::text()[normalize-space()][1])").get() == "1")


def _node_text(node: Selector) -> str:
    """The text of ``node`` with its whitespace runs collapsed (what ``::text`` selects, joined by spaces).

    Read with lxml's ``itertext`` (linear): an XPath or CSS ``::text`` query returning many text nodes is
    quadratic in libxml2/lxml when comments separate them.
    """
    return " ".join(" ".join(node.root.itertext()).split())


def _outer_font_text(cell: Selector) -> str:
    """The text inside the ``<font>`` elements of ``cell`` (a nested font counted once), like ``font ::text``."""
    taken: set[Any] = set()
    texts: list[str] = []
    for font in cell.root.iter("font"):
        if not any(outer in taken for outer in font.iterancestors("font")):
            taken.add(font)
            texts.extend(font.itertext())
    return " ".join(" ".join(texts).split())


def _first_text(page: _Page, selectors: tuple[str, ...]) -> str | None:
    for css in selectors:
        for node in page.css(css):
            value = _node_text(node)
            if value:
                return value
    return None


def _display_date(page: _Page) -> str | None:
    for css in DATE_SELECTORS:
        for node in page.css(css):
            value = _node_text(node)
            match = DISPLAY_DATE_RE.search(value)
            if match:
                return match.group(0).strip()
            if css == ".weibo_time" and value:
                # The mobile template writes "2005.08.26 05:39".
                return value
    legacy = _legacy_date_cell(page.sel)
    return legacy[0] if legacy else None


def _legacy_date_cell(sel: Selector) -> tuple[str, str | None] | None:
    """(display date, media) from the 2004-2005 template's date row under the headline, if there is one."""
    for cell in sel.xpath(LEGACY_DATE_CELLS_XPATH):
        value = _node_text(cell)
        match = DISPLAY_DATE_RE.search(value)
        if not match:
            continue
        media = _outer_font_text(cell).strip(MEDIA_BRACKETS)
        return match.group(0).strip(), media or None
    return None


def _media(page: _Page) -> str | None:
    found = _first_text(page, SOURCE_SELECTORS)
    if found:
        return found
    # The 2016 template writes "2016年05月25日10:10 新浪财经" in one span.
    ts = _first_text(page, (".time-source",))
    if ts:
        rest = DISPLAY_DATE_RE.sub("", ts).strip()
        if rest:
            return rest.split()[0]
    legacy = _legacy_date_cell(page.sel)
    if legacy and legacy[1]:
        return legacy[1]
    return page.meta("name", "mediaid") or page.meta("property", "article:author")


def _editor(page: _Page, body: Selector | None) -> tuple[str | None, str | None]:
    # The editor line sits at the end of the body in every template seen: look there before scanning the page.
    for scope in (body, page.sel) if body is not None else (page.sel,):
        for css in (".article-editor", ".show_author"):
            for node in scope.css(css):
                name, code = parse_editor(" ".join(node.root.itertext()))
                if name:
                    return name, code
    # One parse over the candidate texts, so Sina's plain line wins over an earlier bracketed Xinhua one; the "<"
    # between them keeps a name from being read across two text nodes.
    return parse_editor("\n<".join(page.sel.xpath(EDITOR_TEXTS_XPATH).getall()))


def _doc_id(page: _Page, url: str) -> str | None:
    from_url = sina_doc_id(url)
    if from_url:
        return from_url
    og = page.meta("property", "og:url")
    if og and sina_doc_id(og):
        return sina_doc_id(og)
    docid = page.sel.xpath("(//*[@docid])[1]/@docid").get()
    if docid:
        return docid if docid.startswith("i") else f"i{docid}"
    suda = page.meta("name", "sudameta")
    if suda and "comos:" in suda:
        return "i" + suda.rsplit("comos:", 1)[-1].strip()
    return None


def _body(page: _Page) -> Selector | None:
    """The first body container (in ``BODY_SELECTORS`` order) that holds some text."""
    for css in BODY_SELECTORS:
        for node in page.css(css):
            if _has_text(node):
                return node
    return None


def _cms_stamp(html: str) -> str | None:
    # The stamp sits before <html>, where the parser does not keep comments; the head of the string suffices.
    match = CMS_STAMP_RE.search(html, 0, 4096)
    return match.group(1) if match else None


def parse_article(html: str, url: str) -> SinaArticle:
    """Extract title, dates, source, editor, keywords, doc id and the body fragment of a Sina article page."""
    if not html.strip() or "<" not in html:
        raise ArticleParseError("not_html", "empty or not markup")
    html = xml_safe_markup(html)
    try:
        sel = Selector(text=html, type="html")
    except (etree.ParserError, ValueError) as exc:
        raise ArticleParseError("not_html", str(exc)) from exc
    # boolean(): one answer instead of a Selector per matching element (hundreds of <div>s on a Sina page); "or",
    # not a union, which libxml2 merges in quadratic time (20k <div> + 20k <p>: 1.1 s).
    if sel.xpath("boolean(//body) or boolean(//div) or boolean(//p)").get() != "1":
        raise ArticleParseError("not_html", "no document body")
    page = _Page(sel)
    body = _body(page)
    if body is None:
        raise ArticleParseError("no_body", f"none of {', '.join(BODY_SELECTORS)}")
    raw_title = page.meta("property", "og:title") or _first_text(page, TITLE_SELECTORS)
    if not raw_title:
        raw_title = _first_text(page, ("title",))
    title = clean_title(raw_title or "")
    if not title:
        raise ArticleParseError("no_title", "no og:title, h1 or <title>")
    display_date = _display_date(page)
    keywords = _split_keywords(page.meta("name", "keywords") or "")
    if not keywords:
        keywords = _split_keywords(sel.css("#keywords::attr(data-wbkey)").get() or "")
    editor, editor_code = _editor(page, body)
    return SinaArticle(
        url=url,
        title=title,
        body_html=str(body.get()),
        published_raw=page.meta("property", "article:published_time") or display_date or _cms_stamp(html),
        display_date=display_date,
        media=_media(page),
        editor=editor,
        editor_code=editor_code,
        keywords=keywords,
        doc_id=_doc_id(page, url),
        description=page.meta("name", "description"),
    )
