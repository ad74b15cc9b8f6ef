"""Cleaning: strip Sina and government-page boilerplate, sanitise the body HTML, derive plain text.

``clean_html`` is pure (string in, ``Cleaned`` out); ``CleanPipeline`` applies it to ``item.body_html`` and
drops items left with (almost) no text.
"""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from itemadapter import ItemAdapter
from lxml import etree
from lxml import html as lxml_html
from scrapy.exceptions import DropItem

from carbonwatch.textnorm import xml_safe_markup
from crawler import budget
from crawler.parsers.sina import parse_editor
from crawler.urls import is_web_url, join_url

logger = logging.getLogger(__name__)

# Hexo escaped every brace of the RSSHub output; "&amp;#123;" is the same thing escaped once more.
HEXO_BRACES_RE = re.compile(r"&(?:amp;)?#(123|125);")
CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SPACE_RUN_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
ORIGINAL_TITLE_RE = re.compile(r"^\s*原标题\s*[：:]")
SOURCE_LINE_RE = re.compile(r"^[（(]?\s*(?:文章)?来源\s*[：:]\s*(?P<media>[^）)\s]{2,30})\s*[）)]?\s*$")
SCRIPTISH_URL_RE = re.compile(r"^\s*(?:javascript|vbscript|data|livescript)\s*:", re.I)
CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")

# Short blocks whose text is one of these are page furniture, wherever they sit.
BOILERPLATE_TEXT_RE = re.compile(
    r"海量资讯、精准解读|新浪财经APP|股民福利|金麒麟|责任编辑\s*[：:]|打印本页|关闭窗口|【\s*字体\s*[：:]"
    r"|^\s*分享到\s*[：:]?|扫一扫.{0,10}(?:手机|二维码)|^\s*【?\s*(?:打印|关闭)\s*】?\s*$"
)
# Lines dropped from the plain text even when they were not a block of their own.
BOILERPLATE_LINE_RE = re.compile(
    r"海量资讯、精准解读|新浪财经APP|股民福利来了|炒股就看金麒麟|责任编辑\s*[：:]|打印本页|关闭窗口|【\s*字体\s*[：:]"
    r"|^\s*分享到\s*[：:]?\s*$|^\s*【?\s*(?:打印|关闭|大|中|小)\s*】?\s*$"
)
# Sina brackets its standard declaration (免责声明：自媒体综合提供的内容… / 特别声明 …) with two <!-- 总声明 -->
# comments: everything between such a pair is furniture, whatever its wording.
STATEMENT_COMMENT_RE = re.compile(r"^\s*总声明\s*$")
# Without the markers, a block at the very end of the body that opens with a declaration label AND talks like
# Sina's declarations goes; the second test keeps a company's own "特别声明：本公司…" paragraph.
DECLARATION_LABEL_RE = re.compile(
    r"^\s*(?:[【\[（(]\s*(?:新浪(?:财经|网)?)?(?:免责声明|特别声明|版权声明|声明)\s*[】\]）)]\s*[：:]?"
    r"|(?:新浪(?:财经|网)?)?(?:免责声明|特别声明|版权声明|声明)\s*[：:])"
)
DECLARATION_VOICE_RE = re.compile(
    r"新浪|仅代表作者|不代表.{0,8}(?:立场|观点)|投资有风险|不构成投资建议|版权归原作者|转载请联系"
)
DECLARATION_MAX_CHARS = 400
TEXT_RULE_TAGS = frozenset({"p", "div", "blockquote", "span", "section", "li", "td", "a", "font", "strong", "b"})
# Tree walks, not XPath unions: libxml2 merges the node-sets of "a | b" pairwise, quadratic in their sizes
# (48k blocks: 12 s; 32k comments: 22 s), and these run on every element of hostile pages.
INNER_BLOCK_TAGS = ("p", "div", "section", "blockquote", "table", "ul", "ol", "li")
PARAGRAPH_BLOCK_TAGS = ("p", "table", "ul", "ol", "blockquote")
BOILERPLATE_MAX_CHARS = 200  # a block this long with a boilerplate phrase is article text quoting it, not furniture

DROP_TAGS = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "noscript", "param", "input",
        "button", "select", "textarea", "svg", "math", "link", "meta", "base", "video", "audio", "source", "canvas",
        "template", "title", "head",
    }
)  # fmt: skip
# Not dropped whole: libxml2 lets <embed>/<object>/<form> swallow the markup after them, so they are unwrapped
# by the whitelist (their attributes never survive) and only their content is kept.
DROP_CLASSES = frozenset(
    {
        "appendqr_wrap", "appendqr_normal", "appendqr_normal_txt", "app-kaihu-qr", "fincon_sfapp_pro",
        "video-2017", "tech-quotation", "article-editor", "show_author", "bdsharebuttonbox", "share",
        "article-share", "social-share", "sharebox", "share-box", "bshare-custom", "jiathis_style",
        "ct_hqimg", "hqimg_wrapper", "otherContent_01", "wx_pic",
    }
)  # fmt: skip
DROP_IDS = frozenset({"left_hzh_ad", "wx_pic", "sina-comment", "bdshare"})

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td",
        "th", "strong", "em", "b", "i", "blockquote", "a", "img",
    }
)  # fmt: skip
# Containers that become a paragraph when they hold text directly (Sina's img captions, gov pages' div text).
CONTAINER_TAGS = frozenset(
    {"div", "section", "article", "center", "figure", "figcaption", "dl", "dt", "dd", "header", "footer", "main"}
)
BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "blockquote"}
)
CELL_TAGS = frozenset({"td", "th"})

MIN_CJK_CHARS = 20
MIN_CHARS = 40


@dataclass
class Cleaned:
    """The cleaned body: sanitised HTML, plain text, and fields lifted out of the boilerplate."""

    html: str
    text: str
    editor: str | None = None
    editor_code: str | None = None
    media: str | None = None


def _classes(el: Any) -> set[str]:
    return {c.lower() for c in (el.get("class") or "").split()}


def _own_text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def _has_descendant(el: Any, tags: tuple[str, ...]) -> bool:
    """Whether ``el`` holds an element named in ``tags`` (stops at the first one)."""
    return next(el.iterdescendants(*tags), None) is not None


def _is_boilerplate(el: Any) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in DROP_TAGS:
        return True
    if _classes(el) & DROP_CLASSES:
        return True
    if (el.get("id") or "").lower() in DROP_IDS:
        return True
    # Phrase matching only on innermost blocks: a short article wrapped in one <div> with a print button must
    # lose the button, not the article.
    if tag in TEXT_RULE_TAGS and not _has_descendant(el, INNER_BLOCK_TAGS):
        text = _own_text(el)
        if text and len(text) <= BOILERPLATE_MAX_CHARS and BOILERPLATE_TEXT_RE.search(text):
            return True
    return False


def _remove(el: Any) -> None:
    """Remove ``el`` but keep its tail text (the words after it belong to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _remove_all(doomed: list[Any]) -> None:
    """Remove every element of ``doomed``, keeping their tails, in one pass over each parent's children.

    Removing them one by one (:func:`_remove`) appends each tail to the same growing string: quadratic when a
    page holds 100k comments each followed by a character.
    """
    by_parent: dict[Any, set[Any]] = {}
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            by_parent.setdefault(parent, set()).add(el)
    for parent, gone in by_parent.items():
        anchor: Any = None  # the element whose tail collects the text; None: the parent's own text
        pieces = [parent.text or ""]
        for child in list(parent):
            if child in gone:
                pieces.append(child.tail or "")
                parent.remove(child)
                continue
            _set_leading_text(parent, anchor, pieces)
            anchor, pieces = child, [child.tail or ""]
        _set_leading_text(parent, anchor, pieces)


def _set_leading_text(parent: Any, anchor: Any, pieces: list[str]) -> None:
    if len(pieces) == 1:
        return  # nothing removed after it: leave the node untouched
    text = "".join(pieces) or None
    if anchor is None:
        parent.text = text
    else:
        anchor.tail = text


def _strip_statement_blocks(root: Any) -> None:
    """Remove what lies between two sibling ``<!-- 总声明 -->`` comments (Sina's declaration block)."""
    marks = [c for c in root.iter(etree.Comment) if STATEMENT_COMMENT_RE.match(c.text or "")]
    opened: dict[Any, Any] = {}
    for mark in marks:
        parent = mark.getparent()
        start = opened.pop(parent, None)
        if start is None:
            opened[parent] = mark
            continue
        start.tail = None
        node = start.getnext()
        while node is not None and node is not mark:
            following = node.getnext()
            node.tail = None
            parent.remove(node)
            node = following


def _is_declaration(text: str) -> bool:
    return (
        len(text) <= DECLARATION_MAX_CHARS
        and DECLARATION_LABEL_RE.match(text) is not None
        and DECLARATION_VOICE_RE.search(text) is not None
    )


def _attached(el: Any, root: Any) -> bool:
    top = el
    while top.getparent() is not None:
        top = top.getparent()
    return top is root


def _strip_trailing_declarations(root: Any) -> None:
    """Remove declaration blocks that end the body (the unmarked form of Sina's 免责声明 / 特别声明)."""
    blocks = [
        el
        for el in root.iter("p", "div", "section", "blockquote", "li", "span", "font")
        if not _has_descendant(el, INNER_BLOCK_TAGS) and _own_text(el)
    ]
    for el in reversed(blocks):
        if not _attached(el, root):
            continue  # inside a declaration removed a step earlier
        text = _own_text(el)
        if not _is_declaration(text):
            break
        # The outermost wrapper holding just this text goes, so no empty <p> is left behind.
        target = el
        while (
            target.getparent() is not None and target.getparent() is not root and _own_text(target.getparent()) == text
        ):
            target = target.getparent()
        _remove(target)


def _strip_boilerplate(root: Any) -> None:
    _strip_statement_blocks(root)
    # Comments and processing instructions first: <!--article_adlist[...]article_adlist--> hides markup.
    _remove_all(list(root.iter(etree.Comment, etree.ProcessingInstruction)))
    # Top-down, so a removed block's children are never visited and the outermost furniture block goes whole.
    # Removed after the walk: a block's verdict depends only on its own subtree, which the removals of other
    # blocks never touch.
    doomed = []
    stack = list(root)
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if _is_boilerplate(el):
            doomed.append(el)
        else:
            stack.extend(el)
    _remove_all(doomed)
    _strip_trailing_declarations(root)


def _safe_url(raw: str | None, base_url: str | None) -> str | None:
    if not raw:
        return None
    # Browsers ignore embedded whitespace and control characters, so "java\tscript:" must be caught too.
    squeezed = CONTROL_RE.sub("", raw)
    if SCRIPTISH_URL_RE.match(squeezed) or SCRIPTISH_URL_RE.match(CONTROL_RE.sub("", unquote(squeezed))):
        return None
    if squeezed.startswith("//"):
        squeezed = "https:" + squeezed
    if base_url:
        joined = join_url(base_url, squeezed)
        if joined is None:  # "http://[x": no URL; the link is unwrapped, its text kept
            return None
        squeezed = joined
    if not is_web_url(squeezed):
        return None
    return squeezed


def _attrs(el: Any, base_url: str | None) -> str | None:
    """The whitelisted attributes of ``el`` as HTML; None when the element must be unwrapped (a bad link/img)."""
    tag = el.tag
    if tag == "a":
        if "keyword" in _classes(el):
            return None  # stock-quote links: keep the company name, drop the quote page link
        href = _safe_url(el.get("href"), base_url)
        return f' href="{htmllib.escape(href, quote=True)}"' if href else None
    if tag == "img":
        src = _safe_url(el.get("src") or el.get("data-src"), base_url)
        if not src:
            return None
        alt = el.get("alt")
        alt_attr = f' alt="{htmllib.escape(alt, quote=True)}"' if alt else ""
        return f' src="{htmllib.escape(src, quote=True)}"{alt_attr}'
    if tag in CELL_TAGS:
        spans = []
        for name in ("colspan", "rowspan"):
            value = el.get(name)
            if value and value.isdigit():
                spans.append(f' {name}="{value}"')
        return "".join(spans)
    return ""


def _has_direct_text(el: Any) -> bool:
    if (el.text or "").strip():
        return True
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS and child.tag not in CONTAINER_TAGS:
            if _own_text(child) or child.tag == "img":
                return True
        if (child.tail or "").strip():
            return True
    return False


def _serialise(el: Any, base_url: str | None, out: list[str]) -> None:
    """Write the whitelisted rendering of ``el`` (not its tail) to ``out``."""
    tag = el.tag if isinstance(el.tag, str) else ""
    inner_start = len(out)
    if el.text:
        out.append(htmllib.escape(el.text, quote=False))
    for child in el:
        if isinstance(child.tag, str):
            _serialise(child, base_url, out)
        if child.tail:
            out.append(htmllib.escape(child.tail, quote=False))
    inner = "".join(out[inner_start:])
    del out[inner_start:]
    if tag in ALLOWED_TAGS:
        attrs = _attrs(el, base_url)
        if attrs is None:
            if tag != "img":
                out.append(inner)
            return
        if tag in ("br", "img"):
            out.append(f"<{tag}{attrs}>")
        else:
            out.append(f"<{tag}{attrs}>{inner}</{tag}>")
    elif tag in CONTAINER_TAGS and _has_direct_text(el) and not _has_descendant(el, PARAGRAPH_BLOCK_TAGS):
        out.append(f"<p>{inner}</p>")
    elif tag in CONTAINER_TAGS:
        out.append(f"\n{inner}\n")
    else:
        out.append(inner)


def _text_of(el: Any, out: list[str]) -> None:
    """Plain text with "\\n" between blocks and "\\t" between table cells."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "br":
        out.append("\n")
    elif tag in BLOCK_TAGS or tag in CONTAINER_TAGS:
        out.append("\n")
    elif tag in CELL_TAGS:
        out.append("\t")
    if el.text and tag not in ("table", "thead", "tbody", "tr", "ul", "ol"):
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _text_of(child, out)
        if child.tail and tag not in ("table", "thead", "tbody", "tr", "ul", "ol"):
            out.append(child.tail)
    if tag in BLOCK_TAGS or tag in CONTAINER_TAGS:
        out.append("\n")


def _clean_line(line: str) -> str:
    cells = [" ".join(SPACE_RUN_RE.sub(" ", cell).split()) for cell in line.split("\t")]
    return "\t".join(c for c in cells if c) if len(cells) > 1 else cells[0]


def text_lines(text: str) -> list[str]:
    """Split raw extracted text into trimmed, non-empty, non-boilerplate paragraph lines."""
    lines = []
    for raw in text.split("\n"):
        line = _clean_line(raw)
        if not line or ORIGINAL_TITLE_RE.match(line) or BOILERPLATE_LINE_RE.search(line):
            continue
        lines.append(line)
    return lines


def _media_from_lines(lines: list[str]) -> str | None:
    # Sina puts "来源：X" first or "（来源：X）" last.
    for line in [*lines[:2], *reversed(lines[-3:])]:
        match = SOURCE_LINE_RE.match(line)
        if match:
            return match.group("media")
    return None


def clean_html(fragment: str, base_url: str | None = None) -> Cleaned:
    """Strip boilerplate from a body fragment and return sanitised HTML and plain text.

    The editor line (``责任编辑：刘万里 SF014``) is read before it is removed and returned as fields.
    """
    # XML-incompatible characters first: lxml parses them but refuses them in the edits that strip boilerplate.
    fragment = xml_safe_markup(HEXO_BRACES_RE.sub(lambda m: "{" if m.group(1) == "123" else "}", fragment))
    editor, editor_code = parse_editor(re.sub(r"<[^>]+>", " ", fragment))
    if not fragment.strip():
        return Cleaned(html="", text="", editor=editor, editor_code=editor_code)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):
        # lxml asserts "too many bodies" on a whole document whose body holds nothing (<html><head>…</head>).
        return Cleaned(html="", text="", editor=editor, editor_code=editor_code)
    _strip_boilerplate(root)
    out: list[str] = []
    _serialise(root, base_url, out)
    safe_html = re.sub(r"\n\s*\n+", "\n", "".join(out)).strip()
    # Text from the sanitised HTML, so html and text always describe the same content.
    text_root = lxml_html.fragment_fromstring(safe_html or "<p></p>", create_parent="div")
    pieces: list[str] = []
    _text_of(text_root, pieces)
    lines = text_lines("".join(pieces))
    return Cleaned(
        html=safe_html,
        text="\n".join(lines),
        editor=editor,
        editor_code=editor_code,
        media=_media_from_lines(lines),
    )


def is_near_empty(text: str) -> bool:
    """True when the text is too short to be an article (fewer than 20 CJK characters and fewer than 40 chars)."""
    compact = "".join(text.split())
    # Length first: an article of 40 characters or more never needs the CJK count.
    return len(compact) < MIN_CHARS and len(CJK_RE.findall(compact)) < MIN_CJK_CHARS


class CleanPipeline:
    """Clean ``item.body_html`` into ``item.html`` / ``item.text``; drop items with no real text."""

    def __init__(self, stats: Any = None, max_tags: int = budget.DEFAULT_MAX_TAGS) -> None:
        self.stats = stats
        self.max_tags = max_tags

    @classmethod
    def from_crawler(cls, crawler: Any) -> CleanPipeline:
        return cls(crawler.stats, budget.max_tags(crawler.settings))

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        base_url = adapter.get("url") or None
        body = adapter.get("body_html") or ""
        too_complex = budget.over_budget(body, self.max_tags)
        if too_complex:
            self._inc("carbonwatch/drop/too_complex")
            logger.warning("dropping %s: body too complex to clean (%s)", base_url, too_complex)
            raise DropItem(f"too_complex: {too_complex}")
        cleaned = clean_html(body, base_url)
        adapter["html"] = cleaned.html
        adapter["text"] = cleaned.text
        if not adapter.get("editor") and cleaned.editor:
            adapter["editor"] = cleaned.editor
        if not adapter.get("editor_code") and cleaned.editor_code:
            adapter["editor_code"] = cleaned.editor_code
        if not adapter.get("media") and cleaned.media:
            adapter["media"] = cleaned.media
        if is_near_empty(cleaned.text):
            self._inc("carbonwatch/drop/empty_body")
            logger.info("dropping %s: empty body after cleaning (%d chars)", base_url, len(cleaned.text))
            raise DropItem(f"empty_body: {len(cleaned.text)} chars of text after cleaning")
        self._inc("carbonwatch/clean/cleaned")
        return item
