"""The second reading of corpus posts (benchmarks/agreement): a fixed hash sample, and agreement measured right."""

from __future__ import annotations

import hashlib

import pytest

from benchmarks.agreement import SECOND, SETS, compare, documents_named, kappa, precision_recall, rows
from benchmarks.corpus_tool import LABELS, read_rows
from carbonwatch.classify.evaluate import Labelled, read_labels, read_post

pytestmark = pytest.mark.skipif(not (LABELS.is_file() and SECOND.is_file()), reason="corpus labels not present")


def test_the_sets_read_twice_are_fixed_by_rule_not_chosen() -> None:
    # The first 100 posts of rounds 1-9 by sha1("relabel:" + path), then every blind post of rounds 10-11, then of
    # rounds 13 to 23 in path order: nobody picked which posts were read twice.
    rows = read_rows(LABELS)
    pool = [r["path"] for r in rows if int(r["round"]) <= 9]
    sample = sorted(pool, key=lambda p: hashlib.sha1(f"relabel:{p}".encode()).hexdigest())[:100]
    fresh = sorted(r["path"] for r in rows if r["split"] == "blind" and r["round"] in ("10", "11"))
    later = [
        sorted(r["path"] for r in rows if r["split"] == "blind" and r["round"] == n)
        for n in ("13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23")
    ]
    assert [row.path for row in read_labels(SECOND)] == sample + fresh + [p for paths in later for p in paths]


def test_kappa_and_precision_recall_on_known_cases() -> None:
    assert kappa([True, False, True, False], [True, False, True, False]) == (1.0, 1.0)
    # 20 items, 15 agree; each reader says yes to 10: expected agreement 0.5, kappa (0.75 - 0.5) / 0.5
    a = [True] * 10 + [False] * 10
    b = [True] * 8 + [False] * 2 + [True] * 2 + [False] * 8
    observed, k = kappa(a, b)
    assert observed == pytest.approx(0.8) and k == pytest.approx(0.6)
    assert precision_recall(a, b) == pytest.approx((0.8, 0.8))
    assert precision_recall([False, True], [False, False]) == (1.0, 0.0)


def test_documents_named_compares_canonical_titles_and_issuers() -> None:
    first = [Labelled("a", False, True, False, [("《碳达峰实施方案》", "湖州市卫生健康委", ""), ("《X办法》", "", "")])]
    same = [Labelled("a", False, True, False, [("碳达峰实施方案", "湖州市卫生健康委员会", "")])]
    assert documents_named(first, same) == (1, 2)  # the issuer's short form is the same body; 《X办法》 not named
    other = [Labelled("a", False, True, False, [("碳达峰实施方案", "湖州市人民政府", "")])]
    assert documents_named(first, other) == (0, 2)


def test_the_comparison_runs_on_each_set() -> None:
    sizes = {name: compare(reader=read_post, subset=keep)["posts"] for name, keep in SETS.items()}
    assert sizes == {
        "sample of rounds 1–9": 100,
        "blind posts of rounds 10–11": 116,
        "blind posts of round 13": 50,
        "blind posts of round 14": 42,
        "blind posts of round 15": 16,
        "blind posts of round 16": 62,
        "blind posts of round 17": 43,
        "blind posts of round 18": 6,
        "blind posts of round 19": 63,
        "blind posts of round 20": 36,
        "blind posts of round 21": 3,
        "blind posts of round 22": 59,
        "blind posts of round 23": 44,
    }
    figures = compare(reader=read_post)
    assert figures["posts"] == 640
    for field in ("release", "carbon", "flag"):
        assert 0.5 < figures[field]["agreement"] <= 1.0
    found, total = figures["documents_named"]
    assert 0 < found <= total
    assert any("second reader" in row.benchmark and "(all)" in row.benchmark for row in rows(figures, "all"))
