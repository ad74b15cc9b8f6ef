"""Shared pytest fixtures (a temporary SQLite URL, a scratch PostgreSQL database) and the moved-clock run.

``pytest --clock-shift=DAYS`` moves the wall clock DAYS days (may be negative or fractional) for the whole run: in
this process through time-machine (``time.time``, ``datetime.now``, ``date.today`` in every thread, APScheduler's
included), and in the Python subprocesses tests start through ``tests/clockshift/sitecustomize.py`` (those that
inherit ``PYTHONPATH``). The monotonic clock, file times and the database and Redis servers keep real time.
(libfaketime is no substitute: under Debian 12's 0.9.10, Python 3.11's timed lock waits hang or sleeps fail.)
``scripts/test.sh`` runs the tests marked ``clock`` once more with the clock a year ahead, so a test that mixes a
fixed date with the real clock fails at once.

A test is marked ``clock`` automatically when its module's source mentions dates or the clock (``CLOCK_WORDS``);
mark any other test that depends on the time of day with ``@pytest.mark.clock``, and a module whose only mention is
no dependence (a front-matter ``date:`` line in a string it never checks) ``clock_free``, saying why: its crawls are
not run twice.
"""

from __future__ import annotations

import os
import re
import socket
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import time_machine

PG_URL_ENV = "CARBONWATCH_TEST_PG_URL"
# Read by tests/clockshift/sitecustomize.py in subprocesses; not CARBONWATCH_*, which daemon tests strip.
CLOCK_SHIFT_ENV = "TEST_CLOCK_SHIFT_SECONDS"
CLOCK_SHIFT_DIR = Path(__file__).resolve().parent / "clockshift"
# What makes a test module clock-sensitive: it builds or compares dates and times, or drives the scheduler.
CLOCK_WORDS = re.compile(r"\b(?:datetime|timedelta|date|utcnow|time\.time|time_machine|apscheduler)\b|--since|--now")
_traveller: pytest.StashKey[time_machine.travel] = pytest.StashKey()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock-shift",
        type=float,
        default=None,
        metavar="DAYS",
        help="move the wall clock DAYS days for the whole run, subprocesses included (time bomb check)",
    )


def pytest_configure(config: pytest.Config) -> None:
    days = config.getoption("clock_shift")
    if days is None:
        return
    seconds = float(days) * 86400
    if os.environ.get(CLOCK_SHIFT_ENV) == repr(seconds):
        return  # a pytest-xdist worker: started with the variable, its sitecustomize has moved its clock already
    import time_machine

    # tick=True: the moved clock runs on, so sleeps, timeouts and durations still measure real time.
    traveller = time_machine.travel(datetime.now(UTC) + timedelta(seconds=seconds), tick=True)
    traveller.start()
    datetime.now(UTC)  # the moved clock ticks from its first read (see tests/clockshift/sitecustomize.py)
    config.stash[_traveller] = traveller
    os.environ[CLOCK_SHIFT_ENV] = repr(seconds)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLOCK_SHIFT_DIR), os.environ.get("PYTHONPATH")]))


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_traveller, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    days = config.getoption("clock_shift")
    return None if days is None else f"clock shifted by {days:g} days: now is {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"


def _mentions_the_clock(path: Path, cache: dict[Path, bool]) -> bool:
    if path not in cache:
        try:
            cache[path] = bool(CLOCK_WORDS.search(path.read_text("utf-8")))
        except OSError:
            cache[path] = False
    return cache[path]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    cache: dict[Path, bool] = {}
    for item in items:
        if item.get_closest_marker("clock_free") is None and _mentions_the_clock(item.path, cache):
            item.add_marker(pytest.mark.clock)


@pytest.fixture(scope="session")
def refused_port() -> Iterator[int]:
    """A loopback TCP port that refuses connections for the whole run.

    The socket stays bound but never listens, so a connection is refused at once and no other process (another
    xdist worker's test server) can take the port meanwhile. A port bound and closed again could be reused by such a
    server, which accepts and then never answers: a client then times out instead of being refused.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A SQLite file URL in the test's temporary directory (created and migrated on first open)."""
    return f"sqlite:///{tmp_path / 'carbonwatch.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the server named by ``CARBONWATCH_TEST_PG_URL``, dropped afterwards.

    The variable holds a URL of a database the test user may connect to and create databases from, e.g.
    ``postgresql+psycopg://postgres@127.0.0.1:55432/carbonwatch_test`` (scripts/test.sh starts such a server).
    Each test gets its own database so tests never see each other's rows.
    """
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.skip(f"{PG_URL_ENV} is not set: no PostgreSQL server to test against (scripts/test.sh starts one)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
