"""The deployment files do what they say: cron lines load the environment file the systemd unit reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import PROJECT_ROOT

CRONTAB = PROJECT_ROOT / "deploy" / "crontab.example"
UNIT = PROJECT_ROOT / "deploy" / "carbonwatch-daemon.service"
ENV_FILE = "/etc/carbonwatch/env"
SRV = "/srv/carbonwatch"


def _cron_commands() -> list[str]:
    lines = [line for line in CRONTAB.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return [line.split(None, 5)[5] for line in lines]


def test_the_unit_reads_the_env_file() -> None:
    assert f"EnvironmentFile=-{ENV_FILE}" in UNIT.read_text("utf-8")


def test_every_cron_line_loads_the_env_file_first() -> None:
    commands = _cron_commands()
    assert len(commands) == 2
    for command in commands:
        assert f"set -a && . {ENV_FILE} && set +a && " in command
        assert command.index(ENV_FILE) < command.index(".venv/bin/carbonwatch")


def test_the_status_line_uses_the_database_of_the_env_file(tmp_path: Path) -> None:
    srv = tmp_path / "srv"
    srv.mkdir()
    (srv / ".venv").symlink_to(Path(sys.executable).parent.parent)
    db = tmp_path / "data" / "cw.db"
    db.parent.mkdir()
    env_file = tmp_path / "env"
    env_file.write_text(f"CARBONWATCH_DATABASE_URL=sqlite:///{db}\nCARBONWATCH_LOG_DIR={tmp_path / 'logs'}\n", "utf-8")
    status_line = next(c for c in _cron_commands() if "carbonwatch status" in c)
    command = status_line.replace(ENV_FILE, str(env_file)).replace(SRV, str(srv))
    # What cron gives a job: no CARBONWATCH_* variables, /bin/sh.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    proc = subprocess.run(["/bin/sh", "-c", command], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1, proc.stderr  # every source never run: unhealthy, printed for cron's mail
    assert "never run" in proc.stdout
    assert db.is_file()
    assert not (srv / "carbonwatch.db").exists()
