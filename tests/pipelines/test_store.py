"""Store pipeline: per-item transactions, statuses, duplicate links, fingerprints, retries, spool and replay."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.textnorm import content_hash
from crawler.items import ArticleItem
from pipelines import store
from storage import queries, spool
from storage.db import open_store, session_factory
from storage.models import Article, ArticleDuplicate, Fingerprint, LshBand

UNREACHABLE_PG = "postgresql+psycopg://postgres@127.0.0.1:9/nothing?connect_timeout=2"  # discard port: refused


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_item(
    url: str = "https://a.example/1", text: str = "国务院印发2030年前碳达峰行动方案正文", **kw: Any
) -> ArticleItem:
    return ArticleItem(
        url=url,
        source="sina",
        title="标题",
        canonical_url=url,
        text=text,
        html=f"<p>{text}</p>",
        content_hash=content_hash(text),
        published_at=datetime(2021, 10, 26, 12, 0, tzinfo=UTC),
        **kw,
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest, db_url: str) -> Iterator[sessionmaker[Session]]:
    url = db_url if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine, factory = open_store(url)
    yield factory
    engine.dispose()


def make_pipeline(
    get_sessions: Callable[[], sessionmaker[Session]], tmp_path: Path, **kw: Any
) -> tuple[store.StorePipeline, Stats, list[float]]:
    stats, sleeps = Stats(), []
    pipeline = store.StorePipeline(
        get_sessions, stats, spool.Spool(tmp_path / "spool", "run1"), sleep=sleeps.append, backoff=0.1, **kw
    )
    return pipeline, stats, sleeps


def count(factory: sessionmaker[Session], model: type) -> int:
    with factory() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def unreachable() -> sessionmaker[Session]:
    return session_factory(create_engine(UNREACHABLE_PG))


# -- statuses ---------------------------------------------------------------------------------------------------


def test_new_item_gets_id_status_and_stat(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    pipeline, stats, _ = make_pipeline(lambda: sessions, tmp_path)
    item = pipeline.process_item(make_item())
    assert (item.status, item.article_id is not None) == ("new", True)
    assert stats.values == {"carbonwatch/items/new": 1}


def test_same_item_twice_is_one_row_and_unchanged(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    pipeline, stats, _ = make_pipeline(lambda: sessions, tmp_path)
    first = pipeline.process_item(make_item())
    second = pipeline.process_item(make_item())
    assert (second.status, second.article_id) == ("unchanged", first.article_id)
    assert count(sessions, Article) == 1
    assert stats.values["carbonwatch/items/unchanged"] == 1


def test_changed_text_is_revised(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    pipeline, stats, _ = make_pipeline(lambda: sessions, tmp_path)
    pipeline.process_item(make_item(text="第一版正文"))
    item = pipeline.process_item(make_item(text="第二版正文，更正了数据"))
    assert item.status == "revised"
    assert stats.values["carbonwatch/items/revised"] == 1
    with sessions() as s:
        assert [r.text for r in queries.revisions_of(s, item.article_id)] == ["第一版正文"]


def test_new_article_gets_fingerprint_and_bands(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    pipeline, _, _ = make_pipeline(lambda: sessions, tmp_path)
    pipeline.process_item(make_item())
    assert count(sessions, Fingerprint) == 1
    assert count(sessions, LshBand) == 32


def test_duplicate_is_a_link_to_the_original(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    pipeline, stats, _ = make_pipeline(lambda: sessions, tmp_path)
    original = pipeline.process_item(make_item())
    dup = make_item(
        "https://b.example/2",
        duplicate={"kind": "exact", "original_id": original.article_id, "original_url": "", "similarity": 1.0},
    )
    pipeline.process_item(dup)
    assert (dup.status, dup.article_id) == ("duplicate", original.article_id)
    assert (count(sessions, Article), count(sessions, ArticleDuplicate)) == (1, 1)
    assert stats.values["carbonwatch/items/duplicate"] == 1


def test_duplicate_of_this_run_is_resolved_by_url(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    pipeline, _, _ = make_pipeline(lambda: sessions, tmp_path)
    original = pipeline.process_item(make_item())
    dup = make_item(
        "https://b.example/2",
        duplicate={"kind": "near", "original_id": None, "original_url": "https://a.example/1", "similarity": 0.8},
    )
    pipeline.process_item(dup)
    assert dup.duplicate is not None and dup.duplicate["original_id"] == original.article_id
    assert dup.status == "duplicate"


def test_duplicate_whose_original_is_missing_is_stored_as_article(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    pipeline, _, _ = make_pipeline(lambda: sessions, tmp_path)
    dup = make_item(
        "https://b.example/2",
        duplicate={"kind": "near", "original_id": None, "original_url": "https://gone.example/", "similarity": 0.8},
    )
    assert pipeline.process_item(dup).status == "new"


@pytest.mark.parametrize(("raw", "expected"), [(None, None), ("", None), ("None", None), ("7", 7), (7, 7)])
def test_configured_run_id(raw: object, expected: int | None) -> None:
    assert store.configured_run_id({"CARBONWATCH_RUN_ID": raw}) == expected


def test_published_run_id_reads_the_run_record_stat() -> None:
    crawler = get_crawler()
    assert store.published_run_id(crawler.stats) is None
    crawler.stats.set_value("carbonwatch/run_id", 5)
    assert store.published_run_id(crawler.stats) == 5
    assert store.published_run_id(object()) is None  # a stand-in without get_value


def test_run_id_is_stored_on_rows(db_url: str, tmp_path: Path) -> None:
    from storage.models import CrawlRun

    engine, factory = open_store(db_url)
    with factory.begin() as s:
        run = CrawlRun(source="sina", trigger="manual")
        s.add(run)
    pipeline, _, _ = make_pipeline(lambda: factory, tmp_path, run_id=run.id)
    item = pipeline.process_item(make_item())
    with factory() as s:
        assert s.get(Article, item.article_id).run_id == run.id  # type: ignore[union-attr]
    engine.dispose()


def test_from_crawler_reads_settings(db_url: str, tmp_path: Path) -> None:
    crawler = get_crawler(
        settings_dict={
            "CARBONWATCH_DATABASE_URL": db_url,
            "CARBONWATCH_SPOOL_DIR": str(tmp_path / "sp"),
            "CARBONWATCH_RUN_ID": "42",
            "CARBONWATCH_STORE_RETRIES": 5,
        }
    )
    pipeline = store.StorePipeline.from_crawler(crawler)
    assert (pipeline.run_id, pipeline.retries, pipeline.spool.path) == (42, 5, tmp_path / "sp" / "spool-run42.jsonl")


# -- faults -----------------------------------------------------------------------------------------------------


def test_unreachable_database_retries_with_backoff_then_spools(tmp_path: Path) -> None:
    pipeline, stats, sleeps = make_pipeline(unreachable, tmp_path)
    item = pipeline.process_item(make_item())
    assert (item.status, item.article_id) == ("spooled", None)
    assert sleeps == [0.1, 0.2]
    assert stats.values == {"carbonwatch/store/retry": 3, "carbonwatch/store/spooled": 1}
    assert len(spool.read_spool(pipeline.spool.path)) == 1


def test_after_a_spool_later_items_skip_the_database_during_cooldown(tmp_path: Path) -> None:
    clock = Clock()
    pipeline, stats, _sleeps = make_pipeline(unreachable, tmp_path, clock=clock, cooldown=30)
    pipeline.process_item(make_item())
    pipeline.process_item(make_item("https://a.example/2"))
    assert stats.values["carbonwatch/store/retry"] == 3  # the second item did not try
    clock.now += 31
    pipeline.process_item(make_item("https://a.example/3"))
    assert stats.values["carbonwatch/store/retry"] == 6
    assert len(spool.read_spool(pipeline.spool.path)) == 3


def test_spooled_item_is_replayed_at_next_open_once(db_url: str, tmp_path: Path) -> None:
    down, _, _ = make_pipeline(unreachable, tmp_path)
    down.process_item(make_item())
    engine, factory = open_store(db_url)
    for _ in range(2):  # the second open finds nothing left to replay
        up, _stats, _ = make_pipeline(lambda: factory, tmp_path)
        up.open_spider()
    assert count(factory, Article) == 1
    assert spool.pending_files(tmp_path / "spool") == []
    engine.dispose()


def test_replay_counts_replayed_and_status(db_url: str, tmp_path: Path) -> None:
    down, _, _ = make_pipeline(unreachable, tmp_path)
    down.process_item(make_item())
    engine, factory = open_store(db_url)
    up, stats, _ = make_pipeline(lambda: factory, tmp_path)
    up.open_spider()
    assert stats.values == {"carbonwatch/store/replayed": 1, "carbonwatch/items/new": 1}
    engine.dispose()


def test_replay_keeps_the_spool_while_the_database_is_down(tmp_path: Path) -> None:
    down, _, _ = make_pipeline(unreachable, tmp_path)
    down.process_item(make_item())
    again, stats, _ = make_pipeline(unreachable, tmp_path)
    again.open_spider()
    assert "carbonwatch/store/replayed" not in stats.values
    assert len(spool.pending_files(tmp_path / "spool")) == 1


def test_locked_sqlite_database_spools_the_item(db_url: str, tmp_path: Path) -> None:
    engine, factory = open_store(db_url)
    impatient = session_factory(create_engine(db_url, connect_args={"timeout": 0.05}))
    locker = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    locker.execute("BEGIN EXCLUSIVE")  # another writer holds the file
    try:
        pipeline, _stats, _ = make_pipeline(lambda: impatient, tmp_path)
        item = pipeline.process_item(make_item())
    finally:
        locker.rollback()
        locker.close()
    assert item.status == "spooled"
    assert count(factory, Article) == 0
    engine.dispose()


def test_failure_mid_item_leaves_no_partial_rows(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine, factory = open_store(db_url)

    def broken(*_args: Any, **_kw: Any) -> None:
        raise OperationalError("INSERT INTO fingerprints", {}, Exception("disk I/O error"))

    monkeypatch.setattr(queries, "store_fingerprint", broken)
    monkeypatch.setattr(queries, "add_fingerprint", broken)  # a new article's fingerprint goes through this one
    pipeline, _, _ = make_pipeline(lambda: factory, tmp_path)
    item = pipeline.process_item(make_item())
    assert item.status == "spooled"
    assert count(factory, Article) == 0  # the article insert was rolled back with the failed fingerprint
    engine.dispose()


@pytest.mark.parametrize(
    "url", ["javascript:void(0)", "mailto:a@b.cn", "data:text/html,x", "file:///etc/passwd", "ftp://a.cn/1"]
)
def test_item_without_a_web_url_is_dropped_not_stored(db_url: str, tmp_path: Path, url: str) -> None:
    engine, factory = open_store(db_url)
    pipeline, stats, _ = make_pipeline(lambda: factory, tmp_path)
    with pytest.raises(DropItem, match="not_web_url"):
        pipeline.process_item(make_item(url=url))
    assert stats.values == {"carbonwatch/drop/not_web_url": 1}
    assert count(factory, Article) == 0
    engine.dispose()


def test_imported_post_keyed_without_a_web_address_is_stored(db_url: str, tmp_path: Path) -> None:
    engine, factory = open_store(db_url)
    pipeline, stats, _ = make_pipeline(lambda: factory, tmp_path)
    item = pipeline.process_item(make_item(url="urn:carbonwatch:post:0123456789abcdef0123"))
    assert (item.status, stats.values) == ("new", {"carbonwatch/items/new": 1})
    engine.dispose()


def test_duplicate_link_without_a_web_url_is_not_stored(db_url: str, tmp_path: Path) -> None:
    engine, factory = open_store(db_url)
    pipeline, _, _ = make_pipeline(lambda: factory, tmp_path)
    original = pipeline.process_item(make_item())
    dup = make_item(url="javascript:void(0)", duplicate={"kind": "exact", "original_id": original.article_id})
    with pytest.raises(DropItem, match="not_web_url"):
        pipeline.process_item(dup)
    assert count(factory, ArticleDuplicate) == 0
    engine.dispose()


def test_spooled_item_without_a_web_url_is_not_replayed(db_url: str, tmp_path: Path) -> None:
    engine, factory = open_store(db_url)
    spool.Spool(tmp_path / "spool", "run0").append(make_item(url="mailto:a@b.cn"), run_id=None, error="down")
    pipeline, stats, _ = make_pipeline(lambda: factory, tmp_path)
    assert pipeline.replay() == 0
    assert stats.values == {"carbonwatch/store/rejected": 1}
    assert count(factory, Article) == 0
    engine.dispose()


def test_permanently_bad_item_is_dropped_and_kept_aside(db_url: str, tmp_path: Path) -> None:
    engine, factory = open_store(db_url)
    pipeline, stats, _ = make_pipeline(lambda: factory, tmp_path)
    bad = make_item()
    bad.published_at = datetime(2021, 10, 26, 12, 0)  # naive: the UTC column type refuses it
    with pytest.raises(DropItem, match="store_rejected"):
        pipeline.process_item(bad)
    assert stats.values["carbonwatch/drop/store_rejected"] == 1
    assert pipeline.spool.rejected_path.exists()
    assert spool.pending_files(tmp_path / "spool") == []
    engine.dispose()


def test_spooled_items_keep_their_aware_dates(db_url: str, tmp_path: Path) -> None:
    down, _, _ = make_pipeline(unreachable, tmp_path)
    down.process_item(make_item())
    engine, factory = open_store(db_url)
    make_pipeline(lambda: factory, tmp_path)[0].open_spider()
    with factory() as s:
        article = queries.get_article_by_url(s, "https://a.example/1")
    assert article is not None and article.published_at == datetime(2021, 10, 26, 12, 0, tzinfo=UTC)
    assert article.published_at.tzinfo is not None
    engine.dispose()


# -- through the engine: a database outage during a real crawl, then the next crawl ----------------------------


class Outage:
    """An NDRC crawl with the database unreachable, then one with it back, sharing the spool directory."""

    def __init__(self, down: Any, up: Any, spool_dir: Path, db_url: str) -> None:
        self.down, self.up, self.spool_dir, self.db_url = down, up, spool_dir, db_url


@pytest.fixture(scope="module")
def outage(tmp_path_factory: pytest.TempPathFactory) -> Outage:
    from carbonwatch.devserver import serve
    from tests.helpers import FIXTURES, crawl

    tmp = tmp_path_factory.mktemp("outage")
    spool_dir = tmp / "spool"
    db_url = f"sqlite:///{tmp / 'cw.db'}"
    common = {"CARBONWATCH_SPOOL_DIR": str(spool_dir), "CARBONWATCH_STORE_BACKOFF": "0.05"}
    # NDRC: its list pages read known URLs tolerantly, so only the store meets the outage.
    with serve(FIXTURES / "ndrc") as server:
        runs = [
            crawl(
                "ndrc",
                tmp_path=tmp,
                db_url=url,
                host_map=server.host_map(),
                settings=common,
                spider_args={"columns": "https://www.ndrc.gov.cn/xxgk/zcfb/tz/"},
            )
            for url in (UNREACHABLE_PG, db_url)
        ]
    return Outage(runs[0], runs[1], spool_dir, db_url)


def test_crawl_with_the_database_down_finishes_and_spools(outage: Outage) -> None:
    assert outage.down.returncode == 0, outage.down.log[-3000:]
    assert outage.down.stat("carbonwatch/store/spooled") >= 1
    assert outage.down.stat("carbonwatch/items/new") == 0


def test_next_crawl_replays_the_spool_without_duplicates(outage: Outage) -> None:
    assert outage.up.returncode == 0, outage.up.log[-3000:]
    spooled = outage.down.stat("carbonwatch/store/spooled")
    assert outage.up.stat("carbonwatch/store/replayed") == spooled
    engine, factory = open_store(outage.db_url)
    try:
        assert count(factory, Article) + count(factory, ArticleDuplicate) == spooled
    finally:
        engine.dispose()
    assert spool.pending_files(outage.spool_dir) == []
