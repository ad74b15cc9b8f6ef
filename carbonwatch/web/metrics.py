"""``/metrics``: Prometheus text format built from the database on each scrape (one custom collector).

Crawls run in their own processes, so the numbers come from the run records, not from counters in this process:
every scrape builds a fresh ``CollectorRegistry`` holding :class:`DatabaseCollector`, whose aggregate queries stay
cheap on a large database (about 60 ms of CPU per scrape at 10,000 runs and 100,000 articles). A
query that fails (a damaged JSON column, a busy database) leaves its metrics out, is logged and counted in
``carbonwatch_metrics_query_errors``; the scrape itself still answers.

Names: ``carbonwatch_runs_total{source,status}`` (finished runs), ``carbonwatch_runs_running{source}``,
``carbonwatch_items_total{status}`` (new/revised/duplicate/unchanged), ``carbonwatch_dropped_items_total{reason}``,
``carbonwatch_errors_total{kind}``, ``carbonwatch_requests_total``, ``carbonwatch_flags_total``,
``carbonwatch_articles{carbon_relevant}``, ``carbonwatch_policies``,
``carbonwatch_last_success_timestamp_seconds{source}``, ``carbonwatch_crawl_duration_seconds{source}`` (histogram),
``carbonwatch_notifications{status}``, ``carbonwatch_notification_failures``, ``carbonwatch_daemon_up``,
``carbonwatch_daemon_heartbeat_age_seconds``, ``carbonwatch_metrics_query_errors``.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.web.app import web_state
from storage.heartbeat import heartbeat_state, last_heartbeat

logger = logging.getLogger(__name__)

router = APIRouter(tags=["metrics"])

# Crawl durations in seconds: a quick feed poll to a crawl near the default 1800 s timeout.
DURATION_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1200.0, 1800.0, 3600.0)

# Per dialect: the duration of a finished run in seconds, and the JSON unpacking of `dropped` and `errors`. A value
# that is not the expected JSON shape counts as empty instead of failing the query.
DURATION_SQL = {
    "sqlite": "(julianday(finished_at) - julianday(started_at)) * 86400.0",
    "postgresql": "EXTRACT(EPOCH FROM (finished_at - started_at))",
}
DROPPED_SQL = {
    "sqlite": (
        "SELECT j.key, SUM(CAST(j.value AS INTEGER)) FROM crawl_runs, json_each("
        "CASE WHEN json_valid(crawl_runs.dropped) THEN CASE WHEN json_type(crawl_runs.dropped) = 'object' "
        "THEN crawl_runs.dropped END END) AS j GROUP BY j.key"
    ),
    "postgresql": (
        "SELECT j.key, SUM(CASE WHEN j.value ~ '^-?[0-9]+$' THEN j.value::bigint ELSE 0 END) FROM crawl_runs, "
        "json_each_text(CASE WHEN json_typeof(crawl_runs.dropped::json) = 'object' THEN crawl_runs.dropped::json "
        "ELSE '{}'::json END) AS j GROUP BY j.key"
    ),
}
ERRORS_SQL = {
    "sqlite": (
        "SELECT json_extract(j.value, '$.kind'), SUM(CASE WHEN json_type(j.value, '$.count') = 'integer' "
        "THEN json_extract(j.value, '$.count') ELSE 1 END) FROM crawl_runs, json_each("
        "CASE WHEN json_valid(crawl_runs.errors) THEN CASE WHEN json_type(crawl_runs.errors) = 'array' "
        "THEN crawl_runs.errors END END) AS j WHERE j.type = 'object' GROUP BY 1"
    ),
    "postgresql": (
        "SELECT e.value->>'kind', SUM(CASE WHEN json_typeof(e.value->'count') = 'number' "
        "THEN (e.value->>'count')::numeric ELSE 1 END) FROM crawl_runs, json_array_elements("
        "CASE WHEN json_typeof(crawl_runs.errors::json) = 'array' THEN crawl_runs.errors::json ELSE '[]'::json END"
        ") AS e WHERE json_typeof(e.value) = 'object' GROUP BY 1"
    ),
}


def _aware(value: Any) -> datetime | None:
    # Aggregates bypass the column type: SQLite hands back text, PostgreSQL an aware datetime.
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class DatabaseCollector(Collector):
    """Collects every carbonwatch metric from the database, one query per family (see the module docstring)."""

    def __init__(self, sessions: sessionmaker[Session], *, now: Callable[[], datetime]) -> None:
        self.sessions = sessions
        self.now = now

    def collect(self) -> Iterator[Metric]:
        failures = 0
        with self.sessions() as session:
            dialect = session.get_bind().dialect.name
            for family in (
                self._runs,
                self._items,
                self._dropped,
                self._errors,
                self._durations,
                self._last_success,
                self._stored,
                self._notifications,
                self._daemon,
            ):
                try:
                    yield from family(session, dialect)
                except Exception as exc:  # one broken family must not take the others down
                    session.rollback()
                    failures += 1
                    logger.warning("metrics: %s failed, left out of this scrape: %s", family.__name__, exc)
        errors = GaugeMetricFamily(
            "carbonwatch_metrics_query_errors", "Metric queries that failed in this scrape (see the console's log)"
        )
        errors.add_metric([], failures)
        yield errors

    def _runs(self, session: Session, _dialect: str) -> Iterator[Metric]:
        finished = CounterMetricFamily(
            "carbonwatch_runs", "Finished crawl runs by source and status", labels=["source", "status"]
        )
        running = GaugeMetricFamily("carbonwatch_runs_running", "Crawl runs in progress by source", labels=["source"])
        rows = session.execute(text("SELECT source, status, COUNT(*) FROM crawl_runs GROUP BY source, status"))
        for source, status, count in rows:
            if status == "running":
                running.add_metric([source], count)
            else:
                finished.add_metric([source, status], count)
        yield finished
        yield running

    def _items(self, session: Session, _dialect: str) -> Iterator[Metric]:
        row = session.execute(
            text(
                "SELECT SUM(items_new), SUM(items_revised), SUM(items_duplicate), SUM(items_unchanged), "
                "SUM(requests), SUM(flags_raised) FROM crawl_runs"
            )
        ).one()
        items = CounterMetricFamily(
            "carbonwatch_items", "Items stored by crawls, by what storing them did", labels=["status"]
        )
        for status, value in zip(("new", "revised", "duplicate", "unchanged"), row[:4], strict=True):
            items.add_metric([status], int(value or 0))
        yield items
        yield CounterMetricFamily("carbonwatch_requests", "HTTP requests made by crawls", value=int(row[4] or 0))

    def _dropped(self, session: Session, dialect: str) -> Iterator[Metric]:
        family = CounterMetricFamily(
            "carbonwatch_dropped_items", "Items dropped by crawls, by reason", labels=["reason"]
        )
        for reason, count in session.execute(text(DROPPED_SQL[dialect])):
            family.add_metric([str(reason)], int(count or 0))
        yield family

    def _errors(self, session: Session, dialect: str) -> Iterator[Metric]:
        family = CounterMetricFamily("carbonwatch_errors", "Errors counted by crawls, by kind", labels=["kind"])
        for kind, count in session.execute(text(ERRORS_SQL[dialect])):
            family.add_metric([str(kind or "unknown")], int(count or 0))
        yield family

    def _durations(self, session: Session, dialect: str) -> Iterator[Metric]:
        duration = DURATION_SQL[dialect]
        # Each run falls in its first bucket (one CASE per run, stopping at the first match); the cumulative counts
        # Prometheus wants are summed here. Bucket bounds are the constants above, never a request's text.
        bucket = " ".join(f"WHEN d <= {b!r} THEN {i}" for i, b in enumerate(DURATION_BUCKETS))
        stmt = text(
            f"SELECT source, CASE {bucket} ELSE {len(DURATION_BUCKETS)} END AS bucket, COUNT(*), SUM(d) FROM "
            f"(SELECT source, {duration} AS d FROM crawl_runs WHERE finished_at IS NOT NULL) AS runs "
            "GROUP BY source, bucket"
        )
        counts: dict[str, list[int]] = {}
        sums: dict[str, float] = {}
        for source, index, count, total in session.execute(stmt):
            counts.setdefault(source, [0] * (len(DURATION_BUCKETS) + 1))[int(index)] += int(count)
            sums[source] = sums.get(source, 0.0) + float(total or 0.0)
        family = HistogramMetricFamily(
            "carbonwatch_crawl_duration_seconds", "Duration of finished crawl runs", labels=["source"]
        )
        for source, per_bucket in sorted(counts.items()):
            cumulative = list(itertools.accumulate(per_bucket))
            pairs = [(repr(b), c) for b, c in zip(DURATION_BUCKETS, cumulative, strict=False)]
            pairs.append(("+Inf", cumulative[-1]))
            family.add_metric([source], pairs, sums[source])
        yield family

    def _last_success(self, session: Session, _dialect: str) -> Iterator[Metric]:
        latest: dict[str, datetime] = {}
        rows = session.execute(
            text("SELECT source, MAX(finished_at) FROM crawl_runs WHERE status = 'success' GROUP BY source")
        )
        for sources, finished in rows:
            when = _aware(finished)
            if when is None:
                continue
            for source in str(sources).split(","):  # a `crawl --all` run counts for each of its sources
                if source not in latest or when > latest[source]:
                    latest[source] = when
        family = GaugeMetricFamily(
            "carbonwatch_last_success_timestamp_seconds",
            "When the last successful run of each source finished (Unix time)",
            labels=["source"],
        )
        for source, when in sorted(latest.items()):
            family.add_metric([source], when.timestamp())
        yield family

    def _stored(self, session: Session, _dialect: str) -> Iterator[Metric]:
        articles = GaugeMetricFamily(
            "carbonwatch_articles", "Articles stored, by carbon relevance", labels=["carbon_relevant"]
        )
        relevant = {True: 0, False: 0}
        for flag, count in session.execute(text("SELECT carbon_relevant, COUNT(*) FROM articles GROUP BY 1")):
            relevant[bool(flag)] += int(count)
        articles.add_metric(["true"], relevant[True])
        articles.add_metric(["false"], relevant[False])
        yield articles
        flags = session.execute(text("SELECT COUNT(*) FROM flags")).scalar_one()
        yield CounterMetricFamily("carbonwatch_flags", "Carbon-policy releases flagged", value=int(flags))
        policies = session.execute(text("SELECT COUNT(*) FROM policies")).scalar_one()
        yield GaugeMetricFamily("carbonwatch_policies", "Policy documents in the registry", value=int(policies))

    def _notifications(self, session: Session, _dialect: str) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "carbonwatch_notifications", "Flag notifications by delivery status", labels=["status"]
        )
        counts = {"pending": 0, "sent": 0, "failed": 0}
        for status, count in session.execute(text("SELECT status, COUNT(*) FROM notifications GROUP BY status")):
            counts[str(status)] = int(count)
        for status, count in sorted(counts.items()):
            family.add_metric([status], count)
        yield family
        yield GaugeMetricFamily(
            "carbonwatch_notification_failures",
            "Flag notifications that gave up after their last attempt (carbonwatch notify retries pending ones)",
            value=counts["failed"],
        )

    def _daemon(self, session: Session, _dialect: str) -> Iterator[Metric]:
        verdict, age = heartbeat_state(last_heartbeat(session), now=self.now())
        yield GaugeMetricFamily(
            "carbonwatch_daemon_up", "1 when the daemon's heartbeat is fresh", value=1 if verdict == "alive" else 0
        )
        if age is not None:
            yield GaugeMetricFamily(
                "carbonwatch_daemon_heartbeat_age_seconds", "Seconds since the daemon's last heartbeat", value=age
            )


def render_metrics(sessions: sessionmaker[Session], *, now: Callable[[], datetime]) -> bytes:
    """The metrics text of one scrape, from a registry made for it."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector(sessions, now=now))
    return generate_latest(registry)


@router.get("/metrics", summary="Prometheus metrics (text format), computed from the database")
def metrics(request: Request) -> Response:
    """Every carbonwatch metric; see the README's metric list."""
    state = web_state(request)
    return Response(render_metrics(state.sessions, now=state.now), media_type=CONTENT_TYPE_LATEST)
