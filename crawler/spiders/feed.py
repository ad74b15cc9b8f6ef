"""Feed spider: every RSS 2.0 / Atom source of kind ``feed`` in the sources file (``CARBONWATCH_SOURCES_FILE``).

Run: ``scrapy crawl feed`` (all enabled feed sources) or ``scrapy crawl feed -a source=NAME``. Each entry becomes an
item whose body is the entry's content (the pipelines clean it); with ``follow = true`` the linked page is fetched
for the full text (Sina pages through the Sina article parser, others through the source's ``body_selector``).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler import budget
from crawler.conditional import CONDITIONAL, not_modified
from crawler.items import ArticleItem
from crawler.parsers import sina, site
from crawler.parsers.feed import FeedEntry, FeedError, parse_feed
from crawler.sources import Source
from crawler.spiderbase import ConfiguredSpider, known_canonical_urls, response_text
from crawler.urls import canonicalize, is_web_url, sina_doc_id

logger = logging.getLogger(__name__)


def entry_url(entry: FeedEntry) -> str | None:
    """The web page an entry names: its link, else a URL guid; None when it names no http(s) URL."""
    for url in (entry.link, entry.guid if entry.guid_is_url else None):
        if is_web_url(url):
            return url
    return None


def entry_canonical_url(entry: FeedEntry) -> str | None:
    """One identity per entry: the canonical form of :func:`entry_url`; None when the entry names no web URL."""
    url = entry_url(entry)
    return canonicalize(url) if url else None


def entry_item(src: Source, entry: FeedEntry, feed_url: str) -> ArticleItem:
    """The item for a feed entry taken as the feed gives it (no follow)."""
    url = entry_url(entry) or ""
    meta = dict(src.extra_meta)
    if entry.guid and not entry.guid_is_url:
        meta["guid"] = entry.guid  # a non-URL guid (tag:, urn:, site ids) is the feed's own identity
    if entry.author:
        meta["author"] = entry.author
    return ArticleItem(
        url=url,
        source=src.name,
        title=entry.title,
        body_html=entry.content_html,
        canonical_url=canonicalize(url),
        published_raw=entry.published_raw,
        keywords=list(entry.categories),
        doc_id=sina_doc_id(url),
        meta=meta,
        list_meta={"feed": feed_url, "guid": entry.guid, "summary_html": entry.summary_html},
    )


def is_sina(url: str) -> bool:
    """Whether ``url`` is on a Sina host (its pages go through the Sina article parser)."""
    host = (urlsplit(url).hostname or "").lower()
    return host.endswith((".sina.com.cn", ".sina.cn")) or host == "sina.cn"


class FeedSpider(ConfiguredSpider):
    """RSS/Atom feeds from the sources file; incremental through the stored canonical URLs."""

    name = "feed"
    source_kind: ClassVar[str] = "feed"
    restrict_domains: ClassVar[bool] = False

    async def start(self) -> AsyncIterator[Any]:
        self.flush_pending_stats()
        for src in self.sources:
            for url in src.urls:
                yield scrapy.Request(
                    url,
                    callback=self.parse_feed,
                    errback=self.on_error,
                    cb_kwargs={"source_name": src.name},
                    meta=self.request_meta(src) | {CONDITIONAL: True},  # a 304 (unchanged feed) skips parsing
                    dont_filter=True,
                )

    def parse_feed(self, response: Response, source_name: str) -> Iterator[Any]:
        """Yield items (or follow requests) for the entries whose URL is not stored yet."""
        src = self.source(source_name)
        if not_modified(response):
            self.stat("unchanged")
            return
        try:
            entries = parse_feed(response.body, response.url)
        except FeedError as exc:
            self.stat("bad_feed")
            logger.error("feed %s (%s): %s", src.name, response.url, exc)
            return
        self.stat("entries", len(entries))
        if not entries:
            # A feed always carries its latest items: an empty one is a moved or broken feed, not a quiet day.
            self.layout_error("empty_list", response.url, f"feed {src.name} has no entries")
            return
        by_url: dict[str, FeedEntry] = {}
        for entry in entries:
            canonical = entry_canonical_url(entry)
            if canonical is None and entry.link:
                # javascript:void(0), mailto:, data: … : never a request (one such link used to end the feed's
                # parse with "Missing scheme") and never a stored URL.
                self.drop(
                    "not_web_url", entry.link, f"entry {entry.title[:60]!r} of feed {src.name} links to no web page"
                )
                continue
            if canonical is None:
                self.stat("no_link")
                self.drop("no_link", None, f"entry {entry.title[:60]!r} of feed {src.name} has no link")
                continue
            if canonical in by_url:
                self.stat("duplicate_entry")  # the same link twice in one feed: keep the first (newest)
                continue
            by_url[canonical] = entry
        known = known_canonical_urls(self.crawler, by_url)
        self.stat("known_skipped", len(known & by_url.keys()))
        for canonical, entry in by_url.items():
            if canonical in known:
                continue
            if src.follow and entry.link and is_web_url(entry.link):
                yield scrapy.Request(
                    entry.link,
                    callback=self.parse_linked,
                    errback=self.follow_failed,
                    cb_kwargs={"source_name": src.name, "entry": entry, "feed_url": response.url},
                    meta=self.request_meta(src),
                )
            else:
                yield entry_item(src, entry, response.url)

    def follow_failed(self, failure: Failure) -> Iterator[ArticleItem]:
        """A linked page that cannot be fetched: keep the entry with the feed's own content."""
        self.on_error(failure)
        kwargs = failure.request.cb_kwargs  # type: ignore[attr-defined]  # Twisted Failure is untyped
        self.stat("follow_fallback")
        yield entry_item(self.source(kwargs["source_name"]), kwargs["entry"], kwargs["feed_url"])

    def parse_linked(self, response: Response, source_name: str, entry: FeedEntry, feed_url: str) -> Iterator[Any]:
        """The full page behind an entry; falls back to the entry's own content when no body is found."""
        src = self.source(source_name)
        item = entry_item(src, entry, feed_url)
        item.url = response.url
        item.canonical_url = canonicalize(response.url)
        html = response_text(response)
        too_complex = budget.over_budget(html, budget.max_tags(self.settings))
        if too_complex:
            # The page is dropped, not the entry: it keeps the feed's own content.
            self.drop("page_too_complex", response.url, too_complex)
            self.stat("follow_fallback")
            yield item
            return
        if is_sina(response.url):
            try:
                article = sina.parse_article(html, response.url)
            except sina.ArticleParseError as exc:
                self.stat("follow_fallback")
                logger.info("feed %s: %s unparsed (%s); keeping the feed content", src.name, response.url, exc)
                yield item
                return
            item.title = article.title or item.title
            item.body_html = article.body_html
            item.published_raw = article.published_raw or item.published_raw
            item.media, item.editor, item.editor_code = article.media, article.editor, article.editor_code
            item.keywords = article.keywords or item.keywords
            item.doc_id = article.doc_id
        else:
            page = site.parse_page(
                html,
                response.url,
                body_selector=src.body_selector or "article",
                title_selector=src.title_selector,
                date_selector=src.date_selector,
            )
            if page.body_html:
                item.body_html = page.body_html
                item.title = item.title or page.title
            else:
                self.stat("follow_fallback")
        self.stat("followed")
        yield item
