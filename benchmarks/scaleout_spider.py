"""The spider of the scale-out benchmark: fetch each host's index, then every page it links to; no items.

Run only by :mod:`benchmarks.scaleout_bench`, as ``scrapy runspider benchmarks/scaleout_spider.py -a hosts=H1,H2``
from the project root (so the project's settings, scrapy-redis scheduler and fleet politeness apply). It is not in
``crawler/spiders`` because it is no source: it measures fetching, so the item pipelines and the run record are off.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

PAGES_STAT = "scaleout_bench/pages"


class ScaleoutBenchSpider(scrapy.Spider):
    """Index pages of every host (fetched by every worker, so a worker that starts late still has work queued)."""

    name = "scaleout_bench"
    custom_settings: dict[str, Any] | None = {  # noqa: RUF012  # Scrapy types it as an instance variable
        "ITEM_PIPELINES": {},
        # Replaces the project's EXTENSIONS: the stats file only (no run record, no progress lines).
        "EXTENSIONS": {"crawler.extensions.StatsFile": 500},
    }

    def __init__(self, *args: Any, hosts: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hosts = [h for h in hosts.split(",") if h]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for host in self.hosts:
            # dont_filter: the shared dupefilter would leave a worker that starts second with an empty queue, and
            # scrapy-redis closes a worker whose queue is empty (the page requests it finds are deduplicated).
            yield scrapy.Request(f"http://{host}/index.html", callback=self.parse_index, dont_filter=True)

    def parse_index(self, response: Response) -> Iterator[scrapy.Request]:
        for n, href in enumerate(response.css("a::attr(href)").getall()):
            # Breadth across hosts: scrapy-redis pops by priority, then by the serialised request, so without this
            # a worker would take all of one host's pages first and wait out that host's delay between them.
            yield response.follow(href, callback=self.parse_page, priority=-n)

    def parse_page(self, response: Response) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(PAGES_STAT)
