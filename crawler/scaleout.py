"""Scale-out crawl batches: scrapy-redis's shared queue and dupefilter, scoped to one scheduled run and expiring.

With ``CARBONWATCH_REDIS_URL`` set, every crawl process of a spider shares a request queue and a dupefilter in
Redis, so each page is fetched by one worker only. scrapy-redis keeps them under fixed keys forever
(``SCHEDULER_PERSIST``), which made later runs skip list pages and every article that once failed. Here they are
keyed by a *batch*, one per scheduled run:

* ``CARBONWATCH_REDIS_BATCH`` names the batch explicitly (for example the cron slot, ``$(date -u +%Y%m%dT%H%M)``,
  passed to every worker of that run); letters, digits and ``_.:-``, at most 64 characters.
* Otherwise a worker joins the batch of its spider's workers running now, if that batch started less than
  ``CARBONWATCH_REDIS_JOIN_WINDOW`` seconds ago (300), or starts a new batch: workers started together share one
  batch, and a run that starts after the previous one ended, or while a slow worker of it is still busy, gets a
  fresh queue and dupefilter. Each worker holds a lease in Redis, renewed every ``CARBONWATCH_REDIS_LEASE / 3``
  seconds; a killed worker's lease lapses after ``CARBONWATCH_REDIS_LEASE`` seconds (60).

A batch's keys (``<spider>:requests:<batch>``, ``<spider>:dupefilter:<batch>``; ``<spider>`` is
``feed:<source>`` / ``site:<source>`` for a configured source run with ``-a source=NAME``) expire
``CARBONWATCH_REDIS_BATCH_TTL`` seconds (one day) after the last worker touched them, so Redis does not grow
forever. The queue is never flushed at close: the first worker to finish would empty it under the others.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler

logger = logging.getLogger(__name__)

BATCH_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
BATCH_STAT = "carbonwatch/redis/batch"
DEFAULT_QUEUE_KEY = "%(spider)s:requests:%(batch)s"
DEFAULT_DUPEFILTER_KEY = "%(spider)s:dupefilter:%(batch)s"

# Lua runs atomically in Redis, so two workers starting together cannot both create a batch. TIME is Redis's
# clock: leases compare correctly across hosts whose clocks disagree.
_NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) + tonumber(t[2]) / 1000000 "
# KEYS: pointer (hash: id, started), workers. ARGV: worker id, lease s, proposed batch, ttl s, join window s.
# Returns {batch, 1 if new}. A batch older than the join window is not joined: a run that starts while a slow
# worker of the previous run is still busy must not inherit that run's dupefilter (its list pages would be skipped).
JOIN_LUA = (
    _NOW
    + """
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local batch = redis.call('HGET', KEYS[1], 'id')
local started = tonumber(redis.call('HGET', KEYS[1], 'started') or '0')
local fresh = 0
if (not batch) or redis.call('ZCARD', KEYS[2]) == 0 or now - started > tonumber(ARGV[5]) then
  batch = ARGV[3]
  fresh = 1
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'id', batch, 'started', tostring(now))
  redis.call('EXPIRE', KEYS[1], ARGV[4])
end
redis.call('ZADD', KEYS[2], tostring(now + tonumber(ARGV[2])), ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return {batch, fresh}
"""
)
# KEYS: workers, then the batch's keys. ARGV: worker id, lease s, ttl s.
HEARTBEAT_LUA = (
    _NOW
    + """
redis.call('ZADD', KEYS[1], tostring(now + tonumber(ARGV[2])), ARGV[1])
for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
return 1
"""
)
# KEYS: workers, pointer, then the batch's keys. ARGV: worker id, ttl s, batch. Returns 1 if the batch ended.
LEAVE_LUA = (
    _NOW
    + """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
for i = 3, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
if redis.call('ZCARD', KEYS[1]) == 0 then
  if redis.call('HGET', KEYS[2], 'id') == ARGV[3] then redis.call('DEL', KEYS[2]) end
  return 1
end
return 0
"""
)


def crawl_scope(spider: Any) -> str:
    """Whose queue a worker shares: the spider, and for ``feed``/``site`` the configured source it runs.

    Two sources crawled by one spider class must not share a queue: a worker of one would pop the other's
    requests, whose source it does not know.
    """
    source = getattr(spider, "source_name", None)
    return f"{spider.name}:{source}" if isinstance(source, str) and source else str(spider.name)


def new_batch_id(now: datetime) -> str:
    """A fresh batch id: the UTC start time, readable in ``redis-cli keys``, plus a random tail against ties."""
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def check_batch_id(batch: str) -> str:
    """``batch`` if it is usable inside a Redis key (it is also %-formatted by scrapy-redis), else ValueError."""
    if not BATCH_RE.match(batch):
        raise ValueError(f"CARBONWATCH_REDIS_BATCH {batch!r}: use 1-64 letters, digits, '_', '.', ':' or '-'")
    return batch


@dataclass(frozen=True)
class BatchKeys:
    """The Redis keys of one spider's batch and of its worker registry."""

    queue: str
    dupefilter: str
    pointer: str  # hash: id and start time of the batch now running (automatic batches only)
    workers: str  # sorted set: worker id -> lease end (Redis time)


def batch_keys(spider: str, batch: str, queue_key: str, dupefilter_key: str, explicit: bool) -> BatchKeys:
    """Format the key templates (``%(spider)s``, ``%(batch)s``); explicit batches get their own registry."""
    names = {"spider": spider, "batch": batch}
    workers = f"{spider}:workers:{batch}" if explicit else f"{spider}:workers"
    return BatchKeys(queue_key % names, dupefilter_key % names, f"{spider}:batch", workers)


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def join_batch(
    server: Any, keys: BatchKeys, worker: str, *, lease: float, ttl: int, window: float, proposed: str
) -> tuple[str, bool]:
    """Join the batch running now (started less than ``window`` s ago) or start ``proposed``; (id, whether new).

    Only ``keys.pointer`` and ``keys.workers`` are used: they do not depend on the batch.
    """
    batch, fresh = server.eval(JOIN_LUA, 2, keys.pointer, keys.workers, worker, lease, proposed, ttl, window)
    return _text(batch), bool(int(fresh))


def heartbeat(server: Any, keys: BatchKeys, worker: str, lease: float, ttl: int) -> None:
    """Renew this worker's lease and push back the expiry of the batch's keys."""
    server.eval(HEARTBEAT_LUA, 4, keys.workers, keys.pointer, keys.queue, keys.dupefilter, worker, lease, ttl)


def leave_batch(server: Any, keys: BatchKeys, worker: str, batch: str, ttl: int) -> bool:
    """Drop this worker's lease and set the keys' expiry; True when no live worker is left in the batch."""
    ended = server.eval(LEAVE_LUA, 4, keys.workers, keys.pointer, keys.queue, keys.dupefilter, worker, ttl, batch)
    return bool(int(ended))


class BatchScheduler(Scheduler):  # type: ignore[misc]  # scrapy-redis ships no type hints
    """scrapy-redis's scheduler with the queue and dupefilter keys of the current batch (module docstring)."""

    crawler: Any
    explicit_batch: str | None
    lease: float
    ttl: int
    window: float
    queue_template: str
    dupefilter_template: str
    worker: str
    task: Any = None  # the heartbeat's looping call
    batch: str | None = None
    keys: BatchKeys | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> BatchScheduler:
        instance: BatchScheduler = super().from_crawler(crawler)
        instance.crawler = crawler
        settings = crawler.settings
        explicit = settings.get("CARBONWATCH_REDIS_BATCH") or None
        instance.explicit_batch = check_batch_id(explicit) if explicit else None
        instance.lease = max(3.0, settings.getfloat("CARBONWATCH_REDIS_LEASE", 60.0))
        instance.ttl = max(60, settings.getint("CARBONWATCH_REDIS_BATCH_TTL", 86_400))
        instance.window = settings.getfloat("CARBONWATCH_REDIS_JOIN_WINDOW", 300.0)
        instance.queue_template = settings.get("SCHEDULER_QUEUE_KEY") or DEFAULT_QUEUE_KEY
        instance.dupefilter_template = settings.get("SCHEDULER_DUPEFILTER_KEY") or DEFAULT_DUPEFILTER_KEY
        instance.worker = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        return instance

    def _keys(self, scope: str, batch: str) -> BatchKeys:
        return batch_keys(scope, batch, self.queue_template, self.dupefilter_template, self.explicit_batch is not None)

    def open(self, spider: Any) -> Any:
        from crawler.items import utcnow

        if self.explicit_batch:
            batch, fresh = self.explicit_batch, False
        else:
            proposed = new_batch_id(utcnow())
            batch, fresh = join_batch(
                self.server,
                self._keys(crawl_scope(spider), proposed),
                self.worker,
                lease=self.lease,
                ttl=self.ttl,
                window=self.window,
                proposed=proposed,
            )
        check_batch_id(batch)
        self.batch, self.keys = batch, self._keys(crawl_scope(spider), batch)
        # scrapy-redis %-formats these with the spider name: the formatted keys hold no % (checked batch id).
        self.queue_key = self.keys.queue
        # Built here, not by ``from_spider``: that formats SCHEDULER_DUPEFILTER_KEY without the batch.
        debug = self.crawler.settings.getbool("DUPEFILTER_DEBUG")
        self.df = load_object(self.dupefilter_cls)(self.server, key=self.keys.dupefilter, debug=debug)
        result = super().open(spider)
        heartbeat(self.server, self.keys, self.worker, self.lease, self.ttl)
        self._start_heartbeat()
        self.crawler.stats.set_value(BATCH_STAT, batch)
        how = "explicit" if self.explicit_batch else ("new" if fresh else "joined")
        logger.info("redis crawl batch %s (%s): queue %s, dupefilter %s", batch, how, self.keys.queue, self.df.key)
        return result

    def _start_heartbeat(self) -> None:
        from scrapy.utils.asyncio import create_looping_call

        self.task = create_looping_call(self._beat)
        self.task.start(self.lease / 3, now=False)

    def _beat(self) -> None:
        import redis

        if self.keys is None:
            return
        try:
            heartbeat(self.server, self.keys, self.worker, self.lease, self.ttl)
        except redis.RedisError as exc:
            # A missed beat only risks a later worker starting a batch of its own: more fetching, nothing lost.
            logger.warning("cannot renew the redis batch lease of %s: %s", self.worker, exc)

    def close(self, reason: str) -> Any:
        import redis

        if self.task is not None and self.task.running:
            self.task.stop()
        if self.keys is not None and self.batch is not None:
            try:
                left = len(self.queue) if hasattr(self, "queue") else 0
                ended = leave_batch(self.server, self.keys, self.worker, self.batch, self.ttl)
            except redis.RedisError as exc:
                logger.warning("cannot leave redis batch %s cleanly (its keys expire anyway): %s", self.batch, exc)
            else:
                if ended:
                    logger.info("redis crawl batch %s ended; its keys expire in %s s", self.batch, self.ttl)
                if ended and left:
                    logger.warning("redis crawl batch %s ended with %d requests never fetched", self.batch, left)
        return super().close(reason)
