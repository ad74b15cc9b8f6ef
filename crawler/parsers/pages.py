"""One saved page to one item, with the parser its URL calls for: what ``carbonwatch analyze`` and ``import`` use.

The page's URL is the one given (``--url``), else the page's own ``<link rel="canonical">``, ``og:url`` or
``<meta name="Url">`` (MEE's pages carry one), else none. A URL on a built-in site picks that site's parser: Sina
(``*.sina.com.cn``, ``*.sina.cn``), gov.cn, MEE and NDRC. A configured source (``--source NAME``) picks its CSS
selectors instead, whatever the URL. A page that names no web URL is read as a Sina page, as before sites were
told apart; a URL on any other host is refused with a hint, since no built-in parser is meant for it.

Pure: string in, :class:`~crawler.items.ArticleItem` out (not yet cleaned, dated or classified).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from parsel import Selector

from crawler.items import ArticleItem
from crawler.parsers import gov_cn, mee, ndrc, site
from crawler.parsers.govmeta import GovDocument
from crawler.parsers.sina import ArticleParseError
from crawler.parsers.sina import parse_article as parse_sina
from crawler.sources import Source
from crawler.urls import SINA_HOST_RE, canonicalize, sina_doc_id, trs_doc_id

GOV_SITES: dict[str, tuple[str, Callable[[str, str], GovDocument]]] = {
    "www.gov.cn": ("gov_cn", gov_cn.parse_article),
    "gov.cn": ("gov_cn", gov_cn.parse_article),
    "www.mee.gov.cn": ("mee", mee.parse_article),
    "mee.gov.cn": ("mee", mee.parse_article),
    "www.ndrc.gov.cn": ("ndrc", ndrc.parse_article),
    "ndrc.gov.cn": ("ndrc", ndrc.parse_article),
}
SINA = "sina_finance"
URL_XPATHS = (
    "//link[@rel='canonical']/@href",
    "//meta[@property='og:url']/@content",
    "//meta[@name='Url']/@content",
)


class UnknownSiteError(ArticleParseError):
    """The page's URL is on a host no built-in parser reads (``reason`` ``unknown_site``)."""

    def __init__(self, host: str) -> None:
        super().__init__(
            "unknown_site", f"no built-in parser for {host}; pass --source NAME to read it with a configured source"
        )


def is_web_url(url: str | None) -> bool:
    """Whether ``url`` is an http(s) address (not a file URI, not empty)."""
    return bool(url) and urlsplit(url or "").scheme in ("http", "https") and bool(urlsplit(url or "").hostname)


def url_from_page(html: str) -> str | None:
    """The page's own address: ``<link rel="canonical">``, ``og:url`` or ``<meta name="Url">`` (first web URL)."""
    sel = Selector(text=html or "<html></html>", type="html")
    for xpath in URL_XPATHS:
        for value in sel.xpath(xpath).getall():
            if is_web_url(value.strip()):
                return value.strip()
    return None


def site_for_url(url: str | None) -> str | None:
    """The built-in source whose parser reads pages at ``url`` (``sina_finance``, ``gov_cn``, ``mee``, ``ndrc``)."""
    if not is_web_url(url):
        return None
    host = (urlsplit(url or "").hostname or "").lower()
    if SINA_HOST_RE.search(host):
        return SINA
    found = GOV_SITES.get(host)
    return found[0] if found else None


def parse_page(html: str, url: str | None, *, source: Source | None = None) -> ArticleItem:
    """The item of one saved page: by ``source``'s selectors when given, else by the parser of ``url``'s site.

    ``url`` is where the page came from (a file URI for a page that names none). Raises
    :class:`~crawler.parsers.sina.ArticleParseError` (``reason``: ``not_html``, ``no_body``, ``no_title``,
    ``unknown_site``).
    """
    if not html.strip() or "<" not in html:
        raise ArticleParseError("not_html", "empty or not markup")
    address = url or ""
    if source is not None:
        return _configured(html, address, source)
    name = site_for_url(address)
    if name is None and is_web_url(address):
        raise UnknownSiteError((urlsplit(address).hostname or "").lower())
    if name is None or name == SINA:
        try:
            article = parse_sina(html, address)
        except ArticleParseError as exc:
            if name is None and exc.reason != "not_html":
                # Read as a Sina page only for want of a URL: say how to pick the page's own site.
                detail = str(exc).removeprefix(f"{exc.reason}: ")
                raise ArticleParseError(exc.reason, f"{detail} (the page names no URL: pass --url)") from exc
            raise
        return article.to_item(address, SINA)
    source_name, parse = GOV_SITES[(urlsplit(address).hostname or "").lower()]
    doc = parse(html, address)
    missing = doc.missing()
    if "body" in missing:
        raise ArticleParseError("no_body", f"no {source_name} body container in the page")
    if "title" in missing:
        raise ArticleParseError("no_title", f"no {source_name} title in the page")
    return doc.to_item(address, source_name)


def _configured(html: str, url: str, src: Source) -> ArticleItem:
    if not src.body_selector:
        raise ArticleParseError("no_body", f"source {src.name} has no body_selector")
    page = site.parse_page(
        html, url, body_selector=src.body_selector, title_selector=src.title_selector, date_selector=src.date_selector
    )
    if not page.body_html:
        raise ArticleParseError("no_body", f"body_selector {src.body_selector!r} of source {src.name} matched nothing")
    if not page.title:
        raise ArticleParseError("no_title", f"no title on the page for source {src.name}")
    web = is_web_url(url)
    return ArticleItem(
        url=url,
        source=src.name,
        title=page.title,
        body_html=page.body_html,
        canonical_url=canonicalize(url) if web else url,
        published_raw=page.date_raw,
        doc_id=(sina_doc_id(url) or trs_doc_id(url)) if web else None,
        meta=dict(src.extra_meta),
    )
