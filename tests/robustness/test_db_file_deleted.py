"""The SQLite database file deleted mid-run (issue 15 #9): the crawl stops loudly, nothing is written to the old file.

Before the fix the run reported success with every article "new", all written into the unlinked inode and gone
with it. Now every commit first checks that the path still names the file the connection opened; the crawl stops
(finish reason ``database_gone``), keeps the items it holds in the spool, and the next run writes them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.urls import canonicalize
from storage.db import DatabaseFileGone, open_store
from storage.models import CrawlRun
from tests.robustness.support import (
    GOOD_LID,
    RecordingServer,
    article_hit_counter,
    copy_corpus,
    listed_article_urls,
    recording_server,
    run_sina,
    slow_down,
    stored_urls,
)

pytestmark = pytest.mark.timeout(240)

LIDS = [GOOD_LID, 9101]


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_commit_after_the_file_is_deleted_or_replaced_is_refused(tmp_path: Path, how: str) -> None:
    db_file = tmp_path / "cw.db"
    engine, sessions = open_store(f"sqlite:///{db_file}")
    try:
        with sessions.begin() as session:
            session.add(CrawlRun(source="before", trigger="manual"))
        db_file.unlink()
        if how == "replaced":
            db_file.write_bytes(b"")
        with pytest.raises(DatabaseFileGone, match=f"was {how}"), sessions.begin() as session:
            session.add(CrawlRun(source="after", trigger="manual"))
    finally:
        engine.dispose()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, RecordingServer]]:
    root = copy_corpus(tmp_path)
    with recording_server(root) as server:
        yield root, server


def delete_at_article(server: RecordingServer, at: int, path: Path) -> threading.Event:
    """Delete ``path`` when the ``at``-th article page is requested; the event tells that it happened."""
    done = threading.Event()

    def delete() -> None:
        os.unlink(path)
        done.set()

    article_hit_counter(server, at, delete)
    return done


def test_a_crawl_whose_database_file_is_deleted_stops_and_the_next_run_keeps_its_items(
    site: tuple[Path, RecordingServer], tmp_path: Path
) -> None:
    root, server = site
    urls = listed_article_urls(LIDS)
    slow_down(root, urls, 0.1)
    db_file = tmp_path / "carbonwatch.db"
    db_url = f"sqlite:///{db_file}"
    serial = {"CONCURRENT_REQUESTS_PER_DOMAIN": "1", "CONCURRENT_REQUESTS": "1"}
    deleted = delete_at_article(server, 3, db_file)
    first = run_sina(server, tmp_path, db_url, LIDS, settings=serial)
    assert deleted.is_set()
    assert first.stats.get("finish_reason") == "database_gone", first.log[-3000:]
    assert first.stat("carbonwatch/store/spooled") >= 1
    assert "was deleted while carbonwatch had it open" in first.log
    assert not db_file.exists()  # nothing created a new, empty database behind the operator's back
    server.on_hit = None
    slow_down(root, urls, 0)
    again = run_sina(server, tmp_path, db_url, LIDS)
    assert again.returncode == 0, again.log[-3000:]
    assert again.stat("carbonwatch/store/replayed") == first.stat("carbonwatch/store/spooled")
    assert stored_urls(db_url) == {canonicalize(u) for u in urls}
