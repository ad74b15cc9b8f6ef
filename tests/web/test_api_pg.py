"""The read API and /metrics on PostgreSQL (skipped without CARBONWATCH_TEST_PG_URL): same answers as on SQLite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import PG_URL_ENV
from tests.web.test_api import CONTROL_CHARACTER_URLS
from tests.web.webseed import Seeded, seeded_app

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    """One scratch database for the module (seeding and migrating per test would cost seconds)."""
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.skip(f"{PG_URL_ENV} is not set: no PostgreSQL server to test against (scripts/test.sh starts one)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(base).set(database=name).render_as_string(hide_password=False)
        data = seeded_app(url, tmp_path_factory.mktemp("pg"))
        yield data
        data.engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def client(seeded: Seeded) -> Iterator[TestClient]:
    with TestClient(seeded.app) as c:
        yield c


@pytest.fixture(scope="module")
def samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_runs_page_through_next(client: TestClient, seeded: Seeded) -> None:
    first = get(client, "/api/runs?limit=3")
    rest = get(client, first["next"])
    assert [r["id"] for r in first["items"] + rest["items"]] == sorted(seeded.run_ids.values(), reverse=True)


def test_runs_since_an_age(client: TestClient, seeded: Seeded) -> None:
    ids = [r["id"] for r in get(client, "/api/runs?since=36h")["items"]]
    assert ids == [seeded.run_ids[k] for k in ("running", "new_success", "all")]


def test_article_search_ignores_case_and_matches_text(client: TestClient) -> None:
    assert len(get(client, "/api/articles?q=碳排放强度")["items"]) == 1


def test_a_flag_has_its_document(client: TestClient) -> None:
    (flag,) = get(client, "/api/flags")["items"]
    assert (flag["issuer"], flag["doc_type"]) == ("国务院", "行动方案")


@pytest.mark.parametrize(
    ("name", "labels", "value"),
    [
        ("carbonwatch_dropped_items_total", (("reason", "too_short"),), 7),
        ("carbonwatch_errors_total", (("kind", "spider_error"),), 1),
        ("carbonwatch_errors_total", (("kind", "http/404"),), 3),
        ("carbonwatch_crawl_duration_seconds_bucket", (("le", "5.0"), ("source", "sina_finance")), 1),
        ("carbonwatch_crawl_duration_seconds_sum", (("source", "sina_finance"),), 10.0),
        ("carbonwatch_runs_total", (("source", "ndrc"), ("status", "failed")), 1),
        ("carbonwatch_metrics_query_errors", (), 0),
    ],
)
def test_metrics_match_sqlite(
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, labels: Any, value: float
) -> None:
    assert samples[(name, labels)] == pytest.approx(value)


@pytest.mark.parametrize("url", CONTROL_CHARACTER_URLS)
def test_a_control_character_in_a_query_value_is_a_clear_400_not_a_500(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert (response.status_code, "control character" in response.json()["detail"]) == (400, True)
