"""Articles stored per second by the store pipeline into SQLite and PostgreSQL (one transaction per item).

Run: ``.venv/bin/python -m benchmarks.store_rate [--quick] [--items N] [--pg-url URL]``. PostgreSQL comes from
``--pg-url`` or ``CARBONWATCH_TEST_PG_URL``; without either, a throw-away server is started in /tmp with the
Debian binaries (as root through ``runuser -u postgres``) and stopped afterwards; when that is impossible the
PostgreSQL row says so. ``--quick``: 300 items per backend. Prints a Markdown table.

Each item is a generated article (~1,500 characters) written through ``StorePipeline.process_item``: the article
row, its fingerprint and 32 LSH band rows, committed per item. A second pass writes the same items again
(status "unchanged": one lookup, no write), which is what a re-crawl costs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from benchmarks.dedup_scaling import make_texts
from carbonwatch.textnorm import content_hash
from crawler.items import ArticleItem, utcnow
from pipelines.store import StorePipeline
from storage.db import open_store
from storage.spool import Spool

PG_BIN = Path("/usr/lib/postgresql/15/bin")


class _Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


def make_items(n: int) -> list[ArticleItem]:
    rng = random.Random(11)
    texts = make_texts(n, rng)
    return [
        ArticleItem(
            url=f"https://finance.sina.com.cn/2026-11-25/doc-ibench{i:07d}.shtml",
            canonical_url=f"https://finance.sina.com.cn/2026-11-25/doc-ibench{i:07d}.shtml",
            source="sina_finance",
            title=t[:20],
            text=(t * 4)[:1500],
            html=f"<p>{t}</p>",
            content_hash=content_hash((t * 4)[:1500]),
            published_at=utcnow(),
        )
        for i, t in enumerate(texts)
    ]


def rate(url: str, items: list[ArticleItem], spool_dir: Path) -> tuple[float, float]:
    """Items per second for a first pass (all new) and a second pass (all unchanged)."""
    engine, sessions = open_store(url)
    pipeline = StorePipeline(lambda: sessions, _Stats(), Spool(spool_dir, uuid.uuid4().hex))
    rates = []
    for _ in range(2):
        start = time.perf_counter()
        for item in items:
            pipeline.process_item(item)
        rates.append(len(items) / (time.perf_counter() - start))
    engine.dispose()
    return rates[0], rates[1]


@contextmanager
def postgres(explicit: str | None) -> Iterator[str | None]:
    """A URL of an empty PostgreSQL database: a scratch database on the given server, or a throw-away server."""
    base = explicit or os.environ.get("CARBONWATCH_TEST_PG_URL")
    started: Path | None = None
    if not base:
        if not (PG_BIN / "initdb").exists() or shutil.which("runuser") is None:
            yield None
            return
        started = Path(tempfile.mkdtemp(prefix="cw-pgbench-"))
        os.chmod(started, 0o755)
        shutil.chown(started, "postgres")
        port = 55000 + os.getpid() % 900
        run = ["runuser", "-u", "postgres", "--"]
        subprocess.run(
            [*run, str(PG_BIN / "initdb"), "-D", str(started / "d"), "-U", "postgres", "-A", "trust"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *run,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(started / "d"),
                "-l",
                str(started / "log"),
                "-w",
                "-o",
                f"-p {port} -c listen_addresses=127.0.0.1 -k {started}",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        base = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    name = f"cw_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        from sqlalchemy.engine import make_url

        yield make_url(base).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
        if started is not None:
            subprocess.run(
                [
                    "runuser",
                    "-u",
                    "postgres",
                    "--",
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(started / "d"),
                    "-m",
                    "fast",
                    "stop",
                ],
                check=False,
                capture_output=True,
            )
            shutil.rmtree(started, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 items per backend")
    parser.add_argument("--items", type=int, default=3000)
    parser.add_argument("--pg-url", default=None)
    args = parser.parse_args()
    n = 300 if args.quick else args.items
    items = make_items(n)
    rows = []
    with tempfile.TemporaryDirectory(prefix="cw-store-") as tmp:
        new, same = rate(f"sqlite:///{tmp}/bench.db", items, Path(tmp) / "spool")
        rows.append(("SQLite (file, WAL)", new, same))
        with postgres(args.pg_url) as pg:
            if pg is None:
                rows.append(("PostgreSQL 15", float("nan"), float("nan")))
            else:
                for item in items:
                    item.status, item.article_id = None, None
                new, same = rate(pg, items, Path(tmp) / "spool")
                rows.append(("PostgreSQL 15 (local, psycopg 3)", new, same))
    print(f"Store rate, {n} generated articles of 1,500 characters, one transaction per item")
    print()
    print("| backend | new articles/s | unchanged re-crawl items/s |")
    print("|---|---|---|")
    for name, new, same in rows:
        if new != new:  # NaN: no server available
            print(f"| {name} | not available | not available |")
        else:
            print(f"| {name} | {new:,.0f} | {same:,.0f} |")


if __name__ == "__main__":
    main()
