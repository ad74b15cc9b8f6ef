"""Maintain the labelled corpus of real posts in ``benchmarks/corpus/`` (see its README).

Run: ``python -m benchmarks.corpus_tool merge STAGING.tsv ...`` adds staged rows to ``labels.tsv`` (the split of a
post is computed from its provenance, never chosen) and copies each row's post file from beside its staging file
(``--dry-run`` checks them there, writing nothing); ``python -m benchmarks.corpus_tool check`` validates the corpus
(files present and each labelled, provenance complete, labels consistent, splits equal to the hash rule) and prints
its counts.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from carbonwatch.classify.evaluate import split_of

CORPUS = Path(__file__).resolve().parent / "corpus"
LABELS = CORPUS / "labels.tsv"
FIRST_PREDICTIONS = CORPUS / "first_predictions.tsv"  # each post of rounds 10 on as its round was first measured
COLUMNS = (
    "path",
    "split",
    "carbon",
    "release",
    "flag",
    "documents",
    "repo",
    "source_path",
    "commit",
    "read_file_id",
    "note",
    "round",
)


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a corpus TSV (the merged one or a staging file)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [dict(row) for row in csv.DictReader(fh, delimiter="\t")]


def normalise_staged(row: dict[str, str], collection_round: int) -> dict[str, str]:
    """A staged row (columns file, …, path = repository path) in the merged column layout, split computed."""
    out = {
        "path": (row.get("file") or row.get("path") or "").strip(),
        "carbon": (row.get("carbon") or "").strip(),
        "release": (row.get("release") or "").strip(),
        "flag": (row.get("flag") or "").strip(),
        "documents": (row.get("documents") or "").strip(),
        "repo": (row.get("repo") or "").strip(),
        "source_path": (row.get("source_path") or (row.get("path") if row.get("file") else "") or "").strip(),
        "commit": (row.get("commit") or "").strip(),
        "read_file_id": (row.get("read_file_id") or "").strip(),
        "note": (row.get("note") or "").strip(),
        "round": str(collection_round),
    }
    out["split"] = split_of(out["repo"], out["source_path"])
    return out


def problems(rows: list[dict[str, str]], root: Path = CORPUS, staged_dirs: Sequence[Path] = ()) -> list[str]:
    """Everything wrong with the corpus rows: missing files or provenance, bad labels, a split not by the rule, post
    files no row labels. A staged row's file may still be beside its staging file (``staged_dirs``)."""
    found: list[str] = []
    seen: set[str] = set()
    for row in rows:
        name = row["path"]
        if name in seen:
            found.append(f"{name}: listed twice")
        seen.add(name)
        if not any((where / name).is_file() for where in (root, *staged_dirs)):
            found.append(f"{name}: file missing")
        if not (row["repo"] and row["source_path"] and row["commit"]):
            found.append(f"{name}: provenance incomplete (repo, source_path, commit)")
        labels = [row[k] for k in ("carbon", "release", "flag")]
        if any(v not in ("0", "1") for v in labels):
            found.append(f"{name}: labels must be 0/1, got {labels}")
            continue
        carbon, release, flag = (v == "1" for v in labels)
        if flag != (carbon and release):
            found.append(f"{name}: flag must equal carbon and release")
        if row["documents"] and not release:
            found.append(f"{name}: documents listed but release = 0")
        if not row.get("round", "").isdigit():
            found.append(f"{name}: round must be the collection round's number")
        if row["split"] != split_of(row["repo"], row["source_path"]):
            found.append(f"{name}: split {row['split']!r} is not the hash rule's")
    # a post file no row labels (a staged post the labeller dropped but whose file was copied in) measures nothing
    # and hides beside the labelled ones
    if (root / "posts").is_dir():
        for path in sorted((root / "posts").glob("*.md")):
            if f"posts/{path.name}" not in seen:
                found.append(f"posts/{path.name}: file without a label row (remove it, or stage its labels)")
    return found


def write_rows(rows: list[dict[str, str]], path: Path | None = None) -> None:
    """Write the merged TSV (``labels.tsv`` unless ``path``), sorted by file name so diffs stay small."""
    path = path or LABELS
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows, key=lambda r: r["path"]):
            writer.writerow({k: row.get(k, "") for k in COLUMNS})


def counts(rows: list[dict[str, str]]) -> str:
    """A one-table summary: posts, releases, carbon and flags per split."""
    lines = ["| split | posts | release | carbon | flag | documents |", "|---|---|---|---|---|---|"]
    for split in ("tuning", "blind"):
        part = [r for r in rows if r["split"] == split]
        c = Counter(k for r in part for k in ("carbon", "release", "flag") if r[k] == "1")
        docs = sum(len([d for d in r["documents"].split("|") if d.strip()]) for r in part)
        lines.append(f"| {split} | {len(part)} | {c['release']} | {c['carbon']} | {c['flag']} | {docs} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Merge staged rows or check the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    merge = sub.add_parser("merge", help="add staged rows to labels.tsv")
    merge.add_argument(
        "--round",
        dest="collection_round",
        type=int,
        required=True,
        help="the collection round the staged posts belong to (blind posts of a round stay unread until measured)",
    )
    merge.add_argument(
        "--dry-run",
        action="store_true",
        help="validate the staged rows with the corpus and print the counts, writing nothing",
    )
    merge.add_argument(
        "staged",
        nargs="+",
        type=Path,
        help="staging TSVs; each row's post file (posts/<key>.md) is read beside its TSV and copied in on merge",
    )
    sub.add_parser("check", help="validate the corpus and print its counts")
    args = parser.parse_args(argv)
    rows = read_rows(LABELS) if LABELS.is_file() else []
    staged_dirs: list[Path] = []
    copies: list[tuple[Path, Path]] = []  # (staged post file, its place in the corpus)
    if args.cmd == "merge":
        known = {r["path"] for r in rows}
        for staged in args.staged:
            staged_dirs.append(staged.parent)
            for row in read_rows(staged):
                new = normalise_staged(row, args.collection_round)
                if new["path"] and new["path"] not in known:
                    rows.append(new)
                    known.add(new["path"])
                    copies.append((staged.parent / new["path"], CORPUS / new["path"]))
    # (a staged file checked beside its staging TSV is the one copied in below: the check holds after the merge)
    bad = problems(rows, CORPUS, staged_dirs)
    if args.cmd == "merge" and not args.dry_run and not bad:
        # only the staged rows' own files come in: a post the labeller dropped stays out
        for source, target in copies:
            if source.is_file() and not target.is_file():
                shutil.copyfile(source, target)
        write_rows(rows, LABELS)
    for line in bad:
        print(line, file=sys.stderr)
    print(counts(rows))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
