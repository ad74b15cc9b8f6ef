"""Security of the console: headers on every answer, the bind check, token, session cookie, CSRF, POST-only actions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

import pytest
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from fastapi.testclient import TestClient

from carbonwatch.web.app import create_app
from carbonwatch.web.security import CSP, SESSION_COOKIE, BindRefused, SecurityConfig, check_bind, safe_next
from scheduler.health import stored_jobs
from scheduler.lock import InstanceLock
from tests.web.webseed import NOW, Seeded, seeded_app

TOKEN = "s3cret-operator-token-for-tests"
ORIGIN = "http://testserver"


@dataclass
class Apps:
    seeded: Seeded
    db_url: str

    def client(self, security: SecurityConfig) -> TestClient:
        app = create_app(
            self.seeded.config, engine=self.seeded.engine, security=security, now=lambda: NOW, migrate=False
        )
        return TestClient(app, follow_redirects=False)

    def next_run(self, source: str) -> datetime | None:
        with self.seeded.sessions() as session:
            return stored_jobs(session)[source].next_run_at


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Apps]:
    tmp = tmp_path_factory.mktemp("security")
    url = f"sqlite:///{tmp / 'cw.db'}"
    seeded = seeded_app(url, tmp)
    # The daemon's job store, as the daemon leaves it: one interval job per source.
    scheduler = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=seeded.engine)}, timezone="UTC")
    scheduler.start(paused=True)
    for source in ("sina_finance", "ndrc", "mee"):
        scheduler.add_job("scheduler.jobs:crawl_job", "interval", minutes=30, id=source, args=[source])
    scheduler.shutdown(wait=False)
    yield Apps(seeded, url)
    seeded.engine.dispose()


@pytest.fixture(scope="module")
def readonly(apps: Apps) -> Iterator[TestClient]:
    with apps.client(SecurityConfig()) as client:
        yield client


@pytest.fixture(scope="module")
def operator(apps: Apps) -> Iterator[TestClient]:
    with apps.client(SecurityConfig(token=TOKEN)) as client:
        yield client


@pytest.fixture
def signed_in(apps: Apps) -> Iterator[TestClient]:
    with apps.client(SecurityConfig(token=TOKEN)) as client:
        response = client.post("/login", data={"token": TOKEN, "next": "/"})
        assert response.status_code == 303
        yield client


BEARER = {"Authorization": f"Bearer {TOKEN}"}

# ---------------------------------------------------------------------------------------------------------- headers


@pytest.mark.parametrize("path", ["/api/flags", "/metrics", "/healthz", "/readyz", "/api/nothing", "/login", "/"])
def test_every_answer_carries_the_csp(readonly: TestClient, path: str) -> None:
    assert readonly.get(path).headers["content-security-policy"] == CSP


def test_the_csp_allows_no_inline_script_nor_framing() -> None:
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP and "frame-ancestors 'none'" in CSP


@pytest.mark.parametrize(
    ("name", "value"),
    [("x-frame-options", "DENY"), ("x-content-type-options", "nosniff"), ("referrer-policy", "same-origin")],
)
def test_hardening_headers(readonly: TestClient, name: str, value: str) -> None:
    assert readonly.get("/api/flags").headers[name] == value


def test_the_sign_in_form_lets_a_browser_send_its_origin(readonly: TestClient) -> None:
    # under "no-referrer" Chromium posts the form with `Origin: null`, which the sign-in check refuses
    assert readonly.get("/login").headers["referrer-policy"] == "same-origin"


# ------------------------------------------------------------------------------------------------------- bind check


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"])
def test_loopback_serves_without_a_token(host: str) -> None:
    assert check_bind(host, None, allow_anonymous_read=False).loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org"])
def test_a_public_host_without_a_token_is_refused(host: str) -> None:
    with pytest.raises(BindRefused, match="CARBONWATCH_WEB_TOKEN"):
        check_bind(host, None, allow_anonymous_read=False)


def test_a_public_host_with_anonymous_read_serves_read_only() -> None:
    security = check_bind("0.0.0.0", None, allow_anonymous_read=True)
    assert (security.token, security.reads_need_token) == (None, False)


def test_a_public_host_with_a_token_needs_it_to_read() -> None:
    assert check_bind("0.0.0.0", TOKEN, allow_anonymous_read=False).reads_need_token


def test_a_short_token_is_refused() -> None:
    with pytest.raises(BindRefused, match="too short"):
        check_bind("127.0.0.1", "short", allow_anonymous_read=False)


# -------------------------------------------------------------------------------------------------------- read gate


@pytest.fixture(scope="module")
def public(apps: Apps) -> Iterator[TestClient]:
    with apps.client(SecurityConfig(token=TOKEN, loopback=False)) as client:
        yield client


def test_a_public_console_refuses_reads_without_the_token(public: TestClient) -> None:
    response = public.get("/api/flags")
    assert (response.status_code, response.headers["www-authenticate"]) == (401, 'Bearer realm="carbonwatch"')


def test_a_public_console_answers_reads_with_the_token(public: TestClient) -> None:
    assert public.get("/api/flags", headers=BEARER).status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/login"])
def test_probes_and_sign_in_stay_open(public: TestClient, path: str) -> None:
    assert public.get(path).status_code == 200


def test_a_browser_is_sent_to_sign_in(public: TestClient) -> None:
    response = public.get("/runs", headers={"Accept": "text/html"})
    assert (response.status_code, 'href="/login?next=/runs"' in response.text) == (401, True)


def test_anonymous_read_opens_reads_only(apps: Apps) -> None:
    with apps.client(SecurityConfig(token=TOKEN, loopback=False, allow_anonymous_read=True)) as client:
        codes = (client.get("/api/flags").status_code, client.post("/actions/pause/ndrc").status_code)
    assert codes == (200, 401)


# ---------------------------------------------------------------------------------------------------------- actions


def test_actions_are_off_without_a_token(readonly: TestClient) -> None:
    response = readonly.post("/actions/pause/ndrc", headers=BEARER)
    assert (response.status_code, "CARBONWATCH_WEB_TOKEN" in response.json()["detail"]) == (403, True)


def test_actions_are_post_only(operator: TestClient) -> None:
    assert operator.get("/actions/pause/ndrc", headers=BEARER).status_code == 405


def test_an_action_without_the_token_is_401(operator: TestClient, apps: Apps) -> None:
    assert operator.post("/actions/pause/ndrc").status_code == 401
    assert apps.next_run("ndrc") is not None


def test_a_wrong_bearer_token_is_401(operator: TestClient) -> None:
    assert operator.post("/actions/pause/ndrc", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_pause_clears_the_next_run_and_resume_sets_it(operator: TestClient, apps: Apps) -> None:
    paused = operator.post("/actions/pause/mee", headers=BEARER)
    assert (paused.status_code, paused.json()["next_run_at"], apps.next_run("mee")) == (200, None, None)
    resumed = operator.post("/actions/resume/mee", headers=BEARER)
    assert (resumed.status_code, apps.next_run("mee") is not None) == (200, True)


def test_run_now_without_a_daemon_says_what_to_do(operator: TestClient) -> None:
    response = operator.post("/actions/run-now/ndrc", headers=BEARER)
    assert (response.status_code, "carbonwatch crawl ndrc" in response.json()["detail"]) == (409, True)


def test_run_now_sets_the_next_run_to_now(operator: TestClient, apps: Apps) -> None:
    with InstanceLock(apps.db_url):  # a daemon holds the database
        response = operator.post("/actions/run-now/sina_finance", headers=BEARER)
    assert (response.status_code, apps.next_run("sina_finance")) == (200, NOW)


def test_run_now_of_a_paused_source_asks_to_resume_it(operator: TestClient, apps: Apps) -> None:
    operator.post("/actions/pause/ndrc", headers=BEARER)
    try:
        with InstanceLock(apps.db_url):
            response = operator.post("/actions/run-now/ndrc", headers=BEARER)
    finally:
        operator.post("/actions/resume/ndrc", headers=BEARER)
    assert (response.status_code, "resume it first" in response.json()["detail"]) == (409, True)


def test_an_unknown_source_is_404(operator: TestClient) -> None:
    assert operator.post("/actions/pause/nosuch", headers=BEARER).status_code == 404


def test_an_unknown_action_is_404(operator: TestClient) -> None:
    assert operator.post("/actions/delete/ndrc", headers=BEARER).status_code == 404


# ------------------------------------------------------------------------------------------------ cookie and CSRF


def test_a_wrong_sign_in_sets_no_cookie(operator: TestClient) -> None:
    response = operator.post("/login", data={"token": "wrong-token-wrong-token"})
    assert (response.status_code, "set-cookie" in response.headers) == (403, False)


def test_the_session_cookie_is_httponly_strict_and_not_the_token(apps: Apps) -> None:
    with apps.client(SecurityConfig(token=TOKEN)) as client:
        cookie = client.post("/login", data={"token": TOKEN}).headers["set-cookie"]
    assert ("HttpOnly" in cookie, "SameSite=strict" in cookie, TOKEN in cookie) == (True, True, False)


def test_a_cookie_post_without_csrf_is_refused(signed_in: TestClient, apps: Apps) -> None:
    response = signed_in.post("/actions/pause/ndrc")
    assert (response.status_code, apps.next_run("ndrc") is not None) == (403, True)


def test_a_cookie_post_with_csrf_acts_and_goes_back(signed_in: TestClient, apps: Apps) -> None:
    csrf = SecurityConfig(token=TOKEN).csrf_value()
    response = signed_in.post("/actions/pause/ndrc", data={"csrf": csrf, "next": "/runs"}, headers={"Origin": ORIGIN})
    try:
        assert (response.status_code, response.headers["location"], apps.next_run("ndrc")) == (303, "/runs", None)
    finally:
        signed_in.post("/actions/resume/ndrc", headers=BEARER)


def test_a_cross_site_post_is_refused_even_with_csrf(signed_in: TestClient) -> None:
    csrf = SecurityConfig(token=TOKEN).csrf_value()
    response = signed_in.post("/actions/pause/ndrc", data={"csrf": csrf}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403


def test_a_cross_site_sign_in_is_refused(operator: TestClient) -> None:
    response = operator.post("/login", data={"token": TOKEN}, headers={"Origin": "null"})
    assert (response.status_code, "set-cookie" in response.headers) == (403, False)


def test_the_cookie_is_not_sent_back_to_another_token(apps: Apps, signed_in: TestClient) -> None:
    cookie = signed_in.cookies.get(SESSION_COOKIE)
    with apps.client(SecurityConfig(token="another-token-another-token")) as other:
        other.cookies.set(SESSION_COOKIE, cookie or "")
        assert other.post("/actions/pause/ndrc", data={"csrf": "x"}).status_code == 401


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/runs?source=ndrc", "/runs?source=ndrc"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("runs", "/"),
        ("/ok\r\nSet-Cookie: x", "/"),
        (None, "/"),
    ],
)
def test_redirects_stay_on_this_server(value: str | None, expected: str) -> None:
    assert safe_next(value) == expected


def test_sign_in_never_redirects_elsewhere(apps: Apps) -> None:
    with apps.client(SecurityConfig(token=TOKEN)) as client:
        response = client.post("/login", data={"token": TOKEN, "next": "//evil.example/x"})
    assert response.headers["location"] == "/"


def test_a_refused_form_post_is_a_page_with_a_way_back(signed_in: TestClient) -> None:
    response = signed_in.post("/actions/pause/nosuch", data={"csrf": "wrong", "next": "/runs"})
    assert (response.status_code, 'href="/runs"' in response.text, "CSRF" in response.text) == (403, True, True)
