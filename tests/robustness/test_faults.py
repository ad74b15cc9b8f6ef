"""Faults mid-run: database locked or unreachable, crawl killed with SIGKILL, log directory unusable.

The invariant everywhere: once the fault is gone and a crawl has run again, every article the roll API listed is
stored exactly once (as an article or a duplicate link), and no row is partial.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from crawler.urls import canonicalize
from tests.helpers import PROJECT_ROOT, CrawlResult
from tests.robustness.support import (
    GOOD_LID,
    RecordingServer,
    TcpProxy,
    article_hit_counter,
    article_rows,
    cli_crawl,
    copy_corpus,
    duplicate_rows,
    engine_for,
    listed_article_urls,
    point_at_server,
    recording_server,
    run_rows,
    run_sina,
    sina_command,
    slow_down,
    stored_urls,
)

pytestmark = pytest.mark.timeout(300)

# Roll lids whose articles all parse: 3 good pages, the recoverable bad pages, missing-field roll, hostile page.
STORABLE_LIDS = [GOOD_LID, 9101, 9102, 9103, 9104, 9105, 9204, 9301]


EXPECTED = {canonicalize(u) for u in listed_article_urls(STORABLE_LIDS)}


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, RecordingServer]]:
    root = copy_corpus(tmp_path)
    with recording_server(root) as server:
        point_at_server(root, server)
        yield root, server


def assert_all_stored_once_and_whole(db_url: str) -> None:
    articles, dups = article_rows(db_url), duplicate_rows(db_url)
    assert set(articles) & set(dups) == set()
    assert set(articles) | set(dups) == EXPECTED
    assert [u for u, r in articles.items() if not (r["title"] and r["text"] and r["content_hash"])] == []
    assert [u for u, d in dups.items() if d["original_id"] not in {r["id"] for r in articles.values()}] == []
    with engine_for(db_url) as engine, engine.connect() as conn:
        orphans = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM fingerprints WHERE article_id NOT IN (SELECT id FROM articles))"
                " + (SELECT count(*) FROM lsh_bands WHERE article_id NOT IN (SELECT id FROM articles))"
            )
        ).scalar_one()
    assert orphans == 0


# -- (a) database locked / unreachable ------------------------------------------------------------------------


def test_sqlite_locked_mid_run_loses_nothing(site: tuple[Path, RecordingServer], tmp_path: Path) -> None:
    root, server = site
    db_file = tmp_path / "carbonwatch.db"
    db_url = f"sqlite:///{db_file}"
    slow_down(root, listed_article_urls(STORABLE_LIDS), 0.3)
    held = threading.Event()
    stored_when_locked: list[int] = []

    def lock_for_three_seconds() -> None:
        def hold() -> None:
            conn = sqlite3.connect(db_file, timeout=30, isolation_level=None)
            conn.execute("BEGIN EXCLUSIVE")
            stored_when_locked.append(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            held.set()
            time.sleep(3)
            conn.execute("COMMIT")
            conn.close()

        threading.Thread(target=hold, daemon=True).start()

    article_hit_counter(server, 3, lock_for_three_seconds)
    result = run_sina(server, tmp_path, db_url, STORABLE_LIDS)
    assert held.is_set()  # the lock really was taken mid-run, with articles still to write
    assert stored_when_locked[0] < len(EXPECTED)
    assert result.returncode == 0
    if result.stat("carbonwatch/store/spooled"):
        run_sina(server, tmp_path, db_url, STORABLE_LIDS)  # the spool is replayed by the next run
    assert_all_stored_once_and_whole(db_url)


@pytest.mark.postgres
def test_postgres_unreachable_mid_run_spools_then_next_run_stores_everything_once(
    site: tuple[Path, RecordingServer], tmp_path: Path, pg_url: str
) -> None:
    root, server = site
    url = make_url(pg_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    slow_down(root, listed_article_urls(STORABLE_LIDS), 0.5)
    article_hit_counter(server, 6, proxy.cut)
    first = run_sina(
        server,
        tmp_path,
        proxied,
        STORABLE_LIDS,
        settings={"CARBONWATCH_STORE_RETRIES": "2", "CARBONWATCH_STORE_BACKOFF": "0.1"},
    )
    assert proxy.cut_done.is_set()
    assert first.returncode == 0, first.log[-3000:]
    assert first.stat("carbonwatch/store/spooled") >= 1
    assert any((tmp_path / "spool").rglob("*"))
    server.on_hit = None
    second = run_sina(server, tmp_path, pg_url, STORABLE_LIDS)
    assert second.returncode == 0, second.log[-3000:]
    assert_all_stored_once_and_whole(pg_url)


# -- (b) kill -9 mid-run, then a re-run -----------------------------------------------------------------------


@dataclass
class KilledRun:
    db_url: str
    stored_at_kill: int
    returncode: int | None
    rerun: CrawlResult


@pytest.fixture(scope="module")
def killed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KilledRun]:
    """A crawl killed with SIGKILL once it has stored two articles, then the same crawl run again."""
    tmp_path = tmp_path_factory.mktemp("sigkill")
    root = copy_corpus(tmp_path)
    db_url = f"sqlite:///{tmp_path / 'carbonwatch.db'}"
    urls = listed_article_urls(STORABLE_LIDS)
    slow_down(root, urls, 0.4)
    with recording_server(root) as server:
        # One request at a time, so that the kill lands between two stored articles, never before the first.
        serial = {"CONCURRENT_REQUESTS_PER_DOMAIN": "1", "CONCURRENT_REQUESTS": "1"}
        cmd = sina_command(server, tmp_path, db_url, STORABLE_LIDS, **serial)
        env = {
            **os.environ,
            "CARBONWATCH_CONFIG": "",
            "CARBONWATCH_LOG_DIR": str(tmp_path / "logs"),
            "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool"),
        }
        proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stored_at_kill = 0
        deadline = time.monotonic() + 60
        try:
            while time.monotonic() < deadline and proc.poll() is None:
                if (tmp_path / "carbonwatch.db").exists():
                    try:
                        stored_at_kill = len(stored_urls(db_url))
                    except Exception:  # the schema may not exist yet
                        stored_at_kill = 0
                    if stored_at_kill >= 2:
                        break
                time.sleep(0.1)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.wait(timeout=10)
        slow_down(root, urls, 0)
        rerun = run_sina(server, tmp_path, db_url, STORABLE_LIDS)
        yield KilledRun(db_url, stored_at_kill, proc.returncode, rerun)


def test_sigkill_lands_mid_crawl(killed: KilledRun) -> None:
    assert killed.returncode == -signal.SIGKILL
    assert 2 <= killed.stored_at_kill < len(EXPECTED)


def test_rerun_after_sigkill_stores_everything_once_with_no_partial_rows(killed: KilledRun) -> None:
    assert killed.rerun.returncode == 0, killed.rerun.log[-3000:]
    assert_all_stored_once_and_whole(killed.db_url)


def test_run_record_of_a_killed_crawl_does_not_stay_running(killed: KilledRun) -> None:
    # After the re-run, an operator reading `carbonwatch runs` must not see a crawl "running" whose process is gone.
    runs = run_rows(killed.db_url)
    assert len(runs) == 2
    assert runs[0]["status"] != "running"


# -- (c) log directory unusable -----------------------------------------------------------------------------------


def test_log_dir_that_is_a_file_does_not_stop_the_crawl(site: tuple[Path, RecordingServer], tmp_path: Path) -> None:
    _, server = site
    not_a_dir = tmp_path / "logs-file"
    not_a_dir.write_text("a file where the log directory should be\n", "utf-8")
    db_url = f"sqlite:///{tmp_path / 'carbonwatch.db'}"
    proc = cli_crawl(server, tmp_path, {"CARBONWATCH_DATABASE_URL": db_url, "CARBONWATCH_LOG_DIR": str(not_a_dir)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(article_rows(db_url)) == 3
    assert "logging to stderr" in proc.stderr


@pytest.fixture
def full_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB tmpfs filled to the last byte (root only; skipped where mounting is not permitted)."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({proc.stderr.strip() or proc.returncode}): needs root")
    try:
        try:
            with (mnt / "filler").open("wb") as fh:
                while True:
                    fh.write(b"\0" * 4096)
                    fh.flush()
        except OSError:
            pass  # ENOSPC: the disk is full, as wanted
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_log_dir_on_a_full_disk_does_not_stop_the_crawl(
    site: tuple[Path, RecordingServer], tmp_path: Path, full_tmpfs: Path
) -> None:
    _, server = site
    db_url = f"sqlite:///{tmp_path / 'carbonwatch.db'}"
    proc = cli_crawl(server, tmp_path, {"CARBONWATCH_DATABASE_URL": db_url, "CARBONWATCH_LOG_DIR": str(full_tmpfs)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert len(article_rows(db_url)) == 3
    assert "No space left on device" in proc.stderr
