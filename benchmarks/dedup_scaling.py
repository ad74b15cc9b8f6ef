"""Near-duplicate lookup cost against 10k, 100k and 1M stored fingerprints (SQLite), with memory and disk.

Run: ``.venv/bin/python -m benchmarks.dedup_scaling [--quick] [--sizes 10000,100000,1000000] [--dir DIR]``
(``--quick``: 10k only, well under 30 s). Prints a Markdown table.

Method: the background of N stored articles stands for unrelated documents, whose MinHash values and LSH band
keys are independent uniform random numbers, so they are drawn directly (bulk-loaded, indexes built after);
200 "originals" are real signatures of generated Chinese articles (clauses of the real Sina bodies recombined,
digits redrawn). Queries are 200 mutated copies of originals (1.7% of characters replaced, one clause dropped,
one added: must be found) and 200 fresh articles (must not be). The timed lookup is
``pipelines.dedup.find_stored_match`` (URL, hash, band-key and signature queries plus verification) on a
warm connection; fingerprinting a text is timed apart.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from sqlalchemy import text

from benchmarks.sitegen import load_corpus
from pipelines import dedup
from storage.db import open_store

PLANTED = 200
QUERIES = 200
TARGET_MS = 1.0


def make_texts(n: int, rng: random.Random) -> list[str]:
    """Generated articles: 15-30 clauses each, recombined from the real bodies, digits redrawn."""
    clauses = load_corpus().clauses
    out = []
    for _ in range(n):
        picked = rng.sample(clauses, rng.randint(15, 30))
        body = "".join(c + rng.choice("，。") for c in picked)
        out.append("".join(str(rng.randrange(10)) if ch.isdigit() else ch for ch in body))
    return out


def mutate(textv: str, rng: random.Random, extra: str) -> str:
    """A rewrite: ~1.7% of characters replaced, one clause removed, one added (Jaccard ≈ 0.75, like the real pair)."""
    chars = list(textv)
    for i in rng.sample(range(len(chars)), max(1, len(chars) // 60)):
        chars[i] = chr(0x4E00 + rng.randrange(0x5000))
    parts = "".join(chars).split("，")
    if len(parts) > 3:
        del parts[rng.randrange(len(parts))]
    parts.insert(rng.randrange(len(parts)), extra)
    return "，".join(parts)


ARTICLE_SQL = (
    "INSERT INTO articles (id, canonical_url, url, source, title, keywords, first_seen_at, updated_at, html, text,"
    " content_hash, revision, meta, attachments, carbon_relevant, carbon_score, carbon_evidence, policy_release,"
    " policy_documents, flag) VALUES (?, ?, ?, 'bench', '', '[]', '2026-01-01 00:00:00', '2026-01-01 00:00:00',"
    " '', '', ?, 1, '{}', '[]', 0, 0.0, '[]', 0, '[]', 0)"
)


def fill(db_path: Path, n: int, originals: list[dedup.Fingerprint], seed: int) -> float:
    """Create the schema and N articles with fingerprints and bands; returns seconds spent."""
    start = time.perf_counter()
    engine, _ = open_store(f"sqlite:///{db_path}")
    engine.dispose()
    import sqlite3

    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    # Building the band index once after the load is much faster than maintaining it row by row.
    con.execute("DROP INDEX IF EXISTS ix_lsh_bands_key")
    con.execute("DROP INDEX IF EXISTS ix_lsh_bands_article_id")
    rng = np.random.default_rng(seed)
    batch = 50_000
    for lo in range(1, n + 1, batch):
        hi = min(n + 1, lo + batch)
        ids = range(lo, hi)
        planted = {i: originals[i - 1] for i in ids if i <= len(originals)}
        con.executemany(ARTICLE_SQL, ((i, f"https://bench/{i}", f"https://bench/{i}", f"h{i}") for i in ids))
        sigs = rng.integers(0, 2**32, size=(hi - lo, dedup.NUM_PERM), dtype=np.uint32)
        keys = rng.integers(-(2**63), 2**63 - 1, size=(hi - lo, dedup.BANDS), dtype=np.int64)
        for i, fp in planted.items():
            sigs[i - lo] = fp.signature
            keys[i - lo] = fp.bands
        con.executemany(
            "INSERT INTO fingerprints (article_id, signature) VALUES (?, ?)",
            ((i, dedup.signature_bytes(sigs[i - lo])) for i in ids),
        )
        con.executemany(
            "INSERT INTO lsh_bands (band_key, article_id) VALUES (?, ?)",
            ((int(k), i) for i in ids for k in keys[i - lo]),
        )
        con.commit()
    con.execute("CREATE INDEX ix_lsh_bands_key ON lsh_bands (band_key)")
    con.execute("CREATE INDEX ix_lsh_bands_article_id ON lsh_bands (article_id)")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.commit()
    con.close()
    return time.perf_counter() - start


def run(n: int, workdir: Path, seed: int = 7) -> dict[str, float]:
    rng = random.Random(seed)
    texts = make_texts(PLANTED + QUERIES + PLANTED, rng)
    originals_text, fresh, extras = texts[:PLANTED], texts[PLANTED : PLANTED + QUERIES], texts[PLANTED + QUERIES :]
    t0 = time.perf_counter()
    originals = [dedup.fingerprint(t) for t in originals_text]
    fp_ms = (time.perf_counter() - t0) * 1000 / PLANTED
    assert all(fp is not None for fp in originals)
    db_path = workdir / f"dedup-{n}.db"
    db_path.unlink(missing_ok=True)
    load_s = fill(db_path, n, [fp for fp in originals if fp is not None], seed)
    engine, sessions = open_store(f"sqlite:///{db_path}")
    near_queries = [mutate(t, rng, extras[i][:30]) for i, t in enumerate(originals_text)]
    timings: list[float] = []
    found = false_hits = 0
    with sessions() as session:
        session.execute(text("SELECT count(*) FROM lsh_bands")).scalar()  # warm the connection and cache
        for i, q in enumerate(near_queries + fresh):
            fp = dedup.fingerprint(q)
            chash = dedup.content_hash(q)
            start = time.perf_counter()
            match = dedup.find_stored_match(session, f"https://query/{i}", chash, fp)
            timings.append((time.perf_counter() - start) * 1000)
            if i < PLANTED:
                found += match is not None and match.original_id == i + 1
            else:
                false_hits += match is not None
    engine.dispose()
    size = sum(p.stat().st_size for p in workdir.glob(f"dedup-{n}.db*"))
    result = {
        "n": n,
        "load_s": load_s,
        "fp_ms": fp_ms,
        "median_ms": statistics.median(timings),
        "p95_ms": sorted(timings)[int(len(timings) * 0.95)],
        "recall": found / PLANTED,
        "false": false_hits / QUERIES,
        "disk_mb": size / 1e6,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    db_path.unlink(missing_ok=True)
    for extra in workdir.glob(f"dedup-{n}.db-*"):
        extra.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k fingerprints only (< 30 s)")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--dir", type=Path, default=None, help="scratch directory (default: a temporary one)")
    args = parser.parse_args()
    sizes = [10_000] if args.quick else [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="cw-dedup-", dir=args.dir) as tmp:
        rows = [run(n, Path(tmp)) for n in sizes]
    print(f"Near-duplicate lookup (SQLite, {dedup.BANDS}x{dedup.ROWS} LSH, {dedup.NUM_PERM} perms), pid {os.getpid()}")
    print()
    print(
        "| stored | median lookup ms | p95 ms | target < 1 ms | recall (mutated) | false matches (fresh) "
        "| fingerprint ms/text | load s | db on disk MB | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        met = "yes" if r["median_ms"] < TARGET_MS else "no"
        print(
            f"| {int(r['n']):,} | {r['median_ms']:.3f} | {r['p95_ms']:.3f} | {met} | {r['recall']:.2f} "
            f"| {r['false']:.2f} | {r['fp_ms']:.2f} | {r['load_s']:.1f} | {r['disk_mb']:.0f} | {r['rss_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
