"""Test helpers: write a daemon config, run the daemon in its own process, read its run rows."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from scheduler.schedules import DEFAULT_SCHEDULES
from storage.db import make_engine, session_factory
from storage.models import Article, CrawlRun
from tests.helpers import PROJECT_ROOT

FAKE_CRAWL = Path(__file__).with_name("fake_crawl.py")


def fake_command(mode: str, db_path: Path, seconds: float = 0.0) -> list[str]:
    """The argv template of a fake crawl (``{source}``/``{run_id}`` filled in by the daemon)."""
    return [sys.executable, str(FAKE_CRAWL), mode, str(db_path), "{source}", "{run_id}", str(seconds)]


def local_crawl_args(host_map: dict[str, str]) -> list[str]:
    """Crawl arguments that point the spiders at a local snapshot server (``host_map``), at full speed."""
    return [
        "-s",
        f"CARBONWATCH_HOST_MAP={json.dumps(host_map)}",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "DOWNLOAD_DELAY=0",
    ]


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(value)


def write_config(
    path: Path,
    schedules: dict[str, dict[str, Any]],
    daemon: dict[str, Any] | None = None,
    sources_file: Path | None = None,
) -> Path:
    """A TOML config with these schedules; every other built-in source is disabled."""
    lines = ["[daemon]"] + [f"{k} = {_toml(v)}" for k, v in (daemon or {}).items()]
    for source in sorted(set(DEFAULT_SCHEDULES) | set(schedules)):
        lines.append(f"\n[schedules.{source}]")
        table = schedules.get(source, {"enabled": False})
        lines += [f"{k} = {_toml(v)}" for k, v in table.items()]
    if sources_file is not None:
        lines += ["\n[carbonwatch]", f"sources_file = {_toml(str(sources_file))}"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def job_ids(db_path: Path) -> set[str]:
    """The ids of the jobs in the daemon's job store."""
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as conn:
            return {str(row[0]) for row in conn.execute(text("SELECT id FROM apscheduler_jobs"))}
    finally:
        engine.dispose()


@dataclass
class Daemon:
    """A daemon subprocess and the files it uses."""

    proc: subprocess.Popen[bytes]
    db_path: Path
    log_dir: Path
    output: Path

    def signal(self, sig: int = signal.SIGTERM) -> None:
        self.proc.send_signal(sig)

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM and wait for the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    def text(self) -> str:
        return self.output.read_text("utf-8", errors="replace")


def daemon_env(tmp_path: Path, config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(
        CARBONWATCH_CONFIG=str(config),
        CARBONWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'cw.db'}",
        CARBONWATCH_LOG_DIR=str(tmp_path / "logs"),
    )
    return env


def start_daemon(
    tmp_path: Path,
    config: Path,
    name: str = "daemon",
    entry: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> Daemon:
    """Start ``python -m scheduler`` (what ``carbonwatch daemon`` runs) with this config in its own process."""
    output = tmp_path / f"{name}.out"
    with output.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *(entry or ["-m", "scheduler"])],
            cwd=PROJECT_ROOT,
            env={**daemon_env(tmp_path, config), **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Daemon(proc, tmp_path / "cw.db", tmp_path / "logs", output)


def runs(db_path: Path) -> list[CrawlRun]:
    """Every run row, oldest first (empty when the database does not exist yet)."""
    if not db_path.exists():
        return []
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        with session_factory(engine)() as session:
            return list(session.scalars(select(CrawlRun).order_by(CrawlRun.id)))
    except OperationalError:  # the daemon may still be creating the schema
        return []
    finally:
        engine.dispose()


def articles(db_path: Path) -> list[Article]:
    """Every stored article (empty while the daemon is still creating the schema)."""
    if not db_path.exists():
        return []
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        with session_factory(engine)() as session:
            return list(session.scalars(select(Article).order_by(Article.id)))
    except OperationalError:
        return []
    finally:
        engine.dispose()


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def finished(db_path: Path, source: str, status: str | None = None) -> list[CrawlRun]:
    return [
        r
        for r in runs(db_path)
        if r.source == source and r.status != "running" and (status is None or r.status == status)
    ]


def overlaps(rows: list[CrawlRun]) -> list[tuple[int, int]]:
    """Pairs of runs of one source whose [started, finished] intervals overlap."""
    spans = sorted((r.started_at, r.finished_at, r.id) for r in rows if r.finished_at is not None)
    return [(a[2], b[2]) for a, b in itertools.pairwise(spans) if b[0] < a[1]]
