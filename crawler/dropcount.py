"""Scrapy's own silent drops, counted: a redirect chain past ``REDIRECT_MAX_TIMES``, a body past the size limit.

Scrapy drops both with an ``IgnoreRequest`` (the first logged at DEBUG only) and counts neither, so a site that
redirects endlessly or serves decompression bombs went unseen in the run record (issue 15 #14). These subclasses
take the places of Scrapy's middlewares and count ``carbonwatch/drop/redirect_limit`` and
``carbonwatch/drop/decompressed_too_large`` with a WARNING each; what the middlewares do is unchanged.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest

logger = logging.getLogger(__name__)

REDIRECT_LIMIT_MESSAGE = "max redirections reached"  # Scrapy's IgnoreRequest text for a chain past the limit


def _arguments(request: Any, response: Any, spider: Any) -> tuple[Any, ...]:
    """What to hand Scrapy's own ``process_response``: the spider only where the engine gave one. Scrapy 2.13 passes
    it; 2.19 passes none to a method that does not require it and warns (ScrapyDeprecationWarning, in every crawl's
    log) when one is passed on, even None."""
    return (request, response) if spider is None else (request, response, spider)


class CountedRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirect middleware; a chain past ``REDIRECT_MAX_TIMES`` is a counted drop."""

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        try:
            return super().process_response(*_arguments(request, response, spider))
        except IgnoreRequest as exc:
            if REDIRECT_LIMIT_MESSAGE in str(exc):
                self.crawler.stats.inc_value("carbonwatch/drop/redirect_limit")
                first = (request.meta.get("redirect_urls") or [request.url])[0]
                logger.warning(
                    "request dropped (redirect_limit): %s redirected more than %d times", first, self.max_redirect_times
                )
            raise


class CountedHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression; a body over ``DOWNLOAD_MAXSIZE`` once decompressed is a counted drop."""

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        try:
            return super().process_response(*_arguments(request, response, spider))
        except IgnoreRequest:
            # Scrapy has logged its own WARNING with the sizes; the count makes it reach the run record.
            if self.stats is not None:
                self.stats.inc_value("carbonwatch/drop/decompressed_too_large")
            raise
