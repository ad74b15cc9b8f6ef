"""Conditional requests for list pages and feeds: send back the ETag / Last-Modified, and a 304 costs no parsing.

A spider marks a list or feed request with ``meta[CONDITIONAL] = True`` (never an article). The downloader
middleware then adds ``If-None-Match`` / ``If-Modified-Since`` from the ``http_validators`` table, lets a 304
through to the callback (counted ``carbonwatch/http/not_modified``; the callback returns at once, see
:func:`not_modified`), and notes the validators of a 200.

Noted validators are written when the crawl runs out of requests (spider_idle; a crawl stopped earlier keeps
none), and only for a page whose every yielded request (its articles, its next page, recursively) got a 2xx or
304 answer, or was a duplicate of a request already made; a next list page may answer 404 (the end of a guessed
pager). Otherwise a 304 on the next poll would hide an article that failed this time, so the page is fetched whole
again (``carbonwatch/http/validators_withheld``). Scrapy's HttpCacheMiddleware does the header part too, but only
with a whole-response cache on disk; here nothing but two short strings per URL is kept.

Off with ``CARBONWATCH_CONDITIONAL_REQUESTS = False`` or without ``CARBONWATCH_DATABASE_URL``.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from sqlalchemy.exc import SQLAlchemyError

logger = logging.getLogger(__name__)

CONDITIONAL = "carbonwatch_conditional"  # request meta set by spiders: a list page or feed, may be answered 304
_KEY = "carbonwatch_conditional_key"  # the URL the validators are kept under (survives redirects with the meta)
_PARENT = "carbonwatch_conditional_parent"  # on a request a conditional page yielded: that page's key
STATS = "carbonwatch/http/"


def not_modified(response: Response) -> bool:
    """Whether ``response`` is a 304 to a conditional request: the page is as it was, nothing to parse."""
    return response.status == 304 and bool(response.meta.get(_KEY))


def response_validators(response: Response) -> tuple[str | None, str | None]:
    """The (ETag, Last-Modified) header values of a response, None where absent or empty."""

    def header(name: str) -> str | None:
        raw = response.headers.get(name)
        value = raw.decode("latin-1").strip() if raw else ""
        return value or None

    return header("ETag"), header("Last-Modified")


class ValidatorBook:
    """One crawl's validators: those noted from 200s, and which pages still wait for what they led to."""

    def __init__(self) -> None:
        self.noted: dict[str, tuple[str | None, str | None]] = {}
        self.parent: dict[str, str] = {}  # a conditional page's key -> the key of the page that yielded it
        self.waiting: Counter[str] = Counter()  # page key -> requests it yielded not yet answered

    def yielded(self, parent: str, request: Request) -> None:
        """``parent``'s callback yielded ``request``."""
        request.meta[_PARENT] = parent
        self.waiting[parent] += 1
        if request.meta.get(CONDITIONAL):
            self.parent.setdefault(request.url, parent)

    def broken(self, key: str) -> None:
        """The callback of page ``key`` raised: what it would have yielded after is unknown, so it never completes."""
        self.waiting[key] += 1

    def answered(self, request: Request) -> None:
        """A request some page yielded got its answer (or was a duplicate of one already made)."""
        parent = request.meta.get(_PARENT)
        if parent and self.waiting[parent] > 0:
            self.waiting[parent] -= 1

    def complete(self) -> dict[str, tuple[str | None, str | None]]:
        """The noted validators of pages whose yielded requests (and their pages', recursively) were all answered."""
        incomplete = {key for key, count in self.waiting.items() if count > 0}
        for key in list(incomplete):
            seen = {key}
            up = self.parent.get(key)
            while up is not None and up not in seen:  # an unanswered article anywhere below taints each page above
                incomplete.add(up)
                seen.add(up)
                up = self.parent.get(up)
        return {key: found for key, found in self.noted.items() if key not in incomplete}


def _book(crawler: Any) -> ValidatorBook:
    book: ValidatorBook | None = getattr(crawler, "_carbonwatch_validator_book", None)
    if book is None:
        book = ValidatorBook()
        crawler._carbonwatch_validator_book = book
    return book


def _enabled(settings: Any) -> bool:
    return bool(settings.getbool("CARBONWATCH_CONDITIONAL_REQUESTS", True) and settings.get("CARBONWATCH_DATABASE_URL"))


class ConditionalRequestMiddleware:
    """Downloader middleware: validators out on marked requests, 304s through, new validators noted."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.book = _book(crawler)
        self._db_failed = False

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalRequestMiddleware:
        if not _enabled(crawler.settings):
            raise NotConfigured("conditional requests are off (CARBONWATCH_CONDITIONAL_REQUESTS or no database)")
        mw = cls(crawler)
        crawler.signals.connect(mw.on_response, signal=signals.response_received)
        crawler.signals.connect(mw.on_dropped, signal=signals.request_dropped)
        crawler.signals.connect(mw.on_spider_error, signal=signals.spider_error)
        # At idle every request was answered, and the stats are not yet written out (as they are at close).
        crawler.signals.connect(mw.on_idle, signal=signals.spider_idle)
        return mw

    def _inc(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(STATS + key, count)

    def process_request(self, request: Request) -> None:
        if not request.meta.get(CONDITIONAL) or request.meta.get(_KEY):
            return None  # not a list/feed, or already prepared (a retry or redirect of one)
        request.meta[_KEY] = request.url
        request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", []), 304]
        stored = self._stored(request.url)
        if stored is None:
            return None
        if stored.etag:
            request.headers["If-None-Match"] = stored.etag
        if stored.last_modified:
            request.headers["If-Modified-Since"] = stored.last_modified
        self._inc("conditional_sent")
        return None

    def _stored(self, url: str) -> Any:
        if self._db_failed:
            return None
        from storage.db import crawler_sessions
        from storage.validators import get_validators

        try:
            with crawler_sessions(self.crawler)() as session:
                return get_validators(session, url)
        except SQLAlchemyError as exc:
            # A full fetch is always correct; one warning per crawl is enough.
            self._db_failed = True
            self._inc("errors/validators_read")
            logger.warning("cannot read stored ETag/Last-Modified, fetching lists in full: %s", exc)
            return None

    def process_response(self, request: Request, response: Response) -> Response:
        key = request.meta.get(_KEY)
        if not key:
            return response
        if response.status == 304:
            self._inc("not_modified")
            logger.info("%s not modified since the last poll (304): nothing to parse", request.url)
        elif 200 <= response.status < 300:
            etag, last_modified = response_validators(response)
            if etag or last_modified:
                self.book.noted[key] = (etag, last_modified)
        return response

    def on_response(self, response: Response, request: Request, spider: Any = None) -> None:
        """A request a conditional page yielded was answered: 2xx; or, for a list page, 304 (unchanged) or 404 (no
        such page: the end of a column whose page count was guessed)."""
        if not request.meta.get(_PARENT):
            return
        if 200 <= response.status < 300 or (request.meta.get(_KEY) and response.status in (304, 404)):
            self.book.answered(request)

    def on_spider_error(self, failure: Any, response: Response, spider: Any = None) -> None:
        """A list callback that raised may not have yielded all its entries: its page is fetched whole next time."""
        key = response.meta.get(_KEY) if response.request is not None else None
        if key:
            self.book.broken(key)

    def on_dropped(self, request: Request, spider: Any = None) -> None:
        """A duplicate of a request already made (the scheduler's dupefilter): that one fetches the page."""
        self.book.answered(request)

    def on_idle(self, spider: Any = None) -> None:
        """Nothing left to fetch: write the validators of the pages whose content was fully taken in.

        A crawl stopped before (a signal, a timeout, a close for errors) never gets here and remembers nothing.
        """
        if not self.book.noted:
            return
        from storage.db import crawler_sessions
        from storage.validators import Validators, save_validators

        complete = self.book.complete()
        withheld = len(self.book.noted) - len(complete)
        self.book.noted.clear()  # idle may come again (an extension kept the crawl open): count each page once
        if withheld:
            self._inc("validators_withheld", withheld)
            logger.info("%d list page(s) led to requests that failed: fetched whole on the next poll", withheld)
        usable = {k: Validators(*v) for k, v in complete.items() if Validators(*v).usable()}
        if not usable:
            return
        try:
            with crawler_sessions(self.crawler).begin() as session:
                self._inc("validators_saved", save_validators(session, usable))
        except SQLAlchemyError as exc:
            self._inc("errors/validators_write")
            logger.warning("cannot remember ETag/Last-Modified (the next poll fetches lists whole): %s", exc)


class ConditionalChildrenMiddleware(BaseSpiderMiddleware):
    """Spider middleware: ties each request a conditional page yields to that page (see :class:`ValidatorBook`)."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalChildrenMiddleware:
        if not _enabled(crawler.settings):
            raise NotConfigured("conditional requests are off")
        return cls(crawler)

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        key = response.meta.get(_KEY) if response is not None else None
        if key and response is not None and 200 <= response.status < 300:
            _book(self.crawler).yielded(key, request)
        return request
