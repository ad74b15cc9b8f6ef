"""Try one configured source without storing anything: its first list page (or feed) and one article.

The probe spiders are the ``site`` and ``feed`` spiders with their callbacks replaced, so the requests go through
the real downloader (politeness, robots.txt, the SSRF guard, the host map) and the pages are read by the same pure
parsers a crawl uses; what they find goes into a :class:`ProbeReport` instead of the pipelines. They are not in
``SPIDER_MODULES``: ``scrapy list`` and ``crawl --all`` never see them. ``carbonwatch source test NAME`` runs them.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

import scrapy
from parsel import Selector
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from carbonwatch.textnorm import xml_safe_markup
from crawler.parsers import site
from crawler.parsers.feed import FeedError, parse_feed
from crawler.spiderbase import ConfiguredSpider, response_text
from crawler.spiders.feed import FeedSpider, entry_url
from crawler.spiders.site import SiteSpider

LINKS_SHOWN = 5  # links of the list page kept in the report (the count covers them all)
EXCERPT_CHARS = 160
SPACE_RE = re.compile(r"\s+")


@dataclass
class ProbeLink:
    """A link the list page (or feed) gave."""

    title: str
    url: str


@dataclass
class ProbeReport:
    """What a probe fetched and what the source's selectors read from it; ``problems`` empty means it works."""

    source: str
    kind: str
    selectors: dict[str, str | None] = field(default_factory=dict)
    list_url: str | None = None
    list_status: int | None = None
    links_found: int = 0
    links: list[ProbeLink] = field(default_factory=list)
    next_url: str | None = None
    article_url: str | None = None
    article_status: int | None = None
    article_from: str | None = None  # "page" (fetched and read with the selectors) or "feed" (the entry's content)
    title: str | None = None
    date_raw: str | None = None
    body_html_chars: int = 0
    body_text_chars: int = 0
    excerpt: str = ""
    clean_text_chars: int | None = None  # after the crawl's cleaning (filled by the caller, which may import it)
    problems: list[str] = field(default_factory=list)
    body_html: str = field(default="", repr=False)  # what the body selector (or the feed) gave; not in to_json

    @property
    def ok(self) -> bool:
        """True when the list gave links and the article gave a body."""
        return not self.problems

    def settle(self) -> None:
        """After the crawl: a probe that stopped short without saying why (an exception in a parser, a crawl closed
        early) gets a problem line, so it never reads as a success."""
        if self.problems:
            return
        if self.list_status is None:
            self.problems.append("nothing was fetched (see the messages above; run with -v for the details)")
        elif self.links_found and self.article_from is None:
            self.problems.append(
                "the list was read but not the article (see the messages above; run with -v for the details)"
            )

    def to_json(self) -> dict[str, Any]:
        """The report as plain data (``ok`` included; not the body HTML itself)."""
        data = asdict(self)
        del data["body_html"]
        return {**data, "ok": self.ok}


def body_text(body_html: str) -> str:
    """The text of a body fragment, whitespace folded (what its length and excerpt are measured on)."""
    if not body_html:
        return ""
    root = Selector(text=xml_safe_markup(body_html) or "<html></html>", type="html").root
    return SPACE_RE.sub(" ", " ".join(root.itertext())).strip()


def failure_reason(failure: Failure) -> tuple[str, int | None]:
    """Why a request failed, in words an operator can act on, and the HTTP status when there was a response."""
    exc = failure.value
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"HTTP {status}", status
    if isinstance(exc, IgnoreRequest):
        # The SSRF guard (ssrf_blocked: …), robots.txt (Forbidden by robots.txt), an offsite or oversized page.
        return f"refused before fetching: {exc}", None
    return f"{type(exc).__name__}: {exc}", None


def _read_article(report: ProbeReport, page: site.ConfiguredPage) -> None:
    text = body_text(page.body_html)
    report.title = page.title or None
    report.date_raw = page.date_raw
    report.body_html = page.body_html
    report.body_html_chars = len(page.body_html)
    report.body_text_chars = len(text)
    report.excerpt = text[:EXCERPT_CHARS]


class _Probe(ConfiguredSpider):
    """What both probe spiders share: the report they fill, and how a failed article is recorded."""

    failed_page = "the article"  # how the report names the page fetched after the list

    def __init__(self, *args: Any, report: ProbeReport, **kw: Any) -> None:
        super().__init__(*args, source=report.source, **kw)
        self.report = report

    def article_failed(self, failure: Failure) -> None:
        """The article (or the feed entry's linked page) could not be fetched: say why."""
        request = getattr(failure, "request", None)
        reason, status = failure_reason(failure)
        self.report.article_url = getattr(request, "url", None)
        self.report.article_status = status
        self.report.problems.append(f"{self.failed_page} {self.report.article_url} could not be fetched: {reason}")


class SiteProbeSpider(_Probe, SiteSpider):
    """The first list page of a site source and its first link, read with the source's selectors."""

    name = "site_probe"

    async def start(self) -> AsyncIterator[Any]:
        self.flush_pending_stats()
        for src in self.sources[:1]:
            self.report.list_url = src.urls[0]
            yield self.list_request(src, src.urls[0], 0)

    async def parse_list(self, response: Response, source_name: str, page: int) -> AsyncIterator[Any]:
        pw_page = response.meta.get("playwright_page")
        if pw_page is not None:
            await pw_page.close()
        src = self.source(source_name)
        report = self.report
        report.list_url, report.list_status = response.url, response.status
        html = self.page_text(response)
        if html is None:
            report.problems.append(
                f"the list page {response.url} is over the parse budget (CARBONWATCH_PARSE_MAX_TAGS)"
            )
            return
        entries = site.list_links(html, response.url, src.list_selector or "a")
        report.links_found = len(entries)
        report.links = [ProbeLink(e.title, e.url) for e in entries[:LINKS_SHOWN]]
        report.next_url = site.next_link(html, response.url, src.next_selector)
        if not entries:
            report.problems.append(
                f"list_selector {src.list_selector!r} matched no links on {response.url}: "
                "fix it in the sources file (compare with the page's markup) and run this again"
            )
            return
        yield scrapy.Request(
            entries[0].url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"source_name": src.name},
            meta=self.request_meta(src),
            dont_filter=True,
        )

    async def list_failed(self, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        pw_page = request.meta.get("playwright_page") if request is not None else None
        if pw_page is not None:
            await pw_page.close()
        reason, status = failure_reason(failure)
        self.report.list_status = status
        self.report.problems.append(f"the list page {getattr(request, 'url', '?')} could not be fetched: {reason}")

    def parse_article(self, response: Response, source_name: str) -> Iterator[Any]:
        """Read the article with the source's selectors (nothing is yielded: nothing is stored)."""
        src = self.source(source_name)
        report = self.report
        report.article_url, report.article_status, report.article_from = response.url, response.status, "page"
        html = self.page_text(response)
        if html is None:
            report.problems.append(f"the article {response.url} is over the parse budget (CARBONWATCH_PARSE_MAX_TAGS)")
            return
        page = site.parse_page(
            html,
            response.url,
            body_selector=src.body_selector or "body",
            title_selector=src.title_selector,
            date_selector=src.date_selector,
        )
        _read_article(report, page)
        if not page.body_html:
            report.problems.append(
                f"body_selector {src.body_selector!r} matched nothing on {response.url}: "
                "a crawl would drop every such page (drop/no_body); fix it in the sources file and run this again"
            )
        yield from ()


class FeedProbeSpider(_Probe, FeedSpider):
    """A feed source's feed and its first entry: the linked page read with ``body_selector`` when it follows links."""

    name = "feed_probe"
    failed_page = "the linked page"

    async def start(self) -> AsyncIterator[Any]:
        self.flush_pending_stats()
        for src in self.sources[:1]:
            self.report.list_url = src.urls[0]
            yield scrapy.Request(
                src.urls[0],
                callback=self.parse_feed,
                errback=self.feed_failed,
                cb_kwargs={"source_name": src.name},
                meta=self.request_meta(src),
                dont_filter=True,
            )

    def feed_failed(self, failure: Failure) -> None:
        """The feed could not be fetched: say why."""
        request = getattr(failure, "request", None)
        reason, status = failure_reason(failure)
        self.report.list_status = status
        self.report.problems.append(f"the feed {getattr(request, 'url', '?')} could not be fetched: {reason}")

    def parse_feed(self, response: Response, source_name: str) -> Iterator[Any]:
        src = self.source(source_name)
        report = self.report
        report.list_url, report.list_status = response.url, response.status
        try:
            entries = parse_feed(response.body, response.url)
        except FeedError as exc:
            report.problems.append(f"{response.url} is not a readable RSS/Atom feed: {exc}")
            return
        linked = [(e, entry_url(e)) for e in entries]
        report.links_found = len(entries)
        report.links = [ProbeLink(e.title, url or "(no link)") for e, url in linked[:LINKS_SHOWN]]
        if not entries:
            report.problems.append(f"the feed {response.url} has no entries")
            return
        first, url = linked[0]
        report.title, report.date_raw = first.title or None, first.published_raw
        if src.follow and url:
            yield scrapy.Request(
                url,
                callback=self.parse_article,
                errback=self.article_failed,
                cb_kwargs={"source_name": src.name},
                meta=self.request_meta(src),
                dont_filter=True,
            )
            return
        report.article_url, report.article_from = url, "feed"
        report.body_html = first.content_html or first.summary_html
        text = body_text(report.body_html)
        report.body_html_chars = len(report.body_html)
        report.body_text_chars = len(text)
        report.excerpt = text[:EXCERPT_CHARS]
        if not text:
            report.problems.append(
                f"the first entry of {response.url} carries no content: set follow = true (and a body_selector) "
                "to read the linked page"
            )

    def parse_article(self, response: Response, source_name: str) -> Iterator[Any]:
        """The linked page read as a followed entry is (``body_selector``, default ``article``)."""
        src = self.source(source_name)
        report = self.report
        report.article_url, report.article_status, report.article_from = response.url, response.status, "page"
        page = site.parse_page(
            response_text(response),
            response.url,
            body_selector=src.body_selector or "article",
            title_selector=src.title_selector,
            date_selector=src.date_selector,
        )
        feed_title, feed_date = report.title, report.date_raw
        _read_article(report, page)
        report.title, report.date_raw = feed_title or report.title, feed_date or report.date_raw
        if not page.body_html:
            report.problems.append(
                f"body_selector {src.body_selector or 'article'!r} matched nothing on {response.url}: "
                "a crawl would keep only the feed's own content; fix it in the sources file and run this again"
            )
        yield from ()


PROBES: dict[str, type[SiteProbeSpider] | type[FeedProbeSpider]] = {"site": SiteProbeSpider, "feed": FeedProbeSpider}
