"""Cron mode agrees with the daemon: ``crawl --all`` runs each enabled source, configured ones too, as its own run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.config import Config
from carbonwatch.crawlrun import CrawlSetupError, CrawlTarget, enabled_targets, resolve_targets
from carbonwatch.devserver import serve
from scheduler.schedules import DEFAULT_SCHEDULES
from tests.helpers import FIXTURES, PROJECT_ROOT
from tests.scheduler.daemonproc import runs, write_config

SOURCES = FIXTURES / "feed" / "sources.toml"  # sina-rss and policy-atom enabled, sina-rss-full disabled
BUILTINS_OFF: dict[str, Any] = {s: {"enabled": False} for s in DEFAULT_SCHEDULES}


def _config(**schedules: Any) -> Config:
    return replace(Config(), sources_file=SOURCES, extra={"schedules": {**BUILTINS_OFF, **schedules}})


def _feed(name: str) -> CrawlTarget:
    return CrawlTarget(name, "feed", (("source", name),))


def test_all_runs_each_enabled_configured_source_not_the_feed_spider() -> None:
    assert enabled_targets(_config()) == [_feed("policy-atom"), _feed("sina-rss")]


def test_all_runs_builtin_spiders_as_themselves() -> None:
    targets = enabled_targets(replace(_config(), extra={}))
    assert [t.source for t in targets] == ["gov_cn", "mee", "ndrc", "policy-atom", "sina-rss", "sina_finance"]
    assert CrawlTarget("ndrc", "ndrc") in targets


def test_all_skips_sources_disabled_in_the_schedules() -> None:
    assert enabled_targets(_config(**{"sina-rss": {"enabled": False}})) == [_feed("policy-atom")]


def test_all_with_a_bad_sources_file_is_a_setup_error(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "blog"\nurl = "https://x.cn/"\n', "utf-8")
    with pytest.raises(CrawlSetupError, match="'kind' must be one of"):
        enabled_targets(replace(_config(), sources_file=bad))


def test_a_configured_source_can_be_named_on_the_command_line() -> None:
    assert resolve_targets(["sina-rss-full", "ndrc"], _config()) == [
        _feed("sina-rss-full"),
        CrawlTarget("ndrc", "ndrc"),
    ]


def test_feed_with_a_source_argument_runs_as_that_source() -> None:
    assert resolve_targets(["feed"], _config(), {"source": "sina-rss"}) == [CrawlTarget("sina-rss", "feed")]
    assert CrawlTarget.of("feed") == CrawlTarget("feed", "feed")
    assert CrawlTarget.of("ndrc", {"source": "x"}) == CrawlTarget("ndrc", "ndrc")


def test_cron_crawl_all_records_one_run_per_configured_source(tmp_path: Path) -> None:
    db = tmp_path / "cw.db"
    config = write_config(tmp_path / "carbonwatch.toml", {}, sources_file=SOURCES)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(
        CARBONWATCH_CONFIG=str(config),
        CARBONWATCH_DATABASE_URL=f"sqlite:///{db}",
        CARBONWATCH_LOG_DIR=str(tmp_path / "logs"),
        CARBONWATCH_DOWNLOAD_DELAY="0",
    )
    with serve(FIXTURES / "feed") as server:
        argv = ["crawl", "--all", "--trigger", "cron", "-s", f"CARBONWATCH_HOST_MAP={json.dumps(server.host_map())}"]
        proc = subprocess.run(
            [sys.executable, "-m", "carbonwatch", *argv, "-s", "AUTOTHROTTLE_ENABLED=False"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = runs(db)
    assert [(r.source, r.trigger, r.status) for r in rows] == [
        ("policy-atom", "cron", "success"),
        ("sina-rss", "cron", "success"),
    ]
    assert all(r.items_new > 0 and r.log_path and f"/{r.source}/run-{r.id}.log" in r.log_path for r in rows)


def test_all_with_a_bad_sources_file_still_runs_the_builtins_when_asked_to(tmp_path: Path) -> None:
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "blog"\nurl = "https://x.cn/"\n', "utf-8")
    problems: list[str] = []
    targets = enabled_targets(replace(Config(), sources_file=bad), problems)
    assert CrawlTarget("sina_finance", "sina_finance") in targets
    assert all(t.spider not in ("feed", "site") for t in targets)
    assert len(problems) == 1
    assert "'kind' must be one of" in problems[0]
