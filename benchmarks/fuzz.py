"""Seeded fuzz run of decoding, parsing and cleaning: crashes, inputs over the time budget, unsafe HTML out.

Run: ``python -m benchmarks.fuzz [--inputs 5000] [--seed 1] [--quick]`` from the project root. Each input is a
saved page, feed or roll reply mutated by :func:`mutate` (what issue 15 found losing items or freezing crawls:
control characters, codec names as charsets, unparseable links, comment and attribute floods, BOMs, bad encoding
declarations, plus deleted, flipped and cut bytes); every input is reproducible from its kind, seed and index.
Prints a Markdown table: inputs, crashes, inputs over the budget, unsafe outputs (active content left in cleaned
HTML tags), the slowest input and inputs per second. ``tests/robustness/test_fuzz_parsing.py`` runs a small
budget of the same inputs in the default suite.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crawler.parsers import govmeta, site
from crawler.parsers.feed import FeedError, parse_feed
from crawler.parsers.sina import ArticleParseError, RollApiError, decode_html, parse_article, parse_roll_page
from crawler.spiders.feed import entry_canonical_url
from pipelines.clean import clean_html

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
SLOW_SECONDS = 2.0  # CPU seconds one input may take; quadratic paths took seconds to minutes, now well under 1 s
URL = "https://finance.sina.com.cn/roll/2026-01-03/doc-ifuzz0001.shtml"
CHARSETS = [None, "utf-8", "gbk", "hex", "rot13", "utf-16", "base64"]
SNIPPETS = [
    b"\x0b",
    b"\x00",
    b"\x01",
    b"&#11;",
    b"&#xFFFE;",
    b"<!--x-->\x0b",
    b"\xed\xa0\x80",
    b"\xff\xfe",
    b"<meta charset='hex'>",
    b"<meta charset='rot13'>",
    b"<meta charset='undefined'>",
    b"<meta charset='utf-16'>",
    b"<a href='javascript:void(0)'>x</a>",
    b"<a href='http://[x/a'>x</a>",
    b"<meta property='og:url' content='https://[x'>",
    "<!--x-->尾".encode() * 2000,
    b"<p " + b" ".join(b"a%d=1" % i for i in range(3000)) + b">x</p>",
    b"</div>",
    b"<div>" * 300,
    "【纠错】【责任编辑:薛涛】".encode(),
    b"<html><head></head>",
    b"<?xml version='1.0' encoding='base64'?>",
    b"<link>mailto:a@b.cn</link>",
    b"<link>https://[x</link>",
    "碳达峰".encode("gbk"),
    b"cb()" + b" " * 3000 + b"x",
    b"<img src=x onerror=alert(1)>",
    b"<a href='jav&#x09;ascript:alert(1)'>x</a>",
    b"<svg onload=alert(1)>",
    b"<script>alert(1)</script>",
]
# Active content in a tag of the cleaned HTML (text between tags may mention any of these words harmlessly).
TAG_RE = re.compile(r"<[^>]*>")
ACTIVE_IN_TAG = re.compile(
    r"^<\s*/?\s*(script|iframe|object|embed|form|svg|style|link|base|meta|input)\b"
    r"|\bon[a-z]+\s*=|javascript:|vbscript:|data:|expression\s*\(",
    re.IGNORECASE,
)


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One to six edits of ``data``: a hostile snippet inserted, bytes deleted or flipped, or the rest cut off."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op, pos = rng.random(), rng.randrange(len(out) + 1)
        if op < 0.55:
            out[pos:pos] = rng.choice(SNIPPETS)
        elif op < 0.75:
            del out[pos : pos + rng.randint(1, 200)]
        elif op < 0.9:
            out[pos : pos + 1] = bytes([rng.randrange(256)])
        else:
            del out[pos:]
    return bytes(out)


def run_page(raw: bytes, charset: str | None) -> list[str]:
    """Decode, parse and clean a page as the Sina, site and government parsers do; the cleaned HTML."""
    html = decode_html(raw, charset)
    try:
        body = parse_article(html, URL).body_html
    except ArticleParseError:
        body = html
    cleaned = clean_html(body, URL).html
    site.parse_page(html, URL, body_selector="div")
    govmeta.body_text(govmeta.parse_html(html))
    return [cleaned]


def run_feed(raw: bytes, charset: str | None) -> list[str]:
    """Parse a feed and clean each entry; the cleaned HTML of each."""
    try:
        entries = parse_feed(raw, "https://rsshub.app/sina/finance")
    except FeedError:
        return []
    out = []
    for entry in entries:
        entry_canonical_url(entry)
        out.append(clean_html(entry.content_html, URL).html)
    return out


def run_roll(raw: bytes, charset: str | None) -> list[str]:
    """Parse a roll API reply (no HTML comes out)."""
    try:
        parse_roll_page(raw.decode("utf-8", errors="replace"))
    except RollApiError:
        pass
    return []


CORPORA: dict[str, tuple[list[Path], Callable[[bytes, str | None], list[str]]]] = {
    "page": (sorted((FIXTURES / "sina_finance").glob("article_*.html")), run_page),
    "feed": (
        [FIXTURES / "feed" / "rsshub.app" / "sina" / "finance", FIXTURES / "feed" / "feeds.example.cn" / "policy.atom"],
        run_feed,
    ),
    "roll": (
        sorted((FIXTURES / "badinput" / "feed.mix.sina.com.cn" / "api" / "roll" / "get").glob("lid=9*&page=1")),
        run_roll,
    ),
}


def unsafe(html: str) -> bool:
    """Whether cleaned HTML kept active content in one of its tags."""
    return any(ACTIVE_IN_TAG.search(tag) for tag in TAG_RE.findall(html))


@dataclass
class Outcome:
    """What one kind's inputs did."""

    kind: str
    inputs: int = 0
    crashes: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)
    slowest: float = 0.0
    seconds: float = 0.0


def fuzz(kind: str, seed: int, count: int, budget: float = SLOW_SECONDS) -> Outcome:
    """Run ``count`` mutated inputs of ``kind`` from ``seed``; each finding names its input (kind, seed, index)."""
    paths, run = CORPORA[kind]
    originals = [p.read_bytes() for p in paths]
    rng = random.Random(f"{kind}-{seed}")
    outcome = Outcome(kind)
    started = time.perf_counter()
    for index in range(count):
        raw = mutate(rng, rng.choice(originals))
        charset = rng.choice(CHARSETS)
        name = f"{kind} seed {seed} #{index}"
        # CPU time, not wall time: a hang is CPU-bound work, and the 2 cores are shared with whatever else runs.
        start = time.process_time()
        outcome.inputs += 1
        try:
            outputs = run(raw, charset)
        except Exception as exc:  # any exception is a finding; the list names each one
            outcome.crashes.append(f"{name}: {type(exc).__name__}: {exc!s:.200}")
            continue
        took = time.process_time() - start
        outcome.slowest = max(outcome.slowest, took)
        if took > budget:
            outcome.slow.append(f"{name}: {took:.2f} s")
        if any(unsafe(html) for html in outputs):
            outcome.unsafe.append(name)
    outcome.seconds = time.perf_counter() - started
    return outcome


def table(outcomes: list[Outcome], budget: float) -> str:
    """The outcomes as a Markdown table."""
    lines = [
        f"| kind | inputs | crashes | over {budget:g} s CPU | unsafe outputs | slowest input (CPU) | inputs/s (wall) |",
        "|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        rate = o.inputs / o.seconds if o.seconds else 0.0
        lines.append(
            f"| {o.kind} | {o.inputs} | {len(o.crashes)} | {len(o.slow)} | {len(o.unsafe)} "
            f"| {o.slowest:.3f} s | {rate:.0f} |"
        )
    total = sum(o.inputs for o in outcomes)
    lines.append(
        f"| all | {total} | {sum(len(o.crashes) for o in outcomes)} | {sum(len(o.slow) for o in outcomes)} "
        f"| {sum(len(o.unsafe) for o in outcomes)} | {max((o.slowest for o in outcomes), default=0):.3f} s "
        f"| {total / sum(o.seconds for o in outcomes):.0f} |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=5000, help="inputs in all, split evenly over the kinds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--budget", type=float, default=SLOW_SECONDS, help="seconds one input may take")
    parser.add_argument("--quick", action="store_true", help="60 inputs: proves the harness")
    args = parser.parse_args(argv)
    total = 60 if args.quick else args.inputs
    per_kind = max(1, total // len(CORPORA))
    outcomes = [fuzz(kind, args.seed, per_kind, args.budget) for kind in sorted(CORPORA)]
    print(table(outcomes, args.budget))
    for o in outcomes:
        for finding in [*o.crashes, *o.slow, *(f"{u}: unsafe output" for u in o.unsafe)][:20]:
            print(f"  {finding}")
    findings = sum(len(o.crashes) + len(o.slow) + len(o.unsafe) for o in outcomes)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
