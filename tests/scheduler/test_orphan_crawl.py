"""kill -9 of the daemon during a crawl (issue 15 #7): the crawl ends with it, and no source is crawled twice at once.

Real processes throughout: the daemon with its production crawl command against a slow local site.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.extensions import pid_alive
from scheduler.lock import SourceLock, source_lock_path
from scheduler.schedules import DEFAULT_COMMAND
from tests.helpers import PROJECT_ROOT
from tests.robustness.support import (
    GOOD_LID,
    HOSTS,
    RecordingServer,
    copy_corpus,
    listed_article_urls,
    recording_server,
    slow_down,
)
from tests.scheduler.daemonproc import overlaps, runs, start_daemon, wait_until, write_config

pytestmark = pytest.mark.timeout(180)

ARTICLE_DELAY = 6.0  # seconds per article page, one at a time: a crawl of lid 9000 lasts about 18 s, so a loaded
# machine still kills the orphan well before it could fetch every article


@pytest.fixture
def slow_site(tmp_path: Path) -> Iterator[RecordingServer]:
    root = copy_corpus(tmp_path)
    slow_down(root, listed_article_urls([GOOD_LID]), ARTICLE_DELAY)
    with recording_server(root) as server:
        server.corpus_root = root  # type: ignore[attr-defined]  # for speed_up(): the test's own attribute
        yield server


def speed_up(server: RecordingServer) -> None:
    """Serve the article pages without delay from now on (the slow part of the test is over)."""
    slow_down(server.corpus_root, listed_article_urls([GOOD_LID]), 0)  # type: ignore[attr-defined]


def crawl_args(server: RecordingServer) -> list[str]:
    args = ["-a", f"lids={GOOD_LID}", "-a", "max_pages=1"]
    for key, value in {
        "CARBONWATCH_HOST_MAP": json.dumps(server.host_map(HOSTS)),
        "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_DELAY": "0",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
        "CONCURRENT_REQUESTS": "1",  # nothing queued in the downloader: a stopping crawl fetches no more pages
        "CARBONWATCH_PROGRESS_INTERVAL": "0",
    }.items():
        args += ["-s", f"{key}={value}"]
    return args


def article_hits(server: RecordingServer) -> int:
    return len([h for h in server.hits if "/doc-i" in h.path])


def test_a_crawl_ends_with_its_killed_daemon_and_the_next_daemon_crawls_alone(
    slow_site: RecordingServer, tmp_path: Path
) -> None:
    db = tmp_path / "cw.db"
    config = write_config(
        tmp_path / "carbonwatch.toml",
        {"sina_finance": {"interval_seconds": 8, "command": [*DEFAULT_COMMAND, *crawl_args(slow_site)]}},
    )
    daemon = start_daemon(tmp_path, config)
    try:
        wait_until(lambda: article_hits(slow_site) >= 1, 60, "the daemon's crawl to fetch an article")
        (orphan,) = runs(db)
        assert orphan.pid is not None and pid_alive(orphan.pid)
        daemon.signal(signal.SIGKILL)
        daemon.proc.wait(timeout=10)
    finally:
        if daemon.proc.poll() is None:
            daemon.proc.kill()
    # Restarted at once, as systemd would: its first run of the source is due within seconds.
    restarted = start_daemon(tmp_path, config, "restarted")
    try:
        # SIGTERM lets the crawl finish the page in flight, request nothing more and record itself interrupted;
        # meanwhile the restarted daemon does not start a crawl of the source (its lock is held).
        wait_until(lambda: not pid_alive(orphan.pid or 0), 60, "the orphaned crawl to end")
        hits_when_ended = article_hits(slow_site)
        speed_up(slow_site)
        wait_until(lambda: any(r.status == "success" for r in runs(db)), 60, "the next daemon's crawl to end")
    finally:
        assert restarted.stop() == 0
    first, second, *_ = runs(db)
    assert first.status in ("interrupted", "failed")  # ended by the kernel's signal, or settled by the new daemon
    assert second.status == "success", second.errors
    assert overlaps(runs(db)) == []
    # Before the fix the orphan fetched every article (beside the restarted daemon's crawl); now it stops early.
    assert hits_when_ended < len(listed_article_urls([GOOD_LID]))


def _cli_crawl(server: RecordingServer, tmp_path: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(
        CARBONWATCH_CONFIG="",
        CARBONWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'cw.db'}",
        CARBONWATCH_LOG_DIR=str(tmp_path / "logs"),
        CARBONWATCH_SPOOL_DIR=str(tmp_path / "spool"),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "carbonwatch", "crawl", "sina_finance", *crawl_args(server)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_crawl_of_a_source_still_being_crawled_does_not_start(
    slow_site: RecordingServer, tmp_path: Path
) -> None:
    lock = SourceLock(source_lock_path(f"sqlite:///{tmp_path / 'cw.db'}", tmp_path / "spool", "sina_finance"))
    first = _cli_crawl(slow_site, tmp_path)
    try:
        wait_until(lambda: lock.holder() == str(first.pid), 60, "the first crawl to take its source's lock")
        second = _cli_crawl(slow_site, tmp_path)
        out, err = second.communicate(timeout=60)
        assert first.poll() is None  # the first crawl was still running all along
        wait_until(lambda: article_hits(slow_site) >= 1, 60, "the first crawl to fetch an article")
    finally:
        first.kill()
        first.communicate(timeout=60)
    assert second.returncode == 1, err
    assert "sina_finance skipped: not crawling sina_finance: a crawl of it (pid" in out
    assert len([h for h in slow_site.hits if "/api/roll/" in h.path]) == 1  # only the first crawl read the list
    assert lock.holder() is None  # released by the OS with the killed crawl
