"""The moved-clock run (``pytest --clock-shift=DAYS``, see tests/conftest.py) moves subprocesses' clocks too."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT


def _subprocess_now(before_reading: str = "") -> datetime:
    """The time a Python subprocess reads (after running ``before_reading``), as the test's environment starts it."""
    code = f"import datetime, time; {before_reading or 'pass'}; print(datetime.datetime.now(datetime.UTC).isoformat())"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return datetime.fromisoformat(proc.stdout.strip())


def test_a_python_subprocess_reads_the_same_clock_as_the_test() -> None:
    before = datetime.now(UTC)
    theirs = _subprocess_now()
    assert before - timedelta(seconds=1) <= theirs <= datetime.now(UTC) + timedelta(seconds=1)


def test_a_subprocess_clock_runs_from_its_start_not_from_its_first_read() -> None:
    # The daemon and the crawls it starts stamp one run's start and end: their clocks must agree to the millisecond.
    # A process that sleeps before it first asks the time must not find its clock that much behind the test's.
    before = datetime.now(UTC)
    theirs = _subprocess_now("time.sleep(2)")
    assert before + timedelta(seconds=2) <= theirs <= datetime.now(UTC) + timedelta(milliseconds=50)


def test_the_clock_is_moved_by_the_days_the_option_says(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    days = request.config.getoption("clock_shift") or 0.0
    marker = tmp_path / "now"
    marker.touch()
    real = datetime.fromtimestamp(marker.stat().st_mtime, UTC)  # the kernel stamps files with the real time
    assert abs(datetime.now(UTC) - real - timedelta(days=days)) < timedelta(minutes=1)


class _Item:
    """What tests/conftest.py reads of a collected test: its file, its markers."""

    def __init__(self, path: Path, markers: list[str]) -> None:
        self.path, self.markers = path, list(markers)

    def get_closest_marker(self, name: str) -> str | None:
        return name if name in self.markers else None

    def add_marker(self, marker: pytest.MarkDecorator) -> None:
        self.markers.append(marker.name)


def test_a_module_mentioning_dates_is_marked_clock_unless_it_says_it_is_clock_free(tmp_path: Path) -> None:
    from tests.conftest import pytest_collection_modifyitems

    module = tmp_path / "test_x.py"
    module.write_text('POST = "date: Tue, 16 Nov 2021"\n', "utf-8")
    plain, free = _Item(module, []), _Item(module, ["clock_free"])
    pytest_collection_modifyitems(None, [plain, free])  # type: ignore[arg-type, list-item]
    assert plain.markers == ["clock"]
    assert free.markers == ["clock_free"]
