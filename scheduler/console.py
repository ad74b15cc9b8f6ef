"""What the daemon keeps beside its schedule: the heartbeat row and, with ``[daemon] serve = true``, the web console.

The console runs as a child process (``carbonwatch serve``), not in the daemon: the daemon stays small and its
layer never imports the web face. A console that dies is started again (at most once a minute); one that refuses
its configuration (exit 2, e.g. a public ``serve_host`` without ``CARBONWATCH_WEB_TOKEN``) is not.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from scheduler.schedules import DaemonOptions
from storage.heartbeat import HEARTBEAT_SECONDS, beat, stopped

logger = logging.getLogger(__name__)

WAKE_SECONDS = 5.0  # how often the scheduler re-reads its job store (run-now/pause/resume from the console)
CONSOLE_RESTART_SECONDS = 60.0
CONSOLE_STOP_SECONDS = 10.0
USAGE_EXIT = 2  # carbonwatch.cli.exitcodes.USAGE: a configuration the console refuses; restarting cannot help


class Heartbeat:
    """Writes the ``daemon_heartbeat`` row every :data:`HEARTBEAT_SECONDS`; a failed write is logged, never raised."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        interval: float = HEARTBEAT_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sessions = sessions
        self.interval = interval
        self.monotonic = monotonic
        self.started_at = datetime.now(UTC)
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self._last: float | None = None
        self._failing = False

    def tick(self) -> None:
        """Beat when the interval has passed since the last beat (or at the first call)."""
        now = self.monotonic()
        if self._last is not None and now - self._last < self.interval:
            return
        self._last = now
        try:
            with self.sessions.begin() as session:
                beat(session, host=self.host, pid=self.pid, started_at=self.started_at, now=datetime.now(UTC))
        except Exception as exc:  # a busy or unreachable database must not stop the schedule
            if not self._failing:
                logger.warning("cannot write the daemon heartbeat (/readyz will report it stale): %s", exc)
            self._failing = True
        else:
            if self._failing:
                logger.info("daemon heartbeat written again")
            self._failing = False

    def stop(self) -> None:
        """Record the clean stop, so the console reports a stopped daemon, not a dead one."""
        try:
            with self.sessions.begin() as session:
                stopped(session, pid=self.pid, now=datetime.now(UTC))
        except Exception as exc:
            logger.warning("cannot record the daemon's stop in its heartbeat row: %s", exc)


def console_command(options: DaemonOptions) -> list[str]:
    """The ``carbonwatch serve`` command line of the console child."""
    return [
        sys.executable,
        "-m",
        "carbonwatch",
        "serve",
        "--host",
        options.serve_host,
        "--port",
        str(options.serve_port),
    ]


class Console:
    """The web console child process of a daemon with ``[daemon] serve = true``."""

    def __init__(
        self,
        command: list[str],
        *,
        monotonic: Callable[[], float] = time.monotonic,
        restart_after: float = CONSOLE_RESTART_SECONDS,
    ) -> None:
        self.command = command
        self.monotonic = monotonic
        self.restart_after = restart_after
        self.proc: subprocess.Popen[bytes] | None = None
        self._started = 0.0
        self._given_up = False

    def start(self) -> None:
        """Start the console (stdout/stderr shared with the daemon, so its lines reach the same log)."""
        logger.info("starting the web console: %s", " ".join(self.command[2:]))
        self.proc = subprocess.Popen(self.command)
        self._started = self.monotonic()

    def check(self) -> None:
        """Start the console again when it died (not within a minute of its last start, nor after a refusal)."""
        if self.proc is None or self._given_up:
            return
        code = self.proc.poll()
        if code is None:
            return
        if code == USAGE_EXIT:
            logger.error(
                "the web console refused its configuration (exit %s, see above): fix [daemon] serve_host/serve_port "
                "or CARBONWATCH_WEB_TOKEN and restart the daemon; crawls go on",
                code,
            )
            self._given_up = True
            return
        if self.monotonic() - self._started < self.restart_after:
            return
        logger.error("the web console exited with code %s: starting it again", code)
        self.start()

    def stop(self, timeout: float = CONSOLE_STOP_SECONDS) -> None:
        """Stop the console (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
