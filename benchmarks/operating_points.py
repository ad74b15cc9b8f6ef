"""How far release precision can be traded for recall: the release decision's operating points, cross-validated.

Run: ``python -m benchmarks.operating_points DIR`` with ``DIR`` written by ``python -m benchmarks.train_ngram_model
--folds DIR``. Each tuning post is read by the rules alone and scored by the n-gram model that was trained without it;
then every combination of the decision's three cutoffs (withdraw a rules' release under p, promote a silent subject
over p, and over its own p on a page in traditional script) is tried, and the table gives, for each precision asked,
the best recall any combination reaches. The cutoffs are chosen on the same posts they are scored on, so each row is
an upper bound of what re-tuning the cutoffs alone could give: where it stays under the target, the cutoffs are not
what stands between the classifier and it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks import Row, markdown_table
from benchmarks.corpus_tool import CORPUS, read_rows
from carbonwatch.classify.evaluate import Labelled, default_reader, read_labels
from carbonwatch.classify.ngram import NgramModel, load_model
from carbonwatch.classify.policydocs import model_subject, recognise
from carbonwatch.classify.rules import load_rules
from carbonwatch.classify.script import read

PRECISIONS = (0.90, 0.92, 0.93, 0.94, 0.95)
WITHDRAW = [i / 50 for i in range(48)]  # 0.00 .. 0.94
PROMOTE = [0.5 + i / 50 for i in range(25)]  # 0.50 .. 0.98


@dataclass(frozen=True)
class Reading:
    """One post as the release decision sees it: its label, the rules' answer, the model's probability (None on a
    page the model does not read), whether the rules left a subject the model may promote, and the page's script."""

    truth: bool
    rules: bool
    p: float | None
    subject: bool
    traditional: bool


def readings(posts: list[Labelled], folds_dir: Path) -> list[Reading]:
    """The tuning posts, each scored with the fold model that did not see it (a post outside the folds is an error)."""
    fold_of = {r["path"]: r["fold"] for r in read_rows(folds_dir / "folds.tsv")}
    models: dict[str, NgramModel] = {}
    rules, reader = load_rules(), default_reader()
    out = []
    for label in posts:
        if label.path not in fold_of:
            raise SystemExit(f"{folds_dir}/folds.tsv does not cover {label.path}: train the folds again")
        fold = fold_of[label.path]
        model = models.setdefault(fold, load_model(folds_dir / f"fold-{fold}.json"))
        post = reader(CORPUS / label.path)
        given = read(post.title, post.text)
        policy = recognise(
            given.title,
            given.text,
            meta=post.meta,
            source=post.source,
            published_at=post.published_at,
            carbon_terms=rules.term_pattern,
        )
        p = None
        if model.release is not None and model.reads(given.title, given.text):
            p = model.probability(model.release, given.title, given.text)[0]
        subject = model_subject(given.title, given.text, policy) is not None
        out.append(Reading(label.release, policy.is_release, p, subject, given.traditional))
    return out


def _counts(readings: list[Reading], decide: list[bool]) -> tuple[int, int]:
    tp = sum(1 for r, d in zip(readings, decide, strict=True) if d and r.truth)
    return tp, sum(decide) - tp


def best_recalls(
    readings: list[Reading], precisions: tuple[float, ...] = PRECISIONS
) -> dict[float, tuple[float, float, tuple[float, float, float]] | None]:
    """For each precision asked, the best (recall, precision, (withdraw, promote, promote traditional)) any
    combination of cutoffs reaches, or None. The three groups the cutoffs act on (the rules' releases, the silent
    subjects of pages in simplified and in traditional script) are disjoint, so their counts add up."""
    positives = sum(r.truth for r in readings)
    kept = [r for r in readings if r.rules]
    silent = {
        t: [r for r in readings if not r.rules and r.subject and r.p is not None and r.traditional == t]
        for t in (False, True)
    }
    withdraw = {w: _counts(kept, [r.p is None or r.p >= w for r in kept]) for w in WITHDRAW}
    promote = {
        t: {c: _counts(rows, [r.p is not None and r.p > c for r in rows]) for c in PROMOTE}
        for t, rows in silent.items()
    }
    best: dict[float, tuple[float, float, tuple[float, float, float]] | None] = dict.fromkeys(precisions)
    for w, (tp_w, fp_w) in withdraw.items():
        for c, (tp_c, fp_c) in promote[False].items():
            for ct, (tp_t, fp_t) in promote[True].items():
                tp, fp = tp_w + tp_c + tp_t, fp_w + fp_c + fp_t
                if not tp:
                    continue
                precision, recall = tp / (tp + fp), tp / positives
                for asked in precisions:
                    held = best[asked]
                    if precision >= asked and (held is None or recall > held[0]):
                        best[asked] = (recall, precision, (w, c, ct))
    return best


def rows_for(best: dict[float, tuple[float, float, tuple[float, float, float]] | None], posts: int) -> list[Row]:
    """The table: one row per precision asked."""
    out = []
    for asked, found in best.items():
        method = f"python -m benchmarks.operating_points ({posts} tuning posts, model cross-validated)"
        if found is None:
            out.append(Row(f"release recall at precision ≥ {asked:.2f}", "none reaches it", "R ≥ 0.90", "no", method))
            continue
        recall, precision, (w, c, ct) = found
        value = f"R {recall:.3f} (P {precision:.3f}; withdraw < {w:.2f}, promote > {c:.2f}, traditional > {ct:.2f})"
        out.append(
            Row(
                f"release recall at precision ≥ {asked:.2f}",
                value,
                "R ≥ 0.90",
                "yes" if recall >= 0.90 else "no",
                method,
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the table of operating points."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folds", type=Path, help="the directory train_ngram_model --folds wrote")
    args = parser.parse_args(argv)
    if not (args.folds / "folds.tsv").is_file():
        print(f"{args.folds}/folds.tsv: no folds; run python -m benchmarks.train_ngram_model --folds {args.folds}")
        return 2
    split = {r["path"]: r["split"] for r in read_rows(CORPUS / "labels.tsv")}
    posts = [p for p in read_labels(CORPUS / "labels.tsv") if split[p.path] == "tuning"]
    print(f"reading {len(posts)} tuning posts with the rules and the fold models…", file=sys.stderr, flush=True)
    print(markdown_table(rows_for(best_recalls(readings(posts, args.folds)), len(posts))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
