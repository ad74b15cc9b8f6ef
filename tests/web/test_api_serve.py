"""`carbonwatch serve` as operators start it: its own process, answering on its port, refusing an unsafe bind.

(Kept apart from the clock-marked modules: nothing here depends on the calendar, so CI runs it once.)
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.helpers import PROJECT_ROOT


def test_serve_refuses_a_public_host_without_a_token(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "CARBONWATCH_DATABASE_URL": f"sqlite:///{tmp_path}/cw.db"}
    proc = subprocess.run(
        [sys.executable, "-m", "carbonwatch", "serve", "--host", "0.0.0.0", "--port", "0"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (proc.returncode, "--allow-anonymous-read" in proc.stderr) == (2, True)


def test_serve_answers_on_the_port_it_reports(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env["CARBONWATCH_DATABASE_URL"] = f"sqlite:///{tmp_path / 'cw.db'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "carbonwatch", "serve", "--port", "0"],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(PROJECT_ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        port = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert port is not None, line
        with urllib.request.urlopen(f"http://127.0.0.1:{port.group(1)}/healthz", timeout=10) as response:
            body = response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # uvicorn stops gracefully on SIGTERM, then re-raises it: the exit status systemd expects of a stopped service.
    assert (body, proc.returncode) == (b'{"status":"ok"}', -signal.SIGTERM)
