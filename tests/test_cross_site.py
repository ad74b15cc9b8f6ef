"""A policy released on a government site, then reported by Sina: one policy, two mentions, one flag (real engine)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from carbonwatch.devserver import serve
from storage.db import open_store
from storage.models import Article, Flag, Policy, PolicyMention
from tests.helpers import FIXTURES, CrawlResult, crawl

NDRC_COLUMNS = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/"
SINA_URL = "https://finance.sina.com.cn/2022-02-11/doc-icrossste0001.shtml"


class Story:
    """The database after an NDRC crawl followed by a Sina crawl."""

    def __init__(self, ndrc: CrawlResult, sina: CrawlResult, db_url: str) -> None:
        self.ndrc = ndrc
        self.sina = sina
        engine, sessions = open_store(db_url)
        with sessions() as session:
            self.flags = list(session.scalars(select(Flag)))
            self.policies = {p.id: p for p in session.scalars(select(Policy))}
            self.articles = {a.id: a for a in session.scalars(select(Article))}
            self.mentions = list(session.scalars(select(PolicyMention)))
        engine.dispose()

    def flagged_policy(self) -> Policy:
        (flag,) = [f for f in self.flags if "重点领域碳达峰" in f.title]
        return self.policies[flag.policy_id]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    tmp = tmp_path_factory.mktemp("cross_site")
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    with serve(FIXTURES / "ndrc") as server:
        ndrc = crawl(
            "ndrc", tmp_path=tmp, db_url=db_url, host_map=server.host_map(), spider_args={"columns": NDRC_COLUMNS}
        )
    with serve(FIXTURES / "cross_site") as server:
        sina = crawl(
            "sina_finance",
            tmp_path=tmp,
            db_url=db_url,
            host_map=server.host_map(),
            spider_args={"lids": "1686", "max_pages": "1"},
        )
    return Story(ndrc, sina, db_url)


def test_both_crawls_finish(story: Story) -> None:
    assert story.ndrc.returncode == 0, story.ndrc.log[-2000:]
    assert story.sina.returncode == 0, story.sina.log[-2000:]


def test_the_policy_site_release_raised_the_flag(story: Story) -> None:
    policy = story.flagged_policy()
    first = story.articles[policy.first_article_id or -1]
    assert first.source == "ndrc"


def test_the_sina_report_links_to_the_existing_policy(story: Story) -> None:
    policy = story.flagged_policy()
    sina = next(a for a in story.articles.values() if a.canonical_url == SINA_URL)
    linked = {m.article_id for m in story.mentions if m.policy_id == policy.id}
    assert sina.id in linked
    assert len(linked) == 2


def test_the_sina_report_raises_no_second_flag(story: Story) -> None:
    assert story.sina.stat("carbonwatch/flags/raised") == 0
    assert len([f for f in story.flags if "重点领域碳达峰" in f.title]) == 1


def test_the_sina_report_is_itself_carbon_relevant(story: Story) -> None:
    # Not flagged because the document is already known, not because the classifier missed it.
    sina = next(a for a in story.articles.values() if a.canonical_url == SINA_URL)
    assert sina.carbon_relevant is True
    assert sina.policy_release is True
