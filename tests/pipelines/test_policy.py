"""Policy registry: one flag per document, idempotent re-runs, cross-site linking, mentions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.classify.ngram import parse_model
from crawler.items import ArticleItem
from pipelines.classify import classify_item, load_rules
from pipelines.policy import PolicyRegistryPipeline, document_title, flag_label, register_item
from storage import policy_queries
from storage.db import open_store
from storage.models import CrawlRun, Flag, Policy, PolicyMention
from storage.queries import upsert_article
from tests.classify.ngram_models import RELEASE_SPEAKS, hand_made

NOW = datetime(2021, 11, 16, 8, 0, tzinfo=UTC)

SINA_TITLE = "国务院印发2030年前碳达峰行动方案"
SINA_TEXT = (
    "国务院日前印发《2030年前碳达峰行动方案》，对推进碳达峰工作作出总体部署。\n"
    "方案提出，到2025年单位国内生产总值二氧化碳排放比2020年下降18%，为实现碳达峰、碳中和奠定基础。"
)
GOV_TITLE = "国务院关于印发2030年前碳达峰行动方案的通知"
GOV_TEXT = "现将《2030年前碳达峰行动方案》印发给你们，请认真贯彻执行。碳达峰碳中和是一场广泛而深刻的变革。"
MENTION_TEXT = "各地按照《2030年前碳达峰行动方案》部署，推进碳达峰工作，碳排放强度持续下降。"


class Stats:
    """A stand-in for Scrapy's stats collector."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count

    def get_value(self, key: str) -> int | None:
        return self.values.get(key)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest) -> sessionmaker[Session]:
    url = request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_url")
    _, factory = open_store(url)
    return factory


def make_item(session: Session, url: str, title: str, text: str, source: str = "sina", **meta: str) -> ArticleItem:
    item = ArticleItem(url=url, source=source, title=title, canonical_url=url, text=text, html=text, meta=dict(meta))
    item.published_at = NOW
    item.content_hash = url
    classify_item(item, load_rules())
    article, status = upsert_article(session, item, now=NOW)
    item.article_id, item.status = article.id, status
    return item


def count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_release_raises_one_flag(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        item = make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT)
        flags = register_item(s, item, now=NOW)
    assert [f.title for f in flags] == ["《2030年前碳达峰行动方案》"]


def test_same_article_twice_flags_once(sessions: sessionmaker[Session]) -> None:
    for _ in range(2):
        with sessions.begin() as s:
            item = make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT)
            register_item(s, item, now=NOW)
    with sessions() as s:
        assert count(s, Flag) == 1
        assert count(s, PolicyMention) == 1


def test_policy_site_first_then_sina_links_without_second_flag(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        gov = make_item(
            s,
            "https://www.gov.cn/zhengce/content/2021-10/26/c.htm",
            GOV_TITLE,
            GOV_TEXT,
            "gov_cn",
            issuer="国务院",
            doc_number="国发〔2021〕23号",
        )
        first = register_item(s, gov, now=NOW)
    with sessions.begin() as s:
        sina = make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT)
        second = register_item(s, sina, now=NOW)
    assert (len(first), len(second)) == (1, 0)
    with sessions() as s:
        policy = s.scalars(select(Policy)).one()
        assert policy.doc_number == "国发〔2021〕23号"
        assert len(policy_queries.mentions_of(s, policy.id)) == 2


def test_flag_records_the_first_article(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        gov = make_item(s, "https://www.gov.cn/c.htm", GOV_TITLE, GOV_TEXT, "gov_cn", issuer="国务院")
        register_item(s, gov, now=NOW)
        sina = make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT)
        register_item(s, sina, now=NOW)
    with sessions() as s:
        flag = s.scalars(select(Flag)).one()
        assert flag.article_id == gov.article_id
        assert flag.article_id != sina.article_id


def test_mention_only_is_registered_but_not_flagged(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        item = make_item(s, "https://finance.sina.com.cn/m.shtml", "各地推进碳达峰工作", MENTION_TEXT)
        flags = register_item(s, item, now=NOW)
    with sessions() as s:
        assert flags == []
        assert count(s, Policy) == 1
        assert s.scalars(select(PolicyMention)).one().is_release is False


def test_mention_without_issuer_links_to_entry_with_issuer(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        register_item(s, make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT), now=NOW)
        register_item(s, make_item(s, "https://finance.sina.com.cn/m.shtml", "碳达峰进展", MENTION_TEXT), now=NOW)
    with sessions() as s:
        policy = s.scalars(select(Policy)).one()
        assert policy.issuer == "国务院"
        assert count(s, PolicyMention) == 2


def test_same_title_different_issuers_stay_apart(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        for issuer in ("吉林省人民政府", "山西省人民政府"):
            policy_queries.upsert_policy(
                s,
                title="《碳达峰实施方案》",
                title_norm="碳达峰实施方案",
                issuer=issuer,
                doc_number=None,
                doc_type="实施方案",
                article_id=None,
                now=NOW,
            )
    with sessions() as s:
        assert count(s, Policy) == 2


def test_pipeline_counts_raised_flags_and_skips_duplicates(sessions: sessionmaker[Session]) -> None:
    stats = Stats()
    pipe = PolicyRegistryPipeline(lambda: sessions, stats)
    with sessions.begin() as s:
        item = make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT)
        dup = make_item(s, "https://finance.sina.com.cn/b.shtml", SINA_TITLE, SINA_TEXT)
    dup.status = "duplicate"
    pipe.process_item(item)
    pipe.process_item(item)
    pipe.process_item(dup)
    assert stats.values["carbonwatch/flags/raised"] == 1
    assert stats.values["carbonwatch/policy/items"] == 2


def test_pipeline_flags_carry_the_run_id_published_at_spider_open(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        run = CrawlRun(source="sina", trigger="manual")
        s.add(run)
        s.flush()
        item = make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT)
    stats = Stats()
    pipe = PolicyRegistryPipeline(lambda: sessions, stats)  # plain `scrapy crawl`: no CARBONWATCH_RUN_ID
    stats.values["carbonwatch/run_id"] = run.id  # what the RunRecord extension publishes at spider open
    pipe.process_item(item)
    with sessions() as s:
        flag = s.scalars(select(Flag)).one()
        assert flag.run_id == run.id
        assert flag.run_id is not None


def test_new_flag_logged_at_warning(sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    with sessions.begin() as s, caplog.at_level("WARNING", logger="pipelines.policy"):
        register_item(s, make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT), now=NOW)
    assert "2030年前碳达峰行动方案" in caplog.text
    assert "https://finance.sina.com.cn/a.shtml" in caplog.text


def test_flag_log_line_says_what_is_missing(sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture) -> None:
    with sessions.begin() as s, caplog.at_level("WARNING", logger="pipelines.policy"):
        register_item(s, make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT), now=NOW)
    assert "no document number" in caplog.text  # the Sina report names no 发文字号
    assert "None" not in caplog.text


@pytest.mark.parametrize(
    ("issuer", "number", "expected"),
    [
        ("国务院", "国发〔2021〕23号", "方案 (国务院, 国发〔2021〕23号)"),
        (None, "国发〔2021〕23号", "方案 (issuer unknown, 国发〔2021〕23号)"),
        ("国务院", None, "方案 (国务院, no document number)"),
        (None, "", "方案 (issuer unknown, no document number)"),
    ],
)
def test_flag_label(issuer: str | None, number: str | None, expected: str) -> None:
    assert flag_label("方案", issuer, number) == expected


def test_listings(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        register_item(s, make_item(s, "https://finance.sina.com.cn/a.shtml", SINA_TITLE, SINA_TEXT), now=NOW)
        register_item(s, make_item(s, "https://finance.sina.com.cn/m.shtml", "碳达峰进展", MENTION_TEXT), now=NOW)
    with sessions() as s:
        rows = policy_queries.list_policies(s)
        assert [(r.mentions, r.releases, r.flagged) for r in rows] == [(2, 1, True)]
        assert len(policy_queries.list_flags(s, since=NOW)) == 1
        assert policy_queries.list_flags(s, since=datetime(2022, 1, 1, tzinfo=UTC)) == []


def created(s: Session, title: str, norm: str, issuer: str | None, kind: str) -> bool:
    """Register a document with no number or article; whether that made a new registry entry."""
    _, new = policy_queries.upsert_policy(
        s, title=title, title_norm=norm, issuer=issuer, doc_number=None, doc_type=kind, article_id=None, now=NOW
    )
    return new


def test_an_entry_stored_under_an_older_normalisation_is_found_by_its_printed_title(
    sessions: sessionmaker[Session],
) -> None:
    # an upgrade that changes normalise_title must not flag a document the registry already holds a second time
    title = "《江苏省“十四五”生态环境保护规划（2021—2025年）》"
    with sessions.begin() as s:
        # as an older rule normalised it
        assert created(s, title, "江苏省“十四五”生态环境保护规划(2021—2025年)", "江苏省人民政府", "规划")
    with sessions.begin() as s:
        # the current rule
        assert not created(s, title, '江苏省"十四五"生态环境保护规划(2021-2025)', "江苏省人民政府", "规划")
    with sessions() as s:
        [policy] = s.scalars(select(Policy)).all()
        assert policy.title_norm == '江苏省"十四五"生态环境保护规划(2021-2025)'


def test_an_entry_stored_under_an_older_issuer_name_is_the_same_document(sessions: sessionmaker[Session]) -> None:
    # an upgrade that gives an issuer its full name must not flag a document the registry already holds again
    def upsert(s: Session, issuer: str) -> bool:
        return created(s, "《广东省碳普惠管理办法》", "广东省碳普惠管理办法", issuer, "办法")

    with sessions.begin() as s:
        assert upsert(s, "广东省生态环境厅、广东省发改委")  # as an older rule named it
    with sessions.begin() as s:
        assert not upsert(s, "广东省生态环境厅、广东省发展和改革委员会")  # the current rule
        assert upsert(s, "广西壮族自治区生态环境厅")  # another body's document of the same title stays apart
    with sessions() as s:
        issuers = sorted(p.issuer or "" for p in s.scalars(select(Policy)))
        assert issuers == ["广东省生态环境厅、广东省发展和改革委员会", "广西壮族自治区生态环境厅"]


@pytest.mark.parametrize(
    ("older", "current"),
    [
        # the SARs' and Taiwan's cities' governments, named 人民政府 before 2026-12-04
        ("澳门特别行政区人民政府", "澳门特别行政区政府"),
        ("台中市人民政府", "台中市政府"),
        # a Taiwan ministry's administration, named by its ministry alone; Taiwan's ministry, by the mainland's
        ("经济部", "经济部国际贸易署"),
        ("农业农村部", "农业部农粮署"),
        ("农业农村部", "农业部"),
    ],
)
def test_an_issuer_stored_under_the_name_an_older_rule_gave_it_is_the_same(
    sessions: sessionmaker[Session], older: str, current: str
) -> None:
    def upsert(s: Session, issuer: str) -> bool:
        return created(s, "《2026年度消费补贴计划》", "2026年度消费补贴计划", issuer, "计划")

    with sessions.begin() as s:
        assert upsert(s, older)  # as the older rule named it
    with sessions.begin() as s:
        assert not upsert(s, current)  # the current rule: the same document, not a new release
        assert upsert(s, "内政部")  # another body's document of that title stays apart
    with sessions() as s:
        assert sorted(p.issuer for p in s.scalars(select(Policy))) == sorted([current, "内政部"])


def test_a_government_and_its_general_office_are_one_issuer_of_a_document(sessions: sessionmaker[Session]) -> None:
    def upsert(s: Session, issuer: str) -> bool:
        title = "关于公布行政审批项目清理结果的通知"
        return created(s, title, title, issuer, "通知")

    with sessions.begin() as s:
        assert upsert(s, "安庆市人民政府")
        assert not upsert(s, "安庆市人民政府办公室")  # the same notice, named by the office its number gives
        assert upsert(s, "安庆市财政局")  # another body's notice of that title
    with sessions() as s:
        assert count(s, Policy) == 2


def test_a_promoted_untitled_measure_flags_once_under_its_headline(sessions: sessionmaker[Session]) -> None:
    # the rules name no document here; a sure release model promotes the measure its headline names after the verb
    # (市政府印发…: the relative 市政府 is no body), which the registry keeps as the document's title (no issuer, no
    # number), and the same article again flags nothing new
    headline, title = "市政府印发碳达峰十项硬招", "碳达峰十项硬招"
    text = "今年起，全市单位地区生产总值二氧化碳排放持续下降，推动碳达峰碳中和。"
    model = parse_model(hand_made(release=RELEASE_SPEAKS, release_threshold=0.5), "test")

    def item_with(session: Session, chosen: Any) -> ArticleItem:
        url = "https://finance.sina.com.cn/measure.shtml"
        item = ArticleItem(url=url, source="sina", title=headline, canonical_url=url, text=text, html=text, meta={})
        item.published_at, item.content_hash = NOW, url
        classify_item(item, load_rules(), model=chosen)
        article, status = upsert_article(session, item, now=NOW)
        item.article_id, item.status = article.id, status
        return item

    with sessions.begin() as s:
        alone = item_with(s, None)
        assert not alone.flag and not (alone.policy or {}).get("is_release")
    for _ in range(2):
        with sessions.begin() as s:
            item = item_with(s, model)
            assert item.flag
            register_item(s, item, now=NOW)
    with sessions() as s:
        [flag] = s.scalars(select(Flag)).all()
        assert flag.title == title
        [policy] = s.scalars(select(Policy)).all()
        assert policy.issuer is None and policy.doc_number is None
    assert flag_label(flag.title, None, None) == f"{title} (issuer unknown, no document number)"


def test_two_untitled_decisions_of_one_body_are_two_new_releases(sessions: sessionmaker[Session]) -> None:
    # each untitled decision is named by the measure it decides, not by the word 决定: the central bank's second
    # carbon decision is news again, and a reprint of the first is not
    first = "中国人民银行决定于2021年11月8日推出碳减排支持工具，支持清洁能源、节能环保和碳减排技术等重点领域。"
    second = "中国人民银行决定将碳减排支持工具实施期延长至2027年末，支持碳达峰碳中和。"
    new: list[list[str]] = []
    for url, title, text in [
        ("https://finance.sina.com.cn/a.shtml", "央行推出碳减排支持工具", first),
        ("https://finance.sina.com.cn/b.shtml", "央行延长碳减排支持工具实施期", second),
        ("https://finance.sina.com.cn/c.shtml", "央行推出碳减排支持工具助力双碳", first),
    ]:
        with sessions.begin() as s:
            new.append([f.title for f in register_item(s, make_item(s, url, title, text), now=NOW)])
    assert "推出碳减排支持工具" in new[0]
    assert new[1] == ["碳减排支持工具实施期延长至2027年末"]
    assert new[2] == []


@pytest.mark.parametrize(
    "articles",
    [
        # Macau's Chief Executive's dispatches the news does not number: each is its own act
        [
            (
                "澳门明年起禁止进口塑胶餐具",
                "政府公报今日刊登行政长官批示，明年1月1日起禁止进口一次性不可降解塑胶餐具。",
            ),
            ("澳门社保养老金调升", "政府公报今日刊登行政长官批示，调升社会保障基金养老金金额，今日起生效。"),
        ],
        # Hong Kong's orders gazetted (刊宪): one placeholder title for many acts
        [
            ("港府刊宪延长限聚令", "政府今日刊宪，延长《预防及控制疾病（禁止聚集）规例》下的限聚令十四日。"),
            ("港府刊宪修订的士收费", "政府今日刊宪，修订的士收费，下月起生效。"),
        ],
    ],
)
def test_two_acts_named_only_by_their_kind_are_two_registry_entries(
    sessions: sessionmaker[Session], articles: list[tuple[str, str]]
) -> None:
    # a title that names only the kind of act (行政长官批示, 刊宪) is no document's own name: each article's act is
    # kept under its issuer, kind and headline, so a later act is a new release; the same article again is not
    for _ in range(2):
        for i, (headline, text) in enumerate(articles):
            with sessions.begin() as s:
                item = make_item(s, f"https://news.example.org/{i}.html", headline, text)
                assert item.policy and item.policy["is_release"]
                register_item(s, item, now=NOW)
    with sessions() as s:
        titles = sorted(p.title for p in s.scalars(select(Policy).where(Policy.released_at.is_not(None))))
    assert len(titles) == 2 and all(headline in " ".join(titles) for headline, _ in articles)


@pytest.mark.parametrize(
    ("doc", "title"),
    [
        # a document's own name stays its registry title
        ({"title": "《甲烷排放控制行动方案》", "title_norm": "甲烷排放控制行动方案", "doc_type": "行动方案"}, None),
        # a bare kind, a placeholder, a Taiwan order's form and act: issuer, that title and the headline
        ({"title": "通知", "title_norm": "通知", "doc_type": "通知", "issuer": "生态环境部"}, "生态环境部通知：标题"),
        (
            {"title": "政策", "title_norm": "政策", "doc_type": "政策", "issuer": "某市人民政府"},
            "某市人民政府政策：标题",
        ),
        (
            {"title": "措施", "title_norm": "措施", "doc_type": None, "issuer": "北京市人民政府"},
            "北京市人民政府措施：标题",
        ),
        (
            {
                "title": "令修正发布第1、3条条文",
                "title_norm": "令修正发布第1、3条条文",
                "doc_type": "令",
                "issuer": "环境部",
            },
            "环境部令修正发布第1、3条条文：标题",
        ),
    ],
)
def test_a_document_named_only_by_its_kind_is_kept_under_its_headline(doc: dict[str, Any], title: str | None) -> None:
    registry_title, norm = document_title(doc, "标题")
    assert registry_title == (title or doc["title"])
    assert norm == (title or doc["title_norm"]).replace(" ", "")
