"""A database that cannot be opened when ``carbonwatch crawl`` starts (issue 15 #6): crawl, spool, record later.

The crawl must still fetch and spool what it finds, exit 4 saying what to do, and once the database is back the
next crawl records the first run and writes its items, each once.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.urls import canonicalize
from tests.robustness.support import (
    GOOD_LID,
    cli_crawl,
    copy_corpus,
    listed_article_urls,
    recording_server,
    run_rows,
    stored_urls,
)

pytestmark = pytest.mark.timeout(300)


@dataclass
class DownThenBack:
    first: subprocess.CompletedProcess[str]
    spool_after_first: list[str]
    article_hits_first: int
    second: subprocess.CompletedProcess[str]
    spool_after_second: list[str]
    db_url: str


@pytest.fixture(scope="module")
def down_then_back(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DownThenBack]:
    tmp_path = tmp_path_factory.mktemp("dbdown")
    root = copy_corpus(tmp_path)
    db_file = tmp_path / "carbonwatch.db"
    db_file.mkdir()  # a directory where the database file should be: SQLite cannot open it (as a server down)
    db_url = f"sqlite:///{db_file}"
    env = {"CARBONWATCH_DATABASE_URL": db_url}
    with recording_server(root) as server:
        # One try per item: the store's retries and backoff are tested elsewhere; here they only cost time.
        first = cli_crawl(server, tmp_path, env, lids=str(GOOD_LID), settings={"CARBONWATCH_STORE_RETRIES": "1"})
        hits = len([h for h in server.hits if "/doc-i" in h.path])
        spool_after_first = sorted(p.name for p in (tmp_path / "spool").iterdir())
        db_file.rmdir()  # the database is back
        second = cli_crawl(server, tmp_path, env, lids=str(GOOD_LID))
    yield DownThenBack(
        first, spool_after_first, hits, second, sorted(p.name for p in (tmp_path / "spool").iterdir()), db_url
    )


def test_the_crawl_still_fetches_the_articles(down_then_back: DownThenBack) -> None:
    assert down_then_back.article_hits_first == len(listed_article_urls([GOOD_LID]))


def test_it_exits_4_and_says_what_to_do(down_then_back: DownThenBack) -> None:
    first = down_then_back.first
    assert first.returncode == 4, first.stderr[-3000:]
    assert "database unavailable" in first.stderr
    assert "crawled anyway, 3 items spooled" in first.stderr
    assert "next: bring the database back" in first.stderr
    assert "Traceback" not in first.stderr


def test_items_and_the_run_record_wait_in_the_spool(down_then_back: DownThenBack) -> None:
    names = down_then_back.spool_after_first
    assert [n for n in names if n.startswith("spool-")] != []
    assert [n for n in names if n.startswith("run-") and n.endswith(".json")] != []


def test_the_next_crawl_records_the_first_run_and_stores_its_items_once(down_then_back: DownThenBack) -> None:
    assert down_then_back.second.returncode == 0, down_then_back.second.stderr[-3000:]
    runs = sorted(run_rows(down_then_back.db_url), key=lambda r: r["started_at"])
    assert [r["status"] for r in runs] == ["success", "success"]
    assert runs[0]["stats"]["carbonwatch/store/spooled"] == 3
    assert runs[1]["stats"]["carbonwatch/store/runs_recorded"] == 1
    assert runs[0]["started_at"] < runs[0]["finished_at"] <= runs[1]["started_at"]
    assert stored_urls(down_then_back.db_url) == {canonicalize(u) for u in listed_article_urls([GOOD_LID])}
    assert down_then_back.spool_after_second == []


def test_the_replayed_items_belong_to_the_run_that_fetched_them(down_then_back: DownThenBack) -> None:
    from sqlalchemy import text

    from tests.robustness.support import engine_for

    with engine_for(down_then_back.db_url) as engine, engine.connect() as conn:
        run_ids = set(conn.execute(text("SELECT DISTINCT run_id FROM articles")).scalars())
    first = min(run_rows(down_then_back.db_url), key=lambda r: r["started_at"])
    assert run_ids == {first["id"]}


def test_a_database_url_naming_no_driver_still_stops_the_crawl_at_once(tmp_path: Path) -> None:
    # A configuration mistake is not an outage: nothing is fetched, exit 2 (only an unreachable database is crawled on).
    root = copy_corpus(tmp_path)
    with recording_server(root) as server:
        proc = cli_crawl(server, tmp_path, {"CARBONWATCH_DATABASE_URL": "mysql://cw@127.0.0.1/cw"}, lids=str(GOOD_LID))
        hits = list(server.hits)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "no driver for the 'mysql' backend" in proc.stderr
    assert hits == []
    assert list((tmp_path / "spool").glob("*.json*")) == []  # nothing spooled (the folder holds the source lock)


def test_a_database_of_a_newer_version_stops_the_crawl_with_the_migration_line(tmp_path: Path) -> None:
    # Said as every command says it (issue 15 #14), not as "crawl runner failed"; nothing is fetched.
    import sqlite3

    from storage.db import open_store

    db_file = tmp_path / "newer.db"
    engine, _ = open_store(f"sqlite:///{db_file}")
    engine.dispose()
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    root = copy_corpus(tmp_path)
    with recording_server(root) as server:
        proc = cli_crawl(server, tmp_path, {"CARBONWATCH_DATABASE_URL": f"sqlite:///{db_file}"}, lids=str(GOOD_LID))
        hits = list(server.hits)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines()[-1] == (
        f"carbonwatch crawl: schema migration on sqlite:///{db_file}: "
        "Can't locate revision identified by '9999_from_the_future'"
    )
    assert hits == []
