"""Seeded mutations of saved pages and feeds through decoding, parsing and cleaning: no crash, no slow input.

The mutator inserts what issue 15 found losing items or freezing crawls (control characters, codec names as
charsets, unparseable links, comment floods, attribute floods, BOMs, bad encoding declarations), deletes and
flips bytes, and cuts pages short. A small fixed budget runs in the default suite; every input is reproducible
from its seed and index.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler.parsers import govmeta, site
from crawler.parsers.feed import FeedError, parse_feed
from crawler.parsers.sina import ArticleParseError, RollApiError, decode_html, parse_article, parse_roll_page
from crawler.spiders.feed import entry_canonical_url
from pipelines.clean import clean_html
from tests.helpers import FIXTURES

INPUTS_PER_SEED = 150
SLOW_SECONDS = 2.0  # every input takes well under 0.2 s here; quadratic paths took seconds to minutes
URL = "https://finance.sina.com.cn/roll/2026-01-03/doc-ifuzz0001.shtml"
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
]


def _mutate(rng: random.Random, data: bytes) -> bytes:
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


def _page(raw: bytes, charset: str | None) -> None:
    html = decode_html(raw, charset)
    try:
        body = parse_article(html, URL).body_html
    except ArticleParseError:
        body = html
    clean_html(body, URL)
    site.parse_page(html, URL, body_selector="div")
    govmeta.body_text(govmeta.parse_html(html))


def _feed(raw: bytes, charset: str | None) -> None:
    try:
        entries = parse_feed(raw, "https://rsshub.app/sina/finance")
    except FeedError:
        return
    for entry in entries:
        entry_canonical_url(entry)
        clean_html(entry.content_html, URL)


def _roll(raw: bytes, charset: str | None) -> None:
    try:
        parse_roll_page(raw.decode("utf-8", errors="replace"))
    except RollApiError:
        pass


CORPORA: dict[str, tuple[list[Path], Callable[[bytes, str | None], None]]] = {
    "page": (sorted((FIXTURES / "sina_finance").glob("article_*.html")), _page),
    "feed": (
        [FIXTURES / "feed" / "rsshub.app" / "sina" / "finance", FIXTURES / "feed" / "feeds.example.cn" / "policy.atom"],
        _feed,
    ),
    "roll": (
        sorted((FIXTURES / "badinput" / "feed.mix.sina.com.cn" / "api" / "roll" / "get").glob("lid=9*&page=1")),
        _roll,
    ),
}


@pytest.mark.parametrize("kind", sorted(CORPORA))
@pytest.mark.parametrize("seed", [1, 2])
def test_mutated_inputs_never_crash_or_stall(kind: str, seed: int) -> None:
    paths, run = CORPORA[kind]
    originals = [p.read_bytes() for p in paths]
    rng = random.Random(f"{kind}-{seed}")
    failures: list[str] = []
    for index in range(INPUTS_PER_SEED):
        raw = _mutate(rng, rng.choice(originals))
        charset = rng.choice([None, "utf-8", "gbk", "hex", "rot13", "utf-16", "base64"])
        start = time.perf_counter()
        try:
            run(raw, charset)
        except Exception as exc:  # any exception is the finding; the list names each one
            failures.append(f"{kind} seed {seed} #{index}: {type(exc).__name__}: {exc!s:.200}")
            continue
        took = time.perf_counter() - start
        if took > SLOW_SECONDS:
            failures.append(f"{kind} seed {seed} #{index}: {took:.1f} s")
    assert failures == []
