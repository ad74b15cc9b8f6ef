"""Tests for carbonwatch.analyze and the ``analyze`` subcommand: a seed post and a saved page, offline."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from carbonwatch.analyze import analyze_path, item_to_json
from carbonwatch.cli import analyze as analyze_cli
from carbonwatch.config import load_config
from carbonwatch.textnorm import content_hash

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "posts" / "sina_ndrc_carbon_2021-11-16.md"
PAGE = FIXTURES / "sina_finance" / "article_finance_2018.html"
PAGE_URL = "https://finance.sina.com.cn/roll/2018-12-28/doc-ihqfskcn2160999.shtml"
NOW = datetime(2021, 11, 17, 0, 0, tzinfo=UTC)
BOILERPLATE = ("海量资讯", "新浪财经APP", "责任编辑", "appendQr", "<!--", "<style", "&#123;")


@cache
def seed() -> dict[str, Any]:
    return item_to_json(analyze_path(SEED, now=NOW), str(SEED))


def test_seed_title() -> None:
    assert seed()["title"] == "发改委：工业、交通运输等领域碳达峰碳中和实施方案已编制完成"


def test_seed_published_at_in_beijing_time() -> None:
    assert seed()["published_at"] == "2021-11-16T11:43:46+08:00"


def test_seed_editor() -> None:
    assert seed()["editor"] == "李昂"


def test_seed_has_no_url() -> None:
    assert seed()["url"] is None


@pytest.mark.parametrize("needle", BOILERPLATE)
def test_seed_has_no_boilerplate(needle: str) -> None:
    assert needle not in seed()["text"]
    assert needle not in seed()["html"]


def test_seed_content_hash_is_of_the_text() -> None:
    assert seed()["content_hash"] == content_hash(seed()["text"])


def test_seed_json_keys() -> None:
    expected = {"input", "url", "title", "published_at", "source", "editor", "text", "html", "content_hash"}
    assert expected <= set(seed())


def test_saved_page_with_url() -> None:
    data = item_to_json(analyze_path(PAGE, url=PAGE_URL, now=NOW))
    assert data["url"] == PAGE_URL
    assert data["doc_id"] == "ihqfskcn2160999"
    assert data["published_at"] == "2018-12-28T19:56:29+08:00"
    assert data["source"] == "新京报"


def test_saved_page_url_defaults_to_og_url() -> None:
    assert analyze_path(PAGE, now=NOW).url == PAGE_URL


def test_gbk_page_without_declaration(tmp_path: Path) -> None:
    page = tmp_path / "gbk.html"
    body = "　　国家发展改革委表示，将完善能耗双控政策，强化能耗强度约束性指标管控，深化碳排放统计核算方法研究。"
    page.write_bytes(f"<html><head><meta property='og:title' content='能耗双控'></head><body>"
                     f"<div id='artibody'><p>{body}</p></div></body></html>".encode("gbk"))  # fmt: skip
    data = item_to_json(analyze_path(page, url="https://finance.sina.com.cn/2021-11-16/doc-iabc.shtml", now=NOW))
    assert data["title"] == "能耗双控"
    assert data["text"] == body.strip("　")


# -- the subcommand --


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    analyze_cli.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.func(args, load_config())
    return code


def test_cli_json_one_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["analyze", str(SEED), str(PAGE), "--json", "--now", "2021-11-17T08:00:00+08:00"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert [json.loads(line)["input"] for line in lines] == [str(SEED), str(PAGE)]


def test_cli_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(SEED), "--now", "2021-11-17T08:00:00+08:00"]) == 0
    out = capsys.readouterr().out
    assert "2021-11-16T11:43:46+08:00" in out
    assert "李昂" in out


def test_cli_bad_input_reported_and_others_processed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.html"
    bad.write_text("<html><body><div id='nav'>导航</div></body></html>", encoding="utf-8")
    code = run(["analyze", str(bad), str(tmp_path / "missing.md"), str(SEED), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{bad}: cannot analyse: no_body" in captured.err
    assert "missing.md: cannot analyse" in captured.err
    assert json.loads(captured.out.strip())["title"].startswith("发改委")


def test_analyze_classifies_with_the_configured_rules_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Same rules as a crawl: a stricter threshold in CARBONWATCH_RULES_FILE makes the seed not relevant.
    shipped = Path(__file__).resolve().parent.parent / "carbonwatch" / "rules" / "carbon.toml"
    strict = tmp_path / "strict.toml"
    strict.write_text(shipped.read_text("utf-8").replace("threshold = 6.0", "threshold = 100000.0", 1), "utf-8")
    assert analyze_path(SEED).carbon["relevant"] is True  # the shipped rules
    monkeypatch.setenv("CARBONWATCH_RULES_FILE", str(strict))
    assert analyze_path(SEED).carbon["relevant"] is False
