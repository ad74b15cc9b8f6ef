"""Site spider: configured ``site`` sources — a list page, CSS selectors for links and fields, optional rendering.

Run: ``scrapy crawl site`` (all enabled site sources) or ``scrapy crawl site -a source=NAME``. A source with
``render = true`` has its list pages rendered by Chromium through scrapy-playwright (lists built by JavaScript,
such as Sina's roll page); its detail pages are plain requests. Playwright's download handler is installed only
when a rendered source is in the crawl, and only when the browser exists: otherwise the rendered sources are
skipped with an error naming the fix (``apt-get install -y chromium``) and the other sources still run.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, ClassVar

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.conditional import CONDITIONAL, not_modified
from crawler.items import ArticleItem
from crawler.parsers import site
from crawler.parsers.govmeta import ListEntry
from crawler.sources import Source
from crawler.spiderbase import ConfiguredSpider
from crawler.urls import canonicalize, sina_doc_id, trs_doc_id

logger = logging.getLogger(__name__)

PLAYWRIGHT_HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
PSEUDO_RE = re.compile(r"::(?:text|attr\([^)]*\))")
INSTALL_HINT = "apt-get install -y chromium"


def browser_problem(executable: str | None) -> str | None:
    """Why Chromium cannot be launched from ``executable``, or None when it looks usable."""
    if not executable:
        return "PLAYWRIGHT_LAUNCH_OPTIONS has no executable_path"
    path = Path(executable)
    if not path.is_file():
        return f"no browser at {executable}"
    if not os.access(path, os.X_OK):
        return f"{executable} is not executable"
    return None


def wait_selector(src: Source) -> str:
    """The CSS Playwright waits for before the rendered list is read (pseudo-elements are Scrapy-only)."""
    return PSEUDO_RE.sub("", src.wait_selector or src.list_selector or "body").strip() or "body"


class SiteSpider(ConfiguredSpider):
    """Configured list sites, static or rendered; incremental through the stored canonical URLs."""

    name = "site"
    source_kind: ClassVar[str] = "site"
    restrict_domains: ClassVar[bool] = True

    def configure(self, crawler: Any) -> None:
        rendered = [s for s in self.sources if s.render]
        if not rendered:
            return
        options = crawler.settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")
        problem = browser_problem(options.get("executable_path"))
        if problem:
            names = ", ".join(s.name for s in rendered)
            logger.error("site: cannot render %s: %s. Install Chromium with: %s", names, problem, INSTALL_HINT)
            self._pending_stats["render_unavailable"] = len(rendered)
            self.sources = [s for s in self.sources if not s.render]
            return
        if crawler.settings.get("CARBONWATCH_HOST_MAP") not in (None, "", "{}", {}):
            logger.warning("site: rendering replaces the host-mapping handler; mapped hosts are fetched directly")
        handlers = {"http": PLAYWRIGHT_HANDLER, "https": PLAYWRIGHT_HANDLER}
        crawler.settings.set("DOWNLOAD_HANDLERS", handlers, priority="spider")
        if crawler.settings.getbool("CARBONWATCH_SSRF_GUARD", True):
            # Chromium fetches a page's scripts, frames and XHR itself: each is checked as the crawler's own are.
            from crawler.renderguard import RenderGuard

            guard = RenderGuard.from_crawler(crawler)
            crawler.settings.set("PLAYWRIGHT_ABORT_REQUEST", guard, priority="spider")

    def list_request(self, src: Source, url: str, page: int) -> scrapy.Request:
        """A list page request; rendered sources get a Playwright page that the callback/errback closes."""
        meta = self.request_meta(src)
        if not src.render:
            meta[CONDITIONAL] = True  # a 304 (unchanged list) skips parsing; a rendered page is never one
        if src.render:
            from scrapy_playwright.page import PageMethod

            meta.update(
                playwright=True,
                playwright_include_page=True,
                playwright_page_methods=[PageMethod("wait_for_selector", wait_selector(src), timeout=15_000)],
            )
        return scrapy.Request(
            url,
            callback=self.parse_list,
            errback=self.list_failed,
            cb_kwargs={"source_name": src.name, "page": page},
            meta=meta,
            dont_filter=page == 0,
        )

    async def start(self) -> AsyncIterator[Any]:
        self.flush_pending_stats()
        for src in self.sources:
            for url in src.urls:
                yield self.list_request(src, url, 0)

    async def parse_list(self, response: Response, source_name: str, page: int) -> AsyncIterator[Any]:
        """Close the rendered page, then request unknown detail pages and, while there were any, the next list."""
        pw_page = response.meta.get("playwright_page")
        if pw_page is not None:
            await pw_page.close()
            self.stat("rendered_pages")
        src = self.source(source_name)
        self.stat("list_pages")
        if not_modified(response):
            self.stat("list_unchanged")
            return
        html = self.page_text(response)
        if html is None:
            return
        entries = site.list_links(html, response.url, src.list_selector or "a")
        if not entries:
            self.layout_error("empty_list", response.url, f"source {src.name}: no links matched {src.list_selector!r}")
            return
        fresh = self.fresh_entries(entries)
        for entry in fresh:
            yield scrapy.Request(
                entry.url,
                callback=self.parse_detail,
                errback=self.on_error,
                cb_kwargs={"source_name": src.name, "entry": entry, "list_url": response.url},
                meta=self.request_meta(src),
            )
        nxt = site.next_link(html, response.url, src.next_selector)
        if fresh and nxt and page + 1 < src.max_pages:
            yield self.list_request(src, nxt, page + 1)

    async def list_failed(self, failure: Failure) -> None:
        """Close the Playwright page of a failed rendered request too (pages are a bounded pool)."""
        request = getattr(failure, "request", None)
        pw_page = request.meta.get("playwright_page") if request is not None else None
        if pw_page is not None:
            await pw_page.close()
        self.on_error(failure)

    def parse_detail(self, response: Response, source_name: str, entry: ListEntry, list_url: str) -> Iterator[Any]:
        """A detail page read with the source's selectors."""
        src = self.source(source_name)
        html = self.page_text(response)
        if html is None:
            return
        page = site.parse_page(
            html,
            response.url,
            body_selector=src.body_selector or "body",
            title_selector=src.title_selector,
            date_selector=src.date_selector,
        )
        if not page.body_html:
            self.layout_drop("no_body", response.url, f"source {src.name}: {src.body_selector!r} matched nothing")
            return
        self.stat("documents")
        yield ArticleItem(
            url=response.url,
            source=src.name,
            title=page.title or entry.title,
            body_html=page.body_html,
            canonical_url=canonicalize(response.url),
            published_raw=page.date_raw,
            doc_id=sina_doc_id(response.url) or trs_doc_id(response.url),
            meta=dict(src.extra_meta),
            list_meta={"list": list_url, "title": entry.title},
        )
