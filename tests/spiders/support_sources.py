"""Helpers shared by the policy-source spider tests: one isolated crawl whose items are exported as JSON lines."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carbonwatch.devserver import serve
from tests.helpers import FIXTURES, CrawlResult, crawl


@dataclass
class SpiderRun:
    """A finished crawl: its stats, the exported items and the paths the snapshot server answered."""

    result: CrawlResult
    items: list[dict[str, Any]]
    requests: list[str]

    def item(self, url_fragment: str) -> dict[str, Any]:
        """The one exported item whose URL contains ``url_fragment``."""
        found = [i for i in self.items if url_fragment in i["url"]]
        assert len(found) == 1, f"{len(found)} items match {url_fragment}"
        return found[0]


def run_isolated(
    spider: str,
    tmp_path: Path,
    *,
    root: Path | None = None,
    spider_args: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
) -> SpiderRun:
    """Crawl ``spider`` against ``tests/fixtures/<spider>`` with no item pipelines; items go to a JSON-lines feed.

    Spider behaviour (routing, paging, parsing, decoding) is tested here apart from the pipelines, which have
    their own tests; the end-to-end tests run the full chain into SQLite.
    """
    out = tmp_path / f"items-{spider}.jsonl"
    with serve(root or FIXTURES / spider) as server:
        result = crawl(
            spider,
            tmp_path=tmp_path,
            db_url=f"sqlite:///{tmp_path / 'isolated.db'}",
            host_map=server.host_map(),
            spider_args=spider_args,
            settings={
                "ITEM_PIPELINES": {},
                "FEEDS": {str(out): {"format": "jsonlines", "overwrite": True}},
                **(settings or {}),
            },
        )
        requests = list(server.requests)
    items = [json.loads(line) for line in out.read_text("utf-8").splitlines()] if out.exists() else []
    return SpiderRun(result, items, requests)
