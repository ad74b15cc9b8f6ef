"""Run records of crashed crawls: stale ``running`` rows are settled, and a dead database never fails the crawl."""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker

from crawler.extensions import HOST_STAT, RunRecord, interrupt_stale_runs, pid_alive
from storage.db import open_store
from storage.models import CrawlRun

NOW = datetime(2026, 1, 3, 4, 5, tzinfo=UTC)
HOST = "crawler-1"
LIVE = {1001}


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine, factory = open_store(f"sqlite:///{tmp_path / 'runs.db'}")
    yield factory
    engine.dispose()


def add_run(factory: sessionmaker[Session], **fields: Any) -> int:
    values: dict[str, Any] = {
        "source": "sina_finance",
        "trigger": "manual",
        "status": "running",
        "started_at": NOW,
        "pid": 2002,
        "stats": {HOST_STAT: HOST},
    }
    values.update(fields)
    with factory.begin() as session:
        row = CrawlRun(**values)
        session.add(row)
        session.flush()
        return row.id


def settle(factory: sessionmaker[Session], exclude_id: int | None = None) -> list[int]:
    with factory.begin() as session:
        return interrupt_stale_runs(
            session, "sina_finance", host=HOST, now=NOW, exclude_id=exclude_id, alive=lambda pid: pid in LIVE
        )


def status_of(factory: sessionmaker[Session], run_id: int) -> str:
    with factory() as session:
        return session.scalars(select(CrawlRun.status).where(CrawlRun.id == run_id)).one()


def test_a_dead_process_running_row_is_marked_interrupted(sessions: sessionmaker[Session]) -> None:
    run_id = add_run(sessions)
    assert settle(sessions) == [run_id]
    with sessions() as session:
        row = session.get(CrawlRun, run_id)
        assert row is not None
        assert (row.status, row.finished_at is not None) == ("interrupted", True)
        assert [e["kind"] for e in row.errors] == ["stale_run"]


def test_a_live_process_keeps_its_running_row(sessions: sessionmaker[Session]) -> None:
    run_id = add_run(sessions, pid=1001)
    assert settle(sessions) == []
    assert status_of(sessions, run_id) == "running"


def test_a_row_of_another_host_is_not_judged(sessions: sessionmaker[Session]) -> None:
    run_id = add_run(sessions, stats={HOST_STAT: "crawler-2"})
    assert settle(sessions) == []
    assert status_of(sessions, run_id) == "running"


def test_a_row_without_a_host_is_not_judged(sessions: sessionmaker[Session]) -> None:
    run_id = add_run(sessions, stats={})
    assert settle(sessions) == []
    assert status_of(sessions, run_id) == "running"


def test_daemon_rows_are_left_to_the_daemon(sessions: sessionmaker[Session]) -> None:
    run_id = add_run(sessions, trigger="daemon")
    assert settle(sessions) == []
    assert status_of(sessions, run_id) == "running"


def test_a_row_without_a_pid_is_not_touched(sessions: sessionmaker[Session]) -> None:
    run_id = add_run(sessions, pid=None)
    assert settle(sessions) == []
    assert status_of(sessions, run_id) == "running"


def test_other_sources_and_finished_rows_are_not_touched(sessions: sessionmaker[Session]) -> None:
    other = add_run(sessions, source="ndrc")
    done = add_run(sessions, status="success")
    assert settle(sessions) == []
    assert (status_of(sessions, other), status_of(sessions, done)) == ("running", "success")


def test_the_current_run_is_never_its_own_stale_run(sessions: sessionmaker[Session]) -> None:
    run_id = add_run(sessions)
    assert settle(sessions, exclude_id=run_id) == []
    assert status_of(sessions, run_id) == "running"


def test_pid_alive_tells_this_process_from_a_free_pid() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(2**22 + 12345)  # above Linux's pid_max ceiling: never a process


class NamedSpider(Spider):
    name = "sina_finance"


def record_for(db_url: str) -> tuple[RunRecord, Any]:
    spool_dir = Path(db_url.removeprefix("sqlite:///")).parent / "spool"
    crawler = get_crawler(NamedSpider, {"CARBONWATCH_DATABASE_URL": db_url, "CARBONWATCH_SPOOL_DIR": str(spool_dir)})
    crawler.stats.open_spider()
    return RunRecord(crawler), crawler


def unreachable() -> sessionmaker[Session]:
    return sessionmaker(create_engine("sqlite:////proc/no-such-dir/runs.db"))


def test_a_database_down_at_close_is_a_warning_not_an_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    record, crawler = record_for(f"sqlite:///{tmp_path / 'runs.db'}")
    record.spider_opened(NamedSpider())
    crawler._carbonwatch_sessions = unreachable()
    with caplog.at_level(logging.WARNING, logger="crawler.extensions"):
        record.spider_closed(NamedSpider(), "finished")
    assert record.outcome is not None
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "cannot complete crawl run" in caplog.text
    # The record waits in the spool for the next crawl (issue 15 #6), and the warning says where.
    assert record.recorded is False
    assert record.pending_path is not None and record.pending_path.parent == tmp_path / "spool"
    assert str(record.pending_path) in caplog.text


def test_a_run_kept_while_the_database_was_down_is_recorded_by_the_next_crawl(tmp_path: Path) -> None:
    from storage.runs import record_pending_run

    record, crawler = record_for(f"sqlite:///{tmp_path / 'runs.db'}")
    crawler._carbonwatch_sessions = unreachable()
    record.spider_opened(NamedSpider())
    record.spider_closed(NamedSpider(), "finished")
    assert record.pending_path is not None
    kept = json.loads(record.pending_path.read_text("utf-8"))
    sessions = open_store(f"sqlite:///{tmp_path / 'runs.db'}")[1]
    with sessions.begin() as session:
        run_id = record_pending_run(session, kept)
    with sessions() as session:
        row = session.get(CrawlRun, run_id)
        assert row is not None
        assert (row.source, row.status, row.exit_code) == ("sina_finance", "success", 0)
        assert row.finished_at is not None and row.started_at <= row.finished_at


def test_a_database_down_at_open_lets_the_crawl_go_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    record, crawler = record_for(f"sqlite:///{tmp_path / 'runs.db'}")
    crawler._carbonwatch_sessions = unreachable()
    with caplog.at_level(logging.WARNING, logger="crawler.extensions"):
        record.spider_opened(NamedSpider())
    assert record.run_id is None
    assert "cannot record crawl run" in caplog.text
    assert "ERROR" not in {r.levelname for r in caplog.records}


def test_a_new_run_settles_the_stale_run_of_its_source(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'runs.db'}"
    record, crawler = record_for(db_url)
    crawler._carbonwatch_sessions = open_store(db_url)[1]
    stale = add_run(crawler._carbonwatch_sessions, pid=2**22 + 12345, stats={HOST_STAT: socket.gethostname()})
    record.spider_opened(NamedSpider())
    assert status_of(crawler._carbonwatch_sessions, stale) == "interrupted"
    assert status_of(crawler._carbonwatch_sessions, record.run_id or 0) == "running"
