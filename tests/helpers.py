"""Test helpers: run a real Scrapy crawl in a subprocess against a local snapshot server and read its stats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class CrawlResult:
    """What a crawl subprocess left behind."""

    returncode: int
    stats: dict[str, Any]
    log: str

    def stat(self, key: str) -> int:
        """An integer stat, 0 when absent."""
        return int(self.stats.get(key, 0))


def crawl(
    spider: str,
    *,
    tmp_path: Path,
    db_url: str,
    host_map: dict[str, str] | None = None,
    settings: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    spider_args: dict[str, str] | None = None,
) -> CrawlResult:
    """Run ``scrapy crawl SPIDER`` in a subprocess (the Twisted reactor starts once per process)."""
    stats_file = tmp_path / f"stats-{spider}-{os.getpid()}-{len(list(tmp_path.glob('stats-*')))}.json"
    opts = {
        "CARBONWATCH_DATABASE_URL": db_url,
        "CARBONWATCH_STATS_FILE": str(stats_file),
        "CARBONWATCH_HOST_MAP": json.dumps(host_map or {}),
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "LOG_LEVEL": "INFO",
        **{k: v if isinstance(v, str) else json.dumps(v) for k, v in (settings or {}).items()},
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider]
    for key, value in opts.items():
        cmd += ["-s", f"{key}={value}"]
    for key, value in (spider_args or {}).items():
        cmd += ["-a", f"{key}={value}"]
    proc_env = {**os.environ, "CARBONWATCH_CONFIG": "", **(env or {})}
    proc = subprocess.run(
        cmd, cwd=PROJECT_ROOT, env=proc_env, capture_output=True, text=True, timeout=timeout, check=False
    )
    stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
    return CrawlResult(proc.returncode, stats, proc.stdout + proc.stderr)
