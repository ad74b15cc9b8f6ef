"""Excerpt lookup: what the dedup pipeline's same-title check costs a short text on a large store.

Run: ``.venv/bin/python -m benchmarks.excerpt_lookup [--quick] [--articles N] [--days D]`` (``--quick``: 5,000
articles). Prints a Markdown table.

Method: a temporary SQLite store (the migrations' schema) gets N articles published evenly over D days (default
50,000 over 10 days, 5,000 a day: a busy deployment), each with its own title and a 600-character text. The timed call
is :func:`storage.queries.same_title_articles`, the one query :func:`pipelines.dedup.find_stored_excerpt` makes for a
short text that matched nothing else, for 200 titles in the middle of the range, with the window the pipeline uses
(``EXCERPT_WINDOW``, ±6 h) and two others for comparison. It reads every article published in the window (the
``published_at`` index narrows it; the title is compared row by row), so its cost grows with the articles per window,
not with the store's size; texts longer than ``EXCERPT_MAX_CHARS`` never pay it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from benchmarks import Row, markdown_table
from pipelines.dedup import EXCERPT_WINDOW
from storage import queries
from storage.db import open_store
from storage.models import Article

LOOKUPS = 200
BASE = datetime(2026, 11, 1, tzinfo=UTC)


def fill(url: str, articles: int, days: int) -> None:
    """``articles`` stored articles published evenly over ``days`` days from :data:`BASE`."""
    engine, sessions = open_store(url)
    step = days * 86_400 / articles
    rows = [
        {
            "canonical_url": f"https://x.example.cn/{i}.html",
            "url": f"https://x.example.cn/{i}.html",
            "source": "bench",
            "title": f"碳市场第{i}号消息",
            "text": "全国碳市场配额清缴进展顺利。" * 43,
            "html": "<p>bench</p>",
            "content_hash": f"{i:064d}",
            "published_at": BASE + timedelta(seconds=i * step),
            "first_seen_at": BASE,
            "updated_at": BASE,
        }
        for i in range(articles)
    ]
    with sessions.begin() as session:
        session.execute(insert(Article), rows)
    engine.dispose()


def lookup_ms(url: str, window: timedelta, middle: datetime) -> float:
    """Mean milliseconds of one lookup with ``window`` around ``middle``."""
    engine, sessions = open_store(url)
    with sessions() as session:
        queries.same_title_articles(session, "warm-up", middle, window=window, exclude_url="", longer_than=100)
        start = time.perf_counter()
        for i in range(LOOKUPS):
            queries.same_title_articles(
                session, f"碳市场第{i}号消息", middle, window=window, exclude_url="", longer_than=100
            )
        elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed / LOOKUPS * 1000


def run(articles: int, days: int) -> list[Row]:
    """One row per window: the mean lookup time and how many articles the window holds."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'excerpt.db'}"
        fill(url, articles, days)
        middle = BASE + timedelta(days=days / 2)
        per_hour = articles / (days * 24)
        for window in (timedelta(hours=1), EXCERPT_WINDOW, timedelta(days=1)):
            ms = lookup_ms(url, window, middle)
            in_window = round(per_hour * window.total_seconds() / 1800)
            used = " (the pipeline's)" if window == EXCERPT_WINDOW else ""
            rows.append(
                Row(
                    f"Excerpt lookup, ±{window.total_seconds() / 3600:g} h window{used}",
                    f"{ms:.2f} ms ({in_window:,} articles in the window)",
                    "-",
                    "-",
                    f"SQLite, {articles:,} articles over {days} days, mean of {LOOKUPS} lookups",
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 articles")
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=10)
    args = parser.parse_args()
    print(markdown_table(run(5_000 if args.quick else args.articles, args.days)))


if __name__ == "__main__":
    main()
