"""Fleet politeness: the per-host schedule in Redis spaces, caps and pauses the requests of every worker.

The Redis tests need ``CARBONWATCH_TEST_REDIS_URL`` (scripts/test.sh starts a server) and use database 9; each test
gets its own key prefix. Delays are short (0.05-0.3 s) and every assertion compares slots Redis handed out, not
wall-clock readings, except the lapse and pause tests, which only need a sleep to be at least as long as asked.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

import pytest

from crawler.politeness import FleetSchedule, host_keys
from tests.helpers import PROJECT_ROOT
from tests.robustness.support import (
    GOOD_LID,
    copy_corpus,
    listed_article_urls,
    recording_server,
    sina_command,
    slow_down,
)
from tests.scaleout.redisdb import flushed_redis, redis_db_url

REDIS_DB = 9
DELAY = 0.1
T = TypeVar("T")


@pytest.fixture
def redis_url() -> Iterator[str]:
    with flushed_redis(REDIS_DB) as url:
        yield url


def with_fleet(url: str, workers: int, body: Callable[[list[FleetSchedule]], Awaitable[T]], lease: float = 5) -> T:
    """Run ``body`` with ``workers`` schedules, each on its own connection (as separate processes would be)."""
    import redis.asyncio

    prefix = f"test:{secrets.token_hex(4)}"

    async def main() -> T:
        clients = [redis.asyncio.Redis.from_url(url) for _ in range(workers)]
        try:
            return await body([FleetSchedule(c, lease=lease, prefix=prefix) for c in clients])
        finally:
            for c in clients:
                await c.aclose()

    return asyncio.run(main())


# -- pure helpers ------------------------------------------------------------------------------------------------


def test_each_host_has_its_own_keys() -> None:
    assert host_keys("www.ndrc.gov.cn") == (
        "carbonwatch:polite:www.ndrc.gov.cn",
        "carbonwatch:polite:www.ndrc.gov.cn:leases",
    )
    assert host_keys("a.example")[0] != host_keys("b.example")[0]


# -- against Redis -----------------------------------------------------------------------------------------------


@pytest.mark.redis
def test_concurrent_callers_of_several_workers_get_slots_one_delay_apart(redis_url: str) -> None:
    async def body(fleet: list[FleetSchedule]) -> list[Any]:
        calls = [fleet[i % 3].acquire("a.example", f"w{i % 3}:{i}", DELAY, 0) for i in range(9)]
        return list(await asyncio.gather(*calls))

    grants = with_fleet(redis_url, 3, body)
    slots = sorted(g.slot for g in grants)
    assert all(g.granted for g in grants)
    assert min(b - a for a, b in pairwise(slots)) >= DELAY - 1e-6
    assert slots[-1] - slots[0] < 8 * DELAY + 0.05  # spaced, not pushed further than needed
    assert min(g.wait for g in grants) < 0.05  # the first goes at once


@pytest.mark.redis
def test_hosts_do_not_wait_for_each_other(redis_url: str) -> None:
    async def body(fleet: list[FleetSchedule]) -> list[Any]:
        await fleet[0].acquire("a.example", "w0:1", 1.0, 0)
        return [
            await fleet[1].acquire("b.example", "w1:1", 1.0, 0),
            await fleet[1].acquire("a.example", "w1:2", 1.0, 0),
        ]

    other_host, same_host = with_fleet(redis_url, 2, body)
    assert other_host.wait < 0.05
    assert same_host.wait > 0.9


@pytest.mark.redis
def test_a_published_autothrottle_delay_spaces_every_worker(redis_url: str) -> None:
    async def body(fleet: list[FleetSchedule]) -> list[Any]:
        first = await fleet[0].acquire("a.example", "w0:1", DELAY, 0)
        await fleet[0].finish("a.example", "w0:1", delay=0.3)  # worker 0's AutoThrottle slowed down
        return [
            first,
            await fleet[1].acquire("a.example", "w1:1", DELAY, 0),
            await fleet[1].acquire("a.example", "w1:2", DELAY, 0),
        ]

    first, second, third = with_fleet(redis_url, 2, body)
    assert second.slot - first.slot >= DELAY - 1e-6
    assert third.slot - second.slot >= 0.3 - 1e-6
    assert second.delay == pytest.approx(0.3)


@pytest.mark.redis
def test_the_concurrency_cap_holds_for_the_fleet_and_frees_on_finish(redis_url: str) -> None:
    async def body(fleet: list[FleetSchedule]) -> list[bool]:
        a = await fleet[0].acquire("a.example", "w0:1", 0.0, 2)
        b = await fleet[1].acquire("a.example", "w1:1", 0.0, 2)
        full = await fleet[1].acquire("a.example", "w1:2", 0.0, 2)
        await fleet[0].finish("a.example", "w0:1")
        freed = await fleet[1].acquire("a.example", "w1:2", 0.0, 2)
        return [a.granted, b.granted, full.granted, freed.granted]

    assert with_fleet(redis_url, 2, body) == [True, True, False, True]


@pytest.mark.redis
def test_a_late_request_taking_a_new_slot_keeps_one_lease(redis_url: str) -> None:
    async def body(fleet: list[FleetSchedule]) -> list[Any]:
        first = await fleet[0].acquire("a.example", "w0:1", DELAY, 1)
        again = await fleet[0].acquire("a.example", "w0:1", DELAY, 1)  # woke up late: a new slot, same lease
        other = await fleet[1].acquire("a.example", "w1:1", DELAY, 1)
        return [first, again, other]

    first, again, other = with_fleet(redis_url, 2, body)
    assert again.granted and again.slot - first.slot >= DELAY - 1e-6
    assert not other.granted  # the lease moved; it was not doubled and not dropped


@pytest.mark.redis
def test_a_killed_workers_leases_lapse(redis_url: str) -> None:
    async def body(fleet: list[FleetSchedule]) -> list[bool]:
        await fleet[0].acquire("a.example", "killed:1", 0.0, 1)  # never finished
        blocked = await fleet[1].acquire("a.example", "w1:1", 0.0, 1)
        await asyncio.sleep(0.25)
        later = await fleet[1].acquire("a.example", "w1:1", 0.0, 1)
        return [blocked.granted, later.granted]

    assert with_fleet(redis_url, 2, body, lease=0.2) == [False, True]


@pytest.mark.redis
def test_a_retry_after_seen_by_one_worker_pauses_the_others(redis_url: str) -> None:
    async def body(fleet: list[FleetSchedule]) -> list[Any]:
        await fleet[0].acquire("a.example", "w0:1", 0.0, 0)
        new = await fleet[0].finish("a.example", "w0:1", pause=0.3)
        shorter = await fleet[1].finish("a.example", "w1:0", pause=0.05)  # must not cut the pause short
        other = await fleet[1].acquire("b.example", "w1:1", 0.0, 0)
        return [new, shorter, other, await fleet[1].acquire("a.example", "w1:2", 0.0, 0)]

    new, shorter, other_host, paused = with_fleet(redis_url, 2, body)
    assert (new, shorter) == (True, False)
    assert paused.paused and paused.wait > 0.25
    assert not other_host.paused and other_host.wait < 0.05


@pytest.mark.redis
def test_keys_expire(redis_url: str) -> None:
    import redis

    async def body(fleet: list[FleetSchedule]) -> None:
        await fleet[0].acquire("a.example", "w0:1", 0.0, 1)

    with_fleet(redis_url, 1, body)
    client = redis.Redis.from_url(redis_url)
    try:
        ttls = [client.ttl(k) for k in client.keys("test:*")]
    finally:
        client.close()
    assert len(ttls) == 2 and all(0 < t <= 86_400 for t in ttls)


# -- two crawl processes against a local server -----------------------------------------------------------------

CRAWL_DELAY = 0.2
RUN = 6  # consecutive requests over which the rate is judged
CRAWL_LIDS = [GOOD_LID, 9101, 9102, 9103, 9104, 9105, 9204, 9301]


def host_of(path: str) -> str:
    return path.split("/", 2)[1]


@pytest.mark.redis
@pytest.mark.timeout(120)
def test_two_workers_keep_each_hosts_delay_at_the_server(redis_url: str, tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    # Slow article pages keep both workers busy together, so both send to finance.sina.com.cn at once if they can.
    slow_down(root, listed_article_urls(CRAWL_LIDS), 0.3)
    crawl_redis = redis_db_url(10)
    env = {
        **os.environ,
        "CARBONWATCH_CONFIG": "",
        "CARBONWATCH_REDIS_URL": crawl_redis,
        "CARBONWATCH_LOG_DIR": str(tmp_path / "logs"),
    }
    with recording_server(root) as server:
        procs = []
        for n in range(2):
            cmd = sina_command(
                server,
                tmp_path,
                f"sqlite:///{tmp_path / f'worker{n}.db'}",
                CRAWL_LIDS,
                DOWNLOAD_DELAY=str(CRAWL_DELAY),
                CONCURRENT_REQUESTS_PER_DOMAIN="2",
                CONCURRENT_REQUESTS="2",
                CARBONWATCH_SPOOL_DIR=str(tmp_path / f"spool{n}"),
            )
            log = (tmp_path / f"worker-{n}.log").open("w")
            procs.append(subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        codes = [p.wait(timeout=100) for p in procs]
        hits = list(server.hits)
    logs = [(tmp_path / f"worker-{n}.log").read_text() for n in range(2)]
    by_host: dict[str, list[float]] = {}
    for hit in hits:
        by_host.setdefault(host_of(hit.path), []).append(hit.at)
    gaps = {host: min(b - a for a, b in pairwise(sorted(times))) for host, times in by_host.items() if len(times) > 1}
    assert codes == [0, 0], [log[-2000:] for log in logs]
    assert all("'politeness/slots'" in log for log in logs)  # both workers fetched through the fleet schedule
    assert len(by_host["finance.sina.com.cn"]) >= 12  # robots.txt and the 11 articles
    # Two uncoordinated workers land ~0 s apart. A request may leave up to a tenth of the delay after its slot (a
    # busy CPU), and arrival stamps carry a few ms of noise: single gaps get that slack, runs of requests 5%.
    assert min(gaps.values()) >= CRAWL_DELAY * 0.8, gaps
    finance = sorted(by_host["finance.sina.com.cn"])
    assert max((RUN - 1) / (b - a) for a, b in zip(finance, finance[RUN - 1 :], strict=False)) <= 1.05 / CRAWL_DELAY


def start_pair(server: Any, tmp_path: Path, redis_url: str, tag: str, **settings: str) -> list[subprocess.Popen[bytes]]:
    """Two ``scrapy crawl sina_finance`` workers sharing ``redis_url``, each with its own SQLite file and log."""
    env = {**os.environ, "CARBONWATCH_CONFIG": "", "CARBONWATCH_REDIS_URL": redis_url}
    env["CARBONWATCH_LOG_DIR"] = str(tmp_path / "logs")
    procs = []
    for n in range(2):
        db = f"sqlite:///{tmp_path / f'{tag}{n}.db'}"
        spool = str(tmp_path / f"spool{n}")
        cmd = sina_command(server, tmp_path, db, CRAWL_LIDS, CARBONWATCH_SPOOL_DIR=spool, **settings)
        log = (tmp_path / f"{tag}-{n}.log").open("w")
        procs.append(subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    return procs


@pytest.mark.redis
@pytest.mark.timeout(120)
def test_a_retry_after_pauses_both_workers_at_the_server(redis_url: str, tmp_path: Path) -> None:
    root = copy_corpus(tmp_path)
    urls = listed_article_urls(CRAWL_LIDS)
    slow_down(root, urls, 0.2)  # both workers have article requests waiting when the 429 comes
    limited = root / urls[3].split("://", 1)[1]
    limited.with_name(limited.name + ".http.json").write_text(
        json.dumps({"status": 429, "headers": {"Retry-After": "1"}}), "utf-8"
    )
    with recording_server(root) as server:
        procs = start_pair(
            server,
            tmp_path,
            redis_url.rsplit("/", 1)[0] + "/11",
            "ra",
            DOWNLOAD_DELAY="0.05",
            CONCURRENT_REQUESTS="2",
            CONCURRENT_REQUESTS_PER_DOMAIN="2",
        )
        codes = [p.wait(timeout=100) for p in procs]
        hits = [h for h in server.hits if host_of(h.path) == "finance.sina.com.cn"]
    logs = "".join((tmp_path / f"ra-{n}.log").read_text() for n in range(2))
    refused = [h.at for h in hits if h.path == "/" + urls[3].split("://", 1)[1]]
    # Requests granted before the 429's response reached its worker may still land just after it (0.15 s).
    inside = [h.path for t in refused for h in hits if t + 0.15 < h.at < t + 0.95]
    assert codes == [0, 0], logs[-3000:]
    assert len(refused) == 3  # the request and its two Retry-After retries
    assert len(hits) > 3 + len(refused)  # the other articles were still fetched, around the pauses
    assert inside == []
    assert "every worker pauses finance.sina.com.cn" in logs and "'politeness/retry_after_pauses'" in logs


# -- wiring ------------------------------------------------------------------------------------------------------


def project_downloader(redis_url: str | None) -> str:
    """The DOWNLOADER setting a crawl process gets with (or without) ``CARBONWATCH_REDIS_URL``."""
    env = {k: v for k, v in os.environ.items() if k != "CARBONWATCH_REDIS_URL"} | {"CARBONWATCH_CONFIG": ""}
    if redis_url:
        env["CARBONWATCH_REDIS_URL"] = redis_url
    code = "from scrapy.utils.project import get_project_settings as g; print(g()['DOWNLOADER'])"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_without_redis_each_worker_keeps_its_own_politeness() -> None:
    assert project_downloader(None) == "crawler.downloader.SlotLimitedDownloader"


def test_with_redis_the_fleet_schedule_is_wired() -> None:
    assert project_downloader("redis://127.0.0.1:1/0") == "crawler.politeness.FleetPoliteDownloader"


def test_a_request_goes_out_counted_when_redis_does_not_answer(caplog: pytest.LogCaptureFixture) -> None:
    import redis.asyncio
    from scrapy.core.downloader import Slot
    from scrapy.statscollectors import MemoryStatsCollector
    from scrapy.utils.test import get_crawler

    from crawler.politeness import STAT_REDIS_ERRORS, FleetPoliteDownloader

    crawler = get_crawler(settings_dict={"REDIS_URL": None})
    crawler.stats = MemoryStatsCollector(crawler)
    downloader = FleetPoliteDownloader(crawler)  # no REDIS_URL: off, as without Redis

    async def main() -> str | None:
        client = redis.asyncio.Redis.from_url("redis://127.0.0.1:1/0")  # nothing listens on port 1
        try:
            fleet = FleetSchedule(client, lease=5)
            return await downloader._wait_for_slot(fleet, "a.example", Slot(2, 0.0, 0.0))
        finally:
            await client.aclose()

    assert downloader.fleet is None
    assert asyncio.run(main()) is None  # no lease: the request goes out under the worker's own politeness
    assert crawler.stats.get_value(STAT_REDIS_ERRORS) == 1
    assert "check CARBONWATCH_REDIS_URL" in caplog.text
