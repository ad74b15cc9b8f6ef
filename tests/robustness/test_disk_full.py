"""A full disk under the spool while the database is down (issue 15 #8): items are counted, the crawl stops early.

Before the fix an ``OSError`` in ``Spool.append`` lost every item after it uncounted while the crawl went on
fetching. Now each such item is a counted ``carbonwatch/drop/unsaved`` with an ERROR, the crawl stops at once
(finish reason ``spool_unwritable``), and the next run fetches and stores everything, since nothing lost is
recorded anywhere as seen.
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from sqlalchemy import create_engine

from crawler.urls import canonicalize
from pipelines import store
from storage import spool
from storage.db import session_factory
from tests.helpers import PROJECT_ROOT
from tests.pipelines.test_store import Stats, make_item
from tests.robustness.support import (
    GOOD_LID,
    RecordingServer,
    copy_corpus,
    listed_article_urls,
    recording_server,
    run_sina,
    sina_command,
    slow_down,
    stored_urls,
)

pytestmark = pytest.mark.timeout(240)

LIDS = [GOOD_LID, 9101, 9102]


def full_disk(monkeypatch: pytest.MonkeyPatch, *, keep: int = 0) -> None:
    """Every spool write puts ``keep`` bytes on disk, then fails with ENOSPC, as a filling disk does."""

    def write(fd: int, data: bytes) -> int:
        if keep and len(data) > keep:
            os.pwrite(fd, data[:keep], os.fstat(fd).st_size)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(spool.os, "write", write)


def down_pipeline(tmp_path: Path, stops: list[str]) -> tuple[store.StorePipeline, Stats]:
    stats = Stats()
    sessions = session_factory(create_engine(f"sqlite:///{tmp_path / 'no-such-dir' / 'cw.db'}"))
    pipeline = store.StorePipeline(
        lambda: sessions, stats, spool.Spool(tmp_path / "spool", "run1"), retries=1, stop=stops.append
    )
    return pipeline, stats


def test_an_item_neither_stored_nor_spooled_is_a_counted_drop_that_stops_the_crawl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    stops: list[str] = []
    pipeline, stats = down_pipeline(tmp_path, stops)
    full_disk(monkeypatch)
    for n in range(2):
        with pytest.raises(DropItem, match="unsaved"):
            pipeline.process_item(make_item(f"https://a.example/{n}"))
    assert stats.values["carbonwatch/drop/unsaved"] == 2
    assert stops == [store.UNSAVED_REASON]  # asked once, however many items are in flight
    assert "item https://a.example/1 neither stored" in caplog.text
    assert "free space in" in caplog.text


def test_a_line_cut_short_by_the_full_disk_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = spool.Spool(tmp_path / "spool", "run1")
    kept.append(make_item("https://a.example/kept"), run_id=1, error="down")
    full_disk(monkeypatch, keep=10)
    with pytest.raises(OSError, match="No space"):
        kept.append(make_item("https://a.example/cut"), run_id=1, error="down")
    monkeypatch.undo()
    kept.append(make_item("https://a.example/after"), run_id=1, error="down")
    urls = [entry.item.url for entry in spool.read_spool(kept.path)]
    assert urls == ["https://a.example/kept", "https://a.example/after"]


@pytest.fixture
def slow_site(tmp_path: Path) -> Iterator[tuple[Path, RecordingServer]]:
    root = copy_corpus(tmp_path)
    with recording_server(root) as server:
        yield root, server


def crawl_with_file_size_limit(server: RecordingServer, tmp_path: Path, db_url: str, limit: int) -> str:
    """``scrapy crawl`` whose files may not grow past ``limit`` bytes (RLIMIT_FSIZE: a disk that is full); its log."""
    cmd = sina_command(
        server,
        tmp_path,
        db_url,
        LIDS,
        CARBONWATCH_STORE_RETRIES="1",
        CONCURRENT_REQUESTS_PER_DOMAIN="1",
        CONCURRENT_REQUESTS="1",
    )
    env = {**os.environ, "CARBONWATCH_CONFIG": "", "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool")}
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG, as one on a full disk fails with ENOSPC.
    resource.prlimit(proc.pid, resource.RLIMIT_FSIZE, (limit, limit))
    out, _ = proc.communicate(timeout=120)
    return out


def test_a_crawl_on_a_full_spool_disk_stops_and_the_next_run_stores_everything(
    slow_site: tuple[Path, RecordingServer], tmp_path: Path
) -> None:
    root, server = slow_site
    urls = listed_article_urls(LIDS)
    slow_down(root, urls, 0.3)
    db_dir = tmp_path / "cw.db"
    db_dir.mkdir()  # the database cannot be opened: every item goes to the spool
    db_url = f"sqlite:///{db_dir}"
    log = crawl_with_file_size_limit(server, tmp_path, db_url, limit=1)
    fetched = len([h for h in server.hits if "/doc-i" in h.path])
    assert "'finish_reason': 'spool_unwritable'" in log, log[-3000:]
    assert "'carbonwatch/drop/unsaved': " in log
    assert "stopping the crawl: the database and the spool both refuse items" in log
    assert fetched < len(urls)  # stopped early: the rest is left to the next run, not fetched and lost
    db_dir.rmdir()
    slow_down(root, urls, 0)
    again = run_sina(server, tmp_path, db_url, LIDS)
    assert again.returncode == 0, again.log[-3000:]
    assert stored_urls(db_url) == {canonicalize(u) for u in urls}
