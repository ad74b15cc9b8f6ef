"""Run-record fields from a crawl's final stats (pure), and the progress line."""

from __future__ import annotations

from typing import Any

from crawler.extensions import progress_line, summarise_stats

STATS: dict[str, Any] = {
    "downloader/request_count": 12,
    "downloader/response_status_count/200": 10,
    "downloader/response_status_count/404": 1,
    "carbonwatch/items/new": 6,
    "carbonwatch/items/duplicate": 2,
    "carbonwatch/drop/empty_body": 1,
    "carbonwatch/drop/roll_not_json": 1,
    "item_dropped_reasons_count/DropItem": 1,
    "carbonwatch/errors/http_404": 1,
    "carbonwatch/flags/raised": 3,
    "response_received_count": 11,
}


def test_counts_are_copied() -> None:
    out = summarise_stats(STATS, "finished")
    assert (out.items_new, out.items_duplicate, out.flags_raised, out.requests) == (6, 2, 3, 12)
    assert out.responses == {"200": 10, "404": 1}


def test_drops_by_reason_without_double_counting_dropitem() -> None:
    out = summarise_stats(STATS, "finished")
    assert out.dropped == {"empty_body": 1, "roll_not_json": 1}


def test_a_404_is_an_error_but_not_a_failure() -> None:
    out = summarise_stats(STATS, "finished")
    assert out.status == "success"
    assert {"kind": "http_404", "count": 1} in out.errors


def test_logged_errors_fail_the_run() -> None:
    assert summarise_stats({**STATS, "log_count/ERROR": 1}, "finished").status == "failed"


def test_retry_give_ups_are_not_counted_twice() -> None:
    stats = {**STATS, "log_count/ERROR": 1, "retry/max_reached": 1}
    assert summarise_stats(stats, "finished").status == "success"


def test_no_page_at_all_is_a_failure() -> None:
    stats = {"downloader/request_count": 3, "carbonwatch/errors/connection_refused": 3}
    assert summarise_stats(stats, "finished").status == "failed"


def test_finish_reasons_map_to_statuses() -> None:
    assert summarise_stats(STATS, "closespider_timeout").status == "timeout"
    assert summarise_stats(STATS, "shutdown").status == "interrupted"
    assert summarise_stats(STATS, "cancelled").status == "failed"


def test_spider_error_messages_are_kept_but_capped() -> None:
    messages = [{"kind": "spider_error", "message": f"boom {i}"} for i in range(50)]
    out = summarise_stats(STATS, "finished", messages)
    assert sum(1 for e in out.errors if e["kind"] == "spider_error") == 20


def test_progress_line() -> None:
    line = progress_line(STATS, "sina_finance")
    assert line.startswith("sina_finance: 11 pages, 6 new, 0 revised, 2 duplicate")
    assert "2 dropped, 1 errors" in line
