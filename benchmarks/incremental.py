"""Incremental cost: requests a re-crawl makes on an unchanged site, and after 1% new articles, counted at the server.

On a generated site (default 1,000 articles), the full ``sina_finance`` crawl runs three times against one SQLite
database: a first crawl, a second over the unchanged site, and a third after 1% new articles were published at the
top of the roll. :mod:`benchmarks.fastserver` logs every request target, so the counts are what reached the
server (robots.txt, roll-API list pages, article pages). Target: the later runs fetch list pages plus exactly the
new articles.

Run alone: ``python -m benchmarks.incremental [--articles N] [--quick]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks import Row, markdown_table
from benchmarks.fastserver import ServerProcess, run_server
from benchmarks.sitegen import ROLL_PATH, SiteInfo, add_articles, build_site
from benchmarks.throughput import crawl_settings, run_crawl

NEW_FRACTION = 0.01


def classify_requests(targets: list[str]) -> dict[str, list[str]]:
    """Request targets split into robots.txt, list pages and article pages."""
    out: dict[str, list[str]] = {"robots": [], "lists": [], "articles": [], "other": []}
    for target in targets:
        if target.endswith("/robots.txt"):
            out["robots"].append(target)
        elif f"/{ROLL_PATH}" in target:
            out["lists"].append(target)
        elif target.endswith((".shtml", ".html")):
            out["articles"].append(target)
        else:
            out["other"].append(target)
    return out


def _crawl(label: str, site: SiteInfo, server: ServerProcess, db_url: str, workdir: Path) -> dict[str, Any]:
    server.reset()
    stats_file = workdir / f"stats-incremental-{label}.json"
    run = run_crawl("sina_finance", crawl_settings(site, server, db_url, stats_file), stats_file=stats_file)
    counts = classify_requests(server.requests())
    return {"returncode": run.returncode, "requests": counts, "items": run.stat("item_scraped_count")}


def measure(articles: int, workdir: Path) -> tuple[list[Row], dict[str, Any]]:
    """Three crawls of one site; rows for the results table and raw figures."""
    root = workdir / "site"
    # Two hours back, so the articles added later are still in the past (a future date is suspect to the pipeline).
    now = datetime.now(UTC) - timedelta(hours=2)
    site, arts = build_site(root, articles, now=now)
    db_url = f"sqlite:///{workdir / 'incremental.db'}"
    with run_server(root) as server:
        first = _crawl("first", site, server, db_url, workdir)
        second = _crawl("unchanged", site, server, db_url, workdir)
        added = max(1, round(articles * NEW_FRACTION))
        new = add_articles(root, arts, added, seed=20211116, page_size=site.page_size, lids=site.lids, now=now)
        third = _crawl("added", site, server, db_url, workdir)
    new_targets = {"/" + a.url.split("://", 1)[1] for a in new}
    second_articles = second["requests"]["articles"]
    third_articles = third["requests"]["articles"]
    exact = sorted(third_articles) == sorted(new_targets)
    ok_runs = all(r["returncode"] == 0 for r in (first, second, third))
    method = (
        f"generated site of {site.articles} articles in {site.list_pages} roll pages ({len(site.lids)} lids); "
        "full sina_finance crawl three times on one SQLite db; requests counted at the fast server"
    )
    rows = [
        Row(
            "Incremental: re-crawl of an unchanged site",
            f"{len(second['requests']['lists'])} list pages + {len(second_articles)} article pages "
            f"(first crawl: {len(first['requests']['lists'])} + {len(first['requests']['articles'])})",
            "list pages + 0 articles",
            "yes" if ok_runs and not second_articles else "no",
            method,
        ),
        Row(
            f"Incremental: re-crawl after {NEW_FRACTION:.0%} new articles ({added})",
            f"{len(third['requests']['lists'])} list pages + {len(third_articles)} article pages "
            f"({len(set(third_articles) & new_targets)} of the {added} new)",
            f"list pages + exactly the {added} new articles",
            "yes" if ok_runs and exact else "no",
            "new articles published at the top of the roll; the rest of the site unchanged",
        ),
    ]
    raw: dict[str, Any] = {
        name: {**r, "requests": {k: len(v) for k, v in r["requests"].items()}}
        for name, r in (("first", first), ("unchanged", second), ("added", third))
    }
    raw["extra_article_requests"] = sorted(set(third_articles) - new_targets)[:10]
    return rows, raw


def main(argv: list[str] | None = None) -> int:
    """Run the incremental benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="200 articles")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cw-incremental-") as tmp:
        rows, raw = measure(200 if args.quick else args.articles, Path(tmp))
    print(markdown_table(rows))
    if args.json:
        print(json.dumps(raw, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
