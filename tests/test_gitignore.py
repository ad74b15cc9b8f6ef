"""Files a crawl or the daemon leaves beside the default SQLite database in the working directory are ignored by git."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.helpers import PROJECT_ROOT


@pytest.mark.skipif(shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists(), reason="needs a git checkout")
@pytest.mark.parametrize(
    "name",
    [
        "carbonwatch.db",
        "carbonwatch.db-wal",
        "carbonwatch.db.daemon.lock",
        "carbonwatch.db.crawl-ndrc-25537ae3.lock",  # scheduler.lock.source_lock_path beside the database
        "carbonwatch.db.crawl-sina-finance-rss-613a65d1.lock",
        "logs/ndrc/run-7.log",
    ],
)
def test_runtime_files_are_ignored(name: str) -> None:
    command = ["git", "check-ignore", "--no-index", "-q", name]
    proc = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, timeout=30, check=False)
    assert proc.returncode == 0, f"{name} is not ignored by .gitignore"
