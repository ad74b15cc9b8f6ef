"""Dedup: character shingles, MinHash/LSH, and exact/near duplicates on real Sina posts (tests/fixtures/posts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.posts import parse_post
from crawler.items import ArticleItem
from pipelines import dedup
from pipelines.clean import clean_html
from pipelines.store import store_item
from storage.db import open_store

POSTS = Path(__file__).resolve().parent.parent / "fixtures" / "posts"

PROFIT = [
    "1-11月全国规模以上工业企业实现利润总额797501亿元 同比增长380%",
    "1-11月份全国规模以上工业企业利润同比增长380% 两年平均增长189%",
    "1-11月规模以上工业企业中，私营企业实现利润总额249843亿元，增长279%",
]
SHANGHAI_HOUSING = ["1-5月上海市房地产开发投资同比下降180%", "1-5月上海房地产开发投资比去年同期下降180%。"]
TEMPLATE_TWINS = ["0！上海昨日本土无新增", "0！北京昨日本土无新增"]
SAME_STORY = [
    '"100种方法刑事你"的女书记登门道歉，当事人：没诚意',
    '"100种方法刑事你"的女书记登门道歉，当事人：她只是站在那里没说话，问题至今没解决，还多次被拘留',
]


def post_text(title: str) -> str:
    """The text the crawl would dedup: the post's body through the clean pipeline's extraction."""
    post = parse_post((POSTS / f"{title}.md").read_text("utf-8"))
    return clean_html(post.body_html).text


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {t: post_text(t) for t in PROFIT + SHANGHAI_HOUSING + TEMPLATE_TWINS + SAME_STORY}


def exact_jaccard(texts: dict[str, str], a: str, b: str) -> float:
    return dedup.jaccard(dedup.shingles(texts[a]), dedup.shingles(texts[b]))


# -- shingles ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("碳达峰行动方案", {"碳达峰行动", "达峰行动方", "峰行动方案"}),
        ("碳达 峰行动\n方案", {"碳达峰行动", "达峰行动方", "峰行动方案"}),  # whitespace is not content
        ("ＣＯ２排放量", {"CO2排放", "O2排放量"}),  # NFKC folds full-width forms
        ("碳中和", {"碳中和"}),  # shorter than k: one shingle
        ("  \u3000 ", set()),
    ],
)
def test_shingles_are_character_ngrams(text: str, expected: set[str]) -> None:
    assert dedup.shingles(text) == expected


def test_shingles_never_split_on_whitespace_tokens() -> None:
    assert "碳达峰" not in dedup.shingles("碳达峰 行动方案")


def test_shingle_hashes_count_distinct_shingles() -> None:
    text = "碳达峰碳中和碳达峰碳中和"
    assert len(dedup.shingle_hashes(text)) == len(dedup.shingles(text))


def test_short_text_hash_differs_from_longer_kgram() -> None:
    assert set(dedup.shingle_hashes("碳达峰").tolist()).isdisjoint(dedup.shingle_hashes("碳达峰行动方案").tolist())


# -- MinHash / LSH ----------------------------------------------------------------------------------------------


def test_minhash_of_equal_texts_is_equal() -> None:
    assert dedup.estimated_jaccard(
        dedup.minhash(dedup.shingle_hashes("国务院印发2030年前碳达峰行动方案")),
        dedup.minhash(dedup.shingle_hashes("国务院印发 2030年前碳达峰行动方案")),
    ) == pytest.approx(1.0)


def test_minhash_estimate_tracks_exact_jaccard(texts: dict[str, str]) -> None:
    a, b = SHANGHAI_HOUSING
    fa, fb = dedup.fingerprint(texts[a]), dedup.fingerprint(texts[b])
    assert fa is not None and fb is not None
    assert abs(dedup.estimated_jaccard(fa.signature, fb.signature) - exact_jaccard(texts, a, b)) < 0.1


def test_signature_bytes_round_trip() -> None:
    fp = dedup.fingerprint("生态环境部发布全国碳市场配额分配方案")
    assert fp is not None
    assert len(fp.to_bytes()) == dedup.NUM_PERM * 4
    assert np.array_equal(dedup.signature_from_bytes(fp.to_bytes()), fp.signature)


def test_band_keys_one_per_band_and_distinct_across_bands() -> None:
    fp = dedup.fingerprint("碳" * 50)  # one shingle: every row equal, so only the band index separates keys
    assert fp is not None
    assert len(fp.bands) == dedup.BANDS
    assert len(set(fp.bands)) == dedup.BANDS


def test_fingerprint_of_empty_text_is_none() -> None:
    assert dedup.fingerprint(" \n ") is None


# -- thresholds on the real posts --------------------------------------------------------------------------------


def test_identical_profit_posts_share_the_content_hash(texts: dict[str, str]) -> None:
    assert len({dedup.content_hash(texts[t]) for t in PROFIT}) == 1


def test_shanghai_housing_rewrite_is_above_the_threshold(texts: dict[str, str]) -> None:
    assert exact_jaccard(texts, *SHANGHAI_HOUSING) >= dedup.NEAR_THRESHOLD + 0.2  # measured 0.845


def test_template_twins_are_far_below_the_threshold(texts: dict[str, str]) -> None:
    assert exact_jaccard(texts, *TEMPLATE_TWINS) < dedup.NEAR_THRESHOLD - 0.3  # measured 0.027


def test_same_story_with_different_markup_is_above_the_threshold(texts: dict[str, str]) -> None:
    assert exact_jaccard(texts, *SAME_STORY) > 0.95  # measured 0.985: differs by the 原标题 line


# -- the pipeline ------------------------------------------------------------------------------------------------


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


def make_item(title: str, text: str, n: int) -> ArticleItem:
    url = f"https://finance.sina.com.cn/2021-12-27/doc-itest{n:04d}.shtml"
    return ArticleItem(url=url, source="sina", title=title, canonical_url=url, text=text, html="")


@pytest.fixture
def sessions(db_url: str) -> Iterator[sessionmaker[Session]]:
    engine, factory = open_store(db_url)
    yield factory
    engine.dispose()


def run_items(
    pipeline: dedup.DedupPipeline, sessions: sessionmaker[Session] | None, items: list[ArticleItem]
) -> list[ArticleItem]:
    """Dedup then store each item in turn, as the crawl's pipeline chain does."""
    for item in items:
        pipeline.process_item(item)
        if sessions is not None:
            with sessions.begin() as s:
                result = store_item(s, item)
            item.status, item.article_id = result.status, result.article_id
    return items


def kinds(items: list[ArticleItem]) -> list[Any]:
    return [item.duplicate["kind"] if item.duplicate else None for item in items]


def test_three_identical_posts_give_one_article_and_two_exact_duplicates(
    texts: dict[str, str], sessions: sessionmaker[Session]
) -> None:
    stats = Stats()
    pipeline = dedup.DedupPipeline(sessions, stats)
    items = run_items(pipeline, sessions, [make_item(t, texts[t], i) for i, t in enumerate(PROFIT)])
    assert kinds(items) == [None, "exact", "exact"]
    assert [i.status for i in items] == ["new", "duplicate", "duplicate"]
    assert items[1].duplicate is not None and items[1].duplicate["original_id"] == items[0].article_id
    assert stats.values == {"carbonwatch/dedup/checked": 3, "carbonwatch/dedup/exact": 2}


def test_exact_duplicate_found_across_runs_through_the_database(
    texts: dict[str, str], sessions: sessionmaker[Session]
) -> None:
    run_items(dedup.DedupPipeline(sessions, Stats()), sessions, [make_item(PROFIT[0], texts[PROFIT[0]], 0)])
    [later] = run_items(dedup.DedupPipeline(sessions, Stats()), None, [make_item(PROFIT[1], texts[PROFIT[1]], 1)])
    assert later.duplicate is not None
    assert later.duplicate["original_url"].endswith("doc-itest0000.shtml")


def test_housing_rewrite_is_a_near_duplicate_across_runs(
    texts: dict[str, str], sessions: sessionmaker[Session]
) -> None:
    a, b = SHANGHAI_HOUSING
    run_items(dedup.DedupPipeline(sessions, Stats()), sessions, [make_item(a, texts[a], 0)])
    stats = Stats()
    [item] = run_items(dedup.DedupPipeline(sessions, stats), None, [make_item(b, texts[b], 1)])
    assert item.duplicate is not None
    assert (item.duplicate["kind"], item.duplicate["similarity"] > 0.6) == ("near", True)
    assert stats.values["carbonwatch/dedup/near"] == 1


def test_housing_rewrite_is_a_near_duplicate_within_one_run_without_a_database(texts: dict[str, str]) -> None:
    items = run_items(
        dedup.DedupPipeline(None, Stats()), None, [make_item(t, texts[t], i) for i, t in enumerate(SHANGHAI_HOUSING)]
    )
    assert kinds(items) == [None, "near"]
    assert items[1].duplicate is not None and items[1].duplicate["original_id"] is None


def test_template_twins_are_not_duplicates(texts: dict[str, str], sessions: sessionmaker[Session]) -> None:
    stats = Stats()
    items = run_items(
        dedup.DedupPipeline(sessions, stats),
        sessions,
        [make_item(t, texts[t], i) for i, t in enumerate(TEMPLATE_TWINS)],
    )
    assert kinds(items) == [None, None]
    assert "carbonwatch/dedup/near" not in stats.values


def test_same_story_with_different_markup_is_a_duplicate(texts: dict[str, str]) -> None:
    items = run_items(
        dedup.DedupPipeline(None, Stats()), None, [make_item(t, texts[t], i) for i, t in enumerate(SAME_STORY)]
    )
    assert kinds(items)[1] in ("exact", "near")


def test_same_url_with_changed_text_is_not_a_duplicate(texts: dict[str, str], sessions: sessionmaker[Session]) -> None:
    a, b = SHANGHAI_HOUSING
    run_items(dedup.DedupPipeline(sessions, Stats()), sessions, [make_item(a, texts[a], 0)])
    [item] = run_items(dedup.DedupPipeline(sessions, Stats()), sessions, [make_item(a, texts[b], 0)])
    assert item.duplicate is None
    assert item.status == "revised"


def test_missing_canonical_url_is_derived_from_the_url() -> None:
    item = ArticleItem(url="https://finance.sina.cn/2021-12-27/detail-itest0001.d.html?from=wap", source="sina")
    dedup.DedupPipeline(None, Stats()).process_item(item)
    assert item.canonical_url == "https://finance.sina.com.cn/2021-12-27/doc-itest0001.shtml"


def test_empty_texts_are_not_duplicates_of_each_other() -> None:
    pipeline = dedup.DedupPipeline(None, Stats())
    items = run_items(pipeline, None, [make_item("a", "", 0), make_item("b", " ", 1)])
    assert kinds(items) == [None, None]


def test_unreachable_database_falls_back_to_this_runs_items(texts: dict[str, str]) -> None:
    from sqlalchemy import create_engine

    from storage.db import session_factory

    down = session_factory(create_engine("postgresql+psycopg://postgres@127.0.0.1:9/nothing?connect_timeout=2"))
    stats = Stats()
    pipeline = dedup.DedupPipeline(None, stats, get_sessions=lambda: down)
    items = run_items(pipeline, None, [make_item(t, texts[t], i) for i, t in enumerate(PROFIT)])
    assert kinds(items) == [None, "exact", "exact"]
    assert stats.values["carbonwatch/dedup/db_error"] == 1  # then no lookups during the cooldown


def test_fingerprint_of_the_same_text_is_computed_once() -> None:
    text = "国家发改委：碳达峰碳中和实施方案已编制完成，将陆续发布。" * 3
    assert dedup.fingerprint(text) is dedup.fingerprint(text)  # the store reuses what dedup computed
    assert dedup.fingerprint(text + "。") is not dedup.fingerprint(text)


@pytest.mark.parametrize(
    "text", ["", "  碳达峰\u3000碳中和 ", "ＡＢＣ１２３\n\t全角", "国家发改委：碳达峰碳中和实施方案。\n" * 20]
)
def test_folded_content_hash_is_the_shared_content_hash(text: str) -> None:
    from carbonwatch.textnorm import content_hash, normalise_text

    assert dedup.folded_content_hash(text) == content_hash(text)
    assert dedup.fold_text(text) == "".join(normalise_text(text).split())
