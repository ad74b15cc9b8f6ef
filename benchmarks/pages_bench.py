"""Web console pages: latency and weight of every page besides the overview, on a large database.

Run: ``.venv/bin/python -m benchmarks.pages_bench [--quick] [--articles N]``. Builds the same SQLite database as
:mod:`benchmarks.web_bench` (100,000 articles, 10,000 runs, 2,000 flagged policies; bulk inserts), starts
``carbonwatch serve`` on it in its own process and times sequential keep-alive requests (p50/p95 after warm-up) of
the run list (plain and filtered), a run, the flags, a flag with its highlighted article, the policy search, the
article search (a word that matches the newest rows; a word of three characters that matches none, answered by the
full-text index; one of two characters, which has no trigram and reads every text, timed over at most 20 requests),
and an article page. ``--quick``: 2,000 articles, few requests. Prints a Markdown table (benchmark, figure, target,
met?, method). The overview and ``/api/flags`` are :mod:`benchmarks.web_bench`'s.
"""

from __future__ import annotations

import argparse
import http.client
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import Row, markdown_table
from benchmarks.web_bench import Sizes, generate, latency, serving

TARGET_P95_MS = 50.0  # the target for the overview, applied to every page
# Two characters hold no trigram: this search still reads every text, so it gets fewer requests.
SCAN_LABEL = "article search ?q=碳汇 (2 characters, matches none: reads every text)"
SCAN_REQUESTS = 20


def _size(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers={"Accept": "text/html"})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}: {body[:300]!r}")
    return len(body)


def pages(sizes: Sizes) -> list[tuple[str, str]]:
    """(label, path) of the pages measured; ids in the middle of the generated rows."""
    article = sizes.articles // 2
    return [
        ("run list /runs", "/runs"),
        ("run list, status=failed", "/runs?status=failed"),
        ("run page /runs/{id}", f"/runs/{sizes.runs // 2}"),
        ("flag list /flags", "/flags"),
        ("flag page /flags/{id}", f"/flags/{sizes.flags // 2}"),
        ("policy search ?q=行动方案", "/policies?q=%E8%A1%8C%E5%8A%A8%E6%96%B9%E6%A1%88"),
        ("article list /articles", "/articles"),
        ("article search ?q=碳中和 (matches the newest)", "/articles?q=%E7%A2%B3%E4%B8%AD%E5%92%8C"),
        (
            "article search ?q=碳汇交易 (matches none; full-text index)",
            "/articles?q=%E7%A2%B3%E6%B1%87%E4%BA%A4%E6%98%93",
        ),
        (SCAN_LABEL, "/articles?q=%E7%A2%B3%E6%B1%87"),
        ("article page /articles/{id}", f"/articles/{article}"),
    ]


def measure(sizes: Sizes, workdir: Path) -> list[Row]:
    """Generate, serve and time every page."""
    url = f"sqlite:///{workdir / 'pages.db'}"
    started = time.perf_counter()
    generate(url, sizes, now=datetime.now(UTC))
    built = time.perf_counter() - started
    method = (
        f"python -m benchmarks.pages_bench: SQLite, {sizes.articles:,} articles, {sizes.runs:,} runs, "
        f"{sizes.flags:,} flags (built in {built:.0f} s, web_bench's generator); carbonwatch serve in its own "
        f"process; {sizes.sequential} sequential keep-alive requests after 5 warm-up; 2 shared cores"
    )
    rows = []
    with serving(url, workdir) as (port, _pid):
        for label, path in pages(sizes):
            p50, p95 = latency(
                port, path, min(sizes.sequential, SCAN_REQUESTS) if label == SCAN_LABEL else sizes.sequential
            )
            rows.append(
                Row(
                    f"Web console page: {label}",
                    f"p50 {p50:.1f} ms, p95 {p95:.1f} ms; {_size(port, path) / 1024:.1f} KiB HTML",
                    f"p95 < {TARGET_P95_MS:.0f} ms",
                    "yes" if p95 < TARGET_P95_MS else "no",
                    method,
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small database, few requests (proves the harness)")
    parser.add_argument("--articles", type=int, default=None)
    args = parser.parse_args()
    if args.quick:
        sizes = Sizes(articles=2000, runs=200, flags=100, sequential=20, concurrent=0)
    else:
        sizes = Sizes(articles=100_000, runs=10_000, flags=2000, sequential=200, concurrent=0)
    if args.articles is not None:
        sizes = Sizes(args.articles, sizes.runs, min(sizes.flags, args.articles), sizes.sequential, 0)
    with tempfile.TemporaryDirectory(prefix="cw-pages-bench-") as tmp:
        print(markdown_table(measure(sizes, Path(tmp))))


if __name__ == "__main__":
    main()
