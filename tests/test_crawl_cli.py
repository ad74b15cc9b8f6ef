"""``carbonwatch crawl`` / ``import`` as a user runs them: a subprocess, a local snapshot server, a temp database."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from carbonwatch.config import load_config
from carbonwatch.crawlrun import create_run_row
from carbonwatch.devserver import serve
from storage.db import open_store
from storage.models import Article, CrawlRun
from tests.helpers import FIXTURES, PROJECT_ROOT

SITE = FIXTURES / "sina_finance" / "site"
SINA_HOSTS = ["feed.mix.sina.com.cn", "finance.sina.com.cn"]


def run_cli(args: list[str], tmp: Path, db_url: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m carbonwatch ARGS`` with the database, logs and politeness settings of a test."""
    proc_env = {
        **os.environ,
        "CARBONWATCH_CONFIG": "",
        "CARBONWATCH_DATABASE_URL": db_url,
        "CARBONWATCH_LOG_DIR": str(tmp / "logs"),
        "CARBONWATCH_DOWNLOAD_DELAY": "0",
        "COLUMNS": "200",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "carbonwatch", *args],
        cwd=PROJECT_ROOT,
        env=proc_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def host_map_arg(host_map: dict[str, str]) -> list[str]:
    return ["-s", f"CARBONWATCH_HOST_MAP={json.dumps(host_map)}", "-s", "AUTOTHROTTLE_ENABLED=False"]


def rows(db_url: str, model: Any) -> list[Any]:
    engine, sessions = open_store(db_url)
    try:
        with sessions() as session:
            return list(session.scalars(select(model).order_by(model.id)).all())
    finally:
        engine.dispose()


def closed_port() -> int:
    """A local port nothing listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def success(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("cli_ok")
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    with serve(SITE) as server:
        proc = run_cli(["crawl", "sina_finance", "-a", "lids=1686", *host_map_arg(server.host_map())], tmp, db_url)
    return {"proc": proc, "runs": rows(db_url, CrawlRun), "articles": rows(db_url, Article), "db_url": db_url}


@pytest.fixture(scope="module")
def failure(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("cli_fail")
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    down = {host: f"http://127.0.0.1:{closed_port()}" for host in SINA_HOSTS}
    proc = run_cli(
        ["crawl", "sina_finance", "-a", "lids=1686", "-s", "RETRY_TIMES=0", *host_map_arg(down)], tmp, db_url
    )
    return {"proc": proc, "runs": rows(db_url, CrawlRun)}


def test_successful_crawl_exits_0(success: dict[str, Any]) -> None:
    assert success["proc"].returncode == 0, success["proc"].stderr[-3000:]


def test_summary_table_shows_the_counts(success: dict[str, Any]) -> None:
    out = success["proc"].stdout
    assert "crawl summary" in out
    assert "sina_finance" in out and "success" in out
    assert "carbonwatch logs" not in out


def test_run_record_fields(success: dict[str, Any]) -> None:
    (run,) = success["runs"]
    assert (run.source, run.trigger, run.status, run.exit_code) == ("sina_finance", "manual", "success", 0)
    assert run.items_new == 4 and run.items_duplicate == 0
    assert run.requests >= 8 and run.responses["200"] >= 8
    assert run.pid and run.finished_at is not None and run.finished_at >= run.started_at
    assert run.stats["finish_reason"] == "finished"


def test_articles_carry_the_run_id(success: dict[str, Any]) -> None:
    (run,) = success["runs"]
    assert {a.run_id for a in success["articles"]} == {run.id}


def test_log_file_tags_every_line_with_the_run_id(success: dict[str, Any]) -> None:
    (run,) = success["runs"]
    log = Path(run.log_path)
    assert log.name == f"run-{run.id}.log" and log.parent.name == "sina_finance"
    lines = [line for line in log.read_text("utf-8").splitlines() if line[:2] == "20"]
    assert lines and all(f"[run {run.id}]" in line for line in lines)
    assert "Spider closed (finished)" in log.read_text("utf-8")


def test_failed_crawl_exits_1_with_next_step(failure: dict[str, Any]) -> None:
    proc = failure["proc"]
    assert proc.returncode == 1, proc.stderr[-3000:]
    (run,) = failure["runs"]
    assert f"carbonwatch logs {run.id}" in proc.stdout


def test_failed_crawl_record(failure: dict[str, Any]) -> None:
    (run,) = failure["runs"]
    assert run.status == "failed" and run.exit_code == 1
    assert any(e["kind"] == "connection_refused" for e in run.errors)
    assert run.items_new == 0


def test_daemon_run_id_fills_the_given_row(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    config = load_config({"CARBONWATCH_DATABASE_URL": db_url})
    run_id = create_run_row(config, "sina_finance", "daemon")
    with serve(SITE) as server:
        proc = run_cli(
            [
                *["crawl", "sina_finance", "--trigger", "daemon", "--run-id", str(run_id), "-a", "lids=9003"],
                *host_map_arg(server.host_map()),
            ],
            tmp_path,
            db_url,
            CARBONWATCH_LOG_FORMAT="json",
        )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (run,) = rows(db_url, CrawlRun)
    assert (run.id, run.trigger, run.status) == (run_id, "daemon", "success")
    assert run.dropped == {"roll_status_error": 1}
    records = [json.loads(line) for line in Path(run.log_path).read_text("utf-8").splitlines()]
    assert records and all(r["run_id"] == str(run_id) for r in records)


def test_unknown_spider_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli(["crawl", "no_such_spider"], tmp_path, f"sqlite:///{tmp_path / 'cw.db'}")
    assert proc.returncode == 2
    assert "unknown spider" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_import_stores_posts_and_pages_with_an_import_run(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    post = FIXTURES / "posts" / "央行推出碳减排支持工具.md"
    page = FIXTURES / "sina_finance" / "article_finance_2018.html"
    proc = run_cli(["import", str(post), str(page)], tmp_path, db_url)
    assert proc.returncode == 0, proc.stderr[-3000:]
    titles = {a.title: a for a in rows(db_url, Article)}
    assert "央行推出碳减排支持工具" in titles
    assert titles["央行推出碳减排支持工具"].canonical_url.startswith("urn:carbonwatch:post:")
    assert any(a.canonical_url.endswith("doc-ihqfskcn2160999.shtml") for a in titles.values())
    (run,) = rows(db_url, CrawlRun)
    assert (run.source, run.trigger, run.status, run.items_new) == ("import", "import", "success", 2)


def test_import_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli(["import", str(tmp_path / "nope.md")], tmp_path, f"sqlite:///{tmp_path / 'cw.db'}")
    assert proc.returncode == 2
    assert "no such file" in proc.stderr


def test_cron_crawl_delivers_alerts_for_new_flags(tmp_path: Path) -> None:
    # Cron mode has no daemon to run the alert step: `crawl` itself posts the new flags to the webhook.
    from tests.receiver import Receiver

    receiver = Receiver()
    receiver.thread.start()
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    try:
        with serve(SITE) as server:
            args = ["crawl", "sina_finance", "-a", "lids=1686", "--trigger", "cron", *host_map_arg(server.host_map())]
            proc = run_cli(args, tmp_path, db_url, CARBONWATCH_NOTIFY_URLS=receiver.url)
            again = run_cli(args, tmp_path, db_url, CARBONWATCH_NOTIFY_URLS=receiver.url)
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert receiver.bodies, proc.stdout[-2000:]
    assert {b["type"] for b in receiver.bodies} == {"carbonwatch.flag"}
    assert "alerts: " in proc.stdout
    assert again.returncode == 0
    assert len(receiver.bodies) == len({b["flag"]["id"] for b in receiver.bodies})  # never twice


def test_cron_crawl_with_a_broken_sources_file_crawls_the_rest_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "blog"\nurl = "https://x.cn/"\n', "utf-8")
    config = tmp_path / "carbonwatch.toml"
    config.write_text("".join(f"[schedules.{name}]\nenabled = false\n" for name in ("ndrc", "gov_cn", "mee")), "utf-8")
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    with serve(SITE) as server:
        args = ["crawl", "--all", "--trigger", "cron", "-a", "lids=1686", *host_map_arg(server.host_map())]
        proc = run_cli(args, tmp_path, db_url, CARBONWATCH_CONFIG=str(config), CARBONWATCH_SOURCES_FILE=str(bad))
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "'kind' must be one of" in proc.stderr
    assert {r.source for r in rows(db_url, CrawlRun)} == {"sina_finance"}
    assert rows(db_url, Article)


def test_cron_crawl_with_a_broken_sources_file_and_a_table_of_its_source_crawls_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "my-rss"\nkind = "feed"\nurll = "https://x.cn/rss"\n', "utf-8")
    config = tmp_path / "carbonwatch.toml"
    tables = "".join(f"[schedules.{name}]\nenabled = false\n" for name in ("ndrc", "gov_cn", "mee"))
    config.write_text(tables + "[schedules.my-rss]\ninterval_minutes = 30\n", "utf-8")
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    with serve(SITE) as server:
        args = ["crawl", "--all", "--trigger", "cron", "-a", "lids=1686", *host_map_arg(server.host_map())]
        proc = run_cli(args, tmp_path, db_url, CARBONWATCH_CONFIG=str(config), CARBONWATCH_SOURCES_FILE=str(bad))
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "[schedules.my-rss]: no spider or configured source named 'my-rss'" in proc.stderr
    assert {r.source for r in rows(db_url, CrawlRun)} == {"sina_finance"}


def test_run_id_of_a_finished_run_is_refused_and_the_run_left_alone(success: dict[str, Any], tmp_path: Path) -> None:
    (done,) = success["runs"]
    log_before = Path(done.log_path).read_bytes()
    proc = run_cli(["crawl", "sina_finance", "--run-id", str(done.id)], tmp_path, success["db_url"])
    assert proc.returncode == 2
    assert f"--run-id {done.id}: that run of sina_finance already ended (success); not rewriting it" in proc.stderr
    (after,) = rows(success["db_url"], CrawlRun)
    assert (after.status, after.finished_at, after.errors) == (done.status, done.finished_at, done.errors)
    assert Path(done.log_path).read_bytes() == log_before


def test_unknown_run_id_is_refused(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    proc = run_cli(["crawl", "sina_finance", "--run-id", "99999"], tmp_path, db_url)
    assert proc.returncode == 2
    assert "--run-id 99999: no such run" in proc.stderr
    assert rows(db_url, CrawlRun) == []


def test_run_id_of_another_source_is_refused(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    run_id = create_run_row(load_config({"CARBONWATCH_DATABASE_URL": db_url}), "ndrc", "daemon")
    proc = run_cli(["crawl", "sina_finance", "--run-id", str(run_id)], tmp_path, db_url)
    assert proc.returncode == 2
    assert f"--run-id {run_id} is a run of ndrc, not of sina_finance" in proc.stderr
    (row,) = rows(db_url, CrawlRun)
    assert row.status == "running"


def test_crawl_help_does_not_offer_the_daemons_run_id(tmp_path: Path) -> None:
    proc = run_cli(["crawl", "--help"], tmp_path, f"sqlite:///{tmp_path / 'cw.db'}")
    assert proc.returncode == 0
    assert "--trigger" in proc.stdout
    assert "--run-id" not in proc.stdout


def test_cron_crawl_applies_log_retention_to_run_logs_only(tmp_path: Path) -> None:
    ancient = 1_000_000_000  # September 2001, in the past whatever clock the test runs under
    old_run_log = tmp_path / "logs" / "gone-rss" / "run-1.log"
    cron_log = tmp_path / "logs" / "cron.log"
    for path in (old_run_log, cron_log):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("old\n", "utf-8")
        os.utime(path, (ancient, ancient))
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    with serve(SITE) as server:
        args = ["crawl", "sina_finance", "-a", "lids=1686", "--trigger", "cron", *host_map_arg(server.host_map())]
        proc = run_cli(args, tmp_path, db_url)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not old_run_log.exists() and not old_run_log.parent.exists()
    assert cron_log.exists()
    (run,) = rows(db_url, CrawlRun)
    assert Path(run.log_path).exists()


def test_unknown_name_suggests_a_configured_source(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[source]]\nname = "sina-finance-rss"\nkind = "feed"\nurl = "https://rsshub.app/sina/finance"\n'
    )
    proc = run_cli(
        ["crawl", "sina-finance-rs"], tmp_path, f"sqlite:///{tmp_path / 'cw.db'}", CARBONWATCH_SOURCES_FILE=str(sources)
    )
    assert proc.returncode == 2
    assert "unknown spider or source 'sina-finance-rs' (did you mean 'sina-finance-rss'?)" in proc.stderr
    assert "configured sources: sina-finance-rss" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_import_that_imports_nothing_fails(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Not a post\n\nNo front matter here.\n", "utf-8")
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    proc = run_cli(["import", str(notes)], tmp_path, db_url)
    assert proc.returncode == 1
    assert "import failed: see `carbonwatch logs 1`" in proc.stdout
    (run,) = rows(db_url, CrawlRun)
    assert run.status == "failed"
    assert run.dropped == {"import_no_front_matter": 1}


def test_import_with_one_bad_file_among_good_ones_succeeds(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Not a post\n", "utf-8")
    post = FIXTURES / "posts" / "央行推出碳减排支持工具.md"
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    proc = run_cli(["import", str(post), str(notes)], tmp_path, db_url)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (run,) = rows(db_url, CrawlRun)
    assert (run.status, run.items_new) == ("success", 1)


def test_failed_crawl_console_names_the_cause_without_tracebacks(failure: dict[str, Any]) -> None:
    err = failure["proc"].stderr
    assert "Connection was refused" in err
    assert "Traceback" not in err
    (run,) = failure["runs"]
    assert "Traceback" in Path(run.log_path).read_text("utf-8")  # the run's log keeps them


def test_cron_crawl_with_a_source_named_like_a_spider_crawls_the_rest_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "ndrc"\nkind = "feed"\nurl = "https://x.cn/rss"\n', "utf-8")
    config = tmp_path / "carbonwatch.toml"
    config.write_text("".join(f"[schedules.{name}]\nenabled = false\n" for name in ("ndrc", "gov_cn", "mee")), "utf-8")
    db_url = f"sqlite:///{tmp_path / 'cw.db'}"
    with serve(SITE) as server:
        args = ["crawl", "--all", "--trigger", "cron", "-a", "lids=1686", *host_map_arg(server.host_map())]
        proc = run_cli(args, tmp_path, db_url, CARBONWATCH_CONFIG=str(config), CARBONWATCH_SOURCES_FILE=str(bad))
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "source name(s) ndrc are spider names" in proc.stderr
    assert {r.source for r in rows(db_url, CrawlRun)} == {"sina_finance"}


def test_log_lines_carry_utc_times_with_the_offset(success: dict[str, Any]) -> None:
    (run,) = success["runs"]
    first = Path(run.log_path).read_text("utf-8").splitlines()[0]
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00 \[run \d+\] ", first), first
