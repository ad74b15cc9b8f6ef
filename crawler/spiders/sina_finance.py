"""Sina Finance: the roll API's news lists (国内滚动, 部委动态 …) and the article pages they link to.

Run: ``scrapy crawl sina_finance [-a lids=1686,1689] [-a max_pages=3]`` or ``carbonwatch crawl sina_finance``.
Incremental: a list page's URLs already stored are not fetched again, and paging stops at the first page that
holds nothing new (or at ``CARBONWATCH_SINA_MAX_PAGES``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict
from datetime import datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Request, Response, TextResponse

from crawler import budget
from crawler.conditional import CONDITIONAL, not_modified
from crawler.failures import failure_kind
from crawler.items import ArticleItem
from crawler.parsers.sina import (
    ArticleParseError,
    RollApiError,
    RollItem,
    decode_html,
    decode_text,
    parse_article,
    parse_roll_page,
)
from crawler.spiderbase import known_canonical_urls
from crawler.urls import canonicalize

logger = logging.getLogger(__name__)

ROLL_API = "https://feed.mix.sina.com.cn/api/roll/get"
ROLL_PAGE_ID = 155  # the finance channel's page id (国内滚动 1686, 部委动态 1689 … are its lids)
REFERER = "https://finance.sina.com.cn/"
CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
TEXT_TYPES = ("text/", "application/json", "application/javascript", "application/xhtml", "text/javascript")


def roll_url(lid: int, page: int, num: int) -> str:
    """The roll API URL of one list page (no random cache-busters: they defeat HTTP caching and tests)."""
    query = urlencode({"pageid": ROLL_PAGE_ID, "lid": lid, "k": "", "num": num, "page": page})
    return f"{ROLL_API}?{query}"


def parse_int_list(raw: Any) -> list[int]:
    """``"1686,1689"``, ``[1686, 1689]`` or ``(1686,)`` as a list of ints."""
    if raw is None or raw == "":
        return []
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    return [int(str(x).strip()) for x in items if str(x).strip()]


def header_charset(content_type: bytes | str | None) -> str | None:
    """The charset named in a Content-Type header value, if any."""
    if not content_type:
        return None
    text = content_type.decode("latin-1") if isinstance(content_type, bytes) else content_type
    match = CHARSET_RE.search(text)
    return match.group(1) if match else None


def is_text_response(response: Response) -> bool:
    """True for pages we can parse: Scrapy's text responses, or bodies declared as text/JSON."""
    if isinstance(response, TextResponse):
        return True
    ctype = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
    return ctype.startswith(TEXT_TYPES)


def roll_item_meta(item: RollItem) -> dict[str, Any]:
    """A RollItem as a plain dict (dates as ISO strings) for ``cb_kwargs`` and ``ArticleItem.list_meta``."""
    meta = asdict(item)
    meta.pop("raw", None)  # the API's full entry is bulky; the parsed fields carry what we use
    if isinstance(item.published_at, datetime):
        meta["published_at"] = item.published_at.isoformat()
    return meta


class SinaFinanceSpider(scrapy.Spider):
    """Roll API list pages -> unknown article URLs -> :class:`ArticleItem`."""

    name = "sina_finance"

    def __init__(self, lids: str | None = None, max_pages: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.allowed_domains = ["sina.com.cn", "sina.cn"]
        self._arg_lids = lids
        self._arg_max_pages = max_pages

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SinaFinanceSpider:
        spider: SinaFinanceSpider = super().from_crawler(crawler, *args, **kwargs)
        # Scrapy drops some requests without calling their errback: redirects leaving our domains (filtered at
        # scheduling) and redirect loops (caught by the dupefilter). Log them so no listed article goes silently.
        crawler.signals.connect(spider.on_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(spider.on_dropped, signal=signals.request_dropped)
        return spider

    def _on_our_domains(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def on_scheduled(self, request: Request, spider: Any) -> None:
        """Log a redirect that leaves the allowed domains (Scrapy's offsite filter drops it without errback)."""
        origins = request.meta.get("redirect_urls")
        if origins and not self._on_our_domains(request.url):
            self._count("carbonwatch/drop/redirect_offsite")
            logger.warning("redirect not followed: %s (listed as %s) leaves our domains", request.url, origins[0])

    def on_dropped(self, request: Request, spider: Any) -> None:
        """Log a request the scheduler refused (a redirect back to a page already fetched: a loop)."""
        origin = (request.meta.get("redirect_urls") or [request.url])[0]
        reason = "redirect_loop" if request.meta.get("redirect_urls") else "duplicate_request"
        self._count(f"carbonwatch/drop/{reason}")
        logger.warning("request dropped (%s): %s (listed as %s)", reason, request.url, origin)

    @property
    def lids(self) -> list[int]:
        if self._arg_lids:
            return parse_int_list(self._arg_lids)
        return parse_int_list(self.settings.get("CARBONWATCH_SINA_LIDS", [1686, 1689]))

    @property
    def max_pages(self) -> int:
        if self._arg_max_pages:
            return max(1, int(self._arg_max_pages))
        return max(1, self.settings.getint("CARBONWATCH_SINA_MAX_PAGES", 5))

    @property
    def page_size(self) -> int:
        return max(1, self.settings.getint("CARBONWATCH_SINA_PAGE_SIZE", 50))

    def _count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(key, n)

    async def start(self) -> AsyncIterator[Any]:
        for lid in self.lids:
            yield self.roll_request(lid, 1)

    def roll_request(self, lid: int, page: int) -> Request:
        """The request for list page ``page`` of ``lid``."""
        return Request(
            roll_url(lid, page, self.page_size),
            callback=self.parse_roll,
            errback=self.on_error,
            headers={"Referer": REFERER},
            cb_kwargs={"lid": lid, "page": page},
            meta={CONDITIONAL: True},  # a 304 (unchanged list) skips parsing
        )

    def known(self, canonical_urls: list[str]) -> set[str]:
        """The canonical URLs already stored (articles or duplicates): one query per list page.

        An unreachable store yields an empty set (counted in ``carbonwatch/errors/known_urls``): fetching every
        entry again is safe because the store is idempotent, and the items reach the spool.
        """
        if not canonical_urls or not self.settings.get("CARBONWATCH_DATABASE_URL"):
            return set()
        return known_canonical_urls(self.crawler, canonical_urls)

    def parse_roll(self, response: Response, lid: int, page: int) -> Iterator[Request]:
        """Route one list page: request the articles we do not have, then the next page if this one had any."""
        self._count("carbonwatch/sina/roll_pages")
        if not_modified(response):
            self._count("carbonwatch/sina/roll_unchanged")
            return
        if not is_text_response(response):
            self._drop_roll("not_text", response.url, "binary reply")
            return
        try:
            # Not response.text: Scrapy raises LookupError on a codec name (hex, rot13 …) given as the charset.
            roll = parse_roll_page(decode_text(response.body, header_charset(response.headers.get("Content-Type"))))
        except RollApiError as exc:
            self._drop_roll(exc.reason, response.url, exc.message)
            return
        if roll.skipped:
            self._count("carbonwatch/drop/roll_item_no_url", roll.skipped)
        by_url: dict[str, RollItem] = {}
        for entry in roll.items:
            by_url.setdefault(canonicalize(entry.url), entry)
        known = self.known(list(by_url))
        unknown = [(url, entry) for url, entry in by_url.items() if url not in known]
        self._count("carbonwatch/sina/known_skipped", len(by_url) - len(unknown))
        logger.info(
            "lid %s page %s: %d items, %d already stored, %d to fetch",
            lid,
            page,
            len(by_url),
            len(by_url) - len(unknown),
            len(unknown),
        )
        for canonical, entry in unknown:
            yield Request(
                entry.url,
                callback=self.parse_article_page,
                errback=self.on_error,
                headers={"Referer": REFERER},
                cb_kwargs={"roll": roll_item_meta(entry), "canonical_url": canonical},
            )
        if unknown and page < self.max_pages:
            yield self.roll_request(lid, page + 1)

    def _drop_roll(self, reason: str, url: str, message: str) -> None:
        logger.warning("roll API reply dropped (%s) from %s: %s", reason, url, message)
        self._count(f"carbonwatch/drop/roll_{reason}")

    def parse_article_page(self, response: Response, roll: dict[str, Any], canonical_url: str) -> Iterator[ArticleItem]:
        """Turn one article page into an item (pure parsing in :func:`crawler.parsers.sina.parse_article`)."""
        if not is_text_response(response):
            self._drop_article("not_text", response.url, "binary reply")
            return
        html = decode_html(response.body, header_charset(response.headers.get("Content-Type")))
        too_complex = budget.over_budget(html, budget.max_tags(self.settings))
        if too_complex:
            self._drop_article("too_complex", response.url, too_complex)
            return
        try:
            article = parse_article(html, response.url)
        except ArticleParseError as exc:
            self._drop_article(exc.reason, response.url, str(exc))
            return
        published_at = None
        if not article.published_raw and roll.get("published_at"):
            # the page shows no date: the list's intime is the best we have
            published_at = datetime.fromisoformat(roll["published_at"])
        yield article.to_item(
            response.url,
            self.name,
            title=article.title or roll.get("title", ""),
            canonical_url=canonical_url or canonicalize(response.url),
            published_at=published_at,
            media=article.media or roll.get("media"),
            keywords=article.keywords or list(roll.get("keywords") or []),
            doc_id=article.doc_id or roll.get("doc_id"),
            list_meta=roll,
        )

    def _drop_article(self, reason: str, url: str, message: str) -> None:
        logger.warning("article dropped (%s) at %s: %s", reason, url, message)
        self._count(f"carbonwatch/drop/article_{reason}")

    def on_error(self, failure: Any) -> None:
        """Count a request that failed for good (HTTP error after retries, timeout, refused connection …)."""
        request = failure.request
        kind = failure_kind(failure)
        if kind is None:
            # robots.txt, offsite or the SSRF guard: each counts its own reason
            origin = (request.meta.get("redirect_urls") or [request.url])[0]
            logger.info("request ignored: %s (listed as %s): %s", request.url, origin, failure.value)
            return
        self._count(f"carbonwatch/errors/{kind}")
        logger.warning("request failed (%s): %s", kind, request.url)
