"""Scale-out: two crawl processes sharing scrapy-redis's queue/dupefilter and one PostgreSQL database.

Needs ``CARBONWATCH_TEST_REDIS_URL`` and ``CARBONWATCH_TEST_PG_URL`` (scripts/test.sh starts both servers); skipped
with a reason otherwise. Each test uses its own Redis database number and PostgreSQL database.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.urls import canonicalize
from tests.helpers import PROJECT_ROOT
from tests.robustness.support import (
    GOOD_LID,
    RecordingServer,
    copy_corpus,
    listed_article_urls,
    local_path,
    recording_server,
    sina_command,
    slow_down,
    stored_urls,
)
from tests.scaleout.redisdb import flushed_redis

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.timeout(240)]

LIDS = [GOOD_LID, 9101, 9102, 9103, 9104, 9105, 9204, 9301]
REDIS_DB = 7  # not the default 0: a developer's own crawler state is never touched


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A flushed Redis database on the server named by ``CARBONWATCH_TEST_REDIS_URL`` (flushed again after)."""
    with flushed_redis(REDIS_DB) as url:
        yield url


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, RecordingServer]]:
    root = copy_corpus(tmp_path)
    # Slow article pages so that both processes are busy at the same time and share the queue.
    slow_down(root, listed_article_urls(LIDS), 0.3)
    with recording_server(root) as server:
        yield root, server


def crawl_pair(
    server: RecordingServer, tmp_path: Path, db_url: str, redis_url: str, extra_env: dict[str, str] | None = None
) -> list[int]:
    """Start two ``scrapy crawl sina_finance`` processes together; their exit codes."""
    env = {
        **os.environ,
        "CARBONWATCH_CONFIG": "",
        "CARBONWATCH_REDIS_URL": redis_url,
        "CARBONWATCH_LOG_DIR": str(tmp_path / "logs"),
        **(extra_env or {}),
    }
    procs = []
    for n in range(2):
        cmd = sina_command(server, tmp_path, db_url, LIDS, CONCURRENT_REQUESTS_PER_DOMAIN="2", CONCURRENT_REQUESTS="2")
        log = (tmp_path / f"worker-{n}-{len(list(tmp_path.glob('worker-*')))}.log").open("w")
        procs.append(subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True))
    return [p.wait(timeout=180) for p in procs]


def test_two_workers_fetch_every_article_once_and_store_it_once(
    site: tuple[Path, RecordingServer], tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    _, server = site
    codes = crawl_pair(server, tmp_path, pg_url, redis_url)
    urls = listed_article_urls(LIDS)
    fetched = Counter(h.path for h in server.hits if h.path in {local_path(u) for u in urls})
    assert codes == [0, 0], [p.read_text()[-2000:] for p in tmp_path.glob("worker-*.log")]
    assert sorted(fetched.values()) == [1] * len(urls), json.dumps(fetched)
    assert stored_urls(pg_url) == {canonicalize(u) for u in urls}


def test_both_workers_share_the_work(
    site: tuple[Path, RecordingServer], tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    _, server = site
    crawl_pair(server, tmp_path, pg_url, redis_url)
    logs = [p.read_text() for p in sorted(tmp_path.glob("worker-*.log"))]
    scraped = [
        int(line.split(":")[-1].strip(" ,"))
        for log in logs
        for line in log.splitlines()
        if "'item_scraped_count'" in line
    ]
    assert len(scraped) == 2 and all(n >= 1 for n in scraped), scraped


def test_a_second_scaled_out_crawl_still_reads_the_roll_pages(
    site: tuple[Path, RecordingServer], tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    # The shared dupefilter persists between runs (SCHEDULER_PERSIST): a list page seen yesterday must still be
    # fetched today, or new articles are never found.
    # Each run is named as a scheduled run names it (its cron slot): the second run has nothing slow to fetch, so a
    # worker whose partner started and finished before it rightly opens a batch of its own, and the roll pages would
    # be fetched once per worker, a count that hung on process start-up times (CI saw 16 for 8).
    _, server = site
    crawl_pair(server, tmp_path, pg_url, redis_url, {"CARBONWATCH_REDIS_BATCH": "cron-20260103T0400"})
    mark = len(server.hits)
    crawl_pair(server, tmp_path, pg_url, redis_url, {"CARBONWATCH_REDIS_BATCH": "cron-20260104T0400"})
    roll_hits = [h for h in server.hits_since(mark) if "/api/roll/get" in h.path]
    assert len(roll_hits) == len(LIDS)


def test_an_article_that_failed_in_one_scaled_out_run_is_stored_by_the_next(
    site: tuple[Path, RecordingServer], tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    # A page that answered 500 three times is in the persistent dupefilter; it must not stay unfetchable forever.
    root, server = site
    flaky = listed_article_urls([9101])[0]
    sidecar = root / (local_path(flaky).lstrip("/") + ".http.json")
    sidecar.write_text(json.dumps({"status": 500}), "utf-8")
    crawl_pair(server, tmp_path, pg_url, redis_url)
    assert canonicalize(flaky) not in stored_urls(pg_url)
    sidecar.unlink()
    crawl_pair(server, tmp_path, pg_url, redis_url)
    assert canonicalize(flaky) in stored_urls(pg_url)


def test_workers_given_one_explicit_batch_share_it_and_its_keys_expire(
    site: tuple[Path, RecordingServer], tmp_path: Path, pg_url: str, redis_url: str
) -> None:
    import redis

    _, server = site
    codes = crawl_pair(server, tmp_path, pg_url, redis_url, {"CARBONWATCH_REDIS_BATCH": "cron-20260103T0400"})
    urls = listed_article_urls(LIDS)
    fetched = Counter(h.path for h in server.hits if h.path in {local_path(u) for u in urls})
    client = redis.Redis.from_url(redis_url)
    try:
        ttl = client.ttl("sina_finance:dupefilter:cron-20260103T0400")
        legacy = client.exists("sina_finance:dupefilter")
    finally:
        client.close()
    assert codes == [0, 0]
    assert sorted(fetched.values()) == [1] * len(urls)
    assert 0 < ttl <= 86_400
    assert legacy == 0
