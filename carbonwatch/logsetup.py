"""Per-run log files (plain text or JSON lines) tagged with the run id, with secrets redacted.

One crawl run logs to ``<log_dir>/<source>/run-<id>.log`` (:func:`log_path_for`); the daemon records that path in
the run's row, and ``carbonwatch logs`` falls back to the same function for rows without one. A log directory that
cannot be created or written (read-only, disk full) never stops a crawl: the handler falls back to stderr with one
warning.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from carbonwatch.config import Config

TEXT_FORMAT = "%(asctime)s [run %(run_id)s] %(levelname)s %(name)s: %(message)s"
# The console of every command and the daemon's own log: no run id, they are not one run's.
CONSOLE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# scheme://user:password@host: the password part is replaced wherever it appears in a message.
# The password runs to the LAST "@" before the host (an unencoded "@" in a password is common), so the secret part
# is greedy over "@" and stops only at whitespace, quotes or the path.
CREDENTIALS_IN_URL = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/:@'\"]*):(?P<secret>[^\s/'\"]+)@")
SAFE_SOURCE = re.compile(r"[^A-Za-z0-9_.-]+")


# Lines of one kind (logger + message template) a run's log keeps; the stats count every occurrence anyway.
REPEAT_LIMIT = 200


def log_path_for(config: Config, source: str, run_id: int | str) -> Path:
    """The log file of run ``run_id`` of ``source``: ``<log_dir>/<source>/run-<id>.log``."""
    safe = SAFE_SOURCE.sub("_", source).strip("._") or "run"
    return Path(config.log_dir) / safe / f"run-{run_id}.log"


def redact(text: str) -> str:
    """``text`` with the password of every ``scheme://user:password@`` URL replaced by ``***``."""
    return CREDENTIALS_IN_URL.sub(r"\g<head>:***@", text)


class RunIdFilter(logging.Filter):
    """Adds ``record.run_id`` so every formatted line can carry the run it belongs to."""

    def __init__(self, run_id: int | str | None) -> None:
        super().__init__()
        self.run_id = "-" if run_id is None else str(run_id)

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "run_id"):
            record.run_id = self.run_id
        return True


class RepeatLimitFilter(logging.Filter):
    """Lets at most ``limit`` INFO/WARNING lines of one kind (logger, message template) into a run's log.

    A source with 100,000 unusable entries logs the same warning 100,000 times; every one is counted in the run's
    stats anyway, so after ``limit`` the log says once that the rest are left out.
    """

    def __init__(self, limit: int = REPEAT_LIMIT) -> None:
        super().__init__()
        self.limit = limit
        self.seen: dict[tuple[str, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR or record.levelno < logging.INFO:
            return True  # errors always; DEBUG only when asked for, and then all of it
        key = (record.name, str(record.msg))
        count = self.seen.get(key, 0) + 1
        self.seen[key] = count
        if count == self.limit + 1:
            record.msg = f"{record.msg} [{self.limit} lines like this logged; the rest are left out, see the stats]"
            return True
        return count <= self.limit


class UTCFormatter(logging.Formatter):
    """Times as ISO 8601 in UTC with the offset (``2026-11-29T08:36:44.600+00:00``), as everywhere else."""

    def converter(self, seconds: float | None) -> time.struct_time:
        return time.gmtime(seconds)

    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03d+00:00"


class RedactingFormatter(UTCFormatter):
    """A plain-text formatter that redacts credentials after formatting (settings dumps, tracebacks)."""

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "run_id"):
            record.run_id = "-"
        return redact(super().format(record))


class ConsoleFormatter(UTCFormatter):
    """The console's lines: an exception is named at the end of its line, its traceback left to the log files.

    A crawl that cannot reach its site logs a traceback per failed request; on the console those bury the one
    line that says what happened. ``carbonwatch -v`` keeps them; run logs and ``daemon.log`` always have them.
    """

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_info, record.exc_text, record.stack_info
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            # Plain Formatter, not RedactingFormatter: that one sets record.run_id, which would then hide the
            # run id the run's own file handler adds to the same record later.
            text = redact(super().format(record))
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved
        exc = saved[0][1] if saved[0] else None
        if exc is not None:
            first = next(iter(str(exc).splitlines()), "")
            text += redact(f" [{type(exc).__name__}: {first}]" if first else f" [{type(exc).__name__}]")
        return text


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time (UTC ISO 8601), level, logger, run_id, message, exception."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "run_id": getattr(record, "run_id", "-"),
            "message": redact(record.getMessage()),
        }
        if record.exc_info:
            doc["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(doc, ensure_ascii=False)


def make_formatter(log_format: str) -> logging.Formatter:
    """The formatter for ``config.log_format`` ("text" or "json")."""
    return JsonLinesFormatter() if log_format == "json" else RedactingFormatter(TEXT_FORMAT)


class FallbackFileHandler(logging.Handler):
    """Writes to a file; on the first write error (disk full, permissions) switches to stderr for good."""

    def __init__(self, path: Path, fallback: IO[str] | None = None) -> None:
        super().__init__()
        self.path = path
        self._fallback = fallback
        self._stream: IO[str] | None = None
        self.failed = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = path.open("a", encoding="utf-8")
        except OSError as exc:
            self._fail(exc)

    def _fail(self, exc: OSError) -> None:
        self.failed = True
        if self._stream is not None:
            try:
                self._stream.close()
            except OSError:
                pass  # the file is already unusable; closing it is best effort
        self._stream = None
        self._err().write(f"carbonwatch: WARNING cannot write log file {self.path} ({exc}); logging to stderr\n")

    def _err(self) -> IO[str]:
        return self._fallback if self._fallback is not None else sys.stderr

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record) + "\n"
        except Exception:  # a bad log call must never break the crawl
            self.handleError(record)
            return
        if self._stream is not None:
            try:
                self._stream.write(line)
                self._stream.flush()
                return
            except OSError as exc:
                self._fail(exc)
        try:
            self._err().write(line)
        except (OSError, ValueError):
            pass  # stderr closed too: nothing left to write to

    def close(self) -> None:
        if self._stream is not None:
            try:
                self._stream.close()
            except OSError:
                pass  # see _fail
            self._stream = None
        super().close()


@contextmanager
def run_logging(
    config: Config,
    source: str,
    run_id: int | str,
    *,
    level: str | int | None = None,
    fallback: IO[str] | None = None,
) -> Iterator[FallbackFileHandler]:
    """Send every log record to the run's file (tagged with ``run_id``) for the ``with`` block.

    Yields the handler; ``handler.failed`` tells whether it fell back to stderr (then the run has no log file).
    """
    handler = FallbackFileHandler(log_path_for(config, source, run_id), fallback)
    handler.setFormatter(make_formatter(config.log_format))
    handler.addFilter(RunIdFilter(run_id))
    handler.addFilter(RepeatLimitFilter())
    handler.setLevel(level if level is not None else config.log_level)
    root = logging.getLogger()
    old_level = root.level
    if root.level > handler.level:
        # the root level gates every handler: lower it so the file gets what the run's level asks for
        root.setLevel(handler.level)
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
