"""A stand-in for ``carbonwatch crawl`` in daemon tests: behaves as told, writes its run row with plain sqlite3.

    python fake_crawl.py MODE DB_PATH SOURCE RUN_ID [SECONDS]

MODE: ``quick`` (sleep SECONDS, store one article, complete the row), ``slow`` (store one article every 0.1 s
for SECONDS, then complete), ``hang`` (sleep forever), ``stubborn`` (hang and ignore SIGTERM), ``raise`` (raise
an exception before completing the row). Plain sqlite3 keeps it at ~30 ms of start-up, so tests stay quick.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import sys
import time
from datetime import UTC, datetime


def stamp() -> str:
    # The text form SQLAlchemy's SQLite DateTime uses (naive UTC, as storage.types.UTCDateTime stores it).
    return datetime.now(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def connect(db: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db, timeout=30, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def mark_running(conn: sqlite3.Connection, run_id: int) -> None:
    conn.execute("UPDATE crawl_runs SET status='running', pid=? WHERE id=?", (os.getpid(), run_id))


def store_article(conn: sqlite3.Connection, source: str, run_id: int, n: int) -> None:
    text = f"fake article {n} of run {run_id} " * 5
    url = f"https://example.invalid/{source}/{run_id}/{n}"
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO articles (canonical_url, url, source, title, keywords, first_seen_at, updated_at, html, text,"
        " content_hash, revision, meta, attachments, carbon_relevant, carbon_score, carbon_evidence,"
        " policy_release, policy_documents, flag, run_id)"
        " VALUES (?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, 1, '{}', '[]', 0, 0.0, '[]', 0, '[]', 0, ?)",
        (
            url,
            url,
            source,
            f"title {n}",
            stamp(),
            stamp(),
            f"<p>{text}</p>",
            text,
            hashlib.sha256(text.encode()).hexdigest(),
            run_id,
        ),
    )
    conn.execute("COMMIT")


def complete(conn: sqlite3.Connection, run_id: int, items: int) -> None:
    conn.execute(
        "UPDATE crawl_runs SET status='success', finished_at=?, exit_code=0, items_new=?, stats=? WHERE id=?",
        (stamp(), items, json.dumps({"fake": True}), run_id),
    )


def main(argv: list[str]) -> int:
    mode, db, source, run_id = argv[0], argv[1], argv[2], int(argv[3])
    seconds = float(argv[4]) if len(argv) > 4 else 0.0
    conn = connect(db)
    mark_running(conn, run_id)
    print(f"fake crawl {mode} of {source}, run {run_id}", flush=True)
    if mode == "quick":
        time.sleep(seconds)
        store_article(conn, source, run_id, 0)
        complete(conn, run_id, 1)
    elif mode == "slow":
        n = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            store_article(conn, source, run_id, n)
            n += 1
            time.sleep(0.1)
        complete(conn, run_id, n)
    elif mode in ("hang", "stubborn"):
        if mode == "stubborn":
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while True:
            time.sleep(1)
    elif mode == "raise":
        raise RuntimeError(f"fake spider exploded while crawling {source}")
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
