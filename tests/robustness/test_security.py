"""Hostile pages, SSRF attempts, secrets and config files: what a crawl lets in, fetches and writes down (issue 7).

Engine-level: crawls of the bad-input corpus's ``hostile`` and ``ssrf`` roll lids through the dev server. The
remote-control/telnet settings are covered by tests/test_settings.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import CrawlResult
from tests.robustness.support import (
    CASES,
    Hit,
    RecordingServer,
    article_rows,
    cli_crawl,
    copy_corpus,
    point_at_server,
    recording_server,
    run_rows,
    run_sina,
)

# clock_free: "date" appears here only in a Hexo post's front matter, whose title the test checks; nothing here is
# measured against the clock, so its crawls are not run again a year ahead (tests/conftest.py)
pytestmark = [pytest.mark.timeout(300), pytest.mark.clock_free]

ACTIVE_CONTENT = re.compile(
    r"<script|<iframe|<object|<embed|<form|<svg|<style|<link|<base|<meta|<input"
    r"|\bon[a-z]+\s*=|javascript:|data:|vbscript:|expression\s*\(",
    re.IGNORECASE,
)
WEBHOOK_TOKEN = "tok-9f8e7d6c5b4a-s3cr3t"
PG_PASSWORD = "hunter2-secret"


@dataclass
class Crawled:
    server: RecordingServer
    db_url: str
    result: CrawlResult
    hits: list[Hit]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, RecordingServer]]:
    tmp = tmp_path_factory.mktemp("security-site")
    root = copy_corpus(tmp)
    with recording_server(root) as server:
        point_at_server(root, server)
        yield tmp, server


@pytest.fixture(scope="module")
def hostile(site: tuple[Path, RecordingServer], tmp_path_factory: pytest.TempPathFactory) -> Crawled:
    _, server = site
    tmp = tmp_path_factory.mktemp("hostile")
    db_url = f"sqlite:///{tmp / 'carbonwatch.db'}"
    mark = len(server.hits)
    result = run_sina(server, tmp, db_url, [CASES["hostile"]["lid"], CASES["ssrf"]["lid"]])
    return Crawled(server, db_url, result, server.hits_since(mark))


def hostile_row(crawled: Crawled) -> dict[str, object]:
    from crawler.urls import canonicalize

    return article_rows(crawled.db_url)[canonicalize(CASES["hostile"]["url"])]


# -- hostile markup ------------------------------------------------------------------------------------------------


def test_hostile_page_is_stored_with_its_real_text(hostile: Crawled) -> None:
    row = hostile_row(hostile)
    assert "二氧化碳排放" in str(row["text"])
    assert "点击查看更多碳排放数据" in str(row["text"])


def test_stored_html_holds_no_active_content(hostile: Crawled) -> None:
    html = str(hostile_row(hostile)["html"])
    assert ACTIVE_CONTENT.findall(html) == []


def test_stored_text_holds_no_script_source(hostile: Crawled) -> None:
    text = str(hostile_row(hostile)["text"])
    assert "document.cookie" not in text
    assert "alert(" not in text


def test_links_inside_a_hostile_page_are_never_requested(hostile: Crawled) -> None:
    assert not [h for h in hostile.hits if h.path.startswith(("/evil.example.com", "/ssrf-probe", "/admin"))]


# -- SSRF ----------------------------------------------------------------------------------------------------------


def test_internal_urls_in_roll_replies_are_never_requested(hostile: Crawled) -> None:
    assert not [h for h in hostile.hits if "ssrf-probe" in h.path or "meta-data" in h.path]
    assert not [h for h in hostile.hits if h.path.startswith("/evil.example.com")]


def test_blocked_roll_urls_are_counted(hostile: Crawled) -> None:
    blocked = hostile.result.stat("offsite/filtered") + hostile.result.stat("carbonwatch/drop/ssrf_blocked")
    assert blocked >= 7  # six internal http(s) addresses and one foreign host
    assert hostile.result.stat("carbonwatch/drop/roll_item_no_url") >= 2  # file:// and ftp://


def test_no_internal_url_or_local_file_is_stored(hostile: Crawled) -> None:
    rows = article_rows(hostile.db_url)
    assert not [u for u in rows if "sina.com.cn" not in u]
    assert not [u for u, r in rows.items() if "root:x:0:0" in str(r["text"])]


def test_ssrf_guard_blocks_internal_addresses_even_without_the_offsite_filter(
    site: tuple[Path, RecordingServer], tmp_path: Path
) -> None:
    _, server = site
    mark = len(server.hits)
    result = run_sina(
        server,
        tmp_path,
        f"sqlite:///{tmp_path / 'carbonwatch.db'}",
        [CASES["ssrf"]["lid"]],
        settings={
            "DOWNLOADER_MIDDLEWARES": {
                "crawler.middlewares.SsrfGuardMiddleware": 50,
                "crawler.middlewares.RetryAfterMiddleware": 560,
                "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
            },
            "DOWNLOAD_TIMEOUT": "2",
        },
    )
    hits = server.hits_since(mark)
    assert result.returncode == 0
    assert not [h for h in hits if "ssrf-probe" in h.path or "meta-data" in h.path]
    assert result.stat("carbonwatch/drop/ssrf_blocked") == 6
    assert "refused http://169.254.169.254/latest/meta-data/" in result.log


# -- secrets -------------------------------------------------------------------------------------------------------


def everything_written(tmp_path: Path, proc: subprocess.CompletedProcess[str], db_url: str) -> str:
    """stdout, stderr, every log file and every crawl_runs row, as one string to grep."""
    logs = [p.read_text("utf-8", errors="replace") for p in (tmp_path / "logs").rglob("*") if p.is_file()]
    runs = json.dumps(run_rows(db_url), default=str, ensure_ascii=False)
    return "\n".join([proc.stdout, proc.stderr, *logs, runs])


def test_webhook_token_never_reaches_logs_output_or_run_record(
    site: tuple[Path, RecordingServer], tmp_path: Path
) -> None:
    _, server = site
    db_url = f"sqlite:///{tmp_path / 'carbonwatch.db'}"
    hook = f"https://hooks.example.invalid/services/{WEBHOOK_TOKEN}?token={WEBHOOK_TOKEN}"
    proc = cli_crawl(
        server,
        tmp_path,
        {"CARBONWATCH_DATABASE_URL": db_url, "CARBONWATCH_NOTIFY_URLS": hook},
    )
    written = everything_written(tmp_path, proc, db_url)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert list((tmp_path / "logs").rglob("*.log"))  # the run log exists, so the grep below means something
    assert WEBHOOK_TOKEN not in written


@pytest.fixture
def pg_secret_url(pg_url: str) -> Iterator[str]:
    """``pg_url``'s database reached through a role with a password (created here, dropped afterwards)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    role = f"cw_secret_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    db = make_url(pg_url).database
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{PG_PASSWORD}'"))
        conn.execute(text(f'GRANT ALL ON DATABASE "{db}" TO {role}'))
        conn.execute(text(f"GRANT ALL ON SCHEMA public TO {role}"))
    try:
        yield make_url(pg_url).set(username=role, password=PG_PASSWORD).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"REASSIGN OWNED BY {role} TO CURRENT_USER"))
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        admin.dispose()


@pytest.mark.postgres
def test_database_password_never_reaches_logs_output_or_run_record(
    site: tuple[Path, RecordingServer], tmp_path: Path, pg_secret_url: str
) -> None:
    _, server = site
    proc = cli_crawl(server, tmp_path, {"CARBONWATCH_DATABASE_URL": pg_secret_url})
    written = everything_written(tmp_path, proc, pg_secret_url)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert run_rows(pg_secret_url)  # the crawl did use this database
    assert PG_PASSWORD not in written


# -- configuration files ---------------------------------------------------------------------------------------


def test_oversized_config_file_is_refused(tmp_path: Path) -> None:
    from carbonwatch.config import ConfigError, load_config

    big = tmp_path / "carbonwatch.toml"
    big.write_text("# padding\n" * 210_000, "utf-8")  # about 2 MB
    with pytest.raises(ConfigError, match="larger than"):
        load_config(env={}, path=big)


def test_oversized_rules_file_is_refused(tmp_path: Path) -> None:
    from carbonwatch.classify.rules import RulesError, load_rules

    big = tmp_path / "rules.toml"
    big.write_text("# padding\n" * 210_000, "utf-8")
    with pytest.raises(RulesError, match="limit"):
        load_rules(big)


def test_oversized_sources_file_is_refused(tmp_path: Path) -> None:
    from crawler.sources import SourceError, load_sources

    big = tmp_path / "sources.toml"
    big.write_text("# padding\n" * 210_000, "utf-8")
    with pytest.raises(SourceError, match="larger than"):
        load_sources(big)


def test_yaml_tag_in_post_front_matter_is_plain_text(tmp_path: Path) -> None:
    # Hexo posts are the one YAML-looking input: a python/object tag must stay a string and run nothing.
    from carbonwatch.posts import parse_post

    marker = tmp_path / "pwned"
    text = (
        "\n---\n"
        f"title: !!python/object/apply:os.system ['touch {marker}']\n"
        "author: !!python/object/new:subprocess.Popen [['true']]\n"
        "date: Tue, 16 Nov 2021 03:43:46 GMT\n"
        "---\n\n<div><p>　　正文。</p></div>\n"
    )
    post = parse_post(text)
    assert "python/object" in post.title
    assert not marker.exists()
