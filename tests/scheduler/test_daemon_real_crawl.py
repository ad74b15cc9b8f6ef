"""The daemon with its production crawl command (`carbonwatch crawl SOURCE --trigger daemon --run-id N`)."""

from __future__ import annotations

from pathlib import Path

from carbonwatch.devserver import serve
from scheduler.schedules import DEFAULT_COMMAND, SOURCE_COMMAND
from tests.helpers import FIXTURES
from tests.scheduler.daemonproc import (
    articles,
    finished,
    local_crawl_args,
    runs,
    start_daemon,
    wait_until,
    write_config,
)

SITE = FIXTURES / "sina_finance" / "site"


def test_daemon_runs_the_real_crawl_into_its_own_run_row(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    with serve(SITE) as server:
        # The default argv plus what points the spider at the local snapshot instead of Sina.
        command = [*DEFAULT_COMMAND, "-a", "lids=1686", *local_crawl_args(server.host_map())]
        config = write_config(
            tmp_path / "carbonwatch.toml", {"sina_finance": {"interval_minutes": 60, "command": command}}
        )
        daemon = start_daemon(tmp_path, config)
        try:
            wait_until(lambda: len(finished(db, "sina_finance")) >= 1, 90, "the crawl to finish")
        finally:
            assert daemon.stop() == 0
    (run,) = runs(db)
    assert run.trigger == "daemon"
    assert run.status == "success", run.errors
    assert run.items_new > 0
    assert run.log_path and Path(run.log_path).is_file()
    assert {a.run_id for a in articles(db)} == {run.id}


def test_daemon_runs_each_configured_source_with_the_real_crawl_command(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    with serve(FIXTURES / "feed") as server:
        # The default source command (crawl feed -a source=NAME ...) pointed at the local snapshot.
        command = [*SOURCE_COMMAND, *local_crawl_args(server.host_map())]
        config = write_config(
            tmp_path / "carbonwatch.toml",
            {},
            {"source_command": command},
            sources_file=FIXTURES / "feed" / "sources.toml",
        )
        daemon = start_daemon(tmp_path, config)
        try:
            wait_until(
                lambda: len(finished(db, "sina-rss")) >= 1 and len(finished(db, "policy-atom")) >= 1,
                90,
                "both sources' crawls to finish",
            )
        finally:
            assert daemon.stop() == 0
    rows = runs(db)
    assert sorted(r.source for r in rows) == ["policy-atom", "sina-rss"]  # not feed, not the disabled source
    assert all(r.status == "success" and r.items_new > 0 for r in rows), [r.errors for r in rows]
    # The crawl logs where the daemon recorded, under the source's name.
    assert all(r.log_path and Path(r.log_path).is_file() and f"/{r.source}/" in r.log_path for r in rows)
    by_run = {r.id: r.source for r in rows}
    stored = articles(db)
    assert stored and all(a.source == by_run.get(a.run_id or 0) for a in stored)
