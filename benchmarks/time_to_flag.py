"""Time to flag: from a carbon-policy release appearing on a list to the webhook alert, and what a quiet poll costs.

Run: ``.venv/bin/python -m benchmarks.time_to_flag [--releases 50] [--interval 10] [--quick]`` (``--quick``: 4
releases). Takes about ``releases x (interval + 10 s)``: some 15 minutes for the full run. Prints a Markdown table.

Method: the real daemon (``python -m scheduler``, real APScheduler, each crawl its own ``carbonwatch crawl`` process,
alerts delivered after each run) polls the fixture Sina roll API (lid 1686) and an NDRC column every ``interval``
seconds, served by the snapshot server with ETag/Last-Modified (``carbonwatch.devserver``, ``validators=True``) on
127.0.0.1. After the first polls have stored the fixtures, releases are published one at a time, alternately on
Sina and NDRC, each at a random instant (uniform over one interval after the previous alert): the article page is
written, then the list is replaced atomically with the new entry on top. The clock stops when the webhook receiver
(``tests/receiver.py``) has an alert naming that release. Requests per unchanged poll are counted at the server:
each answer is attributed by its time to the run of that source that was crawling then, over every run after the
first polls that stored nothing new (robots.txt included).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import Row, markdown_table
from carbonwatch.devserver import SnapshotServer
from scheduler.schedules import DEFAULT_COMMAND
from tests.helpers import FIXTURES
from tests.receiver import Receiver
from tests.scheduler.daemonproc import finished, local_crawl_args, runs, start_daemon

ROLL_1 = "feed.mix.sina.com.cn/api/roll/get/lid=1686&page=1"
SINA_TEMPLATE = "finance.sina.com.cn/china/gncj/2021-11-16/doc-iyplvmwel4581870.shtml"
NDRC_COLUMN = "www.ndrc.gov.cn/xxgk/zcfb/tz/"
NDRC_TEMPLATE = NDRC_COLUMN + "202202/t20220210_1315001.html"
HOSTS = {"sina_finance": ("feed.mix.sina.com.cn", "finance.sina.com.cn"), "ndrc": ("www.ndrc.gov.cn",)}
SECTORS = ("钢铁", "有色金属", "建材", "石化化工", "交通运输", "城乡建设", "农业农村", "数据中心", "纺织", "造纸")


def release_title(n: int) -> str:
    """The n-th release's document title: one policy per release (the registry keys on the title)."""
    return f"{SECTORS[n % len(SECTORS)]}行业碳达峰实施方案（第{n + 1}号）"


def filler(n: int) -> list[str]:
    """Paragraphs of release ``n``'s body after its lead: real clauses recombined, unlike any other release's."""
    from benchmarks.sitegen import load_corpus

    rng = random.Random(1000 + n)
    clauses = load_corpus().clauses
    return ["，".join(rng.sample(clauses, 3)) + "。" for _ in range(6)]


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)  # the server never serves a half-written list


def publish_sina(site: Path, n: int, now: float) -> str:
    """A Sina article reporting release ``n`` and its entry on top of roll page 1; returns the article URL."""
    title = release_title(n)
    headline = f"国家发展改革委印发《{title}》"
    page = (site / SINA_TEMPLATE).read_text("utf-8")
    page = page.replace("发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成", headline)
    stamp = time.strftime("%Y年%m月%d日 %H:%M", time.localtime(now))
    page = re.sub(r'(<span class="date">)[^<]*(</span>)', rf"\g<1>{stamp}\g<2>", page, count=1)
    head, _, rest = page.partition('data-sudaclick="blk_content">')
    _, _, tail = rest.partition("<!-- 正文 end -->")
    body = (
        f"<p>　　近日，国家发展改革委、生态环境部印发《{title}》（以下简称《方案》），为贯彻落实党中央、国务院关于"
        "碳达峰碳中和的重大战略决策，明确该行业二〇三〇年前碳排放达峰的路线图和时间表。</p>"
        "<p>　　《方案》提出，到2025年单位增加值能耗和二氧化碳排放显著下降，到2030年前实现碳排放达峰，"
        "并部署节能降碳改造、绿色低碳技术推广、碳排放统计核算等重点任务。</p>"
        + "".join(f"<p>　　{p}</p>" for p in filler(n))
        + '<p class="article-editor">责任编辑：王编辑 </p>'
    )
    slug = f"zrel{n:08d}x{int(now) % 1000000:06d}"
    path = f"finance.sina.com.cn/china/gncj/2026-11-29/doc-i{slug}.shtml"
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'{head}data-sudaclick="blk_content">{body}</div>\n<!-- 正文 end -->{tail}', "utf-8")
    url = f"https://{path}"
    roll_file = site / ROLL_1
    roll = json.loads(roll_file.read_text("utf-8"))
    entry = dict(roll["result"]["data"][0], url=url, title=headline, docid=f"comos:{slug}", intime=str(int(now)))
    roll["result"]["data"].insert(0, entry)
    _write_atomically(roll_file, json.dumps(roll, ensure_ascii=False))
    return url


def publish_ndrc(site: Path, n: int, now: float) -> str:
    """An NDRC notice issuing release ``n`` and its row on top of the column list; returns the page URL."""
    title = release_title(n)
    notice = f"国家发展改革委关于印发《{title}》的通知"
    page = (site / NDRC_TEMPLATE).read_text("utf-8")
    page = page.replace("国家发展改革委 国家能源局关于做好重点领域碳达峰工作的通知", notice)
    page = page.replace("重点领域碳达峰实施要点", f"{title}")
    page = page.replace("2022-02-10 16:30:00", time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(now)))
    page = page.replace("发改环资〔2022〕1234号", f"发改环资〔2026〕{1000 + n}号")
    page = page.replace(
        "扎实推进《2030年前碳达峰行动方案》确定的各项任务，现就做好重点领域碳达峰工作有关事项通知如下。",
        f"现将《{title}》印发给你们，请结合实际认真贯彻落实。",
    )
    head, _, rest = page.partition("<p>　　一、")
    _, _, tail = rest.partition("<p>　　附件")
    page = head + "".join(f"<p>　　{p}</p>\n" for p in filler(n)) + "<p>　　附件" + tail
    name = f"t20261129_{1400000 + n}.html"
    target = site / NDRC_COLUMN / "202611" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, "utf-8")
    listing_file = site / NDRC_COLUMN / "index.html"
    listing = listing_file.read_text("utf-8")
    day = time.strftime("%Y/%m/%d", time.localtime(now))
    row = f'<li><a href="./202611/{name}" target="_blank" title="{notice}">{notice}</a><span>{day}</span></li>\n      '
    listing = listing.replace('<ul class="u-list">\n      ', '<ul class="u-list">\n      ' + row, 1)
    _write_atomically(listing_file, listing)
    return f"https://{NDRC_COLUMN}202611/{name}"


class TimedServer(SnapshotServer):
    """The snapshot server, with the wall-clock time of every answer (to attribute it to a crawl run)."""

    def __init__(self, root: Path, port: int = 0, *, validators: bool = False) -> None:
        super().__init__(root, port, validators=validators)
        self.timed: list[tuple[float, str, int]] = []

    def answered(self, path: str, status: int) -> None:
        super().answered(path, status)
        with self._lock:
            self.timed.append((time.time(), path, status))


@dataclass
class Outcome:
    """What one run measured."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {"sina_finance": [], "ndrc": []})
    missed: list[str] = field(default_factory=list)
    quiet_requests: dict[str, list[int]] = field(default_factory=lambda: {"sina_finance": [], "ndrc": []})
    quiet_statuses: dict[str, dict[int, int]] = field(default_factory=dict)
    runs: int = 0
    run_seconds: list[float] = field(default_factory=list)  # each crawl run after the first polls, start to end
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average when the releases began and ended


def _config(path: Path, host_map: dict[str, str], interval: float) -> None:
    local = local_crawl_args(host_map)
    commands = {
        "sina_finance": [*DEFAULT_COMMAND, "-a", "lids=1686", *local],
        "ndrc": [*DEFAULT_COMMAND, "-a", f"columns=https://{NDRC_COLUMN}", *local],
    }
    lines = ["[daemon]", "max_concurrent = 2"]
    from scheduler.schedules import DEFAULT_SCHEDULES

    for source in sorted(DEFAULT_SCHEDULES):
        lines.append(f"\n[schedules.{source}]")
        if source in commands:
            lines.append(f"interval_seconds = {interval}")
            lines.append("command = [" + ", ".join(json.dumps(a, ensure_ascii=False) for a in commands[source]) + "]")
        else:
            lines.append("enabled = false")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _wait(predicate: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def measure(releases: int, interval: float, workdir: Path, seed: int = 16) -> Outcome:
    """Run the daemon against the fixture sites and publish ``releases`` releases; see the module docstring."""
    rng = random.Random(seed)
    site = workdir / "site"
    shutil.copytree(FIXTURES / "sina_finance" / "site", site)
    shutil.copytree(FIXTURES / "ndrc", site, dirs_exist_ok=True)
    server = TimedServer(site, validators=True)
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    receiver = Receiver()
    receiver.thread.start()
    config = workdir / "carbonwatch.toml"
    _config(config, server.host_map(), interval)
    daemon = start_daemon(workdir, config, env={"CARBONWATCH_NOTIFY_URLS": receiver.url})
    outcome = Outcome()
    try:
        if not _wait(lambda: all(len(finished(daemon.db_path, s)) >= 2 for s in HOSTS), 120):
            raise RuntimeError(f"the daemon's first polls did not finish; see {daemon.output}")
        baseline = max(r.id for r in runs(daemon.db_path))
        load_before = os.getloadavg()[0]
        time.sleep(3 * interval)  # a few polls with nothing new anywhere before the first release
        for n in range(releases):
            source = "sina_finance" if n % 2 == 0 else "ndrc"
            time.sleep(rng.uniform(0, interval))
            seen = len(receiver.bodies)
            published = time.time()
            (publish_sina if source == "sina_finance" else publish_ndrc)(site, n, published)
            title = release_title(n)

            def alerted(title: str = title, seen: int = seen) -> bool:
                return any(title in json.dumps(b, ensure_ascii=False) for b in receiver.bodies[seen:])

            if _wait(alerted, interval + 60):
                outcome.latencies[source].append(time.time() - published)
            else:
                outcome.missed.append(f"{source} #{n}")
        outcome.load = (load_before, os.getloadavg()[0])
        all_runs = runs(daemon.db_path)
        outcome.runs = len(all_runs)
        outcome.run_seconds = [
            (r.finished_at - r.started_at).total_seconds() for r in all_runs if r.id > baseline and r.finished_at
        ]
        for run in all_runs:
            # Unchanged polls: after the first polls stored the fixtures, the runs that found nothing new.
            if run.id <= baseline or run.source not in HOSTS or run.status != "success" or run.items_new:
                continue  # (a run cut short by the daemon's stop at the end is not a poll)
            assert run.finished_at is not None
            start, end = run.started_at.timestamp(), run.finished_at.timestamp()
            answers = [
                (p, s) for t, p, s in list(server.timed) if start <= t <= end and p.split("/")[1] in HOSTS[run.source]
            ]
            outcome.quiet_requests[run.source].append(len(answers))
            statuses = outcome.quiet_statuses.setdefault(run.source, {})
            for _, status in answers:
                statuses[status] = statuses.get(status, 0) + 1
    finally:
        daemon.proc.terminate()
        try:
            daemon.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            daemon.proc.kill()
        server.shutdown()
        server.server_close()
        receiver.server.shutdown()
    return outcome


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def rows(outcome: Outcome, interval: float, releases: int) -> list[Row]:
    """The table: latency per source and overall, requests per unchanged poll per source."""
    method = f"python -m benchmarks.time_to_flag --releases {releases} --interval {interval:g}"
    target = f"p95 <= {interval + 5:g} s (interval + 5 s)"
    out = []
    every = [v for vs in outcome.latencies.values() for v in vs]
    for label, values in (*outcome.latencies.items(), ("both sources", every)):
        if not values:
            continue
        p95 = _pct(values, 0.95)
        figure = (
            f"median {statistics.median(values):.1f} s, p95 {p95:.1f} s, max {max(values):.1f} s "
            f"over {len(values)} releases"
        )
        out.append(Row(f"Time to flag: {label}", figure, target, "yes" if p95 <= interval + 5 else "no", method))
    if outcome.run_seconds:
        secs = outcome.run_seconds
        out.append(
            Row(
                "Time to flag: one crawl run (process start to exit, part of every latency)",
                f"median {statistics.median(secs):.1f} s, p95 {_pct(secs, 0.95):.1f} s over {len(secs)} runs; "
                f"load average {outcome.load[0]:.1f} → {outcome.load[1]:.1f} on {os.cpu_count()} CPUs",
                "-",
                "-",
                method,
            )
        )
    if outcome.missed:
        out.append(Row("Time to flag: releases never alerted", ", ".join(outcome.missed), "none", "no", method))
    for source, counts in outcome.quiet_requests.items():
        if not counts:
            continue
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(outcome.quiet_statuses.get(source, {}).items()))
        figure = (
            f"max {max(counts)}, median {statistics.median(counts):g} over {len(counts)} polls (answers {statuses})"
        )
        out.append(
            Row(
                f"Requests per unchanged poll: {source}",
                figure,
                "<= 2",
                "yes" if max(counts) <= 2 else "no",
                method + " (counted at the server, robots.txt included)",
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--releases", type=int, default=50)
    parser.add_argument("--interval", type=float, default=10.0, help="poll interval of both sources, seconds")
    parser.add_argument("--quick", action="store_true", help="4 releases")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    releases = 4 if args.quick else args.releases
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cw-ttf-") as tmp:
        outcome = measure(releases, args.interval, Path(tmp), args.seed)
    print(
        f"time to flag: {releases} releases, poll interval {args.interval:g} s, {outcome.runs} crawl runs, "
        f"{time.perf_counter() - started:.0f} s, {os.cpu_count()} CPUs"
    )
    print()
    print(markdown_table(rows(outcome, args.interval, releases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
