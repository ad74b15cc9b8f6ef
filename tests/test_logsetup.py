"""Per-run log files: path layout, run-id tagging, JSON lines, redaction, and the stderr fallback."""

from __future__ import annotations

import io
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from carbonwatch.config import Config
from carbonwatch.logsetup import log_path_for, redact, run_logging

log = logging.getLogger("tests.logsetup")


def test_log_path_layout(tmp_path: Path) -> None:
    config = replace(Config(), log_dir=tmp_path)
    assert log_path_for(config, "sina_finance", 7) == tmp_path / "sina_finance" / "run-7.log"
    assert log_path_for(config, "../etc", 1).parent.parent == tmp_path  # a source name cannot escape log_dir


def test_redact_hides_passwords_only() -> None:
    text = "db postgresql+psycopg://crawler:s3cr3t@db:5432/cw and https://example.com/a@b"
    out = redact(text)
    assert "s3cr3t" not in out
    assert "postgresql+psycopg://crawler:***@db:5432/cw" in out
    assert "https://example.com/a@b" in out


def test_text_lines_carry_the_run_id_and_no_secret(tmp_path: Path) -> None:
    config = replace(Config(), log_dir=tmp_path)
    with run_logging(config, "sina_finance", 12) as handler:
        log.warning("connecting to %s", "postgresql://u:hunter2@h/db")
    text = handler.path.read_text("utf-8")
    assert "[run 12] WARNING tests.logsetup: connecting to postgresql://u:***@h/db" in text
    assert "hunter2" not in text


def test_json_lines(tmp_path: Path) -> None:
    config = replace(Config(), log_dir=tmp_path, log_format="json")
    with run_logging(config, "ndrc", 3) as handler:
        log.info("hello %s", "world")
    (record,) = [json.loads(line) for line in handler.path.read_text("utf-8").splitlines()]
    assert record["run_id"] == "3" and record["message"] == "hello world" and record["level"] == "INFO"


def test_handler_is_removed_after_the_run(tmp_path: Path) -> None:
    config = replace(Config(), log_dir=tmp_path)
    with run_logging(config, "sina_finance", 1) as handler:
        pass
    log.warning("after the run")
    assert handler not in logging.getLogger().handlers
    assert "after the run" not in handler.path.read_text("utf-8")


def test_unwritable_log_dir_falls_back_to_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_dir"
    blocker.write_text("x")  # a file where the directory should be: mkdir fails, even as root
    config = replace(Config(), log_dir=blocker)
    err = io.StringIO()
    with run_logging(config, "sina_finance", 5, fallback=err) as handler:
        log.warning("still logged")
    assert handler.failed
    assert "cannot write log file" in err.getvalue()
    assert "[run 5] WARNING tests.logsetup: still logged" in err.getvalue()


def test_redact_hides_a_password_that_contains_at_signs() -> None:
    line = "connecting to postgresql://cw:p@ss@w0rd@db.internal:5432/cw failed"
    out = redact(line)
    assert "ss@w0rd" not in out and "p@ss" not in out
    assert "postgresql://cw:***@db.internal:5432/cw failed" in out


def test_console_formatter_names_the_exception_and_leaves_the_traceback_to_other_handlers() -> None:
    from carbonwatch.logsetup import ConsoleFormatter

    try:
        raise ConnectionRefusedError("refused by postgresql+psycopg://cw:s3cret@db/cw")
    except ConnectionRefusedError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "fetch failed", None, sys.exc_info())
    line = ConsoleFormatter("%(levelname)s %(message)s").format(record)
    assert line == "ERROR fetch failed [ConnectionRefusedError: refused by postgresql+psycopg://cw:***@db/cw]"
    assert "Traceback" in logging.Formatter("%(message)s").format(record)  # the record itself is unchanged
