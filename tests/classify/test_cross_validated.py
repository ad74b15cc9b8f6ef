"""The tuning figures with the n-gram model out of sample: each tuning post scored by a model trained without it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks import eval_corpus, train_ngram_model
from carbonwatch.classify.evaluate import Labelled, Outcome
from carbonwatch.classify.ngram import NgramModel
from tests.classify.ngram_models import RELEASE_SPEAKS, hand_made


def _posts(n: int) -> list[Labelled]:
    return [Labelled(f"posts/{i:012x}.md", False, False, False, []) for i in range(n)]


def _fold_dir(tmp_path: Path, folds: dict[str, int]) -> Path:
    for k in sorted(set(folds.values())):
        model = hand_made(release=RELEASE_SPEAKS) | {"version": f"fold{k}"}
        (tmp_path / f"fold-{k}.json").write_text(json.dumps(model), encoding="utf-8")
    lines = ["path\tfold"] + [f"{path}\t{k}" for path, k in folds.items()]
    (tmp_path / "folds.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_each_tuning_post_is_scored_by_the_model_of_its_fold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    posts = _posts(4)
    folds = _fold_dir(tmp_path, {posts[0].path: 1, posts[1].path: 0, posts[2].path: 1, posts[3].path: 0})
    seen: dict[str, str] = {}

    def fake_evaluate(part: list[Labelled], root: Path, rules: Any, reader: Any, model: Any) -> list[Outcome]:
        assert isinstance(model, NgramModel)
        seen.update({p.path: model.version for p in part})
        return []

    monkeypatch.setattr(eval_corpus, "evaluate", fake_evaluate)
    eval_corpus.cross_validated_outcomes(posts, folds, rules=None, reader=None)
    assert seen == {posts[0].path: "fold1", posts[1].path: "fold0", posts[2].path: "fold1", posts[3].path: "fold0"}


def test_a_post_the_folds_do_not_cover_is_a_clear_error(tmp_path: Path) -> None:
    posts = _posts(3)
    folds = _fold_dir(tmp_path, {posts[0].path: 0, posts[1].path: 1})
    with pytest.raises(SystemExit, match=r"leaves out 1 tuning posts \(first posts/000000000002.md\).*--folds"):
        eval_corpus.cross_validated_outcomes(posts, folds, rules=None, reader=None)
    with pytest.raises(SystemExit, match=r"no fold table.*--folds DIR"):
        eval_corpus.cross_validated_outcomes(posts, tmp_path / "nowhere", rules=None, reader=None)


class _RoundRobin:
    """A k-fold splitter as scikit-learn's: (train, test) index lists."""

    def __init__(self, n_splits: int, **_: Any) -> None:
        self.n = n_splits

    def split(self, rows: list[Any], y: list[int]) -> list[tuple[list[int], list[int]]]:
        folds = [[i for i in range(len(rows)) if i % self.n == k] for k in range(self.n)]
        return [([i for i in range(len(rows)) if i not in test], test) for test in folds]


def test_fold_models_leave_each_post_out_of_exactly_one_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[Any] = [type("Row", (), {"path": f"posts/{i}.md", "release": i % 2})() for i in range(12)]
    trained: dict[str, set[str]] = {}

    def fake_export(trainer: Any, part: list[Any], out_path: Path) -> dict[str, Any]:
        trained[out_path.name] = {r.path for r in part}
        return {"_worst": 1e-7}

    monkeypatch.setattr(train_ngram_model, "export", fake_export)
    trainer = type("T", (), {"kfold": _RoundRobin})()
    assert train_ngram_model.fold_models(trainer, rows, tmp_path / "folds") == 1e-7
    table = (tmp_path / "folds" / "folds.tsv").read_text(encoding="utf-8").splitlines()
    assert table[0] == "path\tfold" and len(table) == 13
    fold_of = dict(line.split("\t") for line in table[1:])
    assert sorted(trained) == [f"fold-{k}.json" for k in range(train_ngram_model.FOLDS)]
    for path, k in fold_of.items():
        # the post is in every model's training posts but its own fold's
        assert [name for name, part in sorted(trained.items()) if path not in part] == [f"fold-{k}.json"]
