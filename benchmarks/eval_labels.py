"""Evaluate carbon/release/flag classification on labelled posts and print a Markdown table.

Run: ``.venv/bin/python benchmarks/eval_labels.py [TSV ...] [--root DIR] [--rules FILE] [--details]``.
Default TSVs: ``<root>/labels/dev_labels.tsv`` and ``benchmarks/labels/extra_labels.tsv``; paths in a TSV are
relative to ``--root`` (default ``/work/shared/data`` when present). Exit code 1 when flag precision or recall
is below 1.0, so CI can gate on it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from carbonwatch.classify.evaluate import default_reader, evaluate, markdown_table, metrics, read_labels
from carbonwatch.classify.rules import load_rules

DEFAULT_ROOT = Path("/work/shared/data")
EXTRA = Path(__file__).with_name("labels") / "extra_labels.tsv"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, evaluate every TSV together, print the table (and per-post details on request)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", nargs="*", type=Path, help="labels TSV files")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="data root the TSV paths are relative to")
    parser.add_argument("--rules", type=Path, default=None, help="rules file (default: the shipped rules)")
    parser.add_argument("--details", action="store_true", help="print every post's verdict")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"data root {args.root} not found: pass --root", file=sys.stderr)
        return 2
    tsvs = args.tsv or [p for p in (args.root / "labels" / "dev_labels.tsv", EXTRA) if p.is_file()]
    rows = [row for tsv in tsvs for row in read_labels(tsv)]
    rules = load_rules(args.rules)
    outcomes = evaluate(rows, args.root, rules, default_reader())
    result = metrics(outcomes)
    print(f"rules {rules.version} ({rules.source}); {len(rows)} posts from {', '.join(str(t) for t in tsvs)}\n")
    print(markdown_table(result))
    if args.details:
        print("\n| ok | carbon | release | flag | score | post | missing documents |")
        print("|---|---|---|---|---|---|---|")
        for o in outcomes:
            ok = (o.carbon, o.release, o.flag) == (o.label.carbon, o.label.release, o.label.flag)
            name = Path(o.label.path).stem[:40]
            cells = [f"{int(getattr(o, k))}/{int(getattr(o.label, k))}" for k in ("carbon", "release", "flag")]
            mark = "✓" if ok else "✗"
            print(f"| {mark} | {' | '.join(cells)} | {o.score:.1f} | {name} | {'; '.join(o.missing_docs)} |")
    flag = result["flag"]
    return 0 if flag["precision"] == 1.0 and flag["recall"] == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
