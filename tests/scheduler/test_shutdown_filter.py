"""The daemon's filter for APScheduler's submit-after-shutdown traceback (a race inside BaseScheduler.shutdown)."""

from __future__ import annotations

import logging

import pytest

from scheduler.daemon import SubmitAfterShutdownFilter


def record(msg: str) -> logging.LogRecord:
    return logging.LogRecord("apscheduler.scheduler", logging.ERROR, __file__, 1, msg, (), None)


def test_the_traceback_passes_while_running() -> None:
    assert SubmitAfterShutdownFilter().filter(record('Error submitting job "x" to executor "default"'))


def test_the_traceback_becomes_one_line_while_stopping(caplog: pytest.LogCaptureFixture) -> None:
    f = SubmitAfterShutdownFilter()
    f.stopping = True
    with caplog.at_level(logging.INFO, logger="scheduler.daemon"):
        assert not f.filter(record('Error submitting job "x" to executor "default"'))
    assert [r.getMessage() for r in caplog.records] == [
        "a run came due while the daemon was stopping: not started (the next start catches up)"
    ]


def test_other_errors_pass_while_stopping() -> None:
    f = SubmitAfterShutdownFilter()
    f.stopping = True
    assert f.filter(record("Job store unreachable"))
