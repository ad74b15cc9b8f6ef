"""Database faults as a user meets them: the real console script, one line on stderr, a documented exit code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CARBONWATCH = shutil.which("carbonwatch", path=str(Path(sys.executable).parent)) or "carbonwatch"
DB_COMMANDS = [
    ["runs"],
    ["status"],
    ["flags"],
    ["logs", "1"],
    ["db", "upgrade"],
    # `crawl` crawls anyway and spools (issue 15 #6): tests/robustness/test_db_down_at_start.py, on a local site.
    ["export", "flags"],
]


def _cli(args: list[str], tmp: Path, db_url: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=db_url, CARBONWATCH_LOG_DIR=str(tmp / "logs"))
    return subprocess.run(
        [CARBONWATCH, *args], cwd=tmp, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def down_pg(refused_port: int) -> str:
    return f"postgresql+psycopg://cw:s3cret@127.0.0.1:{refused_port}/cw"


@pytest.mark.parametrize("args", DB_COMMANDS, ids=lambda a: " ".join(a))
def test_unreachable_postgresql_is_one_line_and_exit_4(args: list[str], tmp_path: Path, down_pg: str) -> None:
    proc = _cli(args, tmp_path, down_pg)
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.splitlines() == [proc.stderr.strip()]
    assert "database unavailable (postgresql+psycopg://cw:***@127.0.0.1" in proc.stderr
    assert "Connection refused" in proc.stderr
    assert "s3cret" not in proc.stderr + proc.stdout


@pytest.mark.parametrize(
    ("url", "code", "says"),
    [
        ("sqlite:////proc/x.db", 4, "database unavailable"),
        ("mysql://cw@127.0.0.1/cw", 2, "no driver for the 'mysql' backend"),
        ("notaurl", 2, "bad database URL notaurl"),
    ],
)
@pytest.mark.parametrize("command", ["runs", "status"])
def test_bad_database_url_is_one_line(command: str, url: str, code: int, says: str, tmp_path: Path) -> None:
    proc = _cli([command], tmp_path, url)
    assert proc.returncode == code, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert says in proc.stderr
    assert "Traceback" not in proc.stderr


def test_status_that_cannot_check_is_not_unhealthy(tmp_path: Path, down_pg: str) -> None:
    proc = _cli(["status"], tmp_path, down_pg)
    assert proc.returncode not in (0, 1)
    assert "UNHEALTHY" not in proc.stdout


def test_verbose_adds_the_traceback(tmp_path: Path, down_pg: str) -> None:
    proc = _cli(["-v", "runs"], tmp_path, down_pg)
    assert proc.returncode == 4
    assert "Traceback" in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("carbonwatch runs: database unavailable")


def test_unknown_migration_revision_is_a_usage_error(tmp_path: Path) -> None:
    proc = _cli(["db", "upgrade", "--revision", "nosuch"], tmp_path, f"sqlite:///{tmp_path / 'cw.db'}")
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"carbonwatch db upgrade: schema migration on sqlite:///{tmp_path / 'cw.db'}: "
        "Can't locate revision identified by 'nosuch'"
    )


def test_sqlite_file_in_a_missing_directory_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typo' / 'cw.db'}"
    proc = _cli(["runs"], tmp_path, url)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"carbonwatch runs: bad database URL {url}: the directory {tmp_path / 'typo'} of the SQLite database does "
        "not exist (a mistyped path?); create it, or run `carbonwatch db upgrade` to create the database there "
        "(see CARBONWATCH_DATABASE_URL)"
    )
    assert not (tmp_path / "typo").exists()


def test_db_upgrade_may_create_a_new_sqlite_database_and_its_directory(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'cw.db'}"
    assert _cli(["db", "upgrade"], tmp_path, url).returncode == 0
    assert (tmp_path / "new" / "cw.db").is_file()
    proc = _cli(["runs"], tmp_path, url)
    assert (proc.returncode, proc.stdout.strip()) == (0, "no crawl runs recorded")


def test_output_to_a_reader_that_went_away_is_no_traceback(tmp_path: Path) -> None:
    # `carbonwatch runs | head -1`: head exits after one line; the rest of the output has nowhere to go.
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    assert _cli(["db", "upgrade"], tmp_path, url).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=url)
    proc = subprocess.run(
        [CARBONWATCH, "runs"], cwd=tmp_path, env=env, stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120
    )
    os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, "")


@pytest.mark.parametrize("args", [["runs", "-n", "0"], ["runs", "-n", "-5"], ["logs", "1", "--tail", "0"]])
def test_counts_below_one_are_usage_errors(args: list[str], tmp_path: Path) -> None:
    proc = _cli(args, tmp_path, f"sqlite:///{tmp_path / 'cw.db'}")
    assert proc.returncode == 2
    assert "must be a whole number of at least 1" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("CARBONWATCH_LOG_LEVEL", "LOUD", "log_level must be one of"),
        ("CARBONWATCH_RULES_FILE", "/nope.toml", "/nope.toml"),
    ],
)
def test_bad_setting_stops_every_command_at_start(variable: str, value: str, says: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'cw.db'}", **{variable: value})
    proc = subprocess.run(
        [CARBONWATCH, "crawl", "ndrc"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("carbonwatch: configuration error: ") and says in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "cw.db").exists()


def test_runs_of_a_source_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cw.db'}"
    proc = _cli(["runs", "--source", "ndcr"], tmp_path, url)
    assert proc.returncode == 2
    assert "unknown spider or source 'ndcr' (did you mean 'ndrc'?)" in proc.stderr
    known = _cli(["runs", "--source", "ndrc"], tmp_path, url)
    assert (known.returncode, known.stdout.strip()) == (0, "no crawl runs recorded matching the filter")


@pytest.mark.parametrize("entry", [[CARBONWATCH, "daemon"], [sys.executable, "-m", "scheduler"]], ids=["cli", "module"])
def test_daemon_with_an_unreachable_database_is_one_line_and_exit_4(
    entry: list[str], tmp_path: Path, down_pg: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABASE_URL=down_pg, CARBONWATCH_LOG_DIR=str(tmp_path / "logs"))
    proc = subprocess.run(entry, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("carbonwatch daemon: database unavailable")
    assert "Traceback" not in proc.stderr


def test_a_misspelled_variable_is_named_with_a_suggestion(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARBONWATCH_")}
    env.update(CARBONWATCH_CONFIG="", CARBONWATCH_DATABSE_URL="sqlite:///elsewhere.db")
    proc = subprocess.run([CARBONWATCH, "runs"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert "CARBONWATCH_DATABSE_URL is not a carbonwatch variable and is ignored" in proc.stderr
    assert "(did you mean 'CARBONWATCH_DATABASE_URL'?)" in proc.stderr
