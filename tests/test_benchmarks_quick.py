"""The benchmark harness runs end to end: ``python -m benchmarks --quick`` writes a table with every row."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import COLUMNS, parse_markdown_tables

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Our own rows must always carry figures; other engineers' scripts may say "not available" but must be listed.
OWN_ROWS = (
    "Crawl throughput: fetch-only Scrapy baseline",
    "Crawl throughput: full sina_finance crawl",
    "Crawl throughput ratio: full / fetch-only",
    "Crawl accuracy: generated reprints linked as duplicates",
    "Incremental: re-crawl of an unchanged site",
    "Incremental: re-crawl after 1% new articles",
    "Extraction speed per page",
    "Extraction residue: boilerplate left in the text",
)
OTHER_ROWS = ("Dedup scaling", "Store rate", "Daemon memory", "Classification vs labels", "Rules start-up ratio")
# The console's benchmarks share web_bench's harness: a change there must not leave a row without figures.
WEB_ROWS = ("Web console: overview page", "Web console page: run list /runs", "Web console page: article search")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], str]:
    out = tmp_path_factory.mktemp("bench") / "latest.md"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        # a backstop for a hang, not a speed target: the harness bounds each script it starts (120 s in quick mode),
        # and on a loaded 2-core machine the thirteen it runs side by side took more than 150 s (2026-12-02)
        timeout=600,
        check=False,
    )
    return proc, out.read_text("utf-8") if out.exists() else ""


@pytest.fixture(scope="module")
def rows(quick_run: tuple[subprocess.CompletedProcess[str], str]) -> list[dict[str, str]]:
    tables = parse_markdown_tables(quick_run[1])
    return tables[0] if tables else []


@pytest.mark.timeout(660)  # the harness run is its fixture: above its own 600 s backstop
def test_quick_run_exits_cleanly(quick_run: tuple[subprocess.CompletedProcess[str], str]) -> None:
    proc, _ = quick_run
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


def test_table_has_the_agreed_columns(rows: list[dict[str, str]]) -> None:
    assert rows
    assert list(rows[0]) == list(COLUMNS)


@pytest.mark.parametrize("name", OWN_ROWS)
def test_own_row_has_a_figure(rows: list[dict[str, str]], name: str) -> None:
    row = next((r for r in rows if r["benchmark"].startswith(name)), None)
    assert row is not None, f"missing row {name}"
    assert row["figure"] and row["figure"] != "not available"
    assert row["met?"] != "not available"


@pytest.mark.parametrize("name", WEB_ROWS)
def test_web_row_has_a_figure(rows: list[dict[str, str]], name: str) -> None:
    row = next((r for r in rows if r["benchmark"].startswith(name)), None)
    assert row is not None, f"missing row {name}"
    assert "p95" in row["figure"] and row["met?"] != "not available"


@pytest.mark.parametrize("name", OTHER_ROWS)
def test_other_scripts_are_listed(rows: list[dict[str, str]], name: str) -> None:
    assert any(r["benchmark"].startswith(name) for r in rows)


def test_table_is_printed_too(quick_run: tuple[subprocess.CompletedProcess[str], str]) -> None:
    proc, written = quick_run
    assert written.splitlines()[4] in proc.stdout  # the table's first data row
    assert "| benchmark | figure | target | met? | method |" in proc.stdout
