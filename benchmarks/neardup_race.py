"""Near-duplicate race: two worker processes store the same new text at the same instant; how many double articles?

Run: ``.venv/bin/python -m benchmarks.neardup_race [--quick] [--trials 200] [--pg-url URL]`` (``--quick``: 10
trials; PostgreSQL only when ``--pg-url`` or ``CARBONWATCH_TEST_PG_URL`` names a server). Prints a Markdown table.

Method: two processes (multiprocessing, spawn) each run the real ``DedupPipeline`` and ``StorePipeline`` on one
database. In every trial both get the same new text under their own URL (even trials the identical text, odd
trials a near-duplicate: one clause added), meet at a barrier, then each checks and stores it. In the ``forced``
window a second barrier sits between the dedup check and the store, so both always check before either writes (the
worst case); in the ``natural`` window nothing holds them after the start. A trial that ends with two articles is a
double. "before" is the store with ``CARBONWATCH_DEDUP_ATOMIC=false`` (no lock, no re-check), "after" the default.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from sqlalchemy import select

from benchmarks import Row, markdown_table

TRIALS = 200
QUICK_TRIALS = 10
_CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def trial_text(trial: int, worker: int) -> str:
    """Trial ``trial``'s text as worker ``worker`` stores it: unrelated to every other trial's text."""
    rng = random.Random(trial)
    body = "".join(rng.choice(_CJK) for _ in range(400))
    if trial % 2 and worker == 1:
        return body + "（原标题：碳达峰行动方案解读）"  # a near-duplicate (Jaccard ≈ 0.9), not the same hash
    return body


def trial_url(trial: int, worker: int) -> str:
    """Each worker's own URL for the trial (two sites carrying one story)."""
    return f"https://w{worker}.example/race/{trial}"


def worker(
    db_url: str, spool_dir: str, worker_id: int, trials: int, atomic: bool, forced: bool, start: Barrier
) -> None:
    """One crawl process: dedup check then store, trial after trial, in step with the other worker."""
    from carbonwatch.textnorm import content_hash
    from crawler.items import ArticleItem
    from pipelines.dedup import DedupPipeline
    from pipelines.store import StorePipeline
    from storage import spool
    from storage.db import make_engine, session_factory

    sessions = session_factory(make_engine(db_url))
    dedup = DedupPipeline(sessions, None)
    store = StorePipeline(
        lambda: sessions, None, spool.Spool(Path(spool_dir), f"worker{worker_id}"), atomic=atomic, retries=5
    )
    for trial in range(trials):
        text = trial_text(trial, worker_id)
        url = trial_url(trial, worker_id)
        item = ArticleItem(
            url=url, source=f"w{worker_id}", title="碳达峰", canonical_url=url, text=text, html=f"<p>{text}</p>"
        )
        item.content_hash = content_hash(text)
        start.wait()
        dedup.process_item(item)
        if forced:
            start.wait()  # both checked, neither stored: the race window held open
        store.process_item(item)


@dataclass(frozen=True)
class RaceResult:
    """What ``trials`` trials of two racing workers left in the store."""

    trials: int
    doubles: int
    linked: int
    seconds: float


def run_race(db_url: str, trials: int, *, atomic: bool, forced: bool, workdir: Path) -> RaceResult:
    """Two worker processes, ``trials`` trials on a migrated database at ``db_url``; count doubles and links."""
    from storage.db import make_engine, session_factory, upgrade
    from storage.models import Article, ArticleDuplicate

    engine = make_engine(db_url)
    upgrade(engine)
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2, timeout=120)
    procs = [ctx.Process(target=worker, args=(db_url, str(workdir), w, trials, atomic, forced, start)) for w in (0, 1)]
    began = time.perf_counter()
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=600)
        if proc.exitcode != 0:
            raise RuntimeError(f"race worker exited with {proc.exitcode}; see its traceback above")
    took = time.perf_counter() - began
    with session_factory(engine)() as session:
        per_trial = Counter(url.rsplit("/", 1)[1] for url in session.scalars(select(Article.canonical_url)))
        linked = len(session.scalars(select(ArticleDuplicate.id)).all())
    engine.dispose()
    doubles = sum(1 for n in per_trial.values() if n > 1)
    return RaceResult(trials, doubles, linked, took)


def measure(trials: int, pg_url: str | None, workdir: Path) -> list[Row]:
    """Before/after rows for SQLite (and PostgreSQL when given) with both windows."""
    engines: list[tuple[str, Any]] = [("SQLite", None)]
    if pg_url:
        engines.append(("PostgreSQL", pg_url))
    rows = []
    for engine_name, base in engines:
        for forced in (True, False):
            for atomic in (False, True):
                label = f"{engine_name}, {'forced' if forced else 'natural'} window, {'after' if atomic else 'before'}"
                run_dir = workdir / label.replace(", ", "-").replace(" ", "_")
                run_dir.mkdir(parents=True)
                url = f"sqlite:///{run_dir / 'race.db'}" if base is None else fresh_pg_database(base)
                got = run_race(url, trials, atomic=atomic, forced=forced, workdir=run_dir)
                rows.append(
                    Row(
                        f"Near-duplicate race: {label}",
                        f"{got.doubles} double articles in {got.trials} trials ({got.linked} linked), "
                        f"{got.seconds:.1f} s with both process starts",
                        "0 doubles" if atomic else "-",
                        ("yes" if got.doubles == 0 else "no") if atomic else "-",
                        "python -m benchmarks.neardup_race: 2 spawned processes, real dedup + store pipelines",
                    )
                )
    return rows


def fresh_pg_database(base_url: str) -> str:
    """A new empty database on the server of ``base_url`` (left for the server's owner to drop)."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cw_race_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


def main(argv: list[str] | None = None) -> int:
    """Run the race on each engine and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_TRIALS} trials per configuration")
    parser.add_argument("--trials", type=int, default=None, help=f"trials per configuration (default {TRIALS})")
    parser.add_argument("--pg-url", default=os.environ.get("CARBONWATCH_TEST_PG_URL"), help="PostgreSQL server")
    args = parser.parse_args(argv)
    trials = args.trials or (QUICK_TRIALS if args.quick else TRIALS)
    with tempfile.TemporaryDirectory(prefix="cw-race-") as tmp:
        rows = measure(trials, args.pg_url, Path(tmp))
    print(f"near-duplicate race: {trials} trials per row, 2 worker processes, {os.cpu_count()} CPUs")
    print()
    print(markdown_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
