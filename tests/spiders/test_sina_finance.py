"""Sina Finance spider through the real Scrapy engine against tests/fixtures/sina_finance/site (no network)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from carbonwatch.devserver import serve
from crawler.spiders.sina_finance import header_charset, parse_int_list, roll_url
from storage.db import open_store
from storage.models import Article, CrawlRun
from tests.helpers import FIXTURES, CrawlResult, crawl

SITE = FIXTURES / "sina_finance" / "site"
SEED_URL = "https://finance.sina.com.cn/2021-11-16/doc-iyplvmwel4581870.shtml"
SEED_TITLE = "发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成"
PBOC_TITLE = "央行推出碳减排支持工具"


def _rows(db_url: str, model: Any) -> list[Any]:
    engine, sessions = open_store(db_url)
    try:
        with sessions() as session:
            return list(session.scalars(select(model)).all())
    finally:
        engine.dispose()


class Run:
    """One crawl of the fixture site: its result, the paths the server saw, and the stored rows."""

    def __init__(self, result: CrawlResult, requests: list[str], db_url: str) -> None:
        self.result = result
        self.requests = requests
        self.articles = {a.canonical_url: a for a in _rows(db_url, Article)}
        self.runs = _rows(db_url, CrawlRun)


def _crawl(tmp: Path, lids: str) -> Run:
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    with serve(SITE) as server:
        result = crawl(
            "sina_finance",
            tmp_path=tmp,
            db_url=db_url,
            host_map=server.host_map(),
            spider_args={"lids": lids, "max_pages": "5"},
        )
        requests = list(server.requests)
    return Run(result, requests, db_url)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _crawl(tmp_path_factory.mktemp("sina_good"), "1686")


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _crawl(tmp_path_factory.mktemp("sina_bad"), "9001,9002,9003,9004,9005")


def test_roll_url_has_no_cache_busters() -> None:
    url = roll_url(1686, 2, 50)
    assert url == "https://feed.mix.sina.com.cn/api/roll/get?pageid=155&lid=1686&k=&num=50&page=2"
    assert "&r=" not in url and "&_=" not in url


@pytest.mark.parametrize(
    ("raw", "expected"), [("1686,1689", [1686, 1689]), ([1686], [1686]), ("", []), (" 1689 , ", [1689])]
)
def test_parse_int_list(raw: Any, expected: list[int]) -> None:
    assert parse_int_list(raw) == expected


def test_header_charset() -> None:
    assert header_charset(b"text/html; charset=GBK") == "GBK"
    assert header_charset("text/html") is None


def test_good_crawl_finishes(good: Run) -> None:
    assert good.result.returncode == 0, good.result.log[-2000:]
    assert good.result.stats["finish_reason"] == "finished"


def test_every_listed_article_is_stored(good: Run) -> None:
    assert len(good.articles) == 4
    assert good.result.stat("carbonwatch/items/new") == 4


def test_titles_are_stored_without_site_suffix(good: Run) -> None:
    titles = {a.title for a in good.articles.values()}
    assert SEED_TITLE in titles
    assert PBOC_TITLE in titles
    assert not any("新浪财经" in t for t in titles)


def test_editor_is_a_field_not_body_text(good: Run) -> None:
    seed = good.articles[SEED_URL]
    assert seed.editor == "李昂"
    assert "责任编辑" not in seed.text


def test_canonical_urls_are_sina_document_urls(good: Run) -> None:
    assert SEED_URL in good.articles
    assert all(u.startswith("https://finance.sina.com.cn/") and u.endswith(".shtml") for u in good.articles)
    assert good.articles[SEED_URL].doc_id == "iyplvmwel4581870"


def test_publication_date_comes_from_the_page(good: Run) -> None:
    published = good.articles[SEED_URL].published_at
    assert published is not None
    assert published.astimezone(UTC) == datetime(2021, 11, 16, 3, 43, 46, tzinfo=UTC)


def test_paging_stops_after_the_empty_page(good: Run) -> None:
    roll = [p for p in good.requests if "/api/roll/get" in p]
    assert [p.rsplit("page=", 1)[1] for p in roll] == ["1", "2", "3"]


def test_run_record_is_written(good: Run) -> None:
    assert len(good.runs) == 1
    run = good.runs[0]
    assert run.status == "success"
    assert run.source == "sina_finance"
    assert run.trigger == "manual"
    assert run.items_new == 4
    assert run.responses.get("200", 0) >= 7
    assert run.finished_at is not None


def test_bad_crawl_still_finishes(bad: Run) -> None:
    assert bad.result.returncode == 0, bad.result.log[-2000:]
    assert bad.result.stats["finish_reason"] == "finished"


@pytest.mark.parametrize("reason", ["roll_not_json", "roll_truncated", "roll_status_error", "article_not_text"])
def test_bad_input_is_counted_as_a_drop(bad: Run, reason: str) -> None:
    assert bad.result.stat(f"carbonwatch/drop/{reason}") == 1


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors_are_counted(bad: Run, status: int) -> None:
    assert bad.result.stat(f"carbonwatch/errors/http_{status}") == 1


def test_retry_after_is_waited_out_then_given_up(bad: Run) -> None:
    assert bad.result.stat("carbonwatch/retry_after/waited") == 2  # Retry-After: 0, CARBONWATCH_RETRY_AFTER_TIMES
    assert bad.result.stat("carbonwatch/errors/retry_after_exceeded") == 2  # that one, and the hour-long wait
    assert bad.result.stat("carbonwatch/errors/http_429") == 2


def test_retry_after_beyond_the_cap_is_not_retried(bad: Run) -> None:
    # Retry-After 0: the first try and 2 waited retries; Retry-After 3600: one try only (no blind retries either)
    assert bad.result.stat("downloader/response_status_count/429") == 4


def test_bad_crawl_stores_nothing(bad: Run) -> None:
    assert bad.articles == {}


def test_bad_crawl_record_lists_drops_and_errors(bad: Run) -> None:
    run = bad.runs[0]
    assert run.dropped["roll_not_json"] == 1
    assert {"kind": "http_404", "count": 1} in run.errors
    assert "Traceback" not in bad.result.log


def test_articles_of_a_plain_scrapy_crawl_carry_the_run_id(good: Run) -> None:
    # No runner pre-created the row: the RunRecord extension made it at spider open, the store picked it up.
    (run,) = good.runs
    assert good.articles
    assert {a.run_id for a in good.articles.values()} == {run.id}


def test_unreachable_database_spools_items_and_the_crawl_finishes(tmp_path: Path) -> None:
    # Port 9 (discard) on loopback has nothing listening: every database call fails fast.
    dead_url = "postgresql+psycopg://nobody@127.0.0.1:9/none"
    with serve(SITE) as server:
        result = crawl(
            "sina_finance",
            tmp_path=tmp_path,
            db_url=dead_url,
            host_map=server.host_map(),
            spider_args={"lids": "1686", "max_pages": "1"},
            settings={"CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool"), "CARBONWATCH_STORE_BACKOFF": "0"},
        )
    assert result.stats.get("finish_reason") == "finished"
    assert result.stat("carbonwatch/errors/known_urls") >= 1
    assert result.stat("carbonwatch/store/spooled") >= 1
    assert list((tmp_path / "spool").glob("spool-*.jsonl"))
