"""Spool files: item JSON round trip with datetimes, durable appends, truncated lines, pending/rejected files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from crawler.items import ArticleItem
from storage import spool

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def make_item() -> ArticleItem:
    return ArticleItem(
        url="https://finance.sina.com.cn/2021-11-16/doc-iktzscyy5626548.shtml",
        source="sina",
        title="国家发改委：碳达峰",
        text="正文\n第二段",
        published_at=datetime(2021, 11, 16, 11, 43, tzinfo=timezone(timedelta(hours=8))),
        fetched_at=NOW,
        keywords=["碳达峰"],
        meta={"索引号": "000014349/2021-00123"},
        duplicate={"kind": "near", "original_id": 3, "original_url": "https://a.example/1", "similarity": 0.8},
    )


def test_item_json_round_trip_keeps_every_field() -> None:
    item = make_item()
    assert spool.item_from_json(spool.item_to_json(item)) == item


def test_item_json_round_trip_keeps_aware_datetimes() -> None:
    back = spool.item_from_json(spool.item_to_json(make_item()))
    assert back.published_at is not None and back.published_at.utcoffset() == timedelta(hours=8)
    assert back.written_at is None


def test_item_from_json_ignores_unknown_keys() -> None:
    data = spool.item_to_json(make_item()) | {"added_in_a_later_version": 1}
    assert spool.item_from_json(data).title == "国家发改委：碳达峰"


def test_append_then_read(tmp_path: Path) -> None:
    sp = spool.Spool(tmp_path / "spool", "run7")
    sp.append(make_item(), run_id=7, error="database is locked", now=NOW)
    sp.append(make_item(), run_id=7, error="database is locked", now=NOW)
    entries = spool.read_spool(sp.path)
    assert [(e.run_id, e.error, e.spooled_at) for e in entries] == [(7, "database is locked", NOW)] * 2
    assert entries[0].item == make_item()


def test_truncated_last_line_is_skipped(tmp_path: Path) -> None:
    sp = spool.Spool(tmp_path, "run1")
    sp.append(make_item(), run_id=1, error="x", now=NOW)
    with sp.path.open("a", encoding="utf-8") as fh:
        fh.write('{"v":1,"run_id":1,"item":{"url":"https://cut')  # the process was killed mid-write
    assert len(spool.read_spool(sp.path)) == 1


def test_pending_files_exclude_rejected(tmp_path: Path) -> None:
    sp = spool.Spool(tmp_path, "run1")
    sp.append(make_item(), run_id=1, error="x", now=NOW)
    sp.append(make_item(), run_id=1, error="bad value", now=NOW, rejected=True)
    assert spool.pending_files(tmp_path) == [sp.path]
    assert sp.rejected_path.exists()


def test_pending_files_of_a_missing_directory_is_empty(tmp_path: Path) -> None:
    assert spool.pending_files(tmp_path / "nope") == []


def test_remove_is_idempotent(tmp_path: Path) -> None:
    sp = spool.Spool(tmp_path, "run1")
    sp.append(make_item(), run_id=1, error="x", now=NOW)
    spool.remove(sp.path)
    spool.remove(sp.path)
    assert not sp.path.exists()
