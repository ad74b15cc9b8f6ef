"""The read API under /api/ through an HTTP client against a real (SQLite) database; PostgreSQL in test_api_pg."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from carbonwatch.web.app import create_app
from storage.runs import run_record
from tests.web.webseed import NOW, Seeded, seeded_app

# The keys of `carbonwatch flags --json` (carbonwatch/cli/policy.py): the API's flags carry every one of them.
CLI_FLAG_KEYS = {
    "id",
    "created_at",
    "title",
    "issuer",
    "doc_number",
    "article_url",
    "article_title",
    "source",
    "run_id",
    "evidence",
}
CLI_POLICY_KEYS = {
    "id",
    "title",
    "issuer",
    "doc_number",
    "doc_type",
    "first_seen_at",
    "mentions",
    "releases",
    "flagged",
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    tmp = tmp_path_factory.mktemp("api")
    data = seeded_app(f"sqlite:///{tmp / 'cw.db'}", tmp)
    yield data
    data.engine.dispose()


@pytest.fixture(scope="module")
def client(seeded: Seeded) -> Iterator[TestClient]:
    with TestClient(seeded.app) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def ids(client: TestClient, url: str) -> list[int]:
    return [row["id"] for row in get(client, url)["items"]]


# ------------------------------------------------------------------------------------------------------------ runs


def test_runs_are_listed_newest_first(client: TestClient, seeded: Seeded) -> None:
    assert ids(client, "/api/runs") == sorted(seeded.run_ids.values(), reverse=True)


def test_a_run_record_has_the_keys_of_runs_json(client: TestClient, seeded: Seeded) -> None:
    with seeded.sessions() as session:
        from storage.models import CrawlRun

        run = session.get(CrawlRun, seeded.run_ids["failed"])
        assert run is not None
        expected = run_record(run)
    row = next(r for r in get(client, "/api/runs")["items"] if r["id"] == expected["id"])
    assert row == expected


def test_runs_page_through_next_without_overlap(client: TestClient, seeded: Seeded) -> None:
    first = get(client, "/api/runs?limit=2")
    second = get(client, first["next"])
    third = get(client, second["next"])
    seen = [r["id"] for page in (first, second, third) for r in page["items"]]
    assert seen == sorted(seeded.run_ids.values(), reverse=True)
    assert third["next"] is None


def test_the_next_link_keeps_the_filters(client: TestClient) -> None:
    first = get(client, "/api/runs?source=sina_finance&limit=1")
    assert "source=sina_finance" in first["next"]
    assert [r["source"] for r in get(client, first["next"])["items"]] == ["sina_finance"]


def test_runs_by_source_include_crawl_all_rows(client: TestClient, seeded: Seeded) -> None:
    assert ids(client, "/api/runs?source=mee") == [seeded.run_ids["running"], seeded.run_ids["all"]]


def test_runs_by_source_do_not_match_a_prefix(client: TestClient) -> None:
    assert ids(client, "/api/runs?source=gov") == []


@pytest.mark.parametrize(
    ("query", "keys"),
    [("status=failed", ["failed"]), ("trigger=manual", ["all"]), ("status=running&trigger=daemon", ["running"])],
)
def test_runs_filter_by_status_and_trigger(client: TestClient, seeded: Seeded, query: str, keys: list[str]) -> None:
    assert ids(client, f"/api/runs?{query}") == [seeded.run_ids[k] for k in keys]


def test_runs_since_an_age_is_relative_to_now(client: TestClient, seeded: Seeded) -> None:
    assert ids(client, "/api/runs?since=36h") == [seeded.run_ids[k] for k in ("running", "new_success", "all")]


def test_runs_since_an_iso_time(client: TestClient, seeded: Seeded) -> None:
    since = (NOW - timedelta(hours=3)).isoformat()
    assert ids(client, f"/api/runs?since={since.replace('+', '%2B')}") == [
        seeded.run_ids["running"],
        seeded.run_ids["new_success"],
    ]


def test_a_bad_since_is_a_422_that_says_what_is_wanted(client: TestClient) -> None:
    body = get(client, "/api/runs?since=yesterday", 422)
    assert "ISO 8601" in body["detail"]


def test_a_limit_over_the_maximum_is_refused(client: TestClient) -> None:
    get(client, "/api/runs?limit=100000", 422)


def test_run_detail_has_stats_and_responses(client: TestClient, seeded: Seeded) -> None:
    body = get(client, f"/api/runs/{seeded.run_ids['old_success']}")
    assert (body["dropped"], body["stats"], body["responses"]) == ({"too_short": 2, "no_date": 1}, {}, {})


def test_an_unknown_run_is_404(client: TestClient) -> None:
    assert get(client, "/api/runs/999999", 404)["detail"] == "no run 999999"


def test_times_are_iso_utc(client: TestClient, seeded: Seeded) -> None:
    body = get(client, f"/api/runs/{seeded.run_ids['old_success']}")
    assert body["started_at"] == (NOW - timedelta(days=10)).isoformat(timespec="milliseconds")


# -------------------------------------------------------------------------------------------------------------- logs


def test_a_finished_runs_log_is_read_whole(client: TestClient, seeded: Seeded) -> None:
    body = get(client, f"/api/runs/{seeded.run_ids['old_success']}/log")
    assert (body["lines"], body["done"], body["next_offset"]) == (["line one", "line two", "last"], True, 22)


def test_a_log_is_read_on_from_an_offset(client: TestClient, seeded: Seeded) -> None:
    body = get(client, f"/api/runs/{seeded.run_ids['old_success']}/log?offset=9")
    assert body["lines"] == ["line two", "last"]


def test_a_running_crawls_half_line_waits_for_its_newline(client: TestClient, seeded: Seeded) -> None:
    body = get(client, f"/api/runs/{seeded.run_ids['running']}/log")
    assert (body["lines"], body["next_offset"], body["done"]) == (["started"], 8, False)


def test_a_running_crawls_log_follows_what_is_appended(client: TestClient, seeded: Seeded) -> None:
    run_id = seeded.run_ids["running"]
    path = seeded.log_dir / f"run-{run_id}.log"
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"ne\nmore\n")
        body = get(client, f"/api/runs/{run_id}/log?offset=8")
        assert (body["lines"], body["done"]) == (["half a line", "more"], False)
    finally:
        path.write_bytes(original)


def test_a_deleted_log_is_reported_gone(client: TestClient, seeded: Seeded) -> None:
    body = get(client, f"/api/runs/{seeded.run_ids['failed']}/log")
    assert (body["gone"], body["lines"], body["done"]) == (True, [], True)


# ------------------------------------------------------------------------------------------------------------- flags


def test_flags_carry_every_key_of_flags_json(client: TestClient) -> None:
    (flag,) = get(client, "/api/flags")["items"]
    assert CLI_FLAG_KEYS <= flag.keys()


def test_a_flag_names_its_document(client: TestClient) -> None:
    (flag,) = get(client, "/api/flags")["items"]
    assert (flag["title"], flag["issuer"], flag["doc_type"]) == ("《2030年前碳达峰行动方案》", "国务院", "行动方案")


def test_flags_since_leaves_out_older_ones(client: TestClient) -> None:
    assert get(client, "/api/flags?since=1h")["items"] == []


def test_flags_since_keeps_newer_ones(client: TestClient) -> None:
    assert len(get(client, "/api/flags?since=1d")["items"]) == 1


def test_a_flag_lists_the_articles_that_mention_its_policy(client: TestClient) -> None:
    mentions = get(client, "/api/flags/1")["mentions"]
    assert [(m["title"], m["is_release"]) for m in mentions] == [("国务院印发2030年前碳达峰行动方案", True)]


def test_an_unknown_flag_is_404(client: TestClient) -> None:
    get(client, "/api/flags/42", 404)


# ---------------------------------------------------------------------------------------------------------- policies


def test_policies_carry_every_key_of_policies_json(client: TestClient) -> None:
    (policy,) = get(client, "/api/policies")["items"]
    assert CLI_POLICY_KEYS <= policy.keys()


def test_policies_are_searched_by_title(client: TestClient) -> None:
    assert len(get(client, "/api/policies?q=碳达峰")["items"]) == 1


def test_a_search_that_matches_nothing_is_empty(client: TestClient) -> None:
    assert get(client, "/api/policies?q=碳市场")["items"] == []


def test_a_percent_sign_is_searched_literally(client: TestClient) -> None:
    assert get(client, "/api/policies?q=%25")["items"] == []


def test_a_policy_has_its_flag_and_mentions(client: TestClient) -> None:
    body = get(client, "/api/policies/1")
    assert (body["flag_id"], body["mentions"], len(body["mentions_list"])) == (1, 1, 1)


# ---------------------------------------------------------------------------------------------------------- articles


def test_article_lists_leave_out_html_and_text(client: TestClient) -> None:
    (article,) = get(client, "/api/articles")["items"]
    assert "html" not in article and "text" not in article


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("q=行动方案", 1),
        ("q=碳排放强度", 1),  # in the text only
        ("q=光伏", 0),
        ("source=sina", 1),
        ("source=ndrc", 0),
        ("carbon=true", 1),
        ("carbon=false", 0),
        ("since=1d", 1),
        ("since=1h", 0),
        ("until=1h", 1),
    ],
)
def test_articles_are_filtered(client: TestClient, query: str, count: int) -> None:
    assert len(get(client, f"/api/articles?{query}")["items"]) == count


def test_an_article_has_its_stored_html(client: TestClient) -> None:
    assert get(client, "/api/articles/1")["html"] == "<p>碳达峰</p><script>alert(1)</script>"


def test_an_article_has_its_revisions_and_duplicates(client: TestClient) -> None:
    body = get(client, "/api/articles/1")
    assert ([r["title"] for r in body["revisions"]], [d["kind"] for d in body["duplicates"]]) == (["旧标题"], ["exact"])


def test_an_article_links_its_flag(client: TestClient) -> None:
    assert get(client, "/api/articles/1")["flag_id"] == 1


# ----------------------------------------------------------------------------------------------- health and schema


def test_sources_health_has_the_keys_of_status_json(client: TestClient) -> None:
    body = get(client, "/api/sources/health")
    sina = next(s for s in body["sources"] if s["source"] == "sina_finance")
    assert (sina["last_run_status"], sina["daemon"], body["daemon"]) == ("success", "not running", "not running")


def test_sources_health_judges_at_the_apps_clock(seeded: Seeded) -> None:
    later = create_app(seeded.config, engine=seeded.engine, now=lambda: NOW + timedelta(days=400), migrate=False)
    with TestClient(later) as c:
        ndrc = next(s for s in get(c, "/api/sources/health")["sources"] if s["source"] == "ndrc")
    assert ndrc["problems"] == ["no item stored yet"]


def test_a_source_within_its_update_period_is_healthy(client: TestClient) -> None:
    ndrc = next(s for s in get(client, "/api/sources/health")["sources"] if s["source"] == "ndrc")
    assert (ndrc["healthy"], ndrc["last_run_status"]) == (True, "failed")


def test_the_openapi_description_lists_the_api(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    assert {"/api/runs", "/api/runs/{run_id}/log", "/api/flags", "/api/articles/{article_id}"} <= paths.keys()


def test_the_openapi_description_leaves_out_the_pages(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    assert "/login" not in paths and "/" not in paths


def test_unknown_api_paths_are_json_404(client: TestClient) -> None:
    assert get(client, "/api/nothing", 404)["detail"] == "Not Found"


CONTROL_CHARACTER_URLS = [
    "/api/articles?q=a%00b",
    "/api/runs?source=a%00b",
    "/api/policies?q=%00",
    "/api/articles?source=x%1Fy",
    "/api/runs?since=1d%00",
]


@pytest.mark.parametrize("url", CONTROL_CHARACTER_URLS)
def test_a_control_character_in_a_query_value_is_a_clear_400(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert (response.status_code, "control character" in response.json()["detail"]) == (400, True)


def test_source_health_reuses_the_apps_engine(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.db

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a per-request engine was opened (and migrated)")

    monkeypatch.setattr(storage.db, "open_store", refuse)
    monkeypatch.setattr(storage.db, "make_engine", refuse)
    monkeypatch.setattr(storage.db, "upgrade", refuse)
    body = get(client, "/api/sources/health")
    assert {s["source"] for s in body["sources"]} >= {"sina_finance", "ndrc"}
