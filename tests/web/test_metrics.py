"""/metrics scraped through an HTTP client and read back with Prometheus' own text parser."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from storage.heartbeat import beat
from tests.web.webseed import NOW, Seeded, seeded_app

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(client: TestClient) -> Samples:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    tmp = tmp_path_factory.mktemp("metrics")
    data = seeded_app(f"sqlite:///{tmp / 'cw.db'}", tmp)
    yield data
    data.engine.dispose()


@pytest.fixture(scope="module")
def samples(seeded: Seeded) -> Samples:
    with TestClient(seeded.app) as client:
        return scrape(client)


@pytest.mark.parametrize(
    ("labels", "value"),
    [
        ((("source", "sina_finance"), ("status", "success")), 2),
        ((("source", "ndrc"), ("status", "failed")), 1),
        ((("source", "gov_cn,mee"), ("status", "success")), 1),
    ],
)
def test_finished_runs_by_source_and_status(samples: Samples, labels: tuple[tuple[str, str], ...], value: int) -> None:
    assert samples[("carbonwatch_runs_total", labels)] == value


def test_a_running_run_is_no_finished_run(samples: Samples) -> None:
    assert ("carbonwatch_runs_total", (("source", "mee"), ("status", "running"))) not in samples


def test_running_runs_are_a_gauge(samples: Samples) -> None:
    assert samples[("carbonwatch_runs_running", (("source", "mee"),))] == 1


@pytest.mark.parametrize(("status", "value"), [("new", 7), ("revised", 0), ("duplicate", 1), ("unchanged", 6)])
def test_items_by_status(samples: Samples, status: str, value: int) -> None:
    assert samples[("carbonwatch_items_total", (("status", status),))] == value


@pytest.mark.parametrize(("reason", "value"), [("too_short", 7), ("no_date", 1)])
def test_drops_by_reason_are_summed_over_runs(samples: Samples, reason: str, value: int) -> None:
    assert samples[("carbonwatch_dropped_items_total", (("reason", reason),))] == value


@pytest.mark.parametrize(("kind", "value"), [("http/404", 3), ("http/500", 2), ("spider_error", 1)])
def test_errors_by_kind_count_a_message_once(samples: Samples, kind: str, value: int) -> None:
    assert samples[("carbonwatch_errors_total", (("kind", kind),))] == value


@pytest.mark.parametrize(("le", "value"), [("1.0", 0), ("5.0", 1), ("15.0", 2), ("+Inf", 2)])
def test_crawl_durations_fill_the_histogram(samples: Samples, le: str, value: int) -> None:
    labels = (("le", le), ("source", "sina_finance"))
    assert samples[("carbonwatch_crawl_duration_seconds_bucket", labels)] == value


def test_crawl_duration_sum_is_in_seconds(samples: Samples) -> None:
    assert samples[("carbonwatch_crawl_duration_seconds_sum", (("source", "sina_finance"),))] == pytest.approx(
        10.0, abs=1e-3
    )  # julianday arithmetic


def test_a_running_run_has_no_duration(samples: Samples) -> None:
    assert ("carbonwatch_crawl_duration_seconds_count", (("source", "mee"),)) not in samples


def test_last_success_is_the_newest_successful_finish(samples: Samples) -> None:
    expected = (NOW - timedelta(hours=2) + timedelta(seconds=7)).timestamp()
    assert samples[("carbonwatch_last_success_timestamp_seconds", (("source", "sina_finance"),))] == expected


def test_a_crawl_all_success_counts_for_each_of_its_sources(samples: Samples) -> None:
    expected = (NOW - timedelta(days=1) + timedelta(seconds=100)).timestamp()
    assert samples[("carbonwatch_last_success_timestamp_seconds", (("source", "mee"),))] == expected


def test_a_source_without_success_has_no_last_success(samples: Samples) -> None:
    assert ("carbonwatch_last_success_timestamp_seconds", (("source", "ndrc"),)) not in samples


@pytest.mark.parametrize(
    ("name", "labels", "value"),
    [
        ("carbonwatch_flags_total", (), 1),
        ("carbonwatch_policies", (), 1),
        ("carbonwatch_articles", (("carbon_relevant", "true"),), 1),
        ("carbonwatch_articles", (("carbon_relevant", "false"),), 0),
        ("carbonwatch_notifications", (("status", "failed"),), 1),
        ("carbonwatch_notifications", (("status", "sent"),), 0),
        ("carbonwatch_notification_failures", (), 1),
        ("carbonwatch_requests_total", (), 15),
        ("carbonwatch_metrics_query_errors", (), 0),
    ],
)
def test_store_counts(samples: Samples, name: str, labels: tuple[tuple[str, str], ...], value: int) -> None:
    assert samples[(name, labels)] == value


def test_no_daemon_ever_ran_is_daemon_down(samples: Samples) -> None:
    assert samples[("carbonwatch_daemon_up", ())] == 0


def test_no_heartbeat_has_no_age(samples: Samples) -> None:
    assert ("carbonwatch_daemon_heartbeat_age_seconds", ()) not in samples


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Seeded]:
    data = seeded_app(f"sqlite:///{tmp_path / 'cw.db'}", tmp_path)
    yield data
    data.engine.dispose()


def test_a_fresh_heartbeat_is_daemon_up_with_its_age(fresh: Seeded) -> None:
    with fresh.sessions.begin() as session:
        beat(session, host="h", pid=1, started_at=NOW, now=NOW - timedelta(seconds=12))
    with TestClient(fresh.app) as client:
        samples = scrape(client)
    assert (samples[("carbonwatch_daemon_up", ())], samples[("carbonwatch_daemon_heartbeat_age_seconds", ())]) == (
        1,
        12,
    )


def test_a_damaged_json_column_is_counted_as_empty_not_a_failed_scrape(fresh: Seeded) -> None:
    with fresh.sessions.begin() as session:
        session.execute(text("UPDATE crawl_runs SET dropped = 'not json', errors = '{\"kind\": 1}' WHERE id = 1"))
    with TestClient(fresh.app) as client:
        samples = scrape(client)
    assert (
        samples[("carbonwatch_dropped_items_total", (("reason", "too_short"),))],
        samples[("carbonwatch_metrics_query_errors", ())],
    ) == (5, 0)


def test_a_failing_query_leaves_the_other_metrics(fresh: Seeded, caplog: pytest.LogCaptureFixture) -> None:
    with fresh.sessions.begin() as session:
        session.execute(text("DROP TABLE notifications"))
    with TestClient(fresh.app) as client:
        samples = scrape(client)
    assert (samples[("carbonwatch_metrics_query_errors", ())], samples[("carbonwatch_flags_total", ())]) == (1, 1)
    assert "_notifications failed" in caplog.text
