"""``carbonwatch flags | policies | notify`` on a small database."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from carbonwatch.cli import main
from carbonwatch.cli.policy import parse_since
from storage.db import open_store
from tests.seed import seed_flagged_release

NOW = datetime(2021, 11, 16, 8, 0, tzinfo=UTC)


@pytest.fixture
def db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CARBONWATCH_DATABASE_URL", db_url)
    monkeypatch.delenv("CARBONWATCH_NOTIFY_URLS", raising=False)
    monkeypatch.delenv("CARBONWATCH_CONFIG", raising=False)
    _, sessions = open_store(db_url)
    with sessions.begin() as s:
        seed_flagged_release(s, NOW)
    return db_url


def json_lines(out: str) -> list[dict[str, Any]]:
    """One JSON object per line, nothing else (a pretty-printed array would not parse line by line)."""
    return [json.loads(line) for line in out.splitlines()]


def test_flags_json_lists_flag_with_evidence(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flags", "--json"]) == 0
    [flag] = json_lines(capsys.readouterr().out)
    assert (flag["title"], flag["issuer"]) == ("《2030年前碳达峰行动方案》", "国务院")
    assert flag["evidence"]["carbon"]["evidence"]


def test_flags_since_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["flags", "--since", "2099-01-01", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_flags_text_output(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["flags"])
    out = capsys.readouterr().out
    assert "2030年前碳达峰行动方案" in out and "release cue" in out


def test_policies_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies", "--json"]) == 0
    [policy] = json_lines(capsys.readouterr().out)
    assert (policy["mentions"], policy["flagged"], policy["doc_type"]) == (1, True, "行动方案")


def test_policies_text_is_a_table_like_runs_and_status(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["policies"]) == 0
    out = capsys.readouterr().out
    assert "policy registry (newest first)" in out
    assert "《2030年前碳达峰行动方案》" in out and "国务院" in out
    assert "\t" not in out  # no longer tab-separated text


def test_notify_without_targets(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notify"]) == 0
    assert "CARBONWATCH_NOTIFY_URLS" in capsys.readouterr().out


def test_notify_json_without_targets_is_one_line_saying_so(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notify", "--json"]) == 0
    out = capsys.readouterr()
    assert [(r["sent"], r["targets"]) for r in json_lines(out.out)] == [(0, 0)]
    assert "CARBONWATCH_NOTIFY_URLS" in out.err


def test_notify_json_report_is_one_line(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.receiver import Receiver

    receiver = Receiver()
    receiver.thread.start()
    monkeypatch.setenv("CARBONWATCH_NOTIFY_URLS", receiver.url)
    try:
        assert main(["notify", "--json"]) == 0
    finally:
        receiver.server.shutdown()
    [report] = json_lines(capsys.readouterr().out)
    assert (report["sent"], report["failed"], report["targets"]) == (1, 0, 1)
    assert len(receiver.bodies) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7d", NOW - timedelta(days=7)),
        ("12h", NOW - timedelta(hours=12)),
        ("2021-11-01", datetime(2021, 11, 1, tzinfo=UTC)),
        ("2021-11-01T08:00:00+08:00", datetime(2021, 11, 1, tzinfo=UTC)),
    ],
)
def test_parse_since(value: str, expected: datetime) -> None:
    assert parse_since(value, now=NOW) == expected
