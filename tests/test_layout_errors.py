"""A changed page layout is loud: counted in the run record and reported by the health check (``carbonwatch status``).

Pure helpers first, then one NDRC crawl against a snapshot whose pages no longer have the documented markup
(``tests/fixtures/layout_changed``), through the real engine, the run record and the health query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from carbonwatch.devserver import serve
from crawler.extensions import summarise_stats
from scheduler.health import SourceStatus, assess, layout_errors, layout_problem, source_status
from tests.helpers import FIXTURES, CrawlResult, crawl

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
COLUMNS = "https://www.ndrc.gov.cn/xxgk/zcfb/tz/,https://www.ndrc.gov.cn/xwdt/xwfb/"


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        (None, {}),
        ([{"kind": "http_404", "count": 3}], {}),
        (
            [{"kind": "layout/empty_list", "count": 2}, {"kind": "layout/no_date", "count": 1}],
            {"empty_list": 2, "no_date": 1},
        ),
        ([{"kind": "spider_error", "message": "boom"}, "odd entry"], {}),
    ],
)
def test_layout_errors_of_a_run_record(errors: list[object] | None, expected: dict[str, int]) -> None:
    assert layout_errors(errors) == expected


def test_layout_problem_names_the_run_and_what_changed() -> None:
    problem = layout_problem({"no_date": 1, "empty_list": 2}, 12)
    assert problem == (
        "page layout changed? 2 list page(s) without entries, 1 detail page(s) without a date "
        "in run #12 (carbonwatch logs 12)"
    )


def test_no_layout_errors_no_problem() -> None:
    assert layout_problem({}, 12) is None


def test_layout_errors_reach_the_run_record_without_failing_the_run() -> None:
    stats = {
        "downloader/request_count": 3,
        "downloader/response_status_count/200": 3,
        "carbonwatch/errors/layout/empty_list": 1,
    }
    out = summarise_stats(stats, "finished")
    assert out.status == "success"
    assert {"kind": "layout/empty_list", "count": 1} in out.errors


def test_a_layout_problem_makes_a_fresh_source_unhealthy() -> None:
    problems = assess(
        last_new_item_at=NOW,
        failures=0,
        expected_update_hours=96,
        failed_runs_unhealthy=3,
        now=NOW,
        layout="page layout changed? 1 list page(s) without entries",
    )
    assert problems == ("page layout changed? 1 list page(s) without entries",)


@dataclass
class Story:
    result: CrawlResult
    status: SourceStatus


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    from storage.db import open_store

    tmp = tmp_path_factory.mktemp("layout")
    db_url = f"sqlite:///{tmp / 'layout.db'}"
    with serve(FIXTURES / "layout_changed") as server:
        result = crawl(
            "ndrc", tmp_path=tmp, db_url=db_url, host_map=server.host_map(), spider_args={"columns": COLUMNS}
        )
    engine, sessions = open_store(db_url)
    with sessions() as session:
        status = source_status(
            session, "ndrc", expected_update_hours=96, failed_runs_unhealthy=3, next_run_at=None, now=datetime.now(UTC)
        )
    engine.dispose()
    return Story(result, status)


def test_crawl_finishes(story: Story) -> None:
    assert story.result.returncode == 0, story.result.log[-2000:]


def test_empty_list_page_is_counted(story: Story) -> None:
    assert story.result.stat("carbonwatch/errors/layout/empty_list") == 1
    assert story.result.stat("carbonwatch/ndrc/empty_list") == 1


def test_detail_page_without_a_date_is_counted_but_still_stored(story: Story) -> None:
    assert story.result.stat("carbonwatch/errors/layout/no_date") == 1
    assert story.result.stat("carbonwatch/items/new") == 1


def test_status_reports_the_source_unhealthy(story: Story) -> None:
    assert not story.status.healthy
    assert any(p.startswith("page layout changed? 1 list page(s) without entries") for p in story.status.problems)


def test_a_clean_run_afterwards_heals_it(tmp_path: Path) -> None:
    from storage.db import open_store
    from storage.models import CrawlRun

    db_url = f"sqlite:///{tmp_path / 'healed.db'}"
    engine, sessions = open_store(db_url)
    with sessions.begin() as session:
        session.add(CrawlRun(source="ndrc", trigger="cron", status="success", started_at=NOW, finished_at=NOW))
        session.add(
            CrawlRun(
                source="ndrc",
                trigger="cron",
                status="success",
                started_at=NOW.replace(hour=13),
                finished_at=NOW.replace(hour=13),
                errors=[{"kind": "layout/empty_list", "count": 1}],
            )
        )
    with sessions() as session:
        broken = source_status(
            session, "ndrc", expected_update_hours=96, failed_runs_unhealthy=3, next_run_at=None, now=NOW
        )
        session.add(CrawlRun(source="ndrc", trigger="cron", status="success", started_at=NOW.replace(hour=14)))
        session.commit()
        healed = source_status(
            session, "ndrc", expected_update_hours=96, failed_runs_unhealthy=3, next_run_at=None, now=NOW
        )
    engine.dispose()
    assert any("layout" in p for p in broken.problems)
    assert not any("layout" in p for p in healed.problems)
