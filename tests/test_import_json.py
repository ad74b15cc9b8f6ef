"""``carbonwatch import --json``: the import run as one JSON line, the record `runs --json` prints, nothing else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import FIXTURES, PROJECT_ROOT


def test_import_json_prints_the_run_record_alone(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(
        CARBONWATCH_CONFIG="",
        CARBONWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'cw.db'}",
        CARBONWATCH_LOG_DIR=str(tmp_path / "logs"),
    )
    post = FIXTURES / "posts" / "央行推出碳减排支持工具.md"
    proc = subprocess.run(
        [sys.executable, "-m", "carbonwatch", "import", "--json", str(post)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    [record] = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (record["source"], record["trigger"], record["status"], record["items_new"]) == (
        "import",
        "import",
        "success",
        1,
    )
    assert record["started_at"].endswith("+00:00")
