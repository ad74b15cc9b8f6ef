"""``carbonwatch demo`` end to end: the bundled snapshot, the real spiders, a temporary database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from carbonwatch.cli.demo import DEMO_SITE, DEMO_SPIDERS
from storage.db import open_store
from storage.models import Article, ArticleDuplicate, CrawlRun

MAX_SNAPSHOT_BYTES = 3 * 1024 * 1024


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("demo")
    db_url = f"sqlite:///{tmp / 'demo.db'}"
    env = {**os.environ, "CARBONWATCH_CONFIG": "", "CARBONWATCH_LOG_DIR": str(tmp / "logs"), "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-m", "carbonwatch", "demo", "--db", db_url],
        cwd=tmp,  # the demo must find its snapshot wherever it is started from
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    engine, sessions = open_store(db_url)
    try:
        with sessions() as session:
            result = {
                "proc": proc,
                "cwd_db": tmp / "carbonwatch.db",
                "articles": session.scalar(select(func.count()).select_from(Article)) or 0,
                "duplicates": session.scalar(select(func.count()).select_from(ArticleDuplicate)) or 0,
                "runs": list(session.scalars(select(CrawlRun)).all()),
                "sources": set(session.scalars(select(Article.source).distinct()).all()),
                "excerpts": [
                    (d.source, d.title)
                    for d in session.scalars(select(ArticleDuplicate).where(ArticleDuplicate.kind == "excerpt"))
                ],
            }
    finally:
        engine.dispose()
    return result


def test_demo_exits_0(demo: dict[str, Any]) -> None:
    assert demo["proc"].returncode == 0, demo["proc"].stdout[-2000:] + demo["proc"].stderr[-3000:]


def test_demo_stores_articles(demo: dict[str, Any]) -> None:
    assert demo["articles"] > 0
    assert "sina_finance" in demo["sources"]


def test_demo_links_the_reprinted_posts_as_duplicates(demo: dict[str, Any]) -> None:
    # the three byte-identical 1-11月 industrial-profit posts: one article, two duplicates (at least)
    assert demo["duplicates"] >= 2


def test_demo_links_the_feeds_excerpt_of_a_sina_article_instead_of_storing_it_twice(demo: dict[str, Any]) -> None:
    assert demo["excerpts"] == [("sina-finance-rss", "发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成")]


def test_demo_runs_are_recorded_with_trigger_demo(demo: dict[str, Any]) -> None:
    assert {r.trigger for r in demo["runs"]} == {"demo"}
    assert {r.source for r in demo["runs"]} <= set(DEMO_SPIDERS)


def test_demo_feed_runs_under_its_source_name(demo: dict[str, Any]) -> None:
    # As the daemon and `crawl --all` name it: the configured source, never the generic `feed` spider.
    assert "sina-finance-rss" in {r.source for r in demo["runs"]}
    assert "feed" not in {r.source for r in demo["runs"]}
    assert "sina-finance-rss" in demo["sources"]


def test_demo_prints_what_it_stored(demo: dict[str, Any]) -> None:
    out = demo["proc"].stdout
    assert "stored articles:" in out and "duplicates linked:" in out
    assert "Traceback" not in demo["proc"].stderr


def test_snapshot_is_small_and_has_robots_txt_per_host() -> None:
    files = [p for p in DEMO_SITE.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < MAX_SNAPSHOT_BYTES
    hosts = [p for p in DEMO_SITE.iterdir() if p.is_dir()]
    assert all((h / "robots.txt").is_file() for h in hosts)


def test_snapshot_lists_both_default_lids() -> None:
    roll = DEMO_SITE / "feed.mix.sina.com.cn" / "api" / "roll" / "get"
    assert (roll / "lid=1686&page=1").is_file() and (roll / "lid=1689&page=1").is_file()


def test_demo_writes_only_to_the_given_database(demo: dict[str, Any]) -> None:
    assert not demo["cwd_db"].exists()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_keep_serving_stops_on_ctrl_c_and_sigterm(tmp_path: Path, sig: signal.Signals) -> None:
    env = {**os.environ, "CARBONWATCH_CONFIG": "", "CARBONWATCH_LOG_DIR": str(tmp_path / "logs"), "COLUMNS": "200"}
    out = tmp_path / "demo.out"
    with out.open("wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "carbonwatch", "demo", "--keep-serving", "--db", f"sqlite:///{tmp_path / 'd.db'}"],
            cwd=tmp_path,
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while "stops it" not in out.read_text("utf-8", "replace"):
            assert proc.poll() is None and time.monotonic() < deadline, out.read_text("utf-8", "replace")[-3000:]
            time.sleep(0.2)
        proc.send_signal(sig)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "snapshot server stopped" in out.read_text("utf-8")


def test_the_daemon_tour_crawls_the_snapshot(tmp_path: Path) -> None:
    # The README's offline tour: `demo --keep-serving` writes carbonwatch-demo.toml; a daemon started with it
    # crawls every demo source from the snapshot server, as scheduled runs.
    from tests.scheduler.daemonproc import runs, wait_until

    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_LOG_DIR=str(tmp_path / "logs"), COLUMNS="200")
    out = tmp_path / "demo.out"
    with out.open("wb") as fh:
        demo = subprocess.Popen(
            [sys.executable, "-m", "carbonwatch", "demo", "--keep-serving", "--db", f"sqlite:///{tmp_path / 'd.db'}"],
            cwd=tmp_path,
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    daemon: subprocess.Popen[bytes] | None = None
    try:
        wait_until(lambda: "stops it" in out.read_text("utf-8", "replace"), 120, "the demo to serve")
        assert "CARBONWATCH_CONFIG=carbonwatch-demo.toml carbonwatch daemon" in out.read_text("utf-8")
        with (tmp_path / "daemon.out").open("wb") as fh:
            daemon = subprocess.Popen(
                [sys.executable, "-m", "carbonwatch", "daemon"],
                cwd=tmp_path,
                env={**env, "CARBONWATCH_CONFIG": "carbonwatch-demo.toml"},
                stdout=fh,
                stderr=subprocess.STDOUT,
            )

        def scheduled() -> set[str]:
            return {r.source for r in runs(tmp_path / "d.db") if r.trigger == "daemon" and r.status == "success"}

        wait_until(lambda: scheduled() >= set(DEMO_SPIDERS), 120, "a scheduled run of every demo source")
    finally:
        for proc in (daemon, demo):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=60)
    assert daemon is not None and daemon.returncode == 0
    assert demo.returncode == 0
