"""How far two careful readers agree on the corpus labels, and how the classifier does beside them.

Run: ``python -m benchmarks.agreement [--quick] [--json]`` (``--quick``: the newest round's set only).
``benchmarks/corpus/second_labels.tsv`` holds a second, independent reading of fixed sets of corpus posts, never
picked by hand: the first 100 of rounds 1–9 by ``sha1("relabel:" + path)``, and every blind post of rounds 10–11 and
from round 13 on (the fresh posts the product's figures rest on; from round 13 read by a second person after their
round was measured and before its misses were read). Each was made by someone who saw
neither the first labels nor the rules, with the same definitions. The table gives, per set,
per label, the share of posts the two readings agree on, Cohen's kappa, the second reading scored against the first
as if it were a classifier, and the classifier scored against each reading on the same posts. The second reading's
scores are the ceiling a target can sensibly ask for: where a careful person scores below a target against the
labels, the target measures label noise as much as the classifier. Then the classifier as first measured
(``first_predictions.tsv``) on the twice-read blind posts, all of them and those the two readers agree on: there a
miss is the classifier's, not a judgement call. Last, an adjudicated reference for the twice-read blind posts: the
labels where the two readings agree on carbon and release, a third reader's decision (``adjudicated.tsv``, made from
the post, the definitions and the two readings, without the classifier's output) where they do not; the labels, the
second reading, the classifier as first measured and the classifier now (the rules and the n-gram model as they
are; not with ``--quick``) are each scored against it. Last, the documents the classifier now names among those both
readers name alike.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks import Row, markdown_table
from benchmarks.corpus_tool import CORPUS, FIRST_PREDICTIONS, LABELS, read_rows
from carbonwatch.classify.evaluate import Labelled, Outcome, default_reader, evaluate, read_labels
from carbonwatch.classify.evaluate import precision_recall as pairs_precision_recall
from carbonwatch.classify.policydocs import canonical_issuer, normalise_title, same_document_key
from carbonwatch.classify.rules import load_rules

SECOND = CORPUS / "second_labels.tsv"
ADJUDICATED = CORPUS / "adjudicated.tsv"
FIELDS = ("release", "carbon", "flag")


def kappa(first: Sequence[bool], second: Sequence[bool]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of two binary readings of the same items."""
    n = len(first)
    if n == 0:
        return 0.0, 0.0
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    pa, pb = sum(first) / n, sum(second) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def precision_recall(truth: Sequence[bool], guess: Sequence[bool]) -> tuple[float, float]:
    """Precision and recall of ``guess`` against ``truth`` (1.0 where nothing was predicted or expected)."""
    precision, recall, *_ = pairs_precision_recall(zip(guess, truth, strict=True))
    return precision, recall


def _doc_keys(label: Labelled) -> list[tuple[str, str | None]]:
    return [(same_document_key(normalise_title(t)), canonical_issuer(i) if i else None) for t, i, _ in label.documents]


def _named_alike(key: tuple[str, str | None], theirs: list[tuple[str, str | None]]) -> bool:
    """Whether the other reading names the document of ``key`` (:func:`_doc_keys`): the same title, and the same
    issuer where this reading names one."""
    title, issuer = key
    return any(t == title and (issuer is None or i == issuer) for t, i in theirs)


def documents_named(first: Sequence[Labelled], second: Sequence[Labelled]) -> tuple[int, int]:
    """(found, total): the first reading's documents that the second names with the same title and issuer."""
    found = total = 0
    for a, b in zip(first, second, strict=True):
        theirs = _doc_keys(b)
        for key in _doc_keys(a) if a.release else []:
            total += 1
            found += _named_alike(key, theirs)
    return found, total


def _value(label: Labelled, field: str) -> bool:
    return bool(getattr(label, field))


def _scored(pairs: Iterable[tuple[bool, bool]]) -> tuple[float, float, int, int, int]:
    """(guess, truth) pairs as (precision, recall, positives, false positives, misses)."""
    p, r, tp, fp, fn = pairs_precision_recall(pairs)
    return p, r, tp + fn, fp, fn


def _scored_figure(scored: tuple[float, float, int, int, int]) -> str:
    p, r, positives, false, missed = scored
    return f"P {p:.3f} / R {r:.3f} ({positives} positives, {false} false, {missed} missed)"


def _blind_posts_of_round(n: int) -> Callable[[dict[str, str]], bool]:
    """The labels.tsv rows of round ``n``'s blind posts."""
    return lambda row: row["split"] == "blind" and row["round"] == str(n)


SETS = {
    "sample of rounds 1–9": lambda row: int(row["round"]) <= 9,
    "blind posts of rounds 10–11": lambda row: row["split"] == "blind" and row["round"] in ("10", "11"),
    # every blind post of each round from 13 on, read after its round was measured (round 12's 3 were not)
    **{f"blind posts of round {n}": _blind_posts_of_round(n) for n in range(13, 131)},
}


def compare(
    labels: Path = LABELS,
    second: Path = SECOND,
    reader: Callable[[Path], Any] | None = None,
    subset: Callable[[dict[str, str]], bool] | None = None,
    outcomes_by_path: Mapping[str, Outcome] | None = None,
) -> dict[str, Any]:
    """The raw figures: per field, agreement, kappa, the second reading and the classifier against each reading.
    ``subset`` keeps the posts whose labels.tsv row it accepts (all when None); ``outcomes_by_path``, the classifier
    already run on them (:func:`outcomes_now`), else it is run here."""
    firsts = {row.path: row for row in read_labels(labels)}
    meta = {row["path"]: row for row in read_rows(labels)}
    seconds = read_labels(second)
    missing = [row.path for row in seconds if row.path not in firsts]
    if missing:
        raise ValueError(f"second_labels.tsv names posts that labels.tsv does not hold: {missing[:3]}")
    seconds = [row for row in seconds if subset is None or subset(meta[row.path])]
    first = [firsts[row.path] for row in seconds]
    if outcomes_by_path is None:
        outcomes = evaluate(first, CORPUS, load_rules(), reader or default_reader())
    else:
        outcomes = [outcomes_by_path[row.path] for row in first]
    out: dict[str, Any] = {"posts": len(seconds)}
    for field in FIELDS:
        a = [_value(x, field) for x in first]
        b = [_value(x, field) for x in seconds]
        c = [bool(getattr(o, field)) for o in outcomes]
        observed, k = kappa(a, b)
        out[field] = {
            "agreement": observed,
            "kappa": k,
            "second_vs_first": precision_recall(a, b),
            "classifier_vs_first": precision_recall(a, c),
            "classifier_vs_second": precision_recall(b, c),
            "positives": (sum(a), sum(b)),
        }
    out["documents_named"] = documents_named(first, seconds)
    return out


def rows(figures: dict[str, Any], name: str = "") -> list[Row]:
    """The figures as benchmark table rows (``name``: the set they are of)."""
    n = figures["posts"]
    method = f"python -m benchmarks.agreement ({n} posts, second_labels.tsv)"
    suffix = f" ({name})" if name else ""
    out: list[Row] = []
    for field in FIELDS:
        f = figures[field]
        first_pos, second_pos = f["positives"]
        out.append(
            Row(
                f"{field}: two readers agree{suffix}",
                f"{f['agreement']:.2f} (kappa {f['kappa']:.2f}; {first_pos} and {second_pos} positives)",
                "-",
                "-",
                method,
            )
        )
        for key, what in (
            ("second_vs_first", "second reader scored against the labels"),
            ("classifier_vs_first", "classifier against the labels"),
            ("classifier_vs_second", "classifier against the second reader"),
        ):
            p, r = f[key]
            out.append(Row(f"{field}: {what}{suffix}", f"P {p:.3f} / R {r:.3f}", "-", "-", method))
    found, total = figures["documents_named"]
    share = found / total if total else 1.0
    out.append(
        Row(
            f"documents named: second reader against the labels{suffix}",
            f"{share:.3f} ({found} of {total})",
            "-",
            "-",
            method + "; title and issuer must both match",
        )
    )
    return out


def first_measurement_where_readers_agree(
    labels: Path = LABELS, second: Path = SECOND, first_predictions: Path = FIRST_PREDICTIONS
) -> dict[str, Any]:
    """The classifier as first measured (``first_predictions.tsv``: each post's release, carbon and flag from the code
    of the day its round was merged, before any of its posts was read) on the twice-read blind posts, per field: on
    every such post, and on the posts where the two readings agree on that field. Where the readers disagree the
    label is a judgement call; where they agree, a miss is the classifier's. Returns per field ``all`` and ``agreed``
    as (precision, recall, positives, false positives, misses) and ``agreed_posts``."""
    firsts = {row.path: row for row in read_labels(labels)}
    meta = {row["path"]: row for row in read_rows(labels)}
    measured = {row["path"]: row for row in read_rows(first_predictions)}
    seconds = [row for row in read_labels(second) if row.path in measured and meta[row.path]["split"] == "blind"]
    out: dict[str, Any] = {"posts": len(seconds)}
    for field in FIELDS:
        agreed = [row for row in seconds if _value(row, field) == _value(firsts[row.path], field)]
        scored = {}
        for key, kept in (("all", seconds), ("agreed", agreed)):
            scored[key] = _scored((measured[row.path][field] == "1", _value(firsts[row.path], field)) for row in kept)
        out[field] = {**scored, "agreed_posts": len(agreed)}
    return out


def consensus_rows(figures: dict[str, Any]) -> list[Row]:
    """Table rows for ``first_measurement_where_readers_agree``."""
    method = f"python -m benchmarks.agreement (first_predictions.tsv; {figures['posts']} twice-read blind posts)"
    out: list[Row] = []
    for field in FIELDS:
        f = figures[field]
        for key, what in (
            ("all", f"all {figures['posts']}"),
            ("agreed", f"the {f['agreed_posts']} the readers agree on"),
        ):
            name = f"{field}: classifier as first measured, twice-read blind posts ({what})"
            out.append(Row(name, _scored_figure(f[key]), "-", "-", method))
    return out


def against_adjudicated_reference(
    labels: Path = LABELS,
    second: Path = SECOND,
    adjudicated: Path = ADJUDICATED,
    first_predictions: Path = FIRST_PREDICTIONS,
    now: Mapping[str, Mapping[str, bool]] | None = None,
) -> dict[str, Any]:
    """The twice-read blind posts scored against a reference: the labels where the two readings agree on carbon and
    release, the third reader's decision where they do not (a post with neither is left out and counted in
    ``unadjudicated``). Per field, for ``labels``, ``second`` and ``classifier`` (as first measured, on the posts
    ``first_predictions`` holds), and ``classifier_now`` when ``now`` gives the classifier's answers today (path ->
    field -> answer, on the posts it holds): (precision, recall, positives, false positives, misses)."""
    firsts = {row.path: row for row in read_labels(labels)}
    meta = {row["path"]: row for row in read_rows(labels)}
    decided = {row.path: row for row in read_labels(adjudicated)} if adjudicated.is_file() else {}
    measured = {row["path"]: row for row in read_rows(first_predictions)} if first_predictions.is_file() else {}
    reference: dict[str, Labelled] = {}
    seconds: dict[str, Labelled] = {}
    adjudicated_posts = unadjudicated = 0
    for row in read_labels(second):
        if meta[row.path]["split"] != "blind":
            continue
        first = firsts[row.path]
        if (first.carbon, first.release) == (row.carbon, row.release):
            reference[row.path], seconds[row.path] = first, row
        elif row.path in decided:
            reference[row.path], seconds[row.path] = decided[row.path], row
            adjudicated_posts += 1
        else:
            unadjudicated += 1
    out: dict[str, Any] = {
        "posts": len(reference),
        "adjudicated": adjudicated_posts,
        "unadjudicated": unadjudicated,
        "first_measured": sum(1 for p in reference if p in measured),
        "now": sum(1 for p in reference if p in now) if now is not None else 0,
    }
    for field in FIELDS:
        truth = {path: _value(label, field) for path, label in reference.items()}
        guesses = {
            "labels": {path: _value(firsts[path], field) for path in reference},
            "second": {path: _value(seconds[path], field) for path in reference},
            "classifier": {path: measured[path][field] == "1" for path in reference if path in measured},
        }
        if now is not None:
            guesses["classifier_now"] = {path: now[path][field] for path in reference if path in now}
        out[field] = {name: _scored((g, truth[path]) for path, g in guess.items()) for name, guess in guesses.items()}
    return out


def outcomes_now(labels: Path = LABELS, second: Path = SECOND) -> dict[str, Outcome]:
    """The classifier today (the rules and the n-gram model, as ``eval_corpus`` runs them) on every twice-read post,
    scored against the labels, by path: run once for every set and the reference."""
    twice = {row.path for row in read_labels(second)}
    posts = [row for row in read_labels(labels) if row.path in twice]
    return {o.label.path: o for o in evaluate(posts, CORPUS, load_rules(), default_reader())}


def answers(outcomes: Sequence[Outcome]) -> dict[str, dict[str, bool]]:
    """path -> field -> the classifier's answer."""
    return {o.label.path: {field: bool(getattr(o, field)) for field in FIELDS} for o in outcomes}


def documents_both_readers_name(outcomes: Sequence[Outcome], second: Path = SECOND) -> tuple[int, int]:
    """(found, total) over the documents of released posts that both readings name alike (title and issuer, as
    :func:`documents_named` matches them): how many of them the classifier names (``Outcome.missing_docs``). Documents
    named with less of the labellers' own wording in the count: one reader's paraphrase is not asked of it."""
    seconds = {row.path: row for row in read_labels(second)}
    found = total = 0
    for o in outcomes:
        other = seconds.get(o.label.path)
        if other is None or not o.label.release:
            continue
        theirs = _doc_keys(other)
        for (title, issuer, _), key in zip(o.label.documents, _doc_keys(o.label), strict=True):
            if _named_alike(key, theirs):
                total += 1
                found += f"{title}@{issuer}" not in o.missing_docs
    return found, total


def agreed_documents_row(agreed: tuple[int, int], posts: int) -> Row:
    """The table row for :func:`documents_both_readers_name`."""
    found, total = agreed
    share = found / total if total else 1.0
    return Row(
        "documents named: the classifier now, on the documents both readers name alike",
        f"{share:.3f} ({found} of {total})",
        "-",
        "-",
        f"python -m benchmarks.agreement ({posts} twice-read blind posts; title and issuer must both match)",
    )


def reference_rows(figures: dict[str, Any]) -> list[Row]:
    """Table rows for ``against_adjudicated_reference``."""
    method = (
        f"python -m benchmarks.agreement (adjudicated.tsv; {figures['posts']} twice-read blind posts, "
        f"{figures['adjudicated']} decided by a third reader)"
    )
    out: list[Row] = []
    for field in FIELDS:
        for key, what in (
            ("labels", "the labels"),
            ("second", "the second reader"),
            ("classifier", f"the classifier as first measured ({figures['first_measured']} posts)"),
            ("classifier_now", f"the classifier now, rules and n-gram model ({figures.get('now', 0)} posts)"),
        ):
            if key not in figures[field]:
                continue
            name = f"{field}: {what} against the adjudicated reference"
            out.append(Row(name, _scored_figure(figures[field][key]), "-", "-", method))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON instead of the table")
    parser.add_argument(
        "--quick", action="store_true", help="only the newest round's set (the harness's CI run) and the last rows"
    )
    args = parser.parse_args(argv)
    if not SECOND.is_file():
        print(f"{SECOND} is missing: nothing to compare", file=sys.stderr)
        return 1
    sets = list(SETS.items())[-1:] if args.quick else SETS.items()  # SETS ends with the newest round
    now = None if args.quick else outcomes_now()  # (--quick: only the newest round's set is run, in compare)
    figures = {name: compare(subset=keep, outcomes_by_path=now) for name, keep in sets}
    figures = {name: f for name, f in figures.items() if f["posts"]}
    table = [row for name, f in figures.items() for row in rows(f, name)]
    if FIRST_PREDICTIONS.is_file():
        consensus = first_measurement_where_readers_agree()
        figures["first measurement where the readers agree"] = consensus
        table += consensus_rows(consensus)
        blind = None
        if now is not None:
            meta = {row["path"]: row for row in read_rows(LABELS)}
            blind = [o for path, o in now.items() if meta[path]["split"] == "blind"]
        reference = against_adjudicated_reference(now=None if blind is None else answers(blind))
        figures["against the adjudicated reference"] = reference
        table += reference_rows(reference)
        if blind is not None:
            agreed = documents_both_readers_name(blind)
            figures["documents both readers name"] = {"found": agreed[0], "total": agreed[1]}
            table.append(agreed_documents_row(agreed, len(blind)))
    print(json.dumps(figures, ensure_ascii=False, indent=2) if args.json else markdown_table(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
