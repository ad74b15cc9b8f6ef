"""Fleet-wide politeness when scaling out: one per-host schedule in Redis that every crawl worker obeys.

Without Redis each crawl process applies ``DOWNLOAD_DELAY``, AutoThrottle and ``CONCURRENT_REQUESTS_PER_DOMAIN``
on its own, so N workers sharing a scrapy-redis queue hit a site N times as hard as one. With
``CARBONWATCH_REDIS_URL`` set, :class:`FleetPoliteDownloader` (``DOWNLOADER`` in ``crawler/settings.py``) asks
Redis, just before each download leaves (after the worker's own slot released it, so nothing local delays it
further), for that host's next free slot:

* **one atomic round trip** (a Lua script, :data:`ACQUIRE_LUA`) drops lapsed leases, checks the host's lease count
  against the cap, and takes the slot ``max(now, next, not_before)``, moving ``next`` one delay on. The delay is the
  larger of this worker's slot delay (``DOWNLOAD_DELAY``, a source's ``download_delay`` or its AutoThrottle delay)
  and the AutoThrottle delay last published for the host by any worker (for ``CARBONWATCH_POLITENESS_DELAY_TTL``
  seconds, 60). Requests of every worker and every source share the host's schedule.
* the **concurrency cap** is the worker's slot concurrency (``CONCURRENT_REQUESTS_PER_DOMAIN`` or a source's
  ``concurrency``) applied to the whole fleet through leases in a sorted set; a lease ends when the download does,
  or lapses ``CARBONWATCH_POLITENESS_LEASE`` seconds after its slot (default ``DOWNLOAD_TIMEOUT`` + 30), so a
  killed worker's leases free themselves. A worker that finds the host full polls again after a short pause.
* a worker that wakes up late for its slot (more than a tenth of the delay: a busy CPU) would leave the next
  worker less than a delay, so it takes a new slot instead, up to 3 times (``politeness/late_retries``), then
  goes anyway (``politeness/late_sends``).
* when the response arrives a second script (:data:`FINISH_LUA`) ends the lease, publishes the worker's current
  AutoThrottle delay for the host and, on a 429/503 carrying ``Retry-After``, sets the host's ``not_before`` so
  **every** worker pauses that host (for at most ``CARBONWATCH_RETRY_AFTER_MAX`` seconds, like the retry itself).

Waiting is an ``asyncio.sleep`` on the reactor's loop (the project runs the asyncio reactor); Redis is reached
with redis-py's asyncio client, so the reactor is never blocked. Redis's own clock (``TIME``) orders slots, so
workers on hosts whose clocks disagree still space their requests. Stats: ``politeness/wait_seconds`` (total time
requests waited for their slot), ``politeness/slots``, ``politeness/cap_waits`` (polls of a full host),
``politeness/retry_after_pauses`` (pauses this worker set for the fleet), ``politeness/redis_errors`` (requests
sent under per-process politeness only because Redis did not answer). Keys: ``carbonwatch:polite:<host>`` (hash)
and ``carbonwatch:polite:<host>:leases``, expiring a day after their last use.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import os
import secrets
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from scrapy.core.downloader import Slot
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.reactor import is_asyncio_reactor_installed

from crawler.downloader import SlotLimitedDownloader
from crawler.middlewares import RETRY_AFTER_CODES, retry_after_seconds

logger = logging.getLogger(__name__)

KEY_PREFIX = "carbonwatch:polite"
STAT_WAIT = "politeness/wait_seconds"
STAT_SLOTS = "politeness/slots"
STAT_CAP_WAITS = "politeness/cap_waits"
STAT_PAUSES = "politeness/retry_after_pauses"
STAT_REDIS_ERRORS = "politeness/redis_errors"
STAT_LATE_RETRIES = "politeness/late_retries"
STAT_LATE_SENDS = "politeness/late_sends"
LATE_FRACTION = 0.1  # of the delay: how late a woken request may still go out in its slot
LATE_FLOOR = 0.002  # seconds: below this, lateness is the reply's own round trip
LATE_RETRIES = 3
DEFAULT_DELAY_TTL = 60.0
DEFAULT_POLL = 0.05
KEY_TTL = 86_400
FLEET_SCHEMES = ("http", "https")

# Redis's clock, so that workers on different machines agree on "now"; seconds with microseconds.
_NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) + tonumber(t[2]) / 1000000 "
# Lua numbers become integers in replies and lose precision through tostring: times travel as %.6f strings.
_FMT = "local function f(x) return string.format('%.6f', x) end "
# KEYS: host state (hash: next, not_before, delay, delay_at), leases (zset: lease id -> lease end).
# ARGV: lease id, delay s, cap (0: none), lease s, delay ttl s, key ttl s.
# Returns {1, slot, wait, delay, paused} when granted; {0, earliest lease end - now} when the host is full.
ACQUIRE_LUA = (
    _NOW
    + _FMT
    + """
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZREM', KEYS[2], ARGV[1])  -- a late request taking a new slot: its old lease moves with it
local cap = tonumber(ARGV[3])
if cap > 0 and redis.call('ZCARD', KEYS[2]) >= cap then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return {0, f(tonumber(first[2]) - now)}
end
local st = redis.call('HMGET', KEYS[1], 'next', 'not_before', 'delay', 'delay_at')
local delay = tonumber(ARGV[2])
local published = tonumber(st[3] or '0')
if now - tonumber(st[4] or '0') <= tonumber(ARGV[5]) and published > delay then delay = published end
local not_before = tonumber(st[2] or '0')
local slot = math.max(now, tonumber(st[1] or '0'), not_before)
redis.call('HSET', KEYS[1], 'next', f(slot + delay))
redis.call('ZADD', KEYS[2], f(slot + tonumber(ARGV[4])), ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[6])
redis.call('EXPIRE', KEYS[2], ARGV[6])
local paused = 0
if not_before > now and slot == not_before then paused = 1 end
return {1, f(slot), f(slot - now), f(delay), paused}
"""
)
# KEYS: host state, leases. ARGV: lease id, delay to publish ('' for none), pause s (0: none), key ttl s.
# Returns 1 when this call set or extended the host's pause.
FINISH_LUA = (
    _NOW
    + _FMT
    + """
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'delay', ARGV[2], 'delay_at', f(now)) end
local extended = 0
local pause = tonumber(ARGV[3])
if pause > 0 then
  local until_ = now + pause
  if until_ > tonumber(redis.call('HGET', KEYS[1], 'not_before') or '0') then
    redis.call('HSET', KEYS[1], 'not_before', f(until_))
    extended = 1
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return extended
"""
)


@dataclass(frozen=True)
class Grant:
    """Redis's answer to one slot request: granted (slot, wait, delay used) or not (host full, ``wait`` = hint)."""

    granted: bool
    wait: float  # seconds from now until the slot; when not granted, until the earliest lease lapses
    slot: float = 0.0  # the slot in Redis time (seconds since the epoch)
    delay: float = 0.0  # the spacing this request reserved after its slot
    paused: bool = False  # the slot was pushed back by a Retry-After pause


def host_keys(host: str, prefix: str = KEY_PREFIX) -> tuple[str, str]:
    """The Redis keys of ``host``'s schedule: its state hash and its lease set."""
    return f"{prefix}:{host}", f"{prefix}:{host}:leases"


def retry_after_pause(response: Response, now: datetime, cap: float) -> float:
    """Seconds every worker should leave the host alone after ``response``: its 429/503 ``Retry-After``, capped.

    0 when the response is no 429/503 or carries no usable ``Retry-After`` (Scrapy's retry handles it alone).
    """
    if response.status not in RETRY_AFTER_CODES:
        return 0.0
    wait = retry_after_seconds(response.headers.get("Retry-After"), now)
    return min(wait, cap) if wait else 0.0


def _float(value: Any) -> float:
    return float(value.decode() if isinstance(value, bytes) else value)


class FleetSchedule:
    """The per-host schedule in Redis: the two scripts, registered once on an asyncio redis-py client."""

    def __init__(self, client: Any, *, lease: float, delay_ttl: float = DEFAULT_DELAY_TTL, prefix: str = KEY_PREFIX):
        self.client = client
        self.lease = lease
        self.delay_ttl = delay_ttl
        self.prefix = prefix
        self._acquire = client.register_script(ACQUIRE_LUA)
        self._finish = client.register_script(FINISH_LUA)

    async def acquire(self, host: str, lease_id: str, delay: float, cap: int) -> Grant:
        """Take ``host``'s next slot and a lease (one round trip), or learn that the host is at its cap."""
        reply = await self._acquire(
            keys=host_keys(host, self.prefix),
            args=[lease_id, f"{max(0.0, delay):.6f}", max(0, cap), f"{self.lease:.6f}", self.delay_ttl, KEY_TTL],
        )
        if int(reply[0]) == 0:
            return Grant(False, max(0.0, _float(reply[1])))
        return Grant(True, max(0.0, _float(reply[2])), _float(reply[1]), _float(reply[3]), bool(int(reply[4])))

    async def finish(self, host: str, lease_id: str, *, delay: float | None = None, pause: float = 0.0) -> bool:
        """End the lease; publish an AutoThrottle delay; pause the host ``pause`` s. True if the pause was new."""
        published = "" if delay is None else f"{delay:.6f}"
        reply = await self._finish(
            keys=host_keys(host, self.prefix), args=[lease_id, published, f"{max(0.0, pause):.6f}", KEY_TTL]
        )
        return bool(int(reply))


class FleetPoliteDownloader(SlotLimitedDownloader):
    """The project's downloader, with each download's start taken from the fleet's per-host schedule in Redis.

    Off (exactly :class:`~crawler.downloader.SlotLimitedDownloader`) when ``CARBONWATCH_POLITENESS_FLEET`` is
    false, when no ``REDIS_URL`` is set or when the reactor is not the asyncio one; see the module docstring.
    """

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.fleet: FleetSchedule | None = None
        self.poll = max(0.005, settings.getfloat("CARBONWATCH_POLITENESS_POLL", DEFAULT_POLL))
        self.retry_after_max = settings.getfloat("CARBONWATCH_RETRY_AFTER_MAX", 60.0)
        self.autothrottle = settings.getbool("AUTOTHROTTLE_ENABLED")
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._ids = itertools.count()
        self._last_error_log = 0.0
        url = settings.get("REDIS_URL")
        if not settings.getbool("CARBONWATCH_POLITENESS_FLEET", True) or not url:
            return
        if not is_asyncio_reactor_installed():
            logger.error(
                "fleet politeness needs the asyncio reactor (TWISTED_REACTOR); each worker is polite on its own only"
            )
            return
        import redis.asyncio

        lease = settings.getfloat("CARBONWATCH_POLITENESS_LEASE", 0.0) or settings.getfloat("DOWNLOAD_TIMEOUT") + 30
        delay_ttl = settings.getfloat("CARBONWATCH_POLITENESS_DELAY_TTL", DEFAULT_DELAY_TTL)
        self.fleet = FleetSchedule(redis.asyncio.Redis.from_url(url), lease=lease, delay_ttl=delay_ttl)
        crawler.signals.connect(self._close_client, signal=signals.engine_stopped)
        logger.info(
            "fleet politeness: every worker shares each host's delay, concurrency cap and Retry-After pauses "
            "through redis (lease %.0f s)",
            lease,
        )

    async def _close_client(self) -> None:
        if self.fleet is not None:
            await self.fleet.client.aclose()

    async def _download(self, slot: Slot, request: Request) -> Response:
        host = urlparse_cached(request).hostname or ""
        if self.fleet is None or not host or urlparse_cached(request).scheme not in FLEET_SCHEMES:
            return await super()._download(slot, request)
        lease_id = await self._wait_for_slot(self.fleet, host, slot)
        try:
            response = await super()._download(slot, request)
        except Exception:
            if lease_id is not None:
                await self._finish(self.fleet, host, lease_id, slot, request, None)
            raise
        if lease_id is not None:
            await self._finish(self.fleet, host, lease_id, slot, request, response)
        return response

    async def _wait_for_slot(self, fleet: FleetSchedule, host: str, slot: Slot) -> str | None:
        """Sleep until this request's fleet slot; its lease id, or None when Redis failed (local politeness).

        A worker that wakes up late (a busy CPU, a long reply) would leave less than a delay before the next
        worker's slot, so when it is late by more than ``LATE_FRACTION`` of the delay it takes a new slot instead
        (its lease moves with it), at most ``LATE_RETRIES`` times; then it goes anyway, counted.
        """
        import redis

        stats = self.crawler.stats
        loop = asyncio.get_running_loop()
        lease_id = f"{self.worker}:{next(self._ids)}"
        waited = 0.0
        for attempt in range(LATE_RETRIES + 1):
            while True:
                asked = loop.time()  # Redis's "now" is no earlier: lateness below is never underestimated
                try:
                    grant = await fleet.acquire(host, lease_id, slot.delay, slot.concurrency)
                except (redis.RedisError, OSError) as exc:
                    self._redis_failed(exc)
                    return None
                if grant.granted:
                    break
                stats.inc_value(STAT_CAP_WAITS)
                pause = min(grant.wait, self.poll) or self.poll
                waited += pause
                await asyncio.sleep(pause)
            stats.inc_value(STAT_SLOTS)
            if grant.paused:
                logger.info("%s is paused by a Retry-After: this request waits %.1f s", host, grant.wait)
            if grant.wait > 0:
                await asyncio.sleep(grant.wait)
            late = loop.time() - (asked + grant.wait)
            waited += grant.wait + max(0.0, late)
            if late <= max(LATE_FLOOR, LATE_FRACTION * grant.delay):
                break
            if attempt == LATE_RETRIES:
                stats.inc_value(STAT_LATE_SENDS)
                logger.debug("%s: sending %.3f s after the fleet slot (delay %.3f s)", host, late, grant.delay)
                break
            stats.inc_value(STAT_LATE_RETRIES)
        if waited:
            # inc_value is typed for int counts; the total is in seconds, kept to the millisecond.
            stats.set_value(STAT_WAIT, round(float(stats.get_value(STAT_WAIT, 0.0)) + waited, 3))
        return lease_id

    async def _finish(
        self, fleet: FleetSchedule, host: str, lease_id: str, slot: Slot, request: Request, response: Response | None
    ) -> None:
        import redis

        pause = retry_after_pause(response, datetime.now(UTC), self.retry_after_max) if response is not None else 0.0
        publish = self.autothrottle and not request.meta.get("autothrottle_dont_adjust_delay")
        try:
            extended = await fleet.finish(host, lease_id, delay=slot.delay if publish else None, pause=pause)
        except (redis.RedisError, OSError) as exc:
            self._redis_failed(exc)  # the lease lapses by itself
            return
        if extended:
            self.crawler.stats.inc_value(STAT_PAUSES)
            logger.warning(
                "status %s with Retry-After on %s: every worker pauses %s for %.1f s",
                response.status if response is not None else "-",
                request.url,
                host,
                pause,
            )

    def _redis_failed(self, exc: BaseException) -> None:
        self.crawler.stats.inc_value(STAT_REDIS_ERRORS)
        now = time.monotonic()
        if now - self._last_error_log >= 60.0 or not self._last_error_log:
            self._last_error_log = now
            logger.warning(
                "fleet politeness: redis did not answer (%s); requests go out under this worker's own delay and "
                "concurrency only, so the fleet may exceed a host's budget: check CARBONWATCH_REDIS_URL and the "
                "redis server",
                exc,
            )
