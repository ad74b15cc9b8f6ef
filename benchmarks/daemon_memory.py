"""Daemon memory over many crawls: RSS of a `carbonwatch daemon` process at run 10 and at the last run.

    .venv/bin/python benchmarks/daemon_memory.py            # 200 runs (about a minute)
    .venv/bin/python benchmarks/daemon_memory.py --quick    # 20 runs, for CI

The daemon is the real one (`python -m carbonwatch daemon`, SQL job store, lock, alert step); the crawls are
the fake quick crawl command of the tests (tests/scheduler/fake_crawl.py: writes its run row and one article),
five sources every 0.3 s, so the figure measures the daemon's own growth, not Scrapy's. Prints a Markdown table;
exits 1 when the growth reaches the target (5 MB).
"""

from __future__ import annotations

import argparse
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FAKE_CRAWL = ROOT / "tests" / "scheduler" / "fake_crawl.py"
SOURCES = ("sina_finance", "ndrc", "gov_cn", "mee", "feed")
TARGET_MB = 5.0
ENTRIES = {"cli": ["-m", "carbonwatch", "daemon"], "scheduler": ["-m", "scheduler"]}


def rss_mb(pid: int) -> float:
    """Resident set size of ``pid`` in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def finished_runs(db: Path) -> int:
    """How many run rows are complete (0 while the schema is being created)."""
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            row = conn.execute("SELECT count(*) FROM crawl_runs WHERE status != 'running'").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0])


def write_config(path: Path, db: Path) -> None:
    command = [sys.executable, str(FAKE_CRAWL), "quick", str(db), "{source}", "{run_id}", "0"]
    argv = "[" + ", ".join(f'"{a}"' for a in command) + "]"
    lines = ["[daemon]", "stop_grace_seconds = 10", f"max_concurrent = {len(SOURCES)}"]
    for source in SOURCES:
        lines += [f"[schedules.{source}]", "interval_seconds = 0.3", f"command = {argv}"]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="20 runs (CI)")
    parser.add_argument(
        "--entry",
        choices=("cli", "scheduler"),
        default="cli",
        help="cli: `python -m carbonwatch daemon` (default); scheduler: `python -m scheduler` (no other subcommands)",
    )
    args = parser.parse_args()
    total = 20 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="cw-daemon-mem-") as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "cw.db"
        config = tmp / "carbonwatch.toml"
        write_config(config, db)
        env = {
            "PATH": "/usr/bin:/bin",
            "CARBONWATCH_CONFIG": str(config),
            "CARBONWATCH_DATABASE_URL": f"sqlite:///{db}",
            "CARBONWATCH_LOG_DIR": str(tmp / "logs"),
        }
        with (tmp / "daemon.out").open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, *ENTRIES[args.entry]], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        started = time.monotonic()
        samples: dict[int, float] = {}
        try:
            for mark in (10, total):
                while finished_runs(db) < mark:
                    if proc.poll() is not None:
                        print((tmp / "daemon.out").read_text()[-3000:], file=sys.stderr)
                        raise SystemExit(f"daemon exited early with code {proc.returncode}")
                    time.sleep(0.05)
                samples[mark] = rss_mb(proc.pid)
            elapsed = time.monotonic() - started
        finally:
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=60)
    growth = samples[total] - samples[10]
    entry = " ".join(["python", *ENTRIES[args.entry]])
    print(f"| `{entry}`: {total} fake quick crawls, {len(SOURCES)} sources every 0.3 s | value |")
    print("|---|---|")
    print(f"| RSS at run 10 | {samples[10]:.1f} MB |")
    print(f"| RSS at run {total} | {samples[total]:.1f} MB |")
    print(f"| growth | {growth:+.2f} MB (target < {TARGET_MB:g} MB) |")
    print(f"| runs per second | {total / elapsed:.1f} |")
    print(f"| exit code after SIGTERM | {code} |")
    return 0 if growth < TARGET_MB and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
