"""The daemon with its production crawl command (`carbonwatch crawl SOURCE --trigger daemon --run-id N`)."""

from __future__ import annotations

import json
from pathlib import Path

from carbonwatch.devserver import serve
from scheduler.schedules import DEFAULT_COMMAND
from tests.helpers import FIXTURES
from tests.scheduler.daemonproc import articles, finished, runs, start_daemon, wait_until, write_config

SITE = FIXTURES / "sina_finance" / "site"


def test_daemon_runs_the_real_crawl_into_its_own_run_row(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    with serve(SITE) as server:
        # The default argv plus what points the spider at the local snapshot instead of Sina.
        command = [
            *DEFAULT_COMMAND,
            "-a",
            "lids=1686",
            "-s",
            f"CARBONWATCH_HOST_MAP={json.dumps(server.host_map())}",
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
            "-s",
            "DOWNLOAD_DELAY=0",
        ]
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
