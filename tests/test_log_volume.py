"""A run's log stays small however many items are dropped (issue 15 #14: a 100k-entry feed wrote an 85 MB log)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from carbonwatch.config import Config
from carbonwatch.logsetup import REPEAT_LIMIT, run_logging
from crawler.items import ArticleItem
from crawler.logformat import CompactLogFormatter

BODY = "正文" * 5000


def formatted_drop() -> str:
    crawler = get_crawler(Spider)
    spider = Spider.from_crawler(crawler, name="feed")
    item = ArticleItem(url="https://a.example/1", source="feed", title="t", text=BODY, html=f"<p>{BODY}</p>")
    result = CompactLogFormatter().dropped(item, DropItem("not_web_url: javascript:void(0)"), None, spider)
    return str(result["msg"]) % result["args"]


def test_a_dropped_item_is_logged_by_reason_and_url() -> None:
    line = formatted_drop()
    assert line == "Dropped: not_web_url: javascript:void(0) (https://a.example/1)"


def test_a_dropped_item_line_carries_none_of_its_text() -> None:
    assert "正文" not in formatted_drop()


def test_the_project_uses_the_compact_formatter() -> None:
    from scrapy.utils.project import get_project_settings

    assert get_project_settings()["LOG_FORMATTER"] == "crawler.logformat.CompactLogFormatter"


def test_a_run_log_keeps_a_bounded_number_of_lines_of_one_kind(tmp_path: Path) -> None:
    config = replace(Config(), log_dir=tmp_path)
    log = logging.getLogger("tests.volume")
    with run_logging(config, "feed", 7) as handler:
        for n in range(REPEAT_LIMIT * 5):
            log.warning("feed: dropped %s (not_web_url)", f"entry {n}")
        log.warning("another kind of line")
        log.error("an error is never left out")
    lines = Path(handler.path).read_text("utf-8").splitlines()
    dropped = [line for line in lines if "feed: dropped" in line]
    assert len(dropped) == REPEAT_LIMIT + 1
    assert "the rest are left out, see the stats" in dropped[-1]
    assert "the rest are left out" not in dropped[-2]
    assert any("another kind of line" in line for line in lines)
    assert any("an error is never left out" in line for line in lines)


def test_debug_lines_asked_for_are_all_kept(tmp_path: Path) -> None:
    config = replace(Config(), log_dir=tmp_path, log_level="DEBUG")
    log = logging.getLogger("tests.volume.debug")
    with run_logging(config, "feed", 8) as handler:
        for n in range(REPEAT_LIMIT + 50):
            log.debug("Crawled (200) %s", f"page {n}")
    lines = Path(handler.path).read_text("utf-8").splitlines()
    assert len([line for line in lines if "Crawled (200)" in line]) == REPEAT_LIMIT + 50
