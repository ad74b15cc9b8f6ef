"""Scrapy extensions: the stats file that tests and the crawl runner read when a crawl ends."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


def jsonable_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """Stats with datetimes and other objects turned into strings, so they serialise to JSON."""
    return {k: v if isinstance(v, int | float | str | bool) or v is None else str(v) for k, v in stats.items()}


class StatsFile:
    """Writes the crawl's final stats as JSON to ``CARBONWATCH_STATS_FILE`` when the spider closes."""

    def __init__(self, crawler: Any, path: Path) -> None:
        self.crawler = crawler
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Any) -> StatsFile:
        path = crawler.settings.get("CARBONWATCH_STATS_FILE")
        if not path:
            raise NotConfigured("CARBONWATCH_STATS_FILE not set")
        ext = cls(crawler, Path(path))
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = jsonable_stats(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        self.path.write_text(json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
