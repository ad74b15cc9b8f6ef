"""Shared spider machinery: static government column sites (NDRC, gov.cn, MEE) and configured sources (feed, site).

A column is crawled list page by list page: unknown detail pages (canonical URL not yet stored) are fetched, and
the next list page is requested only while the current one still had unknown entries and the page limit
(``-a max_pages=N`` or the ``CARBONWATCH_GOV_MAX_PAGES`` setting, default 3) is not reached — the same
incremental rule as the Sina spider, so a scheduled re-run costs one list page per column.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from sqlalchemy.exc import SQLAlchemyError
from twisted.python.failure import Failure
from w3lib.encoding import http_content_type_encoding

from crawler.items import ArticleItem
from crawler.parsers.govmeta import GovDocument, ListEntry, ListPage, paged_url
from crawler.parsers.sina import decode_html
from crawler.sources import Source, SourceError, download_slots, load_sources, select_sources
from crawler.urls import canonicalize, is_web_url

logger = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 3
# TRS document ids in government URLs: t20211116_1304110.html
TRS_DOC_ID_RE = re.compile(r"/(t\d{8}_\d+)\.s?html?$")


def response_text(response: Response) -> str:
    """The decoded page: HTTP charset, then ``<meta charset>``, then UTF-8, then GB18030 (engineer A's rule)."""
    header = response.headers.get(b"Content-Type") or b""
    return decode_html(response.body, http_content_type_encoding(header.decode("latin-1")))


def known_canonical_urls(crawler: Any, canonical_urls: Iterable[str]) -> set[str]:
    """The canonical URLs already stored (articles or duplicate links); empty when the store is unreachable."""
    wanted = [u for u in canonical_urls if u]
    if not wanted:
        return set()
    from storage.db import crawler_sessions
    from storage.queries import known_urls

    try:
        with crawler_sessions(crawler)() as session:
            return known_urls(session, wanted)
    except SQLAlchemyError as exc:
        # Crawling everything again is safe (the store is idempotent); stopping the crawl is not useful.
        crawler.stats.inc_value("carbonwatch/errors/known_urls")
        logger.warning("cannot read known URLs, fetching all entries: %s", exc)
        return set()


def trs_doc_id(url: str) -> str | None:
    """The TRS document id of a government detail URL (``t20211116_1304110``), or None."""
    m = TRS_DOC_ID_RE.search(url.split("?", 1)[0])
    return m.group(1) if m else None


def next_list_url(listing: ListPage, column_url: str, page: int) -> str | None:
    """The URL of list page ``page + 1``: the page's 下一页 link, else the TRS ``index_N.html`` pager."""
    if listing.next_url:
        return listing.next_url
    if listing.page_count is not None and page + 1 < listing.page_count:
        return paged_url(column_url, page + 1, listing.page_prefix, listing.page_ext)
    return None


class IncrementalSpider(scrapy.Spider):
    """Base of the column and configured-source spiders: their stats, failed requests and known-URL skipping."""

    def stat(self, key: str, count: int = 1) -> None:
        """Increment ``carbonwatch/<spider>/<key>``."""
        self.crawler.stats.inc_value(f"carbonwatch/{self.name}/{key}", count)

    def drop(self, reason: str, url: str | None, message: str) -> None:
        """Count ``carbonwatch/drop/<reason>`` and log, in one line, why ``url`` is given up."""
        self.crawler.stats.inc_value(f"carbonwatch/drop/{reason}")
        # A data: URL can be megabytes long: the log gets its start.
        logger.warning("%s: dropped %s (%s): %s", self.name, (url or "")[:200], reason, message)

    def fresh_entries(self, entries: list[ListEntry]) -> list[ListEntry]:
        """The entries whose canonical URL is not stored yet (one query); the others count as ``known_skipped``.

        Entries whose URL is not an http(s) URL are dropped (``carbonwatch/drop/not_web_url``): never requested.
        """
        for entry in entries:
            if not is_web_url(entry.url):
                self.drop("not_web_url", entry.url, "list entry does not link to a web page")
        entries = [e for e in entries if is_web_url(e.url)]
        canonical = {e.url: canonicalize(e.url) for e in entries}
        known = known_canonical_urls(self.crawler, canonical.values())
        fresh = [e for e in entries if canonical[e.url] not in known]
        self.stat("known_skipped", len(entries) - len(fresh))
        return fresh

    def on_error(self, failure: Failure) -> None:
        """Count and log a failed request; the other pages and sources carry on."""
        self.stat("fetch_error")
        request = getattr(failure, "request", None)
        logger.warning("%s: request failed %s: %s", self.name, getattr(request, "url", "?"), failure.value)


class GovListSpider(IncrementalSpider):
    """Base for column spiders: subclasses set ``name``, ``columns`` and the two pure parser functions."""

    columns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, columns: str | None = None, max_pages: str | int | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.column_urls = [c.strip() for c in columns.split(",") if c.strip()] if columns else list(self.columns)
        self._max_pages = int(max_pages) if max_pages is not None else None

    # -- to override --
    def parse_list_page(self, html: str, url: str) -> ListPage:
        """Pure list parser of the site."""
        raise NotImplementedError

    def parse_document(self, html: str, url: str) -> GovDocument:
        """Pure detail parser of the site."""
        raise NotImplementedError

    # -- machinery --
    @property
    def max_pages(self) -> int:
        """List pages per column at most (a safety net; the known-URL rule usually stops earlier)."""
        if self._max_pages is not None:
            return self._max_pages
        return int(self.crawler.settings.getint("CARBONWATCH_GOV_MAX_PAGES", DEFAULT_MAX_PAGES))

    async def start(self) -> AsyncIterator[Any]:
        for url in self.column_urls:
            yield scrapy.Request(
                url,
                callback=self.parse_list,
                errback=self.on_error,
                cb_kwargs={"column_url": url, "page": 0},
            )

    def parse_list(self, response: Response, column_url: str, page: int) -> Iterator[scrapy.Request]:
        """Request the unknown detail pages of a list page, then the next list page while there were any."""
        self.stat("list_pages")
        listing = self.parse_list_page(response_text(response), response.url)
        if not listing.entries:
            self.stat("empty_list")
            logger.warning("%s: no entries on list page %s (layout changed?)", self.name, response.url)
            return
        fresh = self.fresh_entries(listing.entries)
        for entry in fresh:
            yield scrapy.Request(
                entry.url,
                callback=self.parse_detail,
                errback=self.on_error,
                cb_kwargs={"entry": entry, "column_url": column_url},
            )
        if not fresh:
            logger.info("%s: every entry of %s is known; column done", self.name, response.url)
            return
        nxt = next_list_url(listing, column_url, page)
        if nxt and page + 1 < self.max_pages:
            yield scrapy.Request(
                nxt,
                callback=self.parse_list,
                errback=self.on_error,
                cb_kwargs={"column_url": column_url, "page": page + 1},
            )
        elif nxt:
            self.stat("page_limit")

    def parse_detail(self, response: Response, entry: ListEntry, column_url: str) -> Iterator[ArticleItem]:
        """Turn a detail page into an ArticleItem (the pipelines clean, date, dedup, classify and store it)."""
        doc = self.parse_document(response_text(response), response.url)
        if not doc.body_html:
            self.stat("no_body")
            logger.warning("%s: no body found on %s", self.name, response.url)
            return
        self.stat("documents")
        if doc.attachments:
            self.stat("attachments", len(doc.attachments))
        yield ArticleItem(
            url=response.url,
            source=self.name,
            title=doc.title or entry.title,
            body_html=doc.body_html,
            canonical_url=canonicalize(response.url),
            published_raw=doc.published_raw or entry.date_raw,
            published_at=doc.published_at,
            written_at=doc.written_at,
            media=doc.media,
            editor=doc.editor,
            doc_id=trs_doc_id(response.url),
            meta=doc.meta,
            attachments=doc.attachments,
            list_meta={"column": column_url, "title": entry.title, "date": entry.date_raw},
        )


class ConfiguredSpider(IncrementalSpider):
    """Base for spiders driven by the sources file: ``-a source=NAME`` runs one source, else all enabled ones.

    Each source's requests go to their own downloader slot (``source:<name>``) whose delay and concurrency come
    from the source (``DOWNLOAD_SLOTS``, set here before the crawler freezes its settings).
    """

    source_kind: ClassVar[str] = ""
    allowed_domains: list[str]  # set only when the sources restrict hosts (OffsiteMiddleware reads it)
    restrict_domains: ClassVar[bool] = True  # site spiders stay on their hosts; feeds may link anywhere

    def __init__(self, *args: Any, source: str | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.source_name = source
        self.sources: list[Source] = []
        self._pending_stats: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> Any:
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = crawler.settings.get("CARBONWATCH_SOURCES_FILE")
        try:
            spider.sources = select_sources(load_sources(path), cls.source_kind, spider.source_name)
        except SourceError as exc:
            logger.error("%s: sources configuration error: %s", spider.name, exc)
            spider._pending_stats["config_error"] = 1
            spider.sources = []
        if not spider.sources:
            logger.warning("%s: no %s sources to crawl (sources file: %s)", spider.name, cls.source_kind, path)
        spider.configure(crawler)
        slots = download_slots(spider.sources)
        if slots:
            merged = {**crawler.settings.getdict("DOWNLOAD_SLOTS"), **slots}
            crawler.settings.set("DOWNLOAD_SLOTS", merged, priority="spider")
        explicit = [d for s in spider.sources for d in s.allowed_domains]
        if cls.restrict_domains or explicit:
            domains = explicit if not cls.restrict_domains else [d for s in spider.sources for d in s.domains]
            spider.allowed_domains = sorted(set(domains))
        return spider

    def configure(self, crawler: Any) -> None:
        """Hook run in ``from_crawler`` while settings may still change (the site spider enables rendering)."""

    def source(self, name: str) -> Source:
        """The selected source called ``name``."""
        return next(s for s in self.sources if s.name == name)

    def flush_pending_stats(self) -> None:
        """Stats noted before the crawler had a stats collector (during ``from_crawler``)."""
        for key, count in self._pending_stats.items():
            self.stat(key, count)
        self._pending_stats.clear()

    def request_meta(self, src: Source) -> dict[str, Any]:
        """Per-request meta putting the request in the source's downloader slot."""
        meta: dict[str, Any] = {"download_slot": src.slot, "carbonwatch_source": src.name}
        if src.download_delay is not None:
            # The operator chose this source's delay: AutoThrottle must not lower it towards DOWNLOAD_DELAY.
            meta["autothrottle_dont_adjust_delay"] = True
        return meta
