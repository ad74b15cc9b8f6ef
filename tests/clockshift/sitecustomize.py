"""Moves the wall clock of a Python subprocess that a clock-shifted test run starts (``pytest --clock-shift``).

``tests/conftest.py`` puts this directory first on ``PYTHONPATH`` and sets ``TEST_CLOCK_SHIFT_SECONDS`` (in
seconds) for the run, so the crawls, daemons and CLI commands a test spawns read the same moved clock as the test.
Without the variable it does nothing. It imports only the standard library and time-machine: the project root is not
on ``sys.path`` yet when Python imports ``sitecustomize``.
"""

from __future__ import annotations

import os

SHIFT_ENV = "TEST_CLOCK_SHIFT_SECONDS"


def _start() -> None:
    seconds = os.environ.get(SHIFT_ENV)
    if not seconds:
        return
    import time
    from datetime import UTC, datetime, timedelta

    import time_machine

    # tick=True: the moved clock runs on, so sleeps, timeouts and durations still measure real time.
    time_machine.travel(datetime.now(UTC) + timedelta(seconds=float(seconds)), tick=True).start()
    # time-machine starts the ticking at the first read, not at start(): read it now, or a process that first asks
    # the time after a long import or sleep runs that much behind its parent (a daemon's run looked as if it
    # started before its predecessor's crawl had written its end).
    time.time()


_start()
