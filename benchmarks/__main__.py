"""Run every benchmark and write one results table (benchmark, figure, target, met?, method).

Run: ``python -m benchmarks [--quick] [--out FILE]`` from the project root (``--quick``: tiny sizes, proves the
harness in well under a minute; the default full run takes a few minutes on 2 cores). The table is printed and
written to ``benchmarks/results/latest.md`` (raw figures beside it as ``latest.json``).

Own benchmarks (in this process, crawls in subprocesses): crawl throughput vs a fetch-only Scrapy baseline
(:mod:`benchmarks.throughput`), extraction vs trafilatura/GNE (:mod:`benchmarks.extraction`), incremental cost
(:mod:`benchmarks.incremental`). Other scripts run as subprocesses and their Markdown tables are folded in:
``dedup_scaling``, ``store_rate``, ``daemon_memory``, ``eval_labels``, ``eval_corpus``, ``agreement``,
``rules_transfer``, ``scaleout_bench``, ``excerpt_lookup`` …; a missing script gives a "not available" row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import COLUMNS, Row, markdown_table, parse_markdown_tables

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH_DIR.parent
DEFAULT_OUT = BENCH_DIR / "results" / "latest.md"


@dataclass(frozen=True)
class External:
    """A benchmark script owned by another engineer, run as ``python -m benchmarks.<module>``."""

    module: str
    title: str
    quick_flag: bool = True  # whether it accepts --quick
    # The target and verdict of one embedded row, from its cells, when the script's table has no such columns.
    judge: Callable[[dict[str, str]], tuple[str, str]] | None = None


def _judge_precision_recall(cells: dict[str, str]) -> tuple[str, str]:
    """Classification rows: the target is perfect precision and recall on the labelled posts."""
    if "precision" not in cells or "recall" not in cells:
        return "-", "-"
    perfect = cells["precision"] == "1.000" and cells["recall"] == "1.000"
    return "precision = recall = 1.000", "yes" if perfect else "no"


EXTERNAL = (
    External("dedup_scaling", "Dedup scaling"),
    External("store_rate", "Store rate"),
    External("daemon_memory", "Daemon memory"),
    External("eval_labels", "Classification vs labels", quick_flag=False, judge=_judge_precision_recall),
    # Tuning and blind splits of the real-post corpus, each row with its own target (blind rows are judged).
    External("eval_corpus", "Classification on the real-post corpus"),
    # A second reader's labels of 100 corpus posts: how far two people agree, the ceiling a target can ask for.
    External("agreement", "Two readers of the corpus labels"),
    # The rules alone as each round was first measured and now: how much of the tuning gain the blind posts kept.
    External("rules_transfer", "Rules' gain kept on posts never read"),
    # Starts its own redis-server (a "not available" row without one) and its crawl workers.
    External("scaleout_bench", "Scale-out"),
    # Two spawned worker processes race to store the same texts: double articles before/after the store lock.
    External("neardup_race", "Near-duplicate race"),
    # The dedup pipeline's same-title query for a short text (a feed's excerpt) on a 50,000-article SQLite store.
    External("excerpt_lookup", "Excerpt lookup"),
    External("fuzz", "Fuzz run: mutated pages, feeds, roll replies"),
    # Fresh processes importing the release rules, with the compiled-regex cache off and on.
    External("rules_startup", "Rules start-up"),
    # Builds 100,000 articles and 10,000 runs per engine, serves them with `carbonwatch serve`, times the console.
    External("web_bench", "Web console"),
    # The other console pages (runs, flags, policy and article search, an article) on web_bench's SQLite database.
    External("pages_bench", "Web console pages"),
)


@dataclass
class Running:
    """An external script started (or found missing)."""

    spec: External
    proc: subprocess.Popen[str] | None
    started: float
    argv: list[str]


def start_external(spec: External, quick: bool) -> Running:
    """Start one external script (output collected later); None when the script does not exist yet."""
    argv = [sys.executable, "-m", f"benchmarks.{spec.module}"]
    if quick and spec.quick_flag:
        argv.append("--quick")
    if not (BENCH_DIR / f"{spec.module}.py").is_file():
        return Running(spec, None, time.perf_counter(), argv)
    proc = subprocess.Popen(
        argv,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CARBONWATCH_CONFIG": "", "PYTHONWARNINGS": "ignore"},
    )
    return Running(spec, proc, time.perf_counter(), argv)


def _norm(header: str) -> str:
    return header.strip().lower().rstrip("?").strip()


def rows_from_output(spec: External, stdout: str) -> list[Row]:
    """Rows from a script's Markdown tables: taken as is when it uses our columns, else embedded cell by cell."""
    context = next((ln.strip() for ln in stdout.splitlines() if ln.strip() and not ln.lstrip().startswith("|")), "")
    method = f"python -m benchmarks.{spec.module}" + (f" — {context}" if context else "")
    rows: list[Row] = []
    wanted = [_norm(c) for c in COLUMNS]
    for table in parse_markdown_tables(stdout):
        for cells in table:
            normed = {_norm(k): v for k, v in cells.items()}
            if all(c in normed for c in wanted):
                rows.append(Row(*(normed[c] for c in wanted)))
                continue
            items = list(cells.items())
            if not items:
                continue
            (first_h, first_v), rest = items[0], items[1:]
            target, met = spec.judge(normed) if spec.judge else ("-", "-")
            # A column headed "target …" holding yes/no is the script's own verdict (dedup_scaling does this).
            for header, value in rest:
                if _norm(header).startswith("target") and value.lower() in ("yes", "no"):
                    target, met = header.strip()[len("target") :].strip() or target, value.lower()
            figure = "; ".join(f"{h} {v}" for h, v in rest if v and not _norm(h).startswith("target"))
            rows.append(
                Row(f"{spec.title}: {first_v}" if first_h else spec.title, figure or first_v, target, met, method)
            )
    return rows


def finish_external(run: Running, timeout: float) -> tuple[list[Row], dict[str, Any]]:
    """Wait for a script and turn its output into rows."""
    spec = run.spec
    if run.proc is None:
        row = Row(spec.title, "not available", "-", "not available", f"benchmarks/{spec.module}.py not found")
        return [row], {"status": "missing"}
    remaining = max(1.0, timeout - (time.perf_counter() - run.started))
    try:
        stdout, stderr = run.proc.communicate(timeout=remaining)
    except subprocess.TimeoutExpired:
        run.proc.kill()
        stdout, stderr = run.proc.communicate()
        row = Row(spec.title, "not available", "-", "not available", f"timed out after {timeout:.0f} s")
        return [row], {"status": "timeout", "stderr": stderr[-2000:]}
    rows = rows_from_output(spec, stdout)
    if not rows:
        reason = (stderr.strip().splitlines() or stdout.strip().splitlines() or ["no output"])[-1]
        rows = [Row(spec.title, "not available", "-", "not available", f"exit {run.proc.returncode}: {reason}")]
    raw = {"status": "ok", "returncode": run.proc.returncode, "seconds": round(time.perf_counter() - run.started, 1)}
    return rows, raw


def _own(name: str, fn: Callable[[], tuple[list[Row], dict[str, Any]]]) -> tuple[list[Row], dict[str, Any]]:
    """Run one of our benchmarks; a crash becomes a "not available" row rather than losing the table."""
    started = time.perf_counter()
    try:
        rows, raw = fn()
    except Exception as exc:  # the table must still be written, with the failure in it
        return [Row(name, "not available", "-", "not available", f"{type(exc).__name__}: {exc}")], {"error": str(exc)}
    raw["seconds"] = round(time.perf_counter() - started, 1)
    return rows, raw


def run_all(quick: bool, workdir: Path) -> tuple[list[Row], dict[str, Any]]:
    """Every benchmark, in the table's order."""
    from benchmarks import extraction, incremental, throughput

    raw: dict[str, Any] = {}
    rows: list[Row] = []
    # Quick mode proves the harness: the other scripts run alongside. A full run measures: one thing at a time.
    running = [start_external(spec, quick) for spec in EXTERNAL] if quick else []
    sizes = {"throughput": 200 if quick else 5000, "incremental": 200 if quick else 1000}
    for name, fn in (
        (
            "throughput",
            lambda: throughput.measure(
                sizes["throughput"], workdir / "throughput", profile=None if not quick else False, polite=not quick
            ),
        ),
        ("incremental", lambda: incremental.measure(sizes["incremental"], workdir / "incremental")),
        ("extraction", lambda: extraction.measure(quick)),
    ):
        (workdir / name).mkdir(parents=True, exist_ok=True)
        got, raw[name] = _own(name, fn)
        rows += got
    timeout = 120.0 if quick else 900.0
    if not running:
        running = []
        for spec in EXTERNAL:
            run = start_external(spec, quick)
            got, raw[spec.module] = finish_external(run, timeout)
            rows += got
    else:
        for run in running:
            got, raw[run.spec.module] = finish_external(run, timeout)
            rows += got
    return rows, raw


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table and write it to ``--out``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes: proves the harness runs (CI)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown output (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cw-bench-") as tmp:
        rows, raw = run_all(args.quick, Path(tmp))
    took = time.perf_counter() - started
    header = (
        f"carbonwatch benchmarks ({'quick' if args.quick else 'full'} run), "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {took:.0f} s"
    )
    table = markdown_table(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(f"{header}\n\n{table}\n", "utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(raw, ensure_ascii=False, indent=1, default=str), "utf-8")
    print(header)
    print()
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
