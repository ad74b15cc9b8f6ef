"""Crawl batches in Redis: who shares a queue and dupefilter, when a new batch starts, and that keys expire.

The Redis tests need ``CARBONWATCH_TEST_REDIS_URL`` (scripts/test.sh starts a server) and use database 8.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from crawler.scaleout import (
    DEFAULT_DUPEFILTER_KEY,
    DEFAULT_QUEUE_KEY,
    BatchKeys,
    batch_keys,
    check_batch_id,
    crawl_scope,
    heartbeat,
    join_batch,
    leave_batch,
    new_batch_id,
)
from tests.scaleout.redisdb import flushed_redis

REDIS_DB = 8
TTL = 3600
NOW = datetime(2026, 1, 3, 4, 5, 6, tzinfo=UTC)


def keys(batch: str, explicit: bool = False) -> BatchKeys:
    return batch_keys("sina_finance", batch, DEFAULT_QUEUE_KEY, DEFAULT_DUPEFILTER_KEY, explicit)


# -- pure helpers ------------------------------------------------------------------------------------------------


def test_batch_ids_start_with_the_utc_start_time_and_differ() -> None:
    first, second = new_batch_id(NOW), new_batch_id(NOW)
    assert first.startswith("20260103T040506Z-")
    assert first != second


def test_batch_keys_carry_spider_and_batch() -> None:
    k = keys("b1")
    assert (k.queue, k.dupefilter) == ("sina_finance:requests:b1", "sina_finance:dupefilter:b1")
    assert "%" not in k.queue + k.dupefilter


def test_explicit_batches_have_their_own_worker_registry() -> None:
    assert keys("b1", explicit=True).workers == "sina_finance:workers:b1"
    assert keys("b1").workers == "sina_finance:workers"


@pytest.mark.parametrize("bad", ["", "a b", "x%(spider)s", "a/b", "x" * 65, "名"])
def test_unusable_batch_ids_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="CARBONWATCH_REDIS_BATCH"):
        check_batch_id(bad)


def test_each_configured_source_has_its_own_scope() -> None:
    feed_a = SimpleNamespace(name="feed", source_name="ndrc-rss")
    assert crawl_scope(feed_a) == "feed:ndrc-rss"
    assert crawl_scope(SimpleNamespace(name="feed", source_name=None)) == "feed"
    assert crawl_scope(SimpleNamespace(name="sina_finance")) == "sina_finance"


def test_a_cron_slot_is_a_usable_batch_id() -> None:
    assert check_batch_id("20260103T0400") == "20260103T0400"


# -- against Redis -----------------------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[Any]:
    import redis

    with flushed_redis(REDIS_DB) as url:
        client = redis.Redis.from_url(url)
        try:
            yield client
        finally:
            client.close()


def join(server: Any, worker: str, proposed: str, lease: float = 30, window: float = 300) -> tuple[str, bool]:
    return join_batch(server, keys(proposed), worker, lease=lease, ttl=TTL, window=window, proposed=proposed)


@pytest.mark.redis
def test_the_first_worker_starts_a_batch(server: Any) -> None:
    assert join(server, "w1", "b1") == ("b1", True)


@pytest.mark.redis
def test_a_worker_started_alongside_joins_the_running_batch(server: Any) -> None:
    join(server, "w1", "b1")
    assert join(server, "w2", "b2") == ("b1", False)


@pytest.mark.redis
def test_after_the_last_worker_left_the_next_run_gets_a_new_batch(server: Any) -> None:
    join(server, "w1", "b1")
    join(server, "w2", "b2")
    assert leave_batch(server, keys("b1"), "w1", "b1", TTL) is False
    assert leave_batch(server, keys("b1"), "w2", "b1", TTL) is True
    assert join(server, "w3", "b3") == ("b3", True)


@pytest.mark.redis
def test_a_killed_worker_holds_its_batch_only_until_its_lease_lapses(server: Any) -> None:
    join(server, "w1", "b1", lease=0.2)  # never leaves: killed
    time.sleep(0.3)
    assert join(server, "w2", "b2") == ("b2", True)


@pytest.mark.redis
def test_a_batch_past_its_join_window_is_not_joined_even_while_busy(server: Any) -> None:
    join(server, "slow", "b1", window=0.2)
    time.sleep(0.3)
    assert join(server, "next-run", "b2", window=0.2) == ("b2", True)


@pytest.mark.redis
def test_a_worker_of_an_older_batch_leaving_keeps_the_new_batch(server: Any) -> None:
    join(server, "slow", "b1", window=0.2)
    time.sleep(0.3)
    join(server, "w2", "b2", window=0.2)
    leave_batch(server, keys("b1"), "slow", "b1", TTL)
    assert join(server, "w3", "b3", window=300) == ("b2", False)


@pytest.mark.redis
def test_leaving_sets_an_expiry_on_the_batch_keys(server: Any) -> None:
    join(server, "w1", "b1")
    server.sadd(keys("b1").dupefilter, "fp")
    server.zadd(keys("b1").queue, {"req": 0})
    leave_batch(server, keys("b1"), "w1", "b1", TTL)
    assert 0 < server.ttl(keys("b1").dupefilter) <= TTL
    assert 0 < server.ttl(keys("b1").queue) <= TTL


@pytest.mark.redis
def test_a_heartbeat_renews_the_lease_and_the_expiry(server: Any) -> None:
    join(server, "w1", "b1", lease=0.3)
    server.sadd(keys("b1").dupefilter, "fp")
    time.sleep(0.2)
    heartbeat(server, keys("b1"), "w1", 30, TTL)
    time.sleep(0.2)
    assert join(server, "w2", "b2") == ("b1", False)
    assert 0 < server.ttl(keys("b1").dupefilter) <= TTL
