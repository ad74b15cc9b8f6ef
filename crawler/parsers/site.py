"""Pure parsers for configured ``site`` sources: list links, next link and detail fields by CSS selectors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from parsel import Selector

from carbonwatch.textnorm import xml_safe_markup
from crawler.parsers.govmeta import DATE_RE, ListEntry, clean_value
from crawler.urls import is_web_url

DEFAULT_TITLE_SELECTORS = ("h1", "title")
TITLE_SPLIT_RE = re.compile(r"\s*[_|｜]\s*")


@dataclass
class ConfiguredPage:
    """A detail page read with a source's selectors."""

    title: str
    body_html: str
    date_raw: str | None


def _text(node: Selector) -> str:
    """The text nodes under ``node`` joined by spaces, as ``::text`` selects them.

    lxml's ``itertext`` is linear; an XPath/CSS ``::text`` node-set is quadratic when comments split the text.
    """
    return " ".join(node.root.itertext())


def _href_and_title(node: Selector) -> tuple[str | None, str]:
    """A selected node's link: itself when it is a link or an attribute value, else its first descendant link."""
    if isinstance(node.root, str):
        return node.root.strip() or None, ""
    if getattr(node.root, "tag", "") == "a":
        link = node
    else:
        links = node.css("a[href]")
        if not links:
            return None, ""
        link = links[0]
    href = link.attrib.get("href")
    title = clean_value(link.attrib.get("title") or _text(link))
    return (href.strip() if href else None), title


def list_links(html: str, url: str, list_selector: str) -> list[ListEntry]:
    """The article links selected by ``list_selector`` (elements or ``::attr(href)``), absolute, de-duplicated."""
    sel = Selector(text=xml_safe_markup(html) or "<html></html>", type="html")
    seen: set[str] = set()
    entries: list[ListEntry] = []
    for node in sel.css(list_selector):
        href, title = _href_and_title(node)
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        try:
            absolute = urljoin(url, href)
        except ValueError:  # "https://[host": not a URL
            continue
        if absolute in seen or not is_web_url(absolute):
            continue
        seen.add(absolute)
        entries.append(ListEntry(absolute, title, None))
    return entries


def next_link(html: str, url: str, next_selector: str | None) -> str | None:
    """The next list page selected by ``next_selector``, absolute, or None."""
    if not next_selector:
        return None
    sel = Selector(text=xml_safe_markup(html) or "<html></html>", type="html")
    for node in sel.css(next_selector):
        href, _ = _href_and_title(node)
        if href and not href.startswith("#"):
            try:
                absolute = urljoin(url, href)
            except ValueError:  # "https://[host": not a URL
                continue
            if is_web_url(absolute):
                return absolute
    return None


def parse_page(
    html: str,
    url: str,
    *,
    body_selector: str,
    title_selector: str | None = None,
    date_selector: str | None = None,
) -> ConfiguredPage:
    """Title (``title_selector``, else ``h1``, else ``<title>`` before its first ``_``/``|``), body and date."""
    sel = Selector(text=xml_safe_markup(html) or "<html></html>", type="html")
    body_nodes = sel.css(body_selector)
    body_html = body_nodes[0].get() if body_nodes else ""
    title = ""
    for css in ((title_selector,) if title_selector else ()) + DEFAULT_TITLE_SELECTORS:
        nodes = sel.css(css)
        if nodes:
            title = clean_value(_text(nodes[0]) if not isinstance(nodes[0].root, str) else nodes[0].get())
            if css == "title":
                title = TITLE_SPLIT_RE.split(title)[0]
            if title:
                break
    date_raw: str | None = None
    if date_selector:
        nodes = sel.css(date_selector)
        if nodes:
            text = nodes[0].get() if isinstance(nodes[0].root, str) else _text(nodes[0])
            date_raw = clean_value(text) or None
    if date_raw is None:
        m = DATE_RE.search(" ".join(_text(body) for body in sel.css("body"))[:5000])
        date_raw = m.group(0).strip() if m else None
    return ConfiguredPage(title=title, body_html=body_html, date_raw=date_raw)
