"""A flushed Redis database for the scale-out tests, on the server ``CARBONWATCH_TEST_REDIS_URL`` names."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

REDIS_ENV = "CARBONWATCH_TEST_REDIS_URL"


def redis_db_url(db: int) -> str:
    """The URL of database ``db`` on the test server; skips the test when no server is named."""
    base = os.environ.get(REDIS_ENV)
    if not base:
        pytest.skip(f"{REDIS_ENV} is not set: no Redis server to test against (scripts/test.sh starts one)")
    # Not the default database 0 of the URL: a developer's own crawler state is never touched.
    return base.rsplit("/", 1)[0] + f"/{db}" if base.count("/") >= 3 else f"{base}/{db}"


@contextmanager
def flushed_redis(db: int) -> Iterator[str]:
    """The URL of database ``db``, flushed before the ``with`` block and again after it."""
    import redis

    url = redis_db_url(db)
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()
