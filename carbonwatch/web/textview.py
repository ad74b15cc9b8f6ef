"""Pure helpers the console's pages render with: evidence highlighting, revision diffs and log tails."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# A log page shows at most this much of a file's end (a run log is capped by retention, not per file).
MAX_LOG_BYTES = 512 * 1024
DOCUMENT_LABEL = "document "  # how a policy document's span is labelled, so a page can mark it apart from terms


@dataclass(frozen=True)
class Segment:
    """A piece of a text; ``marked`` pieces are evidence (shown as ``<mark>``), ``label`` says what they matched."""

    text: str
    marked: bool = False
    label: str = ""

    @property
    def document(self) -> bool:
        """Whether the piece is (part of) a policy document's span rather than only carbon terms."""
        return self.label.startswith(DOCUMENT_LABEL) or f", {DOCUMENT_LABEL}" in self.label


def evidence_spans(evidence: Iterable[Any], field: str) -> list[tuple[int, int, str]]:
    """The (start, end, label) spans of the evidence entries on ``field`` (``title`` or ``text``).

    A carbon term's label is ``term (rule)``; a policy document's starts with :data:`DOCUMENT_LABEL`.

    Entries that are not mappings with integer ``start < end`` are skipped with a debug line: old or hand-edited
    rows must not break a page.
    """
    spans = []
    for entry in evidence:
        if not isinstance(entry, dict) or entry.get("field") != field:
            continue
        start, end = entry.get("start"), entry.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or start >= end:
            logger.debug("evidence entry without a usable span skipped: %r", entry)
            continue
        if entry.get("term"):
            rule = entry.get("rule")
            label = f"{entry['term']} ({rule})" if rule else str(entry["term"])
        else:  # a policy document's span (``policy_documents``)
            label = f"{DOCUMENT_LABEL}{entry.get('title') or ''}"
        spans.append((start, end, label))
    return spans


def mark_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Segment]:
    """``text`` cut into plain and marked segments; overlapping spans merge, spans past its end are clipped."""
    clipped = sorted((max(0, s), min(len(text), e), label) for s, e, label in spans if min(len(text), e) > max(0, s))
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, label in clipped:
        if merged and start < merged[-1][1]:  # overlapping; adjacent spans stay apart
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], label] if label not in last[2] else last[2])
        else:
            merged.append((start, end, [label]))
    segments: list[Segment] = []
    pos = 0
    for start, end, labels in merged:
        if start > pos:
            segments.append(Segment(text[pos:start]))
        segments.append(Segment(text[start:end], True, ", ".join(x for x in labels if x)))
        pos = end
    if pos < len(text) or not segments:
        segments.append(Segment(text[pos:]))
    return segments


@dataclass(frozen=True)
class DiffLine:
    """One line of a revision diff; ``kind``: ``same``, ``added``, ``removed`` or ``gap`` (unchanged lines left out)."""

    kind: str
    text: str


def diff_lines(old: str, new: str, *, context: int = 2) -> list[DiffLine]:
    """A line diff of two texts (one paragraph per line), with ``context`` unchanged lines around each change."""
    a, b = old.splitlines(), new.splitlines()
    out: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if out:
            out.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(DiffLine("same", line) for line in a[i1:i2])
                continue
            out.extend(DiffLine("removed", line) for line in a[i1:i2])
            out.extend(DiffLine("added", line) for line in b[j1:j2])
    return out


@dataclass(frozen=True)
class LogChunk:
    """Lines read from a log file: the lines, the byte offset to read on from, and whether the start was cut."""

    lines: list[str]
    offset: int
    truncated: bool = False


def read_log(path: Path, offset: int = 0, *, limit: int = MAX_LOG_BYTES) -> LogChunk:
    """The complete lines of ``path`` after byte ``offset`` (at most about ``limit`` bytes from its end).

    A partial last line (a crawl still writing it) is left for the next read: ``offset`` stops before it. A file
    that shrank below ``offset`` (rotated, replaced) is read again from its start.
    """
    try:
        with path.open("rb") as fh:
            size = fh.seek(0, 2)
            if offset > size:
                offset = 0
            start = max(offset, size - limit)
            fh.seek(start)
            data = fh.read(size - start)
    except OSError as exc:
        logger.debug("cannot read log %s: %s", path, exc)
        return LogChunk([], offset)
    truncated = start > offset
    if truncated:  # cut inside a line: drop its rest
        cut = data.find(b"\n") + 1
        data, start = (data[cut:], start + cut) if cut else (b"", start + len(data))
    end = data.rfind(b"\n") + 1  # a partial last line (still being written) waits for the next read
    lines = data[: end - 1].decode("utf-8", errors="replace").split("\n") if end else []
    return LogChunk(lines, start + end if end else start, truncated)
