"""Test data for the API, metrics and security tests: runs with known counts and times, one flagged release."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.config import Config
from carbonwatch.web.app import create_app
from carbonwatch.web.security import SecurityConfig
from storage.db import open_store
from storage.models import Article, ArticleDuplicate, ArticleRevision, CrawlRun, Notification
from tests.seed import seed_flagged_release

# A fixed "now", injected into the app: nothing here reads the wall clock.
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


@dataclass
class Seeded:
    """The app over a seeded database, and what was put there."""

    app: FastAPI
    engine: Engine
    sessions: sessionmaker[Session]
    config: Config
    run_ids: dict[str, int]
    log_dir: Path


def _run(
    source: str, status: str, trigger: str, started: datetime, seconds: float | None, **counts: object
) -> CrawlRun:
    return CrawlRun(
        source=source,
        trigger=trigger,
        status=status,
        started_at=started,
        finished_at=started + timedelta(seconds=seconds) if seconds is not None else None,
        exit_code=0 if status == "success" else (None if status == "running" else 1),
        **counts,  # type: ignore[arg-type]
    )


def seed(session: Session, log_dir: Path) -> dict[str, int]:
    """Five runs (ids in start order), the flagged 2030 action plan with a revision, a duplicate and a notification."""
    runs = {
        "old_success": _run(
            "sina_finance",
            "success",
            "daemon",
            NOW - timedelta(days=10),
            3.0,
            requests=10,
            items_new=4,
            items_duplicate=1,
            dropped={"too_short": 2, "no_date": 1},
            errors=[{"kind": "http/404", "count": 3}],
        ),
        "failed": _run(
            "ndrc",
            "failed",
            "cron",
            NOW - timedelta(days=2),
            40.0,
            requests=5,
            errors=[{"kind": "http/500", "count": 2}, {"kind": "spider_error", "message": "boom"}],
        ),
        "all": _run(
            "gov_cn,mee", "success", "manual", NOW - timedelta(days=1), 100.0, items_new=1, dropped={"too_short": 5}
        ),
        "new_success": _run(
            "sina_finance", "success", "daemon", NOW - timedelta(hours=2), 7.0, items_new=2, items_unchanged=6
        ),
        "running": _run("mee", "running", "daemon", NOW - timedelta(minutes=5), None),
    }
    for run in runs.values():
        session.add(run)
    session.flush()
    # A finished run's log (with a last line that has no newline) and a running crawl's log mid-line.
    for key, body in (("old_success", b"line one\nline two\nlast"), ("running", b"started\nhalf a li")):
        run = runs[key]
        path = log_dir / f"run-{run.id}.log"
        path.write_bytes(body)
        run.log_path = str(path)
    seed_flagged_release(session, NOW - timedelta(hours=3))
    article = session.scalars(select(Article)).one()
    article.html = "<p>碳达峰</p><script>alert(1)</script>"
    session.add(
        ArticleRevision(
            article_id=article.id, revision=1, title="旧标题", text="旧文本", html="", content_hash="old", seen_at=NOW
        )
    )
    session.add(
        ArticleDuplicate(
            canonical_url="https://finance.sina.cn/copy.d.html",
            url="https://finance.sina.cn/copy.d.html",
            source="sina_finance",
            title="转载",
            original_id=article.id,
            kind="exact",
            similarity=1.0,
            content_hash="h",
            seen_at=NOW,
        )
    )
    session.add(Notification(flag_id=1, target="https://hooks.example/***", status="failed", attempts=5))
    return {key: run.id for key, run in runs.items()}


def seeded_app(
    database_url: str,
    tmp: Path,
    *,
    security: SecurityConfig | None = None,
    now: Callable[[], datetime] = lambda: NOW,
) -> Seeded:
    """A migrated, seeded database at ``database_url`` and the console app over it."""
    log_dir = tmp / "logs"
    log_dir.mkdir(exist_ok=True)
    engine, sessions = open_store(database_url)
    with sessions.begin() as session:
        run_ids = seed(session, log_dir)
    config = Config(database_url=database_url, log_dir=log_dir)
    app = create_app(config, engine=engine, security=security, now=now)
    return Seeded(app, engine, sessions, config, run_ids, log_dir)
