"""The console's pages in a real headless browser (Playwright + Debian's Chromium) against the demo's database.

One demo crawl, one uvicorn server on a free 127.0.0.1 port in a thread and one browser serve the whole module.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]
WAIT_MS = 5000
TOKEN = "browser-test-operator-token"
SCRIPT_IN_SOURCE = (
    '<p>正文第一段。</p><script>window.pwned = "script"; document.title = "hijacked"; alert(1)</script>'
    "<img src=\"x\" onerror=\"window.pwned = 'onerror'; document.title = 'hijacked'\">"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install -y chromium)"),
]


@dataclass
class Console:
    """The running console and what the tests seeded besides the demo."""

    base_url: str
    running_run_id: int
    live_log: Path
    script_article_id: int
    flag_id: int
    flag_terms: set[str]


def _seed_extras(db_url: str, tmp: Path) -> tuple[int, Path, int, int, set[str]]:
    """A running crawl with a log file, an article whose stored source holds scripts, and the 2030 plan's flag."""
    from sqlalchemy import select

    from crawler.items import ArticleItem
    from storage.db import open_store
    from storage.models import CrawlRun, Flag
    from storage.queries import upsert_article

    live_log = tmp / "logs" / "mee" / "run-live.log"
    live_log.parent.mkdir(parents=True, exist_ok=True)
    live_log.write_text("INFO crawl started\n", "utf-8")
    engine, sessions = open_store(db_url)
    try:
        with sessions.begin() as session:
            run = CrawlRun(source="mee", trigger="manual", status="running", log_path=str(live_log))
            session.add(run)
            item = ArticleItem(
                url="https://finance.sina.com.cn/x/doc-iscript.shtml",
                source="sina_finance",
                title='<script>window.pwned = "title"</script>标题里的脚本',
                canonical_url="https://finance.sina.com.cn/x/doc-iscript.shtml",
                text="正文第一段。<script>window.pwned = 'text'</script>",
                html=SCRIPT_IN_SOURCE,
                content_hash="script-article",
            )
            article, _ = upsert_article(session, item)
            session.flush()
            flag = session.scalars(select(Flag).where(Flag.title == "《2030年前碳达峰行动方案》")).one()
            article_id, run_id, flag_id = article.id, run.id, flag.id
            terms = {e["term"] for e in flag.evidence["carbon"]["evidence"] if e["field"] == "text"}
    finally:
        engine.dispose()
    return run_id, live_log, article_id, flag_id, terms


@pytest.fixture(scope="module")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Console]:
    import uvicorn

    from carbonwatch.config import Config
    from carbonwatch.web.app import create_app
    from carbonwatch.web.security import SecurityConfig

    tmp = tmp_path_factory.mktemp("console")
    db_url = f"sqlite:///{tmp / 'demo.db'}"
    env = {**os.environ, "CARBONWATCH_CONFIG": "", "CARBONWATCH_LOG_DIR": str(tmp / "logs")}
    demo = subprocess.run(
        [sys.executable, "-m", "carbonwatch", "demo", "--db", db_url],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert demo.returncode == 0, demo.stdout[-2000:] + demo.stderr[-2000:]
    run_id, live_log, article_id, flag_id, terms = _seed_extras(db_url, tmp)
    app = create_app(Config(database_url=db_url, log_dir=tmp / "logs"), security=SecurityConfig(token=TOKEN))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        assert server.started, "the console did not start"
        yield Console(f"http://127.0.0.1:{port}", run_id, live_log, article_id, flag_id, terms)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    try:
        yield tab
    finally:
        context.close()


def test_overview_shows_the_demo_sources(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/")
    rows = page.locator("table.sources tbody tr")
    shown = {rows.nth(i).get_attribute("data-source") for i in range(rows.count())}
    assert {"sina_finance", "ndrc", "gov_cn", "mee"} <= shown


def test_overview_shows_the_demo_flags(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/")
    flags = page.locator("ol.flags li").all_inner_texts()
    assert any("《2030年前碳达峰行动方案》" in text for text in flags)
    assert any("《科技支撑碳达峰碳中和行动方案》" in text for text in flags)


def test_run_page_follows_the_log_of_a_running_crawl(console: Console, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(f"{console.base_url}/runs/{console.running_run_id}")
    log = page.locator("#log")
    expect(log).to_contain_text("INFO crawl started")
    assert "appended while the page is open" not in log.inner_text()
    with console.live_log.open("a", encoding="utf-8") as fh:
        fh.write("INFO line appended while the page is open\n")
    expect(log).to_contain_text("INFO line appended while the page is open")


def test_flag_page_highlights_the_evidence(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/flags/{console.flag_id}")
    marked = page.locator("#flag-article .text mark").all_inner_texts()
    assert console.flag_terms
    assert all(any(term in text for text in marked) for term in console.flag_terms)
    assert any("2030年前碳达峰" in text for text in marked)  # the document's own span
    assert "国务院日前印发" not in marked


def test_flag_page_highlights_are_visible(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/flags/{console.flag_id}")
    first = page.locator("#flag-article .text mark").first
    background = first.evaluate("e => getComputedStyle(e).backgroundColor")
    plain = page.locator("#flag-article .text").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background != plain


def test_article_with_scripts_in_its_source_runs_none(console: Console, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with page.expect_response(lambda r: r.url.endswith(f"/articles/{console.script_article_id}/body")):
        page.goto(f"{console.base_url}/articles/{console.script_article_id}")
    page.wait_for_load_state("load")
    body = next(f for f in page.frames if f.url.endswith("/body"))
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert body.evaluate("typeof window.pwned") == "undefined"
    assert page.title() == '<script>window.pwned = "title"</script>标题里的脚本 · carbonwatch'
    assert body.title() != "hijacked"
    assert dialogs == []


def test_article_page_shows_script_text_as_text(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/articles/{console.script_article_id}")
    assert '<script>window.pwned = "title"</script>标题里的脚本' in page.locator("h1").inner_text()
    assert page.locator("main script").count() == 0


def test_an_action_without_the_token_is_refused(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/")
    assert page.locator("button[data-action]").count() == 0
    assert page.locator("td.actions a", has_text="sign in to act").count() >= 4
    status = page.evaluate("fetch('/actions/pause/ndrc', {method: 'POST'}).then(r => r.status)")
    assert status == 401


def _sign_in(console: Console, page: Any) -> None:
    """The session cookie ``POST /login`` sets (the sign-in form itself is the security module's to test)."""
    from carbonwatch.web.security import SESSION_COOKIE, SecurityConfig

    value = SecurityConfig(token=TOKEN).session_value()
    page.context.add_cookies([{"name": SESSION_COOKIE, "value": value, "url": console.base_url}])
    page.goto(f"{console.base_url}/")


def test_an_action_without_the_csrf_field_is_refused(console: Console, page: Any) -> None:
    _sign_in(console, page)
    page.evaluate("document.querySelectorAll('input[name=csrf]').forEach(field => field.remove())")
    pause = page.locator("tr[data-source=ndrc] button[data-action=pause]")
    with page.expect_response(lambda r: r.url.endswith("/actions/pause/ndrc")) as answer:
        pause.click()
    assert answer.value.status == 403
    assert "CSRF" in page.locator("body").inner_text()


def test_a_signed_in_operator_reaches_the_action(console: Console, page: Any) -> None:
    _sign_in(console, page)
    pause = page.locator("tr[data-source=ndrc] button[data-action=pause]")
    with page.expect_response(lambda r: r.url.endswith("/actions/pause/ndrc")) as answer:
        pause.click()
    # past the token, Origin and CSRF checks (401/403): refused only because no daemon ever ran on the demo's database
    assert answer.value.status not in (401, 403)
    assert "no daemon ever ran on this database" in page.locator("body").inner_text()


def test_an_operator_signs_in_through_the_form_and_reaches_the_action(console: Console, page: Any) -> None:
    page.goto(f"{console.base_url}/login?next=/")
    page.fill("input[name=token]", TOKEN)
    with page.expect_response(lambda r: r.url.endswith("/login")) as signed:
        page.click("button[type=submit]")
    assert signed.value.status == 303  # the browser's own Origin passed the sign-in check (not 403)
    pause = page.locator("tr[data-source=ndrc] button[data-action=pause]")
    with page.expect_response(lambda r: r.url.endswith("/actions/pause/ndrc")) as answer:
        pause.click()
    assert answer.value.status not in (401, 403)
    assert "no daemon ever ran on this database" in page.locator("body").inner_text()


def test_without_javascript_a_running_crawls_page_reloads_itself(console: Console, browser: Any) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{console.base_url}/runs/{console.running_run_id}")
        expect(page.locator("#log")).to_contain_text("INFO crawl started")
        with console.live_log.open("a", encoding="utf-8") as fh:
            fh.write("INFO line seen after a reload\n")
        expect(page.locator("#log")).to_contain_text("INFO line seen after a reload", timeout=3 * WAIT_MS)
    finally:
        context.close()
