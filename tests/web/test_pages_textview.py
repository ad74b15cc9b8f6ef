"""The pages' pure helpers: evidence spans and marks, revision diffs, reading a log that is still being written."""

from __future__ import annotations

from pathlib import Path

import pytest

from carbonwatch.web.textview import DiffLine, Segment, diff_lines, evidence_spans, mark_spans, read_log


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("abcdef", [], [Segment("abcdef")]),
        ("abcdef", [(1, 3, "x")], [Segment("a"), Segment("bc", True, "x"), Segment("def")]),
        ("abcdef", [(0, 6, "x")], [Segment("abcdef", True, "x")]),
        # overlapping spans merge, labels kept once each
        ("abcdef", [(1, 4, "x"), (2, 5, "y")], [Segment("a"), Segment("bcde", True, "x, y"), Segment("f")]),
        # adjacent spans stay two marks (two terms side by side: 碳达峰碳中和)
        ("abcdef", [(0, 2, "x"), (2, 4, "y")], [Segment("ab", True, "x"), Segment("cd", True, "y"), Segment("ef")]),
        # spans past the end are clipped, empty or inverted ones dropped
        ("abc", [(2, 99, "x"), (5, 9, "y"), (2, 2, "z")], [Segment("ab"), Segment("c", True, "x")]),
        ("", [(0, 3, "x")], [Segment("")]),
    ],
)
def test_mark_spans(text: str, spans: list[tuple[int, int, str]], expected: list[Segment]) -> None:
    assert mark_spans(text, spans) == expected


def test_mark_spans_keep_the_whole_text() -> None:
    text = "国务院日前印发《2030年前碳达峰行动方案》。"
    assert "".join(s.text for s in mark_spans(text, [(7, 21, "doc"), (14, 17, "碳达峰")])) == text


def test_evidence_spans_take_one_field_and_label_with_term_and_rule() -> None:
    evidence = [
        {"term": "碳达峰", "field": "text", "start": 3, "end": 6, "rule": "term"},
        {"term": "碳中和", "field": "title", "start": 0, "end": 3, "rule": "title_boost"},
    ]
    assert evidence_spans(evidence, "text") == [(3, 6, "碳达峰 (term)")]


@pytest.mark.parametrize(
    "entry",
    [
        "not a mapping",
        {"field": "text", "start": "3", "end": 6},
        {"field": "text", "start": 6, "end": 3},
        {"field": "text", "start": True, "end": 3},
        {"field": "text"},
    ],
)
def test_evidence_spans_skip_unusable_entries(entry: object) -> None:
    assert evidence_spans([entry, {"term": "t", "field": "text", "start": 0, "end": 1}], "text") == [(0, 1, "t")]


def test_policy_document_spans_are_labelled_with_their_title() -> None:
    documents = [{"title": "《方案》", "field": "text", "start": 2, "end": 6}]
    assert evidence_spans(documents, "text") == [(2, 6, "document 《方案》")]


def test_a_segment_knows_it_is_a_documents_span() -> None:
    documents = [{"title": "《方案》", "field": "text", "start": 0, "end": 4}]
    terms = [{"term": "碳达峰", "field": "text", "start": 5, "end": 8, "rule": "term"}]
    spans = evidence_spans(documents, "text") + evidence_spans(terms, "text")
    assert [(s.text, s.document) for s in mark_spans("《方案》，碳达峰。", spans) if s.marked] == [
        ("《方案》", True),
        ("碳达峰", False),
    ]


def test_diff_lines_show_removed_and_added_lines_in_context() -> None:
    old = "第一段\n第二段旧\n第三段"
    new = "第一段\n第二段新\n第三段"
    assert diff_lines(old, new) == [
        DiffLine("same", "第一段"),
        DiffLine("removed", "第二段旧"),
        DiffLine("added", "第二段新"),
        DiffLine("same", "第三段"),
    ]


def test_diff_lines_leave_out_far_unchanged_lines() -> None:
    old = "\n".join(f"line {i}" for i in range(20))
    new = old.replace("line 2\n", "line two\n").replace("line 17\n", "line seventeen\n")
    kinds = [line.kind for line in diff_lines(old, new, context=1)]
    assert kinds.count("gap") == 1
    assert "line 10" not in [line.text for line in diff_lines(old, new, context=1)]


def test_diff_of_equal_texts_is_empty() -> None:
    assert diff_lines("a\nb", "a\nb") == []


def test_read_log_keeps_a_partial_last_line_for_the_next_read(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    log.write_bytes(b"one\ntwo\nthr")
    first = read_log(log)
    assert first.lines == ["one", "two"]
    with log.open("ab") as fh:
        fh.write(b"ee\nfour\n")
    assert read_log(log, first.offset).lines == ["three", "four"]


def test_read_log_from_the_end_has_nothing_new(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    log.write_bytes(b"one\n")
    chunk = read_log(log)
    assert read_log(log, chunk.offset).lines == []
    assert read_log(log, chunk.offset).offset == chunk.offset


def test_read_log_starts_again_when_the_file_shrank(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    log.write_bytes(b"a fresh file\n")
    assert read_log(log, 10_000).lines == ["a fresh file"]


def test_read_log_shows_only_the_end_of_a_big_log_in_whole_lines(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    log.write_bytes(b"".join(b"line %03d\n" % i for i in range(100)))
    chunk = read_log(log, limit=30)
    assert chunk.truncated
    assert chunk.lines == ["line 097", "line 098", "line 099"]
    assert chunk.offset == log.stat().st_size


def test_read_log_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    chunk = read_log(tmp_path / "gone.log")
    assert chunk.lines == []
    assert not chunk.truncated


def test_read_log_replaces_undecodable_bytes(tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    log.write_bytes(b"ok \xff\xfe\n")
    assert read_log(log).lines == ["ok \ufffd\ufffd"]
