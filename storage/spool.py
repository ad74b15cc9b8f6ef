"""Local spool for items the database could not take: fsync'd JSON lines, replayed at the next pipeline open.

One file per run (``spool-<run key>.jsonl``) under the spool directory; each line is one envelope
``{"v": 1, "run_id", "spooled_at", "error", "item": {...}}`` with datetimes as ISO 8601 strings. Lines are
appended and fsync'd one at a time, so a killed process loses at most the line it was writing, and a truncated
last line is skipped (and logged) on reading. Items the database rejects for good go to ``rejected-*.jsonl``,
kept for an operator and never replayed.

A run whose ``crawl_runs`` row could not be written (the database was down when the crawl opened or closed) leaves
its record in ``run-<run key>.json`` beside its spool file; the next crawl that reaches the database writes it
(:func:`storage.runs.record_pending_run`) and gives the run's spooled items its id.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from crawler.items import ArticleItem, utcnow

logger = logging.getLogger(__name__)

SPOOL_VERSION = 1
SPOOL_GLOB = "spool-*.jsonl"
RUN_RECORD_GLOB = "run-*.json"
# Field names whose values are datetimes; the dataclass annotations are strings (postponed evaluation).
DATETIME_FIELDS = frozenset(f.name for f in fields(ArticleItem) if "datetime" in str(f.type))
ITEM_FIELDS = frozenset(f.name for f in fields(ArticleItem))


def item_to_json(item: ArticleItem) -> dict[str, Any]:
    """A JSON-ready dict of every item field, datetimes as ISO 8601 strings with their offset."""
    data = asdict(item)
    for name in DATETIME_FIELDS:
        value = data.get(name)
        if isinstance(value, datetime):
            data[name] = value.isoformat()
    return data


def item_from_json(data: dict[str, Any]) -> ArticleItem:
    """Inverse of :func:`item_to_json`; keys this version does not know are ignored (older/newer spools)."""
    values = {k: v for k, v in data.items() if k in ITEM_FIELDS}
    for name in DATETIME_FIELDS:
        raw = values.get(name)
        if isinstance(raw, str):
            values[name] = datetime.fromisoformat(raw)
    return ArticleItem(**values)


@dataclass
class SpooledItem:
    """One line of a spool file."""

    item: ArticleItem
    run_id: int | None
    spooled_at: datetime
    error: str


def _fsync_dir(directory: Path) -> None:
    """Make a new file's directory entry durable (POSIX: fsync of the file alone does not cover it)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on directories; the data itself is already synced
        pass
    finally:
        os.close(fd)


class Spool:
    """Appends items to ``<directory>/spool-<run_key>.jsonl`` (or ``rejected-…``), one fsync'd line each."""

    def __init__(self, directory: Path, run_key: str) -> None:
        self.directory = Path(directory)
        self.run_key = run_key

    @property
    def path(self) -> Path:
        return self.directory / f"spool-{self.run_key}.jsonl"

    @property
    def rejected_path(self) -> Path:
        return self.directory / f"rejected-{self.run_key}.jsonl"

    def append(
        self,
        item: ArticleItem,
        *,
        run_id: int | None,
        error: str,
        now: datetime | None = None,
        rejected: bool = False,
    ) -> Path:
        """Write one item durably; returns the file written."""
        path = self.rejected_path if rejected else self.path
        envelope = {
            "v": SPOOL_VERSION,
            "run_id": run_id,
            "spooled_at": (now or utcnow()).isoformat(),
            "error": error[:500],
            "item": item_to_json(item),
        }
        data = (json.dumps(envelope, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        self.directory.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            start = os.fstat(fd).st_size
            try:
                written = 0
                while written < len(data):
                    written += os.write(fd, data[written:])
                os.fsync(fd)
            except OSError:
                # A disk that fills mid-line leaves half a line, which would also spoil the next one: cut it off.
                try:
                    os.ftruncate(fd, start)
                except OSError:
                    pass  # the reader skips an unreadable line
                raise
        finally:
            os.close(fd)
        if created:
            _fsync_dir(self.directory)
        return path


def pending_files(directory: Path) -> list[Path]:
    """Spool files waiting for replay, oldest first (rejected files are not replayed)."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(directory.glob(SPOOL_GLOB), key=lambda p: (p.stat().st_mtime, p.name))


def read_spool(path: Path) -> list[SpooledItem]:
    """The items of one spool file; unreadable lines (a write cut short by a kill) are logged and skipped."""
    items: list[SpooledItem] = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                envelope = json.loads(line)
                items.append(
                    SpooledItem(
                        item=item_from_json(envelope["item"]),
                        run_id=envelope.get("run_id"),
                        spooled_at=datetime.fromisoformat(envelope["spooled_at"]),
                        error=str(envelope.get("error", "")),
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                logger.warning("spool %s line %d unreadable, skipped: %s", path, lineno, exc)
    return items


def remove(path: Path) -> None:
    """Delete a fully replayed spool file (missing is fine: another process replayed it)."""
    Path(path).unlink(missing_ok=True)
    _fsync_dir(Path(path).parent)


def crawl_run_key(crawler: Any) -> str:
    """The key naming this crawl's spool and pending run record (``run<id>``, or a time and pid), fixed per crawl.

    The run id is the one the runner created (``CARBONWATCH_RUN_ID``); without one (the database was down, or a
    plain ``scrapy crawl``), ``CARBONWATCH_RUN_KEY`` or a new time-and-pid key, the same for every caller.
    """
    cached: str | None = getattr(crawler, "_carbonwatch_run_key", None)
    if cached is None:
        settings = crawler.settings
        run_id = settings.get("CARBONWATCH_RUN_ID")
        if run_id not in (None, "", "None"):
            cached = f"run{int(run_id)}"
        else:
            cached = str(settings.get("CARBONWATCH_RUN_KEY") or f"{utcnow():%Y%m%dT%H%M%S}-{os.getpid()}")
        crawler._carbonwatch_run_key = cached
    return cached


def run_record_path(directory: Path, run_key: str) -> Path:
    """Where the pending run record of ``run_key`` is kept."""
    return Path(directory) / f"run-{run_key}.json"


def write_run_record(directory: Path, run_key: str, record: dict[str, Any]) -> Path:
    """Keep a run record the database could not take, durably and whole (written aside, then renamed)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = run_record_path(directory, run_key)
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as fh:
        json.dump({"v": SPOOL_VERSION, **record}, fh, ensure_ascii=False, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)
    _fsync_dir(directory)
    return path


def pending_run_records(directory: Path) -> list[tuple[str, Path]]:
    """Pending run records as ``(run key, path)``, oldest first."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    found = sorted(directory.glob(RUN_RECORD_GLOB), key=lambda p: (p.stat().st_mtime, p.name))
    return [(p.name[len("run-") : -len(".json")], p) for p in found]


def run_key_of(spool_file: Path) -> str:
    """The run key of a spool file (``spool-<key>.jsonl``)."""
    return Path(spool_file).name[len("spool-") : -len(".jsonl")]
