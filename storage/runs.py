"""Query functions for the run history (``crawl_runs``), and the one record form every face prints."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.items import utcnow
from storage.models import CrawlRun
from storage.types import iso_utc

# Statuses of runs that did not end well (what `runs --failed` lists).
NOT_OK = frozenset({"failed", "timeout", "interrupted"})


def list_runs(session: Session, *, source: str | None = None, failed: bool = False, limit: int = 20) -> list[CrawlRun]:
    """The newest ``limit`` runs, optionally of one source or only those that did not end well."""
    query = select(CrawlRun).order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(limit)
    if source:
        query = query.where(CrawlRun.source == source)
    if failed:
        query = query.where(CrawlRun.status.in_(NOT_OK))
    return list(session.scalars(query))


def run_sources(session: Session) -> set[str]:
    """Every source name that has a run."""
    return set(session.scalars(select(CrawlRun.source).distinct()))


def runs_by_id(session: Session, ids: Iterable[int]) -> dict[int, CrawlRun]:
    """The runs with these ids, by id (missing ids are absent)."""
    wanted = list(ids)
    if not wanted:
        return {}
    return {run.id: run for run in session.scalars(select(CrawlRun).where(CrawlRun.id.in_(wanted)))}


def spooled_count(run: CrawlRun) -> int:
    """Items of the run that went to the local spool (the database was unavailable); the next crawl wrote them."""
    stats = run.stats if isinstance(run.stats, dict) else {}
    value = stats.get("carbonwatch/store/spooled", 0)
    return int(value) if isinstance(value, int | float) else 0


def run_record(run: CrawlRun) -> dict[str, Any]:
    """One run as a JSON-ready mapping with stable keys (``runs --json``, ``crawl --json``, ``export runs``)."""
    return {
        "id": run.id,
        "source": run.source,
        "trigger": run.trigger,
        "status": run.status,
        "started_at": iso_utc(run.started_at),
        "finished_at": iso_utc(run.finished_at),
        "duration_s": round((run.finished_at - run.started_at).total_seconds(), 3) if run.finished_at else None,
        "exit_code": run.exit_code,
        "requests": run.requests,
        "items_new": run.items_new,
        "items_revised": run.items_revised,
        "items_duplicate": run.items_duplicate,
        "items_unchanged": run.items_unchanged,
        "dropped": dict(run.dropped or {}),
        "items_spooled": spooled_count(run),
        "flags_raised": run.flags_raised,
        "errors": list(run.errors or []),
        "log_path": run.log_path,
    }


# The crawl_runs columns a pending run record (``storage.spool.write_run_record``) carries over as they are.
RECORD_FIELDS = (
    "status",
    "exit_code",
    "pid",
    "requests",
    "responses",
    "items_new",
    "items_revised",
    "items_duplicate",
    "items_unchanged",
    "dropped",
    "flags_raised",
    "errors",
    "stats",
    "log_path",
)


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def record_pending_run(session: Session, record: dict[str, Any]) -> int:
    """Write a run record kept while the database was down; returns its ``crawl_runs`` id.

    The run's own row (``run_id``) is completed when it is still ``running`` or was since marked ``interrupted``
    (a later crawl judged it stale, not knowing its record was kept); otherwise a row is created.
    """
    row = session.get(CrawlRun, int(record["run_id"])) if record.get("run_id") else None
    if row is not None and row.status not in ("running", "interrupted"):
        return row.id  # already completed (the record was written twice): keep what is there
    if row is None:
        row = CrawlRun(
            source=str(record["source"]),
            trigger=str(record.get("trigger") or "manual"),
            started_at=_when(record.get("started_at")) or utcnow(),
        )
        session.add(row)
    for name in RECORD_FIELDS:
        if record.get(name) is not None:
            setattr(row, name, record[name])
    row.finished_at = _when(record.get("finished_at"))
    session.flush()
    return row.id
