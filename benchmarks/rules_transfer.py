"""How much of the rules' gain since each round was first measured holds on posts nobody read: the gap, by script.

Run: ``python -m benchmarks.rules_transfer [--quick] [--json]`` (about two minutes: the rules, without the n-gram
model, over every post of rounds 10 on; ``--quick``, the newest round's only).

``benchmarks/corpus/first_predictions.tsv`` keeps each post's release and carbon relevance as the rules gave them when
its round was first measured, before any of its posts was read (the rules alone, ``CARBONWATCH_NGRAM_MODEL=off``).
Since then the rules were written looking at the tuning posts of those rounds and never at the blind ones. The same
posts run through the rules as they are now give the other column. Where the rules grew by general conventions,
tuning and blind gain alike; where they grew by what a few tuning pages say, tuning gains and blind does not. The
share of the tuning gain that blind keeps (``kept``) is told apart for pages in simplified and in traditional script
(Taiwan, Hong Kong, Macau), where the tuning figures outran the blind ones first.

The n-gram model is left out on both sides: first predictions keep the rules alone, and the model's own
out-of-sample figures are ``eval_corpus --cross-validated``'s.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from benchmarks import Row, markdown_table
from benchmarks.corpus_tool import CORPUS, FIRST_PREDICTIONS, LABELS, read_rows
from carbonwatch.classify.evaluate import default_reader, evaluate, precision_recall, read_labels
from carbonwatch.classify.rules import load_rules

MEASURES = ("release", "carbon")
PROGRESS_EVERY = 2000  # posts between two progress lines


@dataclass(frozen=True)
class Record:
    """One post: its split and script, its labels, and the rules' verdicts then and now (per measure)."""

    split: str
    traditional: bool
    label: dict[str, bool]
    first: dict[str, bool]
    now: dict[str, bool]


def transfer(records: Iterable[Record]) -> dict[str, dict[str, Any]]:
    """Per set (``tuning`` / ``blind``, each ``, simplified`` and ``, traditional``) and measure: precision and recall
    of the rules as first measured and now, and, per script, the share of the tuning recall gain the blind posts kept
    (None where tuning gained nothing)."""
    groups: dict[str, list[Record]] = {}
    for r in records:
        script = "traditional" if r.traditional else "simplified"
        for name in (r.split, f"{r.split}, {script}"):
            groups.setdefault(name, []).append(r)
    out: dict[str, dict[str, Any]] = {}

    def order(name: str) -> tuple[str, bool]:  # each script's sets together, tuning first
        split, _, script = name.partition(", ")
        return script, split != "tuning"

    for name, part in sorted(groups.items(), key=lambda kv: order(kv[0])):
        out[name] = {"posts": len(part)}
        for m in MEASURES:
            first = precision_recall((r.first[m], r.label[m]) for r in part)
            now = precision_recall((r.now[m], r.label[m]) for r in part)
            out[name][m] = {
                "labelled": sum(r.label[m] for r in part),
                "first": {"precision": first[0], "recall": first[1]},
                "now": {"precision": now[0], "recall": now[1]},
            }
    for name in [n for n in out if n.startswith("blind")]:
        tuning = out.get("tuning" + name[len("blind") :])
        if tuning is None:
            continue
        for m in MEASURES:
            gain = tuning[m]["now"]["recall"] - tuning[m]["first"]["recall"]
            kept = out[name][m]["now"]["recall"] - out[name][m]["first"]["recall"]
            out[name][m]["recall_gain_kept"] = kept / gain if gain > 0 else None
    return out


def records(quick: bool = False) -> list[Record]:
    """Every post of ``first_predictions.tsv`` (``quick``: its newest round's only) with its labels, split, script and
    the rules' verdicts now."""
    split_of = {r["path"]: r["split"] for r in read_rows(LABELS)}
    labels = {lab.path: lab for lab in read_labels(LABELS)}
    rows = read_rows(FIRST_PREDICTIONS)
    if quick:
        newest = max(int(r["round"]) for r in rows)
        rows = [r for r in rows if int(r["round"]) == newest]
    rules, reader = load_rules(), default_reader()
    out = []
    for start in range(0, len(rows), PROGRESS_EVERY):
        part = rows[start : start + PROGRESS_EVERY]
        # the rules alone, as the benchmark reads and classifies every labelled post
        outcomes = evaluate([labels[row["path"]] for row in part], CORPUS, rules, reader, model=None)
        out += [
            Record(
                split=split_of[row["path"]],
                traditional=o.traditional,
                label={"release": o.label.release, "carbon": o.label.carbon},
                first={"release": row["release"] == "1", "carbon": row["carbon"] == "1"},
                now={"release": o.release, "carbon": o.carbon},
            )
            for row, o in zip(part, outcomes, strict=True)
        ]
        print(f"... {len(out)} of {len(rows)} posts", file=sys.stderr, flush=True)
    return out


def table(figures: dict[str, dict[str, Any]]) -> list[Row]:
    """The rows: per set and measure, the rules then and now, and the share of the tuning gain blind kept."""
    out = []
    method = "python -m benchmarks.rules_transfer (first_predictions.tsv; rules alone, then and now)"
    for name, f in figures.items():
        for m in MEASURES:
            g = f[m]
            kept = g.get("recall_gain_kept")
            figure = (
                f"then P {g['first']['precision']:.3f} / R {g['first']['recall']:.3f}; "
                f"now P {g['now']['precision']:.3f} / R {g['now']['recall']:.3f}"
                + (f"; kept {kept:.2f} of the tuning recall gain" if kept is not None else "")
            )
            name_cell = f"rules' {m}, first measured and now — {name} ({f['posts']} posts)"
            out.append(Row(name_cell, figure, "-", "-", method))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the table (or the figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON instead of the table")
    parser.add_argument("--quick", action="store_true", help="the newest round only (proves the harness)")
    args = parser.parse_args(argv)
    figures = transfer(records(args.quick))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        print(markdown_table(table(figures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
