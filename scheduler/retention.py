"""Run-log retention: delete run logs older than ``log_retention_days`` and cap their total size.

Only the files crawls write are ever deleted: ``<log_dir>/<source>/run-<id>.log`` and the daemon's
``run-<id>.out`` beside them; anything else under the log directory (``daemon.log``, the crontab's ``cron.log``,
an operator's notes) is left alone. A source folder that pruning leaves empty is removed. The daemon prunes at
start and daily; ``carbonwatch crawl`` (cron mode) prunes after its runs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

logger = logging.getLogger(__name__)

DAEMON_LOG_NAME = "daemon.log"
# What a crawl writes (carbonwatch.logsetup.log_path_for, scheduler.runner.output_path_for): nothing else is pruned.
RUN_LOG_NAME = re.compile(r"^run-\d+\.(?:log|out)$")


@dataclass(frozen=True)
class PruneReport:
    """What one pass of :func:`prune_logs` removed and kept."""

    deleted: int
    freed_bytes: int
    kept: int
    kept_bytes: int


def _run_logs(log_dir: Path) -> list[tuple[Path, float, int]]:
    """Every run log under ``log_dir`` (``<source>/run-<id>.log`` and ``.out``) with its mtime and size."""
    found = []
    for path in log_dir.glob("*/run-*"):
        if not RUN_LOG_NAME.match(path.name):
            continue
        try:
            st = path.stat()
        except OSError:
            continue
        if path.is_file():
            found.append((path, st.st_mtime, st.st_size))
    return found


def _remove_empty_folders(folders: set[Path]) -> None:
    for folder in folders:
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            pass


def prune_logs(
    log_dir: Path,
    *,
    retention_days: int,
    max_bytes: int,
    now: datetime,
    protect: set[Path] | None = None,
) -> PruneReport:
    """Delete run logs older than ``retention_days``, then the oldest ones until the rest fit in ``max_bytes``.

    Files in ``protect`` (logs of crawls now running, and their ``.out`` companions) are never deleted.
    """
    if not log_dir.is_dir():
        return PruneReport(0, 0, 0, 0)
    guarded = {p.resolve() for p in protect or set()}
    guarded |= {p.with_suffix(".out") for p in guarded}
    cutoff = (now - timedelta(days=retention_days)).timestamp()
    files = sorted(_run_logs(log_dir), key=lambda f: f[1])  # oldest first
    deleted = freed = 0
    keep: list[tuple[Path, float, int]] = []
    for path, mtime, size in files:
        if mtime < cutoff and path.resolve() not in guarded and _unlink(path):
            deleted += 1
            freed += size
        else:
            keep.append((path, mtime, size))
    total = sum(size for _, _, size in keep)
    remaining = []
    for path, mtime, size in keep:
        if total > max_bytes and path.resolve() not in guarded and _unlink(path):
            deleted += 1
            freed += size
            total -= size
        else:
            remaining.append((path, mtime, size))
    if deleted:
        _remove_empty_folders({path.parent for path, _, _ in files} - {path.parent for path, _, _ in remaining})
        logger.info("log retention: deleted %s run log file(s), %s bytes; %s bytes kept", deleted, freed, total)
    return PruneReport(deleted, freed, len(remaining), total)


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except FileNotFoundError:
        return True
    except OSError as exc:
        logger.warning("log retention: cannot delete %s: %s", path, exc)
        return False
    return True
