"""ClassifyPipeline: sets carbon/policy/flag on items, skips duplicates, counts stats, loads a user rules file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.items import ArticleItem
from pipelines.classify import ClassifyPipeline, RulesError, classify_item, load_rules

NOW = datetime(2021, 11, 16, tzinfo=UTC)


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


class Settings(dict[str, Any]):
    pass


class Crawler:
    def __init__(self, rules_file: str | None) -> None:
        self.settings = Settings(CARBONWATCH_RULES_FILE=rules_file)
        self.stats = Stats()


def item(title: str, text: str, **kw: Any) -> ArticleItem:
    return ArticleItem(
        url="https://finance.sina.com.cn/a.shtml", source="sina", title=title, text=text, published_at=NOW, **kw
    )


RELEASE = item("国务院印发2030年前碳达峰行动方案", "国务院日前印发《2030年前碳达峰行动方案》。碳达峰碳中和。")


def test_release_is_flagged() -> None:
    it = item(RELEASE.title, RELEASE.text)
    classify_item(it, load_rules())
    assert it.flag is True
    assert it.carbon and it.carbon["relevant"] and it.carbon["evidence"]
    assert it.policy and it.policy["documents"][0]["title"] == "《2030年前碳达峰行动方案》"


def test_carbon_news_without_release_is_not_flagged() -> None:
    it = item("全国碳市场累计成交额突破20亿元", "全国碳市场碳排放配额成交量持续活跃，碳价上涨。")
    classify_item(it, load_rules())
    assert (it.carbon and it.carbon["relevant"], it.flag) == (True, False)


def test_release_without_carbon_is_not_flagged() -> None:
    it = item("100万吨国家钾肥储备投放", "国家发展改革委、财政部联合印发通知，部署投放钾肥储备。")
    classify_item(it, load_rules())
    assert (it.policy and it.policy["is_release"], it.flag) == (True, False)


def test_pipeline_skips_duplicates() -> None:
    pipe = ClassifyPipeline(load_rules(), Stats())
    dup = item(RELEASE.title, RELEASE.text, duplicate={"kind": "exact", "original_id": 1})
    pipe.process_item(dup)
    assert (dup.carbon, dup.policy, dup.flag) == (None, None, False)


def test_pipeline_counts_stats() -> None:
    stats = Stats()
    ClassifyPipeline(load_rules(), stats).process_item(item(RELEASE.title, RELEASE.text))
    assert stats.values == {
        "carbonwatch/classify/items": 1,
        "carbonwatch/classify/carbon": 1,
        "carbonwatch/classify/release": 1,
        "carbonwatch/classify/flag": 1,
    }


def test_from_crawler_uses_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('version = "mine"\n[terms]\n"钾肥" = 9\n', encoding="utf-8")
    pipe = ClassifyPipeline.from_crawler(Crawler(str(path)))
    assert pipe.rules.version == "mine"


def test_from_crawler_refuses_bad_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("not toml [", encoding="utf-8")
    with pytest.raises(RulesError):
        ClassifyPipeline.from_crawler(Crawler(str(path)))


def test_from_crawler_refuses_an_unreadable_ngram_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from carbonwatch.classify.ngram import NgramModelError

    rules = tmp_path / "rules.toml"
    rules.write_text('version = "mine"\n[terms]\n"钾肥" = 9\n', encoding="utf-8")
    model = tmp_path / "model.json"
    model.write_text("{}", encoding="utf-8")
    monkeypatch.setenv("CARBONWATCH_NGRAM_MODEL", str(model))
    with pytest.raises(NgramModelError, match="not an n-gram model"):
        ClassifyPipeline.from_crawler(Crawler(str(rules)))
    monkeypatch.setenv("CARBONWATCH_NGRAM_MODEL", "off")
    assert ClassifyPipeline.from_crawler(Crawler(str(rules))).rules.version == "mine"
