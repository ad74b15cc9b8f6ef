"""The release decision's operating points: the best recall any combination of its three cutoffs reaches at a
precision asked (benchmarks/operating_points.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import operating_points
from benchmarks.operating_points import Reading, best_recalls
from carbonwatch.classify.evaluate import Labelled

# Seven releases: four the rules find (the model sure of them), one silent subject on a simplified page, one on a
# traditional page, one on a page the model does not read; four false: a rules' release the model is sure against,
# one it doubts, a silent subject scored lower than the true one, a traditional subject scored as high as the true
# one (so promoting traditional pages costs precision).
READINGS = [
    *[Reading(truth=True, rules=True, p=0.90, subject=False, traditional=False)] * 4,
    Reading(truth=False, rules=True, p=0.05, subject=False, traditional=False),
    Reading(truth=False, rules=True, p=0.60, subject=False, traditional=False),
    Reading(truth=True, rules=False, p=0.95, subject=True, traditional=False),
    Reading(truth=False, rules=False, p=0.70, subject=True, traditional=False),
    Reading(truth=True, rules=False, p=0.65, subject=True, traditional=True),
    Reading(truth=False, rules=False, p=0.65, subject=True, traditional=True),
    Reading(truth=True, rules=False, p=None, subject=True, traditional=False),  # a page the model does not read
]


def test_the_best_recall_at_each_precision_and_the_cutoffs_that_give_it() -> None:
    best = best_recalls(READINGS, precisions=(0.85, 0.90, 1.0))
    # everything the cutoffs can reach: 6 of 7 releases (the unread page is never promoted), 1 false
    assert best[0.85] is not None
    recall, precision, _ = best[0.85]
    assert (recall, round(precision, 3)) == (6 / 7, 0.857)
    # at 0.90 and at 1.0 the traditional subject stays unpromoted and both false rules' releases are withdrawn
    for asked in (0.90, 1.0):
        found = best[asked]
        assert found is not None
        recall, precision, (withdraw, promote, traditional) = found
        assert (recall, precision) == (5 / 7, 1.0)
        assert 0.60 < withdraw <= 0.90 and 0.70 <= promote < 0.95 and traditional >= 0.65


def test_a_precision_no_cutoff_reaches_is_none() -> None:
    wrong = [Reading(truth=False, rules=True, p=0.99, subject=False, traditional=False)]
    right = [Reading(truth=True, rules=True, p=0.99, subject=False, traditional=False)]
    assert best_recalls(wrong + right, precisions=(0.6,)) == {0.6: None}
    rows = operating_points.rows_for({0.6: None}, posts=2)
    assert rows[0].figure == "none reaches it" and rows[0].met == "no"


def test_without_folds_the_command_says_how_to_make_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert operating_points.main([str(tmp_path)]) == 2
    assert "train_ngram_model --folds" in capsys.readouterr().out


def test_a_post_outside_the_folds_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "folds.tsv").write_text("path\tfold\nposts/aaaaaaaaaaaa.md\t0\n", encoding="utf-8")
    post = Labelled("posts/bbbbbbbbbbbb.md", False, False, False, [])
    with pytest.raises(SystemExit, match=r"does not cover posts/bbbbbbbbbbbb.md: train the folds again"):
        operating_points.readings([post], tmp_path)
