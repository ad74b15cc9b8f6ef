"""Web console speed: requests/s and latency of the overview page, /api/flags and /metrics on a large database.

Run: ``.venv/bin/python -m benchmarks.web_bench [--quick] [--articles N] [--runs N] [--pg-url URL]``. Builds a
database of 100,000 articles, 10,000 runs and 2,000 flagged policies (bulk inserts), starts ``carbonwatch serve``
on it in its own process, and measures from this process over HTTP/1.1 keep-alive: latency from sequential
requests (p50/p95), throughput from 4 concurrent clients, and the server process's CPU per request (from /proc,
not inflated by other load). SQLite always; PostgreSQL from ``--pg-url`` or ``CARBONWATCH_TEST_PG_URL``, else a
throw-away server (see :mod:`benchmarks.store_rate`), VACUUM ANALYZEd after the bulk load as autovacuum would. The
page weight is the overview's HTML plus the stylesheets and scripts it links. ``--quick``: 2,000 articles, 200
runs, few requests, SQLite only unless ``--pg-url``. Prints a Markdown table (benchmark, figure, target, met?,
method).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from benchmarks import Row, markdown_table
from benchmarks.store_rate import postgres
from storage.db import open_store
from storage.models import Article, CrawlRun, Flag, Policy, PolicyMention

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("sina_finance", "ndrc", "gov_cn", "mee", "feed")
TARGET_P95_MS = 50.0
CHUNK = 5000
ASSET_RE = re.compile(r'(?:href|src)="(/static/[^"]+)"')
PORT_RE = re.compile(r"http://127\.0\.0\.1:(\d+)/")


@dataclass(frozen=True)
class Sizes:
    """How much to generate and measure."""

    articles: int
    runs: int
    flags: int
    sequential: int
    concurrent: int


def generate(url: str, sizes: Sizes, *, now: datetime) -> None:
    """Fill a migrated database with articles, runs and flagged policies (bulk inserts, fixed seed)."""
    rng = random.Random(13)
    engine, _ = open_store(url, create_dirs=True)
    try:
        with engine.begin() as conn:
            run_rows = []
            for i in range(sizes.runs):
                started = now - timedelta(minutes=15 * (sizes.runs - i))
                status = "success" if rng.random() < 0.95 else rng.choice(("failed", "timeout"))
                run_rows.append(
                    {
                        "source": SOURCES[i % len(SOURCES)],
                        "trigger": "daemon",
                        "status": status,
                        "started_at": started,
                        "finished_at": started + timedelta(seconds=rng.uniform(2, 120)),
                        "exit_code": 0 if status == "success" else 1,
                        "requests": rng.randint(10, 200),
                        "responses": {"200": 50},
                        "items_new": rng.randint(0, 20),
                        "items_revised": rng.randint(0, 2),
                        "items_duplicate": rng.randint(0, 5),
                        "items_unchanged": rng.randint(0, 40),
                        "dropped": {"too_short": rng.randint(0, 3), "no_date": rng.randint(0, 1)},
                        "flags_raised": 0,
                        "errors": [{"kind": "http/404", "count": rng.randint(0, 2)}],
                        "stats": {},
                    }
                )
            for start in range(0, len(run_rows), CHUNK):
                conn.execute(insert(CrawlRun.__table__), run_rows[start : start + CHUNK])
            flagged = set(rng.sample(range(sizes.articles), sizes.flags))
            rows = []
            for i in range(sizes.articles):
                seen = now - timedelta(minutes=(sizes.articles - i) * 5)
                carbon = i in flagged or rng.random() < 0.05
                rows.append(
                    {
                        "canonical_url": f"https://finance.sina.com.cn/roll/doc-i{i:09d}.shtml",
                        "url": f"https://finance.sina.com.cn/roll/doc-i{i:09d}.shtml",
                        "source": SOURCES[i % len(SOURCES)],
                        "doc_id": f"i{i:09d}",
                        "title": f"第{i}号 关于推进碳达峰碳中和工作的通知 新闻标题",
                        "published_at": seen - timedelta(minutes=30),
                        "first_seen_at": seen,
                        "updated_at": seen,
                        "html": "<p>" + "国务院印发行动方案，推进碳达峰碳中和。" * 8 + "</p>",
                        "text": "国务院印发行动方案，推进碳达峰碳中和。" * 8,
                        "content_hash": f"{i:064x}",
                        "revision": 1,
                        "keywords": [],
                        "meta": {},
                        "attachments": [],
                        "carbon_relevant": carbon,
                        "carbon_score": 3.0 if carbon else 0.0,
                        "carbon_evidence": [],
                        "policy_release": i in flagged,
                        "policy_documents": [],
                        "flag": i in flagged,
                        "run_id": rng.randint(1, sizes.runs),
                    }
                )
                if len(rows) == CHUNK:
                    conn.execute(insert(Article.__table__), rows)
                    rows = []
            if rows:
                conn.execute(insert(Article.__table__), rows)
            evidence = {
                "document": {"cue": "印发", "title": "《行动方案》"},
                "carbon": {"score": 3.0, "threshold": 2.0, "evidence": [{"term": "碳达峰", "start": 10, "end": 13}]},
            }
            policies, mentions, flags = [], [], []
            for n, article in enumerate(sorted(flagged), start=1):
                seen = now - timedelta(minutes=(sizes.articles - article) * 5)
                policies.append(
                    {
                        "key": f"《第{n}号行动方案》@国务院",
                        "title": f"《第{n}号行动方案》",
                        "title_norm": f"第{n}号行动方案",
                        "issuer": "国务院",
                        "doc_number": f"国发〔2026〕{n}号",
                        "doc_type": "行动方案",
                        "carbon_relevant": True,
                        "first_seen_at": seen,
                        "first_article_id": article + 1,
                        "released_at": seen,
                    }
                )
                mentions.append({"policy_id": n, "article_id": article + 1, "is_release": True, "seen_at": seen})
                flags.append(
                    {
                        "policy_id": n,
                        "article_id": article + 1,
                        "title": f"《第{n}号行动方案》",
                        "evidence": evidence,
                        "created_at": seen,
                        "run_id": None,
                    }
                )
            for table, values in ((Policy, policies), (PolicyMention, mentions), (Flag, flags)):
                for start in range(0, len(values), CHUNK):
                    conn.execute(insert(table.__table__), values[start : start + CHUNK])
        if engine.dialect.name == "postgresql":
            # What autovacuum does to a long-lived database: planner statistics and the visibility map (index-only
            # counts). Without it a bulk-loaded table is measured in a state production never stays in.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
    finally:
        engine.dispose()


@contextmanager
def serving(url: str, workdir: Path) -> Iterator[tuple[int, int]]:
    """``carbonwatch serve`` on a free port over ``url``; yields the port and the server's pid."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_DATABASE_URL=url, CARBONWATCH_LOG_DIR=str(workdir / "logs"), PYTHONWARNINGS="ignore")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.Popen(
        [sys.executable, "-m", "carbonwatch", "serve", "--port", "0"],
        cwd=workdir,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        found = PORT_RE.search(line)
        if found is None:
            raise RuntimeError(f"carbonwatch serve did not start: {line}{proc.stderr.read()}")
        yield int(found.group(1)), proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _get(conn: http.client.HTTPConnection, path: str) -> bytes:
    conn.request("GET", path, headers={"Accept": "text/html,application/json"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}: {body[:300]!r}")
    return body


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process ``pid`` has used (Linux /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def latency(port: int, path: str, count: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds of ``count`` sequential requests (after a few warm-up requests)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for _ in range(5):
        _get(conn, path)
    times = []
    for _ in range(count):
        start = time.perf_counter()
        _get(conn, path)
        times.append((time.perf_counter() - start) * 1000)
    conn.close()
    cuts = statistics.quantiles(times, n=20)
    return statistics.median(times), cuts[18]


def throughput(port: int, path: str, count: int, clients: int = 4) -> float:
    """Requests per second of ``count`` requests spread over ``clients`` concurrent keep-alive connections."""
    per_client = max(count // clients, 1)

    def work() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(per_client):
            _get(conn, path)
        conn.close()

    threads = [threading.Thread(target=work) for _ in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return per_client * clients / (time.perf_counter() - start)


def page_weight(port: int) -> tuple[int, int, int]:
    """Bytes of the overview's HTML, of the assets it links, and how many assets."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    html = _get(conn, "/")
    assets = sorted(set(ASSET_RE.findall(html.decode("utf-8", "replace"))))
    total = sum(len(_get(conn, path)) for path in assets)
    conn.close()
    return len(html), total, len(assets)


def measure(engine_name: str, url: str, sizes: Sizes, workdir: Path) -> list[Row]:
    """Generate, serve and measure one database."""
    started = time.perf_counter()
    generate(url, sizes, now=datetime.now(UTC))
    built = time.perf_counter() - started
    what = f"{sizes.articles:,} articles, {sizes.runs:,} runs, {sizes.flags:,} flags"
    method = (
        f"python -m benchmarks.web_bench: {engine_name}, {what} (built in {built:.0f} s); carbonwatch serve in its "
        f"own process; {sizes.sequential} sequential keep-alive requests after 5 warm-up, then {sizes.concurrent} "
        "over 4 concurrent clients; 2 shared cores"
    )
    rows = []
    with serving(url, workdir) as (port, pid):
        for label, path, target in (
            ("overview page /", "/", True),
            ("/api/flags (50 newest)", "/api/flags", True),
            ("/metrics scrape", "/metrics", False),
        ):
            cpu_before = cpu_seconds(pid)
            p50, p95 = latency(port, path, sizes.sequential)
            # Server CPU per request: unlike wall-clock latency, not inflated when other work shares the cores.
            cpu_ms = (cpu_seconds(pid) - cpu_before) * 1000 / (sizes.sequential + 5)
            rps = throughput(port, path, sizes.concurrent)
            judged = target and engine_name == "SQLite"
            rows.append(
                Row(
                    f"Web console: {label} on {engine_name}",
                    f"p50 {p50:.1f} ms, p95 {p95:.1f} ms; {rps:.0f} requests/s (4 clients); "
                    f"server CPU {cpu_ms:.1f} ms/request",
                    f"p95 < {TARGET_P95_MS:.0f} ms" if judged else "-",
                    ("yes" if p95 < TARGET_P95_MS else "no") if judged else "-",
                    method,
                )
            )
        if engine_name == "SQLite":
            html, assets, count = page_weight(port)
            rows.append(
                Row(
                    "Web console: overview page weight",
                    f"{(html + assets) / 1024:.1f} KiB: HTML {html / 1024:.1f} KiB + {count} linked asset(s) "
                    f"{assets / 1024:.1f} KiB, no JavaScript framework",
                    "-",
                    "-",
                    method,
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small database, few requests (proves the harness)")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--pg-url", default=None, help="PostgreSQL server URL (default CARBONWATCH_TEST_PG_URL)")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    if args.quick:
        sizes = Sizes(articles=2000, runs=200, flags=100, sequential=10, concurrent=8)
    else:
        sizes = Sizes(articles=100_000, runs=10_000, flags=2000, sequential=300, concurrent=400)
    if args.articles is not None:
        sizes = Sizes(args.articles, sizes.runs, min(sizes.flags, args.articles), sizes.sequential, sizes.concurrent)
    if args.runs is not None:
        sizes = Sizes(sizes.articles, args.runs, sizes.flags, sizes.sequential, sizes.concurrent)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cw-webbench-") as tmp:
        workdir = Path(tmp)
        rows += measure("SQLite", f"sqlite:///{workdir / 'web.db'}", sizes, workdir)
        if args.quick and not args.pg_url:
            # --quick proves the harness beside every other benchmark: one engine is enough (the full run has both).
            skipped = "skipped in --quick (give --pg-url to include it)"
            rows.append(Row("Web console on PostgreSQL", skipped, "-", "-", "-"))
        elif not args.no_pg:
            with postgres(args.pg_url) as pg_url:
                if pg_url is None:
                    rows.append(Row("Web console on PostgreSQL", "not available (no server)", "-", "-", "-"))
                else:
                    rows += measure("PostgreSQL", pg_url, sizes, workdir)
    print(f"Web console on {sizes.articles:,} articles and {sizes.runs:,} runs")
    print()
    print(markdown_table(rows))


if __name__ == "__main__":
    main()
