"""Daemon memory over many crawls: RSS of a `carbonwatch daemon` process at run 10 and at the last run.

    .venv/bin/python benchmarks/daemon_memory.py            # 200 runs (about a minute)
    .venv/bin/python benchmarks/daemon_memory.py --quick    # 20 runs, for CI
    .venv/bin/python benchmarks/daemon_memory.py --real     # 200 real crawl processes (about 5 minutes)

The daemon is the real one (`python -m carbonwatch daemon`, SQL job store, lock, alert step). By default the crawls
are the fake quick crawl command of the tests (tests/scheduler/fake_crawl.py: writes its run row and one article),
five sources every 0.3 s, so the figure measures the daemon's own growth, not Scrapy's. With ``--real`` every run is
the production command, ``carbonwatch crawl SOURCE --trigger daemon --run-id N``, crawling the test fixture sites of
sina_finance and ndrc served on 127.0.0.1 (incremental after the first run: list pages only). Prints a Markdown
table; exits 1 when the growth reaches the target (5 MB).
"""

from __future__ import annotations

import argparse
import json
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
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


def run_statuses(db: Path) -> dict[str, int]:
    """Run rows by status, to show the crawls really succeeded."""
    with sqlite3.connect(db, timeout=30) as conn:
        return {str(k): int(v) for k, v in conn.execute("SELECT status, count(*) FROM crawl_runs GROUP BY status")}


def write_config(path: Path, db: Path) -> None:
    command = [sys.executable, str(FAKE_CRAWL), "quick", str(db), "{source}", "{run_id}", "0"]
    argv = "[" + ", ".join(f'"{a}"' for a in command) + "]"
    lines = ["[daemon]", "stop_grace_seconds = 10", f"max_concurrent = {len(SOURCES)}"]
    for source in SOURCES:
        lines += [f"[schedules.{source}]", "interval_seconds = 0.3", f"command = {argv}"]
    path.write_text("\n".join(lines) + "\n", "utf-8")


REAL_SOURCES = {
    # source: (fixture snapshot root, spider arguments)
    "sina_finance": (ROOT / "tests" / "fixtures" / "sina_finance" / "site", ["-a", "lids=1686", "-a", "max_pages=2"]),
    "ndrc": (ROOT / "tests" / "fixtures" / "ndrc", ["-a", "columns=https://www.ndrc.gov.cn/xxgk/zcfb/tz/"]),
}


def write_real_config(path: Path, host_map: dict[str, str]) -> None:
    """Every source runs the production crawl command against the local fixture sites, every second."""
    lines = ["[daemon]", "stop_grace_seconds = 30", f"max_concurrent = {len(REAL_SOURCES)}"]
    for source, (_, spider_args) in REAL_SOURCES.items():
        command = [
            sys.executable, "-m", "carbonwatch", "crawl", "{source}", "--trigger", "daemon", "--run-id", "{run_id}",
            "-s", f"CARBONWATCH_HOST_MAP={json.dumps(host_map)}", "-s", "AUTOTHROTTLE_ENABLED=False",
            *spider_args,
        ]  # fmt: skip
        argv = "[" + ", ".join(json.dumps(a) for a in command) + "]"  # JSON strings are TOML basic strings
        lines += [f"[schedules.{source}]", "interval_seconds = 1", f"command = {argv}"]
    for source in ("gov_cn", "mee"):
        lines += [f"[schedules.{source}]", "enabled = false"]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="20 runs (CI)")
    parser.add_argument("--real", action="store_true", help="real crawl processes against local fixture sites")
    parser.add_argument(
        "--entry",
        choices=("cli", "scheduler"),
        default="cli",
        help="cli: `python -m carbonwatch daemon` (default); scheduler: `python -m scheduler` (no other subcommands)",
    )
    args = parser.parse_args()
    total = 20 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="cw-daemon-mem-") as tmp_name, ExitStack() as servers:
        tmp = Path(tmp_name)
        db = tmp / "cw.db"
        config = tmp / "carbonwatch.toml"
        if args.real:
            from carbonwatch.devserver import serve

            host_map: dict[str, str] = {}
            for root, _ in REAL_SOURCES.values():
                host_map.update(servers.enter_context(serve(root)).host_map())
            write_real_config(config, host_map)
        else:
            write_config(config, db)
        env = {
            "PATH": "/usr/bin:/bin",
            "CARBONWATCH_CONFIG": str(config),
            "CARBONWATCH_DATABASE_URL": f"sqlite:///{db}",
            "CARBONWATCH_LOG_DIR": str(tmp / "logs"),
            "CARBONWATCH_DOWNLOAD_DELAY": "0",
            "CARBONWATCH_SPOOL_DIR": str(tmp / "spool"),
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
        statuses = run_statuses(db)
    growth = samples[total] - samples[10]
    entry = " ".join(["python", *ENTRIES[args.entry]])
    if args.real:
        what = f"{total} real crawl processes, {len(REAL_SOURCES)} sources every 1 s"
    else:
        what = f"{total} fake quick crawls, {len(SOURCES)} sources every 0.3 s"
    print(f"| `{entry}`: {what} | value |")
    print("|---|---|")
    print(f"| RSS at run 10 | {samples[10]:.1f} MB |")
    print(f"| RSS at run {total} | {samples[total]:.1f} MB |")
    print(f"| growth | {growth:+.2f} MB (target < {TARGET_MB:g} MB) |")
    print(f"| runs per second | {total / elapsed:.1f} |")
    print(f"| exit code after SIGTERM | {code} |")
    print(f"| run statuses | {', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))} |")
    return 0 if growth < TARGET_MB and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
