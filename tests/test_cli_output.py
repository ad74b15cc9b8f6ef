"""What operators and scripts read: tables that never cut ids, statuses or paths, and ``--json`` lines.

The real console script in a subprocess, at the terminal widths where the tables used to cut (``COLUMNS``).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.devserver import serve
from storage.db import open_store
from storage.models import Article, CrawlRun
from tests.helpers import FIXTURES, PROJECT_ROOT

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")
RUN_KEYS = [
    "id",
    "source",
    "trigger",
    "status",
    "started_at",
    "finished_at",
    "duration_s",
    "exit_code",
    "requests",
    "items_new",
    "items_revised",
    "items_duplicate",
    "items_unchanged",
    "dropped",
    "items_spooled",
    "flags_raised",
    "errors",
    "log_path",
]
BIG_ID = 1234567
LONG_SOURCE = "ministry-of-ecology-and-environment-notices-rss"


def _env(tmp: Path) -> dict[str, str]:
    config = tmp / "carbonwatch.toml"
    if not config.exists():
        # Only ndrc is judged by `status`.
        config.write_text("".join(f"[schedules.{s}]\nenabled = false\n" for s in ("sina_finance", "gov_cn", "mee")))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_") and k not in ("COLUMNS", "LINES")}
    env.update(
        CARBONWATCH_CONFIG=str(config),
        CARBONWATCH_DATABASE_URL=f"sqlite:///{tmp / 'cw.db'}",
        CARBONWATCH_LOG_DIR=str(tmp / "logs"),
        CARBONWATCH_DOWNLOAD_DELAY="0",
        TERM="xterm-256color",
    )
    return env


def _cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command with its output piped (as a script or cron reads it)."""
    return subprocess.run(
        [sys.executable, "-m", "carbonwatch", *args],
        cwd=PROJECT_ROOT,
        env=_env(tmp),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _tty(tmp: Path, *args: str, columns: int) -> tuple[int, str]:
    """The command on a terminal ``columns`` wide (a pseudo-terminal): exit code and what it showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "carbonwatch", *args],
        cwd=PROJECT_ROOT,
        env=_env(tmp),
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    code = proc.wait(timeout=120)
    return code, ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A database with one long-id failed run of a long-named source and a healthy ndrc with its log."""
    now = datetime.now(UTC)
    log = tmp_path / "logs" / "ndrc" / "run-7.log"
    log.parent.mkdir(parents=True)
    log.write_text("line one\nline two\nline three\n", "utf-8")
    engine, sessions = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    with sessions.begin() as session:
        session.add_all(
            [
                CrawlRun(
                    id=7,
                    source="ndrc",
                    trigger="cron",
                    status="success",
                    started_at=now - timedelta(hours=1),
                    finished_at=now - timedelta(minutes=59),
                    items_new=3,
                    log_path=str(log),
                ),
                CrawlRun(
                    id=BIG_ID,
                    source=LONG_SOURCE,
                    trigger="daemon",
                    status="interrupted",
                    started_at=now - timedelta(minutes=5),
                    finished_at=now,
                    errors=[{"kind": "daemon", "message": "stopped by SIGTERM " + "x" * 80}],
                ),
                Article(
                    canonical_url="https://www.ndrc.gov.cn/1",
                    url="https://www.ndrc.gov.cn/1",
                    source="ndrc",
                    title="t",
                    html="<p>t</p>",
                    text="t",
                    content_hash="0" * 64,
                    first_seen_at=now,
                    updated_at=now,
                ),
            ]
        )
    engine.dispose()
    return tmp_path


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_runs_table_never_cuts_ids_sources_or_statuses(store: Path, columns: int) -> None:
    code, out = _tty(store, "runs", columns=columns)
    assert code == 0, out
    assert f"│ {BIG_ID} │" in out
    assert LONG_SOURCE in out
    assert "interrupted" in out
    assert "…" not in out


@pytest.mark.parametrize("columns", [80, 120])
def test_status_table_never_cuts_the_health(store: Path, columns: int) -> None:
    code, out = _tty(store, "status", columns=columns)
    assert code == 0, out
    assert "│ healthy " in out
    assert "#7 success" in out
    assert "…" not in out


def test_runs_json_lines_have_stable_keys_and_iso_utc_times(store: Path) -> None:
    proc = _cli(store, "runs", "--json")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == [BIG_ID, 7]
    assert all(list(r) == RUN_KEYS for r in records)
    assert ISO_UTC.match(records[1]["started_at"]) and ISO_UTC.match(records[1]["finished_at"])
    assert records[1]["log_path"].endswith("run-7.log")


def test_status_json_lines(store: Path) -> None:
    proc = _cli(store, "status", "--json")
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (record["source"], record["healthy"], record["last_run_id"], record["problems"]) == ("ndrc", True, 7, [])
    assert ISO_UTC.match(record["last_new_item_at"])
    assert record["daemon"] == "not running"


def test_logs_json_lines(store: Path) -> None:
    proc = _cli(store, "logs", "7", "--tail", "2", "--json")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["run_id"], r["line"], r["text"]) for r in records] == [(7, 2, "line two"), (7, 3, "line three")]


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("crawl_out")
    host_map = ["-s", "AUTOTHROTTLE_ENABLED=False"]
    with serve(FIXTURES / "sina_finance" / "site") as server:
        host_map += ["-s", f"CARBONWATCH_HOST_MAP={json.dumps(server.host_map())}"]
        table = _tty(tmp, "crawl", "sina_finance", "-a", "lids=1686", *host_map, columns=80)
        lines = _cli(tmp, "crawl", "sina_finance", "-a", "lids=1686", "--json", *host_map)
    return {"table": table, "json": lines}


def test_crawl_summary_at_80_columns_keeps_status_and_log_path(crawled: dict[str, Any]) -> None:
    code, out = crawled["table"]
    assert code == 0, out[-2000:]
    assert "│ success │" in out
    assert "logs/sina_finance/run-1.log" in out
    assert "…" not in out


def test_crawl_json_is_the_runs_record(crawled: dict[str, Any]) -> None:
    proc = crawled["json"]
    assert proc.returncode == 0, proc.stderr[-2000:]
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert list(record) == RUN_KEYS
    assert (record["id"], record["source"], record["status"], record["trigger"]) == (
        2,
        "sina_finance",
        "success",
        "manual",
    )
    assert ISO_UTC.match(record["finished_at"])


def test_status_leaves_the_daemons_lock_file_alone(store: Path) -> None:
    from scheduler.lock import InstanceLock

    lock = store / "cw.db.daemon.lock"
    with InstanceLock(f"sqlite:///{store / 'cw.db'}"):
        pid_line = lock.read_text("utf-8")
        proc = _cli(store, "status")
        assert lock.read_text("utf-8") == pid_line
    assert "(daemon running)" in proc.stdout
    assert lock.read_text("utf-8") == pid_line


def test_status_without_a_daemon_creates_no_lock_file(store: Path) -> None:
    proc = _cli(store, "status")
    assert "(daemon not running)" in proc.stdout
    assert not (store / "cw.db.daemon.lock").exists()


def test_logs_follow_prints_what_a_running_crawl_logs_until_it_ends(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "ndrc" / "run-1.log"
    log.parent.mkdir(parents=True)
    log.write_text("started\n", "utf-8")
    engine, sessions = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    with sessions.begin() as session:
        session.add(CrawlRun(id=1, source="ndrc", trigger="daemon", status="running", log_path=str(log)))
    follower = subprocess.Popen(
        [sys.executable, "-m", "carbonwatch", "logs", "1", "-f"],
        cwd=PROJECT_ROOT,
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert follower.stdout is not None
        assert follower.stdout.readline() == "started\n"
        with log.open("a", encoding="utf-8") as fh:
            fh.write("page 1 stored\npage 2 ")
        assert follower.stdout.readline() == "page 1 stored\n"
        assert follower.poll() is None  # still running: it waits for more
        with log.open("a", encoding="utf-8") as fh:
            fh.write("stored\nfinished\n")
        with sessions.begin() as session:
            run = session.get(CrawlRun, 1)
            assert run is not None
            run.status = "success"
        out, err = follower.communicate(timeout=30)
    finally:
        if follower.poll() is None:
            follower.kill()
        engine.dispose()
    assert follower.returncode == 0, err
    assert out == "page 2 stored\nfinished\n"


def test_logs_follow_of_a_finished_run_prints_it_once(store: Path) -> None:
    proc = _cli(store, "logs", "7", "-f")
    assert (proc.returncode, proc.stdout) == (0, "line one\nline two\nline three\n")


def test_status_names_sources_with_runs_it_does_not_judge(store: Path) -> None:
    proc = _cli(store, "status")
    assert proc.returncode == 0, proc.stderr
    assert f"not judged (they have runs, but are no enabled source in this configuration): {LONG_SOURCE}" in proc.stdout
