"""Shared spider machinery: static government column sites (NDRC, gov.cn, MEE) and configured sources (feed, site).

A column is crawled list page by list page: unknown detail pages (canonical URL not yet stored) are fetched, and
the next list page is requested only while the current one still had unknown entries and the page limit
(``-a max_pages=N`` or the ``CARBONWATCH_GOV_MAX_PAGES`` setting, default 3) is not reached — the same
incremental rule as the Sina spider, so a scheduled re-run costs one list page per column. A list that arrives as
one document (gov.cn's JSON lists) is taken in slices by the same rule.

A changed page layout is an error, not a log line: a list page without entries and a detail page without title,
date or body count ``carbonwatch/errors/layout/<kind>``; the run record keeps them and ``carbonwatch status``
reports the source unhealthy (:func:`scheduler.health.layout_problem`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from sqlalchemy.exc import SQLAlchemyError
from twisted.python.failure import Failure
from w3lib.encoding import http_content_type_encoding

from crawler import budget
from crawler.conditional import CONDITIONAL, not_modified
from crawler.failures import failure_kind
from crawler.items import ArticleItem
from crawler.parsers.govmeta import GovDocument, ListEntry, ListPage, paged_url
from crawler.parsers.sina import decode_html
from crawler.sources import Source, SourceError, download_slots, load_sources, select_sources
from crawler.urls import canonicalize, is_web_url

logger = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 3
LAYOUT_ERRORS = "carbonwatch/errors/layout/"  # + empty_list, no_title, no_date, no_body
GUESSED_PAGE = "carbonwatch_guessed_page"  # request meta: a list page requested without a pager saying it exists


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


def next_list_url(listing: ListPage, column_url: str, page: int) -> str | None:
    """The URL of list page ``page + 1``: the page's 下一页 link, else the TRS ``index_N.html`` pager."""
    if listing.next_url:
        return listing.next_url
    if listing.page_count is not None and page + 1 < listing.page_count:
        return paged_url(column_url, page + 1, listing.page_prefix, listing.page_ext)
    if listing.guess_next:
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

    def page_text(self, response: Response) -> str | None:
        """The decoded page; None (counted as ``carbonwatch/drop/page_too_complex``) when over the parse budget."""
        html = response_text(response)
        too_complex = budget.over_budget(html, budget.max_tags(self.crawler.settings))
        if too_complex:
            self.drop("page_too_complex", response.url, too_complex)
            return None
        return html

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
        """Count and log a failed request; the other pages and sources carry on.

        The cause (``http_404``, ``dns``, ``timeout`` …) is counted as ``carbonwatch/errors/<kind>``, so the run
        record says why a source failed, not only that something logged an error.
        """
        self.stat("fetch_error")
        kind = failure_kind(failure)
        if kind is not None:
            self.crawler.stats.inc_value(f"carbonwatch/errors/{kind}")
        request = getattr(failure, "request", None)
        logger.warning("%s: request failed %s: %s", self.name, getattr(request, "url", "?"), failure.value)

    def layout_error(self, kind: str, url: str, detail: str = "") -> None:
        """Count a page that no longer has the markup the parser reads (``empty_list``, ``no_title`` …).

        ``carbonwatch/<spider>/<kind>`` for the spider's own tally, ``carbonwatch/errors/layout/<kind>`` for the run
        record's errors, which make the source unhealthy in ``carbonwatch status``.
        """
        self.stat(kind)
        self.crawler.stats.inc_value(f"{LAYOUT_ERRORS}{kind}")
        logger.warning("%s: page layout changed? %s on %s%s", self.name, kind, url, f" ({detail})" if detail else "")

    def layout_drop(self, kind: str, url: str, detail: str = "") -> None:
        """A page given up because its layout changed: a layout error and a counted ``carbonwatch/drop/<kind>``.

        The drop is what the run summary's ``dropped`` column shows, so a source whose body selector matches
        nothing does not finish "success, 0 new, 0 dropped".
        """
        self.crawler.stats.inc_value(f"carbonwatch/drop/{kind}")
        self.layout_error(kind, url, f"{detail}; page dropped" if detail else "page dropped")


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

    def list_url(self, column_url: str) -> str:
        """The URL that lists a column's entries (gov.cn: the column's JSON file); the column URL by default."""
        return column_url

    # -- machinery --
    @property
    def max_pages(self) -> int:
        """List pages per column at most (a safety net; the known-URL rule usually stops earlier)."""
        if self._max_pages is not None:
            return self._max_pages
        return int(self.crawler.settings.getint("CARBONWATCH_GOV_MAX_PAGES", DEFAULT_MAX_PAGES))

    async def start(self) -> AsyncIterator[Any]:
        for url in self.column_urls:
            listed = self.list_url(url)
            yield scrapy.Request(
                listed,
                callback=self.parse_list,
                errback=self.on_list_error,
                cb_kwargs={"column_url": listed, "page": 0},
                meta={CONDITIONAL: True},  # a 304 (unchanged list) skips parsing
            )

    def on_list_error(self, failure: Failure) -> None:
        """A guessed list page that does not exist (404) ends its column; other failures are fetch errors."""
        request = getattr(failure, "request", None)
        response = failure.value.response if isinstance(failure.value, HttpError) else None
        if request is not None and request.meta.get(GUESSED_PAGE) and response is not None and response.status == 404:
            self.stat("list_end")
            logger.info("%s: %s does not exist; column done", self.name, request.url)
            return
        self.on_error(failure)

    def detail_requests(self, entries: list[ListEntry], column_url: str) -> tuple[list[scrapy.Request], int]:
        """Requests for the entries not stored yet, and how many there were."""
        fresh = self.fresh_entries(entries)
        requests = [
            scrapy.Request(
                entry.url,
                callback=self.parse_detail,
                errback=self.on_error,
                cb_kwargs={"entry": entry, "column_url": column_url},
            )
            for entry in fresh
        ]
        return requests, len(fresh)

    def parse_list(self, response: Response, column_url: str, page: int) -> Iterator[scrapy.Request]:
        """Request the unknown detail pages of a list page, then the next list page while there were any."""
        self.stat("list_pages")
        if not_modified(response):
            self.stat("list_unchanged")
            return
        html = self.page_text(response)
        if html is None:
            return
        listing = self.parse_list_page(html, response.url)
        if not listing.entries:
            self.layout_error("empty_list", response.url, "no entries")
            return
        if listing.page_size:
            yield from self.slices(listing, column_url, response.url)
            return
        requests, fresh = self.detail_requests(listing.entries, column_url)
        yield from requests
        if not fresh:
            logger.info("%s: every entry of %s is known; column done", self.name, response.url)
            return
        nxt = next_list_url(listing, column_url, page)
        if nxt and page + 1 < self.max_pages:
            yield scrapy.Request(
                nxt,
                callback=self.parse_list,
                errback=self.on_list_error,
                cb_kwargs={"column_url": column_url, "page": page + 1},
                meta={CONDITIONAL: True, GUESSED_PAGE: bool(listing.guess_next and nxt != listing.next_url)},
            )
        elif nxt:
            self.stat("page_limit")

    def slices(self, listing: ListPage, column_url: str, url: str) -> Iterator[scrapy.Request]:
        """A whole list in one document, newest first: slice by slice, while a slice had unknown entries."""
        size = self.crawler.settings.getint("CARBONWATCH_GOV_JSON_SLICE") or listing.page_size or len(listing.entries)
        for page in range(self.max_pages):
            chunk = listing.entries[page * size : (page + 1) * size]
            if not chunk:
                return
            requests, fresh = self.detail_requests(chunk, column_url)
            yield from requests
            if not fresh:
                logger.info("%s: every entry of slice %d of %s is known; column done", self.name, page, url)
                return
        if len(listing.entries) > self.max_pages * size:
            self.stat("page_limit")

    def parse_detail(self, response: Response, entry: ListEntry, column_url: str) -> Iterator[ArticleItem]:
        """Turn a detail page into an ArticleItem (the pipelines clean, date, dedup, classify and store it).

        A page without a body gives no item; one without its own title or date still gives one (the list's title
        and date stand in), and each missing field is counted as a layout error.
        """
        html = self.page_text(response)
        if html is None:
            return
        doc = self.parse_document(html, response.url)
        for name in doc.missing():
            if name == "body":
                self.layout_drop("no_body", response.url)
            else:
                self.layout_error(f"no_{name}", response.url)
        if not doc.body_html:
            return
        self.stat("documents")
        if doc.attachments:
            self.stat("attachments", len(doc.attachments))
        yield doc.to_item(
            response.url,
            self.name,
            title=doc.title or entry.title,
            published_raw=doc.published_raw or entry.date_raw,
            list_meta={"column": column_url, "title": entry.title, "date": entry.date_raw}
            | ({"summary": entry.summary} if entry.summary else {}),
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
