"""Items kept in the spool show in the crawl summary, `runs` and the run record (issue 15 #14)."""

from __future__ import annotations

import pytest

from carbonwatch.cli.crawl import print_summary
from carbonwatch.crawlrun import RunSummary, SpiderSummary
from storage.models import CrawlRun
from storage.runs import run_record


def test_the_run_record_counts_the_spooled_items() -> None:
    run = CrawlRun(id=1, source="ndrc", trigger="cron", status="success", stats={"carbonwatch/store/spooled": 3})
    assert run_record(run)["items_spooled"] == 3


def test_a_run_that_spooled_nothing_counts_zero() -> None:
    assert run_record(CrawlRun(id=2, source="ndrc", trigger="cron", status="success", stats={}))["items_spooled"] == 0


def test_the_crawl_summary_says_where_the_missing_items_are(capsys: pytest.CaptureFixture[str]) -> None:
    print_summary(RunSummary([SpiderSummary("ndrc", 7, "success", new=1, spooled=4)]))
    assert "ndrc: 4 items spooled (database unavailable); the next crawl stores them" in capsys.readouterr().out


def test_the_crawl_summary_is_silent_about_an_empty_spool(capsys: pytest.CaptureFixture[str]) -> None:
    print_summary(RunSummary([SpiderSummary("ndrc", 7, "success", new=5)]))
    assert "spooled" not in capsys.readouterr().out
