"""The contract views: same columns and values on SQLite and PostgreSQL, the README's query, ``carbonwatch export``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import open_store
from storage.models import Article, CrawlRun, Flag, Policy
from storage.types import iso_utc
from storage.views import VIEWS
from tests.helpers import PROJECT_ROOT

# Fixed times on both sides of the README's watermark (2026-11-28T00:00:00.000+00:00), down to the microsecond.
BEFORE = datetime(2026, 11, 27, 23, 59, 59, 999999, tzinfo=UTC)
JUST_AFTER = datetime(2026, 11, 28, 0, 0, 0, 1500, tzinfo=UTC)
LATER = datetime(2027, 1, 2, 3, 4, 5, 999999, tzinfo=UTC)
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each engine (PostgreSQL only when CARBONWATCH_TEST_PG_URL is set)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'views.db'}"
    pg: str = request.getfixturevalue("pg_url")
    return pg


def _populate(url: str) -> None:
    """One run; three carbon-relevant articles, each the first release of a document flagged at its time."""
    engine, sessions = open_store(url)
    with sessions.begin() as session:
        run = CrawlRun(source="ndrc", trigger="cron", status="success", started_at=BEFORE, finished_at=LATER)
        session.add(run)
        session.flush()
        for n, when in enumerate((BEFORE, JUST_AFTER, LATER), 1):
            article = Article(
                canonical_url=f"https://www.ndrc.gov.cn/{n}",
                url=f"https://www.ndrc.gov.cn/{n}?from=list",
                source="ndrc",
                title=f"关于印发《碳达峰方案{n}》的通知",
                html="<p>碳达峰</p>",
                text="碳达峰",
                content_hash=f"{n:064d}",
                published_at=when,
                first_seen_at=when,
                updated_at=when,
                carbon_relevant=True,
                flag=True,
                meta={"issuer": "国家发展改革委"},
                run_id=run.id,
            )
            policy = Policy(
                key=f"k{n}",
                title=f"碳达峰方案{n}",
                title_norm=f"碳达峰方案{n}",
                issuer="国家发展改革委",
                doc_number=f"发改环资〔2026〕{n}号",
                first_seen_at=when,
            )
            session.add_all([article, policy])
            session.flush()
            session.add(
                Flag(
                    policy_id=policy.id,
                    article_id=article.id,
                    title=policy.title,
                    created_at=when,
                    run_id=run.id,
                    evidence={"document": {"cue": "印发"}, "carbon": {"score": 3.0}},
                )
            )
    engine.dispose()


def _query(url: str, sql: str) -> list[dict[str, object]]:
    engine, _ = open_store(url)
    try:
        with engine.connect() as conn:
            return [dict(row) for row in conn.execute(text(sql)).mappings()]
    finally:
        engine.dispose()


def readme_query() -> str:
    """The query docs/schema.md (linked from the README's schema section) documents."""
    readme = (PROJECT_ROOT / "docs" / "schema.md").read_text("utf-8")
    section = readme[readme.index("What was flagged since a watermark") :]
    return section[section.index("```sql") + len("```sql") : section.index("```", section.index("```sql") + 6)]


def test_readme_query_returns_the_releases_flagged_after_the_watermark(url: str) -> None:
    _populate(url)
    rows = _query(url, readme_query())
    assert [r["flagged_at"] for r in rows] == [iso_utc(JUST_AFTER), iso_utc(LATER)]
    first = rows[0]
    assert (first["title"], first["issuer"], first["doc_number"]) == (
        "碳达峰方案2",
        "国家发展改革委",
        "发改环资〔2026〕2号",
    )
    assert rows[0]["article_url"] == "https://www.ndrc.gov.cn/2?from=list"
    assert json.loads(str(rows[0]["evidence"]))["document"] == {"cue": "印发"}


def test_view_times_are_the_iso_text_of_the_stored_times(url: str) -> None:
    _populate(url)
    (run,) = _query(url, "SELECT started_at, finished_at FROM v_runs")
    assert (run["started_at"], run["finished_at"]) == ("2026-11-27T23:59:59.999+00:00", "2027-01-02T03:04:05.999+00:00")
    articles = _query(url, "SELECT published_at, first_seen_at, updated_at FROM v_articles ORDER BY id")
    assert all(ISO_UTC.match(str(v)) for row in articles for v in row.values())
    assert articles[1]["first_seen_at"] == "2026-11-28T00:00:00.001+00:00"


def test_view_columns_are_the_documented_ones(url: str) -> None:
    _populate(url)
    for view in VIEWS.values():
        (row,) = _query(url, f"SELECT * FROM {view.name} ORDER BY {view.key} LIMIT 1")
        assert tuple(row) == view.columns


def test_view_booleans_are_0_or_1_and_json_is_text(url: str) -> None:
    _populate(url)
    (article,) = _query(url, "SELECT carbon_relevant, policy_release, flagged, meta FROM v_articles WHERE id = 1")
    assert (article["carbon_relevant"], article["policy_release"], article["flagged"]) == (1, 0, 1)
    assert json.loads(str(article["meta"])) == {"issuer": "国家发展改革委"}


def _export(url: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=url, CARBONWATCH_LOG_DIR=str(tmp / "logs"))
    return subprocess.run(
        [sys.executable, "-m", "carbonwatch", "export", *args],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_export_flags_since_as_json_lines(url: str, tmp_path: Path) -> None:
    _populate(url)
    proc = _export(url, tmp_path, "flags", "--since", "2026-11-28T00:00:00.000+00:00")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["flagged_at"] for r in rows] == [iso_utc(JUST_AFTER), iso_utc(LATER)]
    assert tuple(rows[0]) == VIEWS["flags"].columns
    assert rows[0]["evidence"]["document"]["cue"] == "印发"
    assert "exported 2 row(s) of v_flagged_releases" in proc.stderr


def test_export_articles_as_csv(url: str, tmp_path: Path) -> None:
    _populate(url)
    out = tmp_path / "articles.csv"
    proc = _export(url, tmp_path, "articles", "--format", "csv", "-o", str(out), "--since", "2027-01-01")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert [r["canonical_url"] for r in rows] == ["https://www.ndrc.gov.cn/3"]
    assert rows[0]["first_seen_at"] == iso_utc(LATER)
    assert tuple(rows[0]) == VIEWS["articles"].columns


def test_export_of_an_empty_view_as_csv_still_has_its_header(tmp_path: Path) -> None:
    proc = _export(f"sqlite:///{tmp_path / 'empty.db'}", tmp_path, "runs", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [",".join(VIEWS["runs"].columns)]


def test_flags_json_times_are_in_the_views_form(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'views.db'}"
    _populate(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=url)
    proc = subprocess.run(
        [sys.executable, "-m", "carbonwatch", "flags", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    newest = json.loads(proc.stdout.splitlines()[0])["created_at"]  # JSON lines, newest first
    assert newest == iso_utc(LATER)
    assert _query(url, f"SELECT flag_id FROM v_flagged_releases WHERE flagged_at >= '{newest}'") == [{"flag_id": 3}]


def test_export_to_an_unwritable_file_is_one_line(tmp_path: Path) -> None:
    proc = _export(f"sqlite:///{tmp_path / 'v.db'}", tmp_path, "runs", "-o", str(tmp_path / "no" / "runs.jsonl"))
    assert proc.returncode == 2
    assert (
        proc.stderr.strip()
        == f"carbonwatch export: cannot write {tmp_path / 'no' / 'runs.jsonl'}: No such file or directory"
    )
