"""End-to-end crawl throughput: the full ``sina_finance`` crawl vs a fetch-only Scrapy baseline on one local site.

Both crawls run with ``scrapy crawl`` in a subprocess, against the same generated site (:mod:`benchmarks.sitegen`)
served by :mod:`benchmarks.fastserver` in another process, with the same settings: DOWNLOAD_DELAY 0, AutoThrottle
off, robots.txt obeyed, the same concurrency, LOG_LEVEL INFO. The baseline (:class:`FetchOnlySpider`) requests the
same list pages (same URLs, same sequential paging) and the same article URLs and does nothing with the pages;
it runs with no item pipelines. Pages/s = responses / Scrapy's ``elapsed_time_seconds``.

Run alone: ``python -m benchmarks.throughput [--articles N] [--profile]`` (prints a Markdown table).
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Request, Response

from benchmarks import Row, markdown_table
from benchmarks.fastserver import ServerProcess, run_server
from benchmarks.sitegen import SiteInfo, build_site

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONCURRENCY = 16
TARGET_RATIO = 0.8
PROFILE_PAGES = 10
# The polite pair: the project's defaults (AutoThrottle, 4 requests per host, 1 s delay) with the delay scaled
# down 20x so a run takes seconds, on the first POLITE_ARTICLES articles of the same site. At this rate the
# pipelines have time for every page, so the ratio shows whether they hold the crawl back in real use.
POLITE_SETTINGS = {
    "DOWNLOAD_DELAY": "0.05",
    "AUTOTHROTTLE_ENABLED": "True",
    "AUTOTHROTTLE_START_DELAY": "0.05",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
}
POLITE_ARTICLES = 600
# The project's own code, for the profile summary (third-party hot spots are reported by their callers here).
OWN_PACKAGES = ("crawler/", "pipelines/", "carbonwatch/", "storage/")
LOGSTATS_RE = re.compile(r"Crawled (\d+) pages \(at (\d+) pages/min\)")


class FetchOnlySpider(scrapy.Spider):
    """The baseline: the sina_finance spider's requests (same list URLs and paging, same article URLs), no work."""

    name = "bench_fetch_only"
    custom_settings = {"ITEM_PIPELINES": {}}  # noqa: RUF012 - Scrapy reads this class attribute as is

    async def start(self) -> AsyncIterator[Any]:
        for lid in self._lids():
            yield self._roll(lid, 1)

    def _lids(self) -> list[int]:
        raw = self.settings.get("CARBONWATCH_SINA_LIDS", "1686,1689")
        items = raw.split(",") if isinstance(raw, str) else list(raw)
        return [int(str(x)) for x in items if str(x).strip()]

    def _roll(self, lid: int, page: int) -> Request:
        from crawler.spiders.sina_finance import roll_url

        size = self.settings.getint("CARBONWATCH_SINA_PAGE_SIZE", 50)
        return Request(roll_url(lid, page, size), callback=self.parse_roll, cb_kwargs={"lid": lid, "page": page})

    def parse_roll(self, response: Response, lid: int, page: int) -> Iterator[Request]:
        """Follow every article of a list page, then the next page while pages have entries."""
        entries = json.loads(response.text)["result"]["data"]
        for entry in entries:
            yield Request(entry["url"], callback=self.parse_article)
        if entries and page < self.settings.getint("CARBONWATCH_SINA_MAX_PAGES", 5):
            yield self._roll(lid, page + 1)

    def parse_article(self, response: Response) -> None:
        """Nothing: the baseline only fetches."""
        return None


@dataclass
class CrawlRun:
    """What one crawl subprocess did."""

    spider: str
    returncode: int
    stats: dict[str, Any]
    wall_s: float
    max_rss_mb: float
    log: str
    profile: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def stat(self, key: str) -> int:
        """An integer stat, 0 when absent."""
        return int(float(self.stats.get(key, 0) or 0))

    @property
    def elapsed(self) -> float:
        """Scrapy's own crawl time (engine start to close), without interpreter start-up."""
        return float(self.stats.get("elapsed_time_seconds") or self.wall_s)

    @property
    def pages(self) -> int:
        """Pages fetched: every response except robots.txt."""
        robots = self.stat("robotstxt/response_count")
        return self.stat("downloader/response_count") - robots

    @property
    def per_minute(self) -> list[int]:
        """Scrapy's LogStats rates (pages/min, one per minute): shows whether the crawl slows as the db grows."""
        return [int(rate) for _pages, rate in LOGSTATS_RE.findall(self.log)][1:]

    @property
    def pages_per_s(self) -> float:
        """Pages per second of crawl time."""
        return self.pages / self.elapsed if self.elapsed else 0.0


def crawl_settings(site: SiteInfo, server: ServerProcess, db_url: str, stats_file: Path) -> dict[str, str]:
    """The settings both crawls share (``-s NAME=VALUE``)."""
    return {
        "CARBONWATCH_DATABASE_URL": db_url,
        "CARBONWATCH_STATS_FILE": str(stats_file),
        "CARBONWATCH_HOST_MAP": json.dumps(server.host_map(site.hosts)),
        "CARBONWATCH_SINA_LIDS": ",".join(str(x) for x in site.lids),
        "CARBONWATCH_SINA_PAGE_SIZE": str(site.page_size),
        "CARBONWATCH_SINA_MAX_PAGES": str(site.max_pages + 1),
        "CARBONWATCH_PROGRESS_INTERVAL": "0",
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "ROBOTSTXT_OBEY": "True",
        "CONCURRENT_REQUESTS": str(CONCURRENCY),
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(CONCURRENCY),
        "LOG_LEVEL": "INFO",
        "HTTPCACHE_ENABLED": "False",
    }


def run_crawl(
    spider: str,
    settings: dict[str, str],
    *,
    stats_file: Path,
    profile: Path | None = None,
    timeout: float = 1200,
) -> CrawlRun:
    """``scrapy crawl SPIDER`` in a subprocess; its stats, wall time and peak RSS (from ``wait4``)."""
    opts = dict(settings)
    if spider == FetchOnlySpider.name:
        # Found by the spider loader like any project spider, without living in crawler/spiders.
        opts["SPIDER_MODULES"] = "crawler.spiders,benchmarks.throughput"
    cmd = [sys.executable]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "scrapy", "crawl", spider]
    for key, value in opts.items():
        cmd += ["-s", f"{key}={value}"]
    env = {**os.environ, "CARBONWATCH_CONFIG": "", "PYTHONWARNINGS": "ignore"}
    log_path = stats_file.with_suffix(".log")
    started = time.perf_counter()
    with log_path.open("w") as log:
        proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stats = json.loads(stats_file.read_text("utf-8")) if stats_file.exists() else {}
    return CrawlRun(
        spider=spider,
        returncode=proc.returncode,
        stats=stats,
        wall_s=wall,
        max_rss_mb=usage.ru_maxrss / 1024,
        log=log_path.read_text("utf-8", errors="replace"),
        profile=profile,
    )


def profile_summary(path: Path, top: int = 8) -> list[tuple[str, float]]:
    """The project's functions with the largest cumulative time, as ``(file:function, share of total)``.

    Nested functions of one call chain overlap (a pipeline's ``process_item`` includes its helpers); the
    share is of the whole process, interpreter start-up included.
    """
    stats = pstats.Stats(str(path))
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    total = max((ct for (_cc, _nc, _tt, ct, _callers) in raw.values()), default=0.0)
    own = []
    for (filename, _line, func), (_cc, _nc, _tt, ct, _callers) in raw.items():
        rel = filename.replace(str(PROJECT_ROOT) + "/", "")
        if rel.startswith(OWN_PACKAGES) and ct > 0 and func != "<module>":
            own.append((f"{rel}:{func}", ct / total if total else 0.0))
    own.sort(key=lambda x: x[1], reverse=True)
    return own[:top]


def stored_counts(db_url: str) -> dict[str, int]:
    """Rows in the articles and duplicates tables after the full crawl."""
    from sqlalchemy import func, select

    from storage.db import make_engine
    from storage.models import Article, ArticleDuplicate

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return {
                "articles": int(conn.execute(select(func.count()).select_from(Article)).scalar_one()),
                "duplicates": int(conn.execute(select(func.count()).select_from(ArticleDuplicate)).scalar_one()),
            }
    finally:
        engine.dispose()


def measure(
    articles: int, workdir: Path, *, profile: bool | None = None, polite: bool = True
) -> tuple[list[Row], dict[str, Any]]:
    """Generate the site, serve it, run both crawls; rows for the results table and raw figures.

    ``profile``: True always profiles the full crawl, False never, None when the ratio misses the target.
    ``polite``: also run both crawls at the polite setting (:data:`POLITE_SETTINGS`) and report that ratio.
    """
    site_root = workdir / "site"
    gen_start = time.perf_counter()
    site, _arts = build_site(site_root, articles)
    gen_s = time.perf_counter() - gen_start
    runs: dict[str, CrawlRun] = {}
    with run_server(site_root) as server:
        for spider in (FetchOnlySpider.name, "sina_finance"):
            db_url = f"sqlite:///{workdir / (spider + '.db')}"
            stats_file = workdir / f"stats-{spider}.json"
            runs[spider] = run_crawl(spider, crawl_settings(site, server, db_url, stats_file), stats_file=stats_file)
        base, full = runs[FetchOnlySpider.name], runs["sina_finance"]
        stored = stored_counts(f"sqlite:///{workdir / 'sina_finance.db'}") if full.returncode == 0 else {}
        ratio = full.pages_per_s / base.pages_per_s if base.pages_per_s else 0.0
        polite_runs: dict[str, CrawlRun] = {}
        if polite:
            # Whole roll pages of both lids, enough of them to cover POLITE_ARTICLES articles.
            pages_per_lid = max(1, -(-POLITE_ARTICLES // (site.page_size * len(site.lids))))
            for spider in (FetchOnlySpider.name, "sina_finance"):
                db_url = f"sqlite:///{workdir / ('polite-' + spider + '.db')}"
                stats_file = workdir / f"stats-polite-{spider}.json"
                settings = {**crawl_settings(site, server, db_url, stats_file), **POLITE_SETTINGS}
                settings["CARBONWATCH_SINA_MAX_PAGES"] = str(min(site.max_pages, pages_per_lid))
                polite_runs[spider] = run_crawl(spider, settings, stats_file=stats_file)
        hot: list[tuple[str, float]] = []
        if full.returncode == 0 and (profile or (profile is None and ratio < TARGET_RATIO)):
            prof_db = f"sqlite:///{workdir / 'profiled.db'}"
            stats_file = workdir / "stats-profiled.json"
            settings = crawl_settings(site, server, prof_db, stats_file)
            # cProfile slows the crawl about 2x: the first PROFILE_PAGES list pages per lid give the same shares.
            settings["CARBONWATCH_SINA_MAX_PAGES"] = str(min(site.max_pages, PROFILE_PAGES))
            prof = run_crawl("sina_finance", settings, stats_file=stats_file, profile=workdir / "full.prof")
            if prof.profile is not None and prof.profile.exists():
                hot = profile_summary(prof.profile)
    mb = site.article_bytes / site.articles / 1024
    method = (
        f"generated site: {site.articles} articles (avg {mb:.0f} KB, {site.reprints} reprints) + "
        f"{site.list_pages} roll pages, fastserver process; scrapy crawl, {CONCURRENCY} concurrent, delay 0, "
        "robots.txt on; pages/s = responses / elapsed_time_seconds"
    )
    rows = [
        Row(
            "Crawl throughput: fetch-only Scrapy baseline",
            f"{base.pages_per_s:.1f} pages/s ({base.pages} pages in {base.elapsed:.1f} s, peak RSS "
            f"{base.max_rss_mb:.0f} MB)",
            "(reference)",
            "-" if base.returncode == 0 else "no (crawl failed)",
            method,
        ),
        Row(
            "Crawl throughput: full sina_finance crawl (clean, dates, dedup, classify, store → SQLite)",
            f"{full.pages_per_s:.1f} pages/s ({full.pages} pages in {full.elapsed:.1f} s, peak RSS "
            f"{full.max_rss_mb:.0f} MB, {full.stat('item_scraped_count')} items; pages/min by minute: "
            f"{', '.join(str(x) for x in full.per_minute) or 'n/a'})",
            "(reference)",
            "-" if full.returncode == 0 else f"no (exit {full.returncode})",
            "same site, server and settings as the baseline; all ITEM_PIPELINES",
        ),
        Row(
            "Crawl throughput ratio: full / fetch-only",
            f"{ratio:.2f}",
            f">= {TARGET_RATIO}",
            "yes" if ratio >= TARGET_RATIO else "no",
            "ratio of the two pages/s figures measured in the same run",
        ),
    ]
    if polite_runs:
        pbase, pfull = polite_runs[FetchOnlySpider.name], polite_runs["sina_finance"]
        pratio = pfull.pages_per_s / pbase.pages_per_s if pbase.pages_per_s else 0.0
        polite_method = (
            "same site and server; the project's politeness scaled down 20x: "
            + ", ".join(f"{k} {v}" for k, v in POLITE_SETTINGS.items())
            + f"; first {pfull.pages} pages; pages/s = responses / elapsed_time_seconds"
        )
        rows.append(
            Row(
                "Crawl throughput at a polite setting: full / fetch-only",
                f"{pratio:.2f} (fetch-only {pbase.pages_per_s:.1f} pages/s, full {pfull.pages_per_s:.1f} pages/s; "
                f"{pfull.pages} pages, {pfull.stat('item_scraped_count')} items)",
                f">= {TARGET_RATIO}",
                "yes" if pratio >= TARGET_RATIO and pfull.returncode == 0 == pbase.returncode else "no",
                polite_method,
            )
        )
    if stored:
        dedup = ", ".join(f"{k.rsplit('/', 1)[1]} {v}" for k, v in sorted(full.stats.items()) if "/dedup/" in k)
        rows.append(
            Row(
                "Crawl accuracy: generated reprints linked as duplicates",
                f"{stored['duplicates']} duplicate links for {site.reprints} reprints; {stored['articles']} "
                f"articles stored of {site.articles - site.reprints} originals (dedup stats: {dedup or 'none'})",
                f"{site.reprints} links, {site.articles - site.reprints} articles",
                "yes"
                if stored["duplicates"] == site.reprints and stored["articles"] == site.articles - site.reprints
                else "no",
                "rows in articles / article_duplicates after the full crawl",
            )
        )
    if hot:
        rows.append(
            Row(
                "Crawl profile: hot spots of the full crawl (cumulative share)",
                "; ".join(f"{name} {share:.0%}" for name, share in hot[:6]),
                "-",
                "-",
                "cProfile of the same full crawl (python -m cProfile -m scrapy crawl sina_finance)",
            )
        )
    raw = {
        "site_generation_s": round(gen_s, 2),
        "site": {**site.__dict__, "root": str(site.root)},
        "runs": {
            name: {
                "returncode": r.returncode,
                "pages": r.pages,
                "elapsed_s": round(r.elapsed, 2),
                "wall_s": round(r.wall_s, 2),
                "pages_per_s": round(r.pages_per_s, 1),
                "max_rss_mb": round(r.max_rss_mb, 1),
                "items": r.stat("item_scraped_count"),
                "dropped": r.stat("item_dropped_count"),
                "pages_per_minute": r.per_minute,
            }
            for name, r in runs.items()
        },
        "ratio": round(ratio, 3),
        "polite": {
            name: {"pages": r.pages, "elapsed_s": round(r.elapsed, 2), "pages_per_s": round(r.pages_per_s, 1)}
            for name, r in polite_runs.items()
        },
        "stored": stored,
        "hot_spots": hot,
        "failed_logs": {name: r.log[-3000:] for name, r in runs.items() if r.returncode != 0},
    }
    return rows, raw


def main(argv: list[str] | None = None) -> int:
    """Run the throughput benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--quick", action="store_true", help="200 articles")
    parser.add_argument("--profile", action="store_true", help="profile the full crawl even if the target is met")
    parser.add_argument("--json", action="store_true", help="also print the raw figures as JSON")
    parser.add_argument("--no-polite", action="store_true", help="skip the pair of crawls at the polite setting")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cw-throughput-") as tmp:
        rows, raw = measure(
            200 if args.quick else args.articles,
            Path(tmp),
            profile=True if args.profile else None,
            polite=not args.quick and not args.no_polite,
        )
    print(markdown_table(rows))
    if args.json:
        print(json.dumps(raw, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
