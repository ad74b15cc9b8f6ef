"""Train the names part of the n-gram model (``carbonwatch/classify/namespan.py``) on the tuning split.

Run: ``python -m benchmarks.train_measure_names`` (needs scikit-learn: ``pip install -e '.[train]'``). It reads the
tuning posts of ``benchmarks/corpus/labels.tsv`` as the classifier reads them (simplified, no pinyin), finds each
labelled release's document where the headline or the lead spells it out (compared without whitespace, quotes, book
marks or 的), and fits two logistic regressions over the characters around each position of those fields: "a name
starts here" and "a name ends here". It writes them, with the share of names of each length, as the ``names`` part of
``carbonwatch/rules/ngram_model.json`` (or ``--model``), leaving the file's other parts as they are, and checks that
the pure-Python scorer gives scikit-learn's scores on every position it was trained on.

``--folds DIR`` does the same for each ``DIR/fold-K.json`` that ``python -m benchmarks.train_ngram_model --folds``
wrote, from the tuning posts ``DIR/folds.tsv`` leaves in fold K's training part: ``eval_corpus --cross-validated DIR``
then names each promoted measure with a part that never saw its post. ``train_ngram_model`` adds the part itself
when it writes a model.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus_tool import CORPUS, LABELS, read_rows
from carbonwatch.classify.evaluate import default_reader, read_labels
from carbonwatch.classify.namespan import (
    SpanModel,
    end_features,
    fields_of,
    parse_span_model,
    start_features,
)
from carbonwatch.classify.script import PINYIN_AFTER_HAN_RE, all_simplified, read

OUT = Path(__file__).resolve().parent.parent / "carbonwatch" / "rules" / "ngram_model.json"
LEAD_CHARS = 300  # the lead the names part reads, as the n-gram model's
MAX_CHARS = 60  # the longest name it gives
MIN_COUNT = 2  # a feature seen fewer times in training is left out of the file
C = 1.0
KEEP = 20000  # the features each regression keeps in the file (of ~370,000 seen twice): about 0.8 MB
LOOSE_DROP = frozenset("《》〈〉「」『』“”\"'‘’的")  # what a label and the page may differ by


@dataclass
class Page:
    """A tuning post with a labelled release, as the classifier reads it, and where its documents are spelt out."""

    path: str
    fields: dict[str, str]
    names: list[tuple[str, int, int]]  # (field, start, end) of each labelled document found in the headline or lead


def loose(s: str) -> tuple[str, list[int]]:
    """``s`` without whitespace, quotes, book marks and 的 (NFKC), and where each kept character came from."""
    out, where = [], []
    for i, ch in enumerate(s):
        c = unicodedata.normalize("NFKC", ch)
        if not c or c.isspace() or c[0] in LOOSE_DROP:
            continue
        out.append(c[0])
        where.append(i)
    return "".join(out), where


def located(fields: dict[str, str], titles: Iterable[str]) -> list[tuple[str, int, int]]:
    """Where each title is spelt out in the fields, compared loosely (:func:`loose`)."""
    found = []
    for title in titles:
        key, _ = loose(title)
        if len(key) < 2:
            continue
        for field, s in fields.items():
            text, where = loose(s)
            found += [(field, where[m.start()], where[m.end() - 1] + 1) for m in re.finditer(re.escape(key), text)]
    return found


def page(path: str, title: str, text: str, documents: Iterable[tuple[str, str, str]]) -> Page:
    """A post labelled as reporting a release, ``title`` and ``text`` as the classifier reads them (simplified, no
    pinyin), and where the headline or lead spells out its labelled ``documents`` (title, issuer, number)."""
    fields = fields_of(title, text, LEAD_CHARS)
    titles = [all_simplified(PINYIN_AFTER_HAN_RE.sub("", name)) for name, _, _ in documents]
    return Page(path, fields, located(fields, titles))


def pages() -> list[Page]:
    """Every tuning post labelled as reporting a release."""
    split = {r["path"]: r["split"] for r in read_rows(LABELS)}
    reader = default_reader()
    out = []
    for lab in read_labels(LABELS):
        if split[lab.path] != "tuning" or not lab.release:
            continue
        post = reader(CORPUS / lab.path)
        reading = read(post.title, post.text)
        out.append(page(lab.path, reading.title, reading.text, lab.documents))
    return out


def _rows(found: list[Page]) -> tuple[list[list[str]], list[bool], list[list[str]], list[bool]]:
    """Every position of every field of the pages with a name found: its start and end features and whether a name
    starts (ends) there."""
    starts, is_start, ends, is_end = [], [], [], []
    for page in found:
        for field, s in page.fields.items():
            first = {a for f, a, _ in page.names if f == field}
            last = {b for f, _, b in page.names if f == field}
            for i in range(len(s)):
                starts.append(start_features(s, i, field))
                is_start.append(i in first)
            for j in range(len(s) + 1):
                ends.append(end_features(s, j, field))
                is_end.append(j in last)
    return starts, is_start, ends, is_end


def _fit(features: list[list[str]], truth: list[bool]) -> tuple[dict[str, Any], list[float]]:
    """A logistic regression over the features seen :data:`MIN_COUNT` times or more, then again over the
    :data:`KEEP` of them that weighed most (the file stays small): its JSON part, and its scikit-learn scores on the
    rows (to check the file against)."""
    counts = Counter(f for row in features for f in row)
    seen = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    model, names, matrix = _regression(features, truth, seen)
    strongest = sorted(range(len(names)), key=lambda col: -abs(float(model.coef_[0][col])))[:KEEP]
    model, names, matrix = _regression(features, truth, sorted(names[col] for col in strongest))
    weights = {f: round(float(w), 5) for f, w in zip(names, model.coef_[0], strict=True)}
    part = {"intercept": round(float(model.intercept_[0]), 5), "weights": weights}
    return part, [float(x) for x in model.decision_function(matrix)]


def _regression(features: list[list[str]], truth: list[bool], names: list[str]) -> tuple[Any, list[str], Any]:
    """A logistic regression over the features ``names`` only: the model, its columns' names and the matrix."""
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped,import-not-found,unused-ignore]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped,import-not-found,unused-ignore]

    column = {f: col for col, f in enumerate(names)}
    indices, indptr = [], [0]
    for row in features:
        indices += [column[f] for f in row if f in column]
        indptr.append(len(indices))
    matrix = csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(features), len(names)))
    return LogisticRegression(C=C, max_iter=3000).fit(matrix, truth), names, matrix


def names_part(found: list[Page]) -> dict[str, Any]:
    """The names part trained on ``found``, checked against scikit-learn (a clear error if the scorer differs)."""
    named = [p for p in found if p.names]
    starts, is_start, ends, is_end = _rows(named)
    start, start_scores = _fit(starts, is_start)
    end, end_scores = _fit(ends, is_end)
    lengths = Counter(min(b - a, MAX_CHARS) for p in named for _, a, b in p.names)
    total = sum(lengths.values())
    prior = [0.0, 0.0] + [round(math.log((lengths[n] + 1) / (total + MAX_CHARS)), 5) for n in range(2, MAX_CHARS + 1)]
    part = {
        "trained_on": f"{len(named)} tuning posts whose labelled release the headline or lead spells out"
        f" (of {len(found)} labelled as releases)",
        "lead_chars": LEAD_CHARS,
        "start": start,
        "end": end,
        "length_prior": prior,
    }
    shipped = parse_span_model(part)
    worst = _worst(shipped, named, start_scores, end_scores)
    if worst > 1e-3:
        raise SystemExit(f"the pure-Python names scorer differs from scikit-learn by {worst:.2e}")
    print(f"names part: {part['trained_on']}; scorer vs scikit-learn, largest difference {worst:.2e}", flush=True)
    return part


def _worst(model: SpanModel, named: list[Page], start_scores: list[float], end_scores: list[float]) -> float:
    """The largest difference between the pure-Python scores and scikit-learn's, over every training position."""
    worst, s_at, e_at = 0.0, 0, 0
    for page in named:
        for field, s in page.fields.items():
            for i in range(len(s)):
                worst = max(worst, abs(model.start_score(s, i, field) - start_scores[s_at]))
                s_at += 1
            for j in range(len(s) + 1):
                worst = max(worst, abs(model.end_score(s, j, field) - end_scores[e_at]))
                e_at += 1
    return worst


def write_part(model_path: Path, part: dict[str, Any]) -> None:
    """Put the names part into a model file, its other parts unchanged."""
    data = json.loads(model_path.read_text(encoding="utf-8"))
    data["names"] = part
    model_path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote the names part into {model_path} ({model_path.stat().st_size // 1024} KiB)", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", type=Path, default=OUT, help="the model file to add the names part to")
    parser.add_argument("--folds", type=Path, metavar="DIR", help="add it to each fold's model instead")
    args = parser.parse_args(argv)
    try:
        import sklearn  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        print("training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    everything = pages()
    if args.folds is None:
        write_part(args.model, names_part(everything))
        return 0
    fold_of = {r["path"]: int(r["fold"]) for r in read_rows(args.folds / "folds.tsv")}
    for k in sorted(set(fold_of.values())):
        print(f"fold {k}: the names part from the posts of the other folds", flush=True)
        part = names_part([p for p in everything if fold_of.get(p.path, k) != k])
        write_part(args.folds / f"fold-{k}.json", part)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
