"""Trying a configured source before scheduling it, and a crawl whose selectors no longer match, as operators see them.

``carbonwatch source test NAME`` runs as a subprocess against the local snapshot server (through the host map, the
SSRF guard on). ``carbonwatch crawl`` of a site source whose ``body_selector`` matches nothing still succeeds (the
run's other pages could be good) but shows the drops and a warning line instead of "success, 0 new, 0 dropped".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from carbonwatch.cli.crawl import layout_warning
from carbonwatch.crawlrun import SpiderSummary
from carbonwatch.devserver import SnapshotServer, serve
from tests.helpers import FIXTURES, PROJECT_ROOT

SITE_SOURCES = FIXTURES / "site" / "sources.toml"
FEED_SOURCES = FIXTURES / "feed" / "sources.toml"
ARTICLE = "https://fgw.example.gov.cn/zcfg/202202/t20220215_101.html"


@pytest.fixture(scope="module")
def site_server() -> Iterator[SnapshotServer]:
    # With ETags, as real sites send them: a crawl would remember them (http_validators), a probe must not.
    with serve(FIXTURES / "site", validators=True) as server:
        yield server


def run_cli(
    args: list[str], tmp: Path, sources: Path, server: SnapshotServer | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m carbonwatch ARGS`` with a scratch database and ``sources``; snapshot hosts mapped to ``server``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(
        CARBONWATCH_CONFIG="",
        CARBONWATCH_DATABASE_URL=f"sqlite:///{tmp / 'cw.db'}",
        CARBONWATCH_LOG_DIR=str(tmp / "logs"),
        CARBONWATCH_SOURCES_FILE=str(sources),
        CARBONWATCH_DOWNLOAD_DELAY="0",
        COLUMNS="200",
    )
    mapped = ["-s", f"CARBONWATCH_HOST_MAP={json.dumps(server.host_map())}"] if server else []
    return subprocess.run(
        [sys.executable, "-m", "carbonwatch", *args, *mapped, "-s", "AUTOTHROTTLE_ENABLED=False"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def broken(tmp: Path, old: str, new: str) -> Path:
    """The site test sources with one selector replaced, as after the site's redesign."""
    path = tmp / "sources.toml"
    path.write_text(SITE_SOURCES.read_text("utf-8").replace(old, new), "utf-8")
    return path


@dataclass
class Probe:
    proc: subprocess.CompletedProcess[str]
    db_url: str


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory, site_server: SnapshotServer) -> Probe:
    from storage.db import open_store

    tmp = tmp_path_factory.mktemp("probe_ok")
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    open_store(db_url)[0].dispose()  # an existing store, to show the probe adds nothing to it
    return Probe(run_cli(["source", "test", "province-fgw"], tmp, SITE_SOURCES, site_server), db_url)


@pytest.fixture(scope="module")
def good(probe: Probe) -> subprocess.CompletedProcess[str]:
    return probe.proc


def test_working_selectors_exit_0(good: subprocess.CompletedProcess[str]) -> None:
    assert good.returncode == 0, good.stderr
    assert "FAILED" not in good.stdout
    assert good.stdout.rstrip().splitlines()[-1].startswith("ok: ")


def test_report_shows_the_links_the_list_selector_found(good: subprocess.CompletedProcess[str]) -> None:
    assert "links    2 by list_selector 'ul.news-list li a'" in good.stdout
    assert f"关于印发某省碳达峰实施方案的通知  <{ARTICLE}>" in good.stdout
    assert "next     https://fgw.example.gov.cn/zcfg/index_1.html" in good.stdout


def test_report_shows_what_the_article_selectors_read(good: subprocess.CompletedProcess[str]) -> None:
    assert f"article    200  {ARTICLE}" in good.stdout
    assert "title    关于印发某省碳达峰实施方案的通知" in good.stdout
    assert "date     2022-02-15 10:00  → 2022-02-15T02:00:00+00:00" in good.stdout
    assert "body     51 characters of text (94 of HTML, 51 after cleaning)" in good.stdout


def test_a_probe_stores_nothing_and_records_no_run(probe: Probe) -> None:
    from sqlalchemy import func, select

    from storage.db import open_store
    from storage.models import Article, CrawlRun, HttpValidator

    engine, sessions = open_store(probe.db_url)
    with sessions() as session:
        counts = [session.scalar(select(func.count()).select_from(m)) for m in (Article, CrawlRun, HttpValidator)]
    engine.dispose()
    assert counts == [0, 0, 0]


def test_body_selector_matching_nothing_exits_1_naming_it(tmp_path: Path, site_server: SnapshotServer) -> None:
    proc = run_cli(
        ["source", "test", "province-fgw"], tmp_path, broken(tmp_path, "div.detail-content", "div.x"), site_server
    )
    assert proc.returncode == 1
    assert f"FAILED: body_selector 'div.x' matched nothing on {ARTICLE}" in proc.stdout
    assert "ok: " not in proc.stdout


def test_body_selector_matching_too_little_text_exits_1_saying_a_crawl_would_drop_it(
    tmp_path: Path, site_server: SnapshotServer
) -> None:
    # The date line instead of the article: it matches, but the clean pipeline drops a body that short.
    sources = broken(tmp_path, 'body_selector = "div.detail-content"', 'body_selector = "span.pubtime"')
    proc = run_cli(["source", "test", "province-fgw"], tmp_path, sources, site_server)
    assert proc.returncode == 1
    assert "FAILED: body_selector 'span.pubtime' matched, but only" in proc.stdout
    assert "(drop/empty_body)" in proc.stdout


def test_a_page_without_a_date_is_shown_but_not_fatal() -> None:
    from carbonwatch.cli.source import format_report
    from crawler.probe import ProbeReport

    report = ProbeReport(
        source="province-fgw",
        kind="site",
        selectors={"list_selector": "ul a", "date_selector": "span.x::text"},
        list_status=200,
        links_found=1,
        article_url=ARTICLE,
        article_status=200,
        article_from="page",
        title="标题",
    )
    lines = format_report(report)
    assert "  date     - (date_selector 'span.x::text' matched nothing: the crawl stores no publication time)" in lines
    assert lines[-1].startswith("ok: ")


def test_list_selector_matching_nothing_exits_1_naming_it(tmp_path: Path, site_server: SnapshotServer) -> None:
    proc = run_cli(
        ["source", "test", "province-fgw", "--json"],
        tmp_path,
        broken(tmp_path, "ul.news-list li a", "ul.x a"),
        site_server,
    )
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert (report["ok"], report["links_found"], report["article_url"]) == (False, 0, None)
    assert report["problems"][0].startswith("list_selector 'ul.x a' matched no links on https://fgw.example.gov.cn/")


def test_the_ssrf_guard_is_on(tmp_path: Path) -> None:
    # The source names the loopback address itself (no host map): a crawl would refuse it, so the probe does.
    with serve(FIXTURES / "site") as server:
        direct = f"{server.base_url}/fgw.example.gov.cn/zcfg/"
        sources = broken(tmp_path, "https://fgw.example.gov.cn/zcfg/", direct)
        proc = run_cli(["source", "test", "province-fgw"], tmp_path, sources)
        reached = list(server.requests)
    assert proc.returncode == 1
    assert "could not be fetched: refused before fetching: ssrf_blocked" in proc.stdout
    assert reached == []


def test_unknown_source_is_a_usage_error_listing_the_configured_ones(tmp_path: Path) -> None:
    proc = run_cli(["sources", "test", "province"], tmp_path, SITE_SOURCES)
    assert proc.returncode == 2
    assert "no configured source 'province'; configured: province-fgw" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_feed_source_that_follows_links_reads_the_linked_page(tmp_path: Path) -> None:
    with serve(FIXTURES / "feed") as server:
        proc = run_cli(["source", "test", "policy-atom", "--json"], tmp_path, FEED_SOURCES, server)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["links_found"] > 0
    assert (report["article_from"], report["article_status"]) == ("page", 200)
    assert report["body_text_chars"] > 0


def test_crawl_with_a_body_selector_matching_nothing_shows_drops_and_a_warning(
    tmp_path: Path, site_server: SnapshotServer
) -> None:
    proc = run_cli(["crawl", "province-fgw"], tmp_path, broken(tmp_path, "div.detail-content", "div.x"), site_server)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no_body 3" in proc.stdout  # the dropped column
    assert "warning: province-fgw: page layout changed? 3 detail page(s) without a body in run #1" in proc.stdout
    assert "try its selectors with `carbonwatch source test province-fgw`" in proc.stdout


def test_a_run_with_layout_errors_gets_a_warning_line() -> None:
    run = SpiderSummary(
        spider="province-fgw",
        run_id=7,
        status="success",
        dropped={"no_body": 3},
        errors=[{"kind": "layout/no_body", "count": 3}],
    )
    assert layout_warning(run) == (
        "warning: province-fgw: page layout changed? 3 detail page(s) without a body in run #7 (carbonwatch logs 7)"
    )
    assert layout_warning(run, configured=True) == (
        "warning: province-fgw: page layout changed? 3 detail page(s) without a body in run #7 (carbonwatch logs 7)"
        "; try its selectors with `carbonwatch source test province-fgw`"
    )


def test_a_clean_run_gets_no_warning_line() -> None:
    run = SpiderSummary(spider="ndrc", run_id=8, status="success", errors=[{"kind": "http_404", "count": 1}])
    assert layout_warning(run) is None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "nothing was fetched"),
        ({"list_status": 200, "links_found": 3}, "the list was read but not the article"),
    ],
)
def test_a_probe_that_stopped_short_is_not_a_success(fields: dict[str, int], expected: str) -> None:
    from crawler.probe import ProbeReport

    report = ProbeReport(source="province-fgw", kind="site", **fields)  # type: ignore[arg-type]  # ints only here
    report.settle()
    assert not report.ok
    assert report.problems[0].startswith(expected)


def test_a_complete_probe_stays_a_success() -> None:
    from crawler.probe import ProbeReport

    report = ProbeReport(source="province-fgw", kind="site", list_status=200, links_found=3, article_from="page")
    report.settle()
    assert report.ok


def test_a_broken_sources_file_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nname = "x"\nkind = "site"\nurl = "https://a.example.cn/"\nlist_selectr = "a"\n')
    proc = run_cli(["source", "test", "x"], tmp_path, sources)
    assert proc.returncode == 2
    assert "unknown key 'list_selectr' (did you mean 'list_selector'?)" in proc.stderr
    assert "Traceback" not in proc.stderr
