"""Two crawl processes storing the same new text at once create one article and one duplicate link (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy.orm import Session, sessionmaker

from benchmarks.neardup_race import run_race, trial_text
from pipelines.dedup import NEAR_THRESHOLD, estimated_jaccard, fingerprint
from pipelines.store import StorePipeline
from storage import spool
from storage.db import open_store
from tests.pipelines.test_store import Stats, make_item

TRIALS = 20


def test_trial_texts_are_unrelated_across_trials_and_near_within_one() -> None:
    def sig(trial: int, worker: int) -> np.typing.NDArray[np.uint32]:
        fp = fingerprint(trial_text(trial, worker))
        assert fp is not None
        return fp.signature

    assert trial_text(0, 0) == trial_text(0, 1)
    assert trial_text(1, 0) != trial_text(1, 1)
    assert estimated_jaccard(sig(1, 0), sig(1, 1)) >= NEAR_THRESHOLD
    assert estimated_jaccard(sig(0, 0), sig(1, 0)) < 0.1


def test_without_the_lock_the_forced_race_doubles_articles(tmp_path: Path) -> None:
    # The harness really races: with the check and store not atomic, both workers create an article.
    got = run_race(f"sqlite:///{tmp_path / 'race.db'}", 5, atomic=False, forced=True, workdir=tmp_path)
    assert got.doubles == 5
    assert got.linked == 0


def test_sqlite_race_leaves_no_double_article(tmp_path: Path) -> None:
    got = run_race(f"sqlite:///{tmp_path / 'race.db'}", TRIALS, atomic=True, forced=True, workdir=tmp_path)
    assert got.doubles == 0
    assert got.linked == TRIALS  # the second store of every trial became a link, none was lost


@pytest.mark.postgres
def test_postgres_race_leaves_no_double_article(tmp_path: Path, pg_url: str) -> None:
    got = run_race(pg_url, TRIALS, atomic=True, forced=True, workdir=tmp_path)
    assert got.doubles == 0
    assert got.linked == TRIALS


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine, factory = open_store(f"sqlite:///{tmp_path / 'cw.db'}")
    yield factory
    engine.dispose()


def test_store_links_a_text_stored_since_the_dedup_check(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    stats = Stats()
    store = StorePipeline(lambda: sessions, stats, spool.Spool(tmp_path / "spool", "r"))
    first, second = (
        make_item("https://a.example/1", trial_text(3, 0)),
        make_item("https://b.example/1", trial_text(3, 1)),
    )
    store.process_item(first)  # neither went through dedup: as if both had checked before either stored
    store.process_item(second)
    assert (first.status, second.status) == ("new", "duplicate")
    assert second.duplicate is not None and second.duplicate["kind"] == "near"
    assert second.article_id == first.article_id
    assert stats.values["carbonwatch/dedup/stored_meanwhile"] == 1


def test_store_without_atomic_creates_the_second_article(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    stats = Stats()
    store = StorePipeline(lambda: sessions, stats, spool.Spool(tmp_path / "spool", "r"), atomic=False)
    first, second = (
        make_item("https://a.example/1", trial_text(4, 0)),
        make_item("https://b.example/1", trial_text(4, 0)),
    )
    store.process_item(first)
    store.process_item(second)
    assert (first.status, second.status) == ("new", "new")
    assert "carbonwatch/dedup/stored_meanwhile" not in stats.values


def test_store_keeps_a_revision_of_a_stored_url_an_article(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    store = StorePipeline(lambda: sessions, Stats(), spool.Spool(tmp_path / "spool", "r"))
    store.process_item(make_item("https://a.example/1", trial_text(5, 0)))
    again = make_item("https://a.example/1", trial_text(5, 1))  # same URL, text grown by a line: a revision
    store.process_item(again)
    assert again.status == "revised"
    assert again.duplicate is None
