"""The console's server-rendered pages through an HTTP client against a real SQLite database.

What a browser must see (a log that follows, scripts that do not run) is in ``test_browser_pages.py``; here: what each
page shows, filters and pages, escaping, the headers that keep stored HTML inert, and bad input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from carbonwatch.config import Config
from carbonwatch.web.app import create_app
from carbonwatch.web.security import SecurityConfig
from crawler.items import ArticleItem
from storage.db import open_store
from storage.models import CrawlRun, Flag
from storage.queries import upsert_article
from tests.seed import seed_flagged_release

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
TOKEN = "pages-test-operator-token"
MANY_RUNS = 53  # more than one page (50)


@dataclass
class Seeded:
    client: TestClient
    flag_id: int
    revised_id: int
    script_id: int
    failed_run: int
    running_run: int
    run_without_log: int
    config: Config


def _item(url: str, title: str, text: str, html: str = "<p>正文</p>") -> ArticleItem:
    return ArticleItem(
        url=url, source="ndrc", title=title, canonical_url=url, text=text, html=html, content_hash=str(hash(text))
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    tmp = tmp_path_factory.mktemp("pages")
    db_url = f"sqlite:///{tmp / 'pages.db'}"
    logs = tmp / "logs"
    (logs / "mee").mkdir(parents=True)
    failed_log = logs / "mee" / "run-failed.log"
    failed_log.write_text("INFO start\nERROR <script>alert(1)</script> in a log line\n", "utf-8")
    engine, sessions = open_store(db_url)
    with sessions.begin() as session:
        seed_flagged_release(session, NOW)
        url = "https://www.ndrc.gov.cn/revised.html"
        revised, _ = upsert_article(session, _item(url, "修订的通知", "第一段\n第二段旧\n第三段"), now=NOW)
        upsert_article(session, _item(url, "修订的通知（更正）", "第一段\n第二段新\n第三段"), now=NOW)
        script_title = '<script>alert("t")</script>标题'
        script, _ = upsert_article(
            session, _item("https://www.ndrc.gov.cn/s.html", script_title, "正文", "<p>x</p><script>alert(1)</script>")
        )
        for i in range(MANY_RUNS):
            session.add(CrawlRun(source="ndrc", trigger="cron", status="success", started_at=NOW - timedelta(hours=i)))
        failed = CrawlRun(
            source="mee",
            trigger="daemon",
            status="failed",
            started_at=NOW,
            finished_at=NOW + timedelta(seconds=3),
            errors=[{"kind": "spider_error", "message": "<b>boom</b>", "url": "https://www.mee.gov.cn/a"}],
            dropped={"empty_body": 3},
            log_path=str(failed_log),
        )
        running = CrawlRun(source="gov_cn", trigger="manual", status="running", started_at=NOW)
        session.add_all([failed, running])
        session.flush()
        retired = CrawlRun(source="retired-feed", trigger="cron", status="success", started_at=NOW)
        session.add(retired)
        session.flush()
        flag_id = session.scalars(select(Flag.id)).one()
        without_log = session.scalars(select(CrawlRun.id).where(CrawlRun.source == "ndrc").limit(1)).one()
        ids = (revised.id, script.id, failed.id, running.id, without_log)
    engine.dispose()
    config = Config(database_url=db_url, log_dir=logs)
    with TestClient(create_app(config, now=lambda: NOW)) as client:
        yield Seeded(client, flag_id, *ids, config)


def _text(html: str) -> str:
    """The page's visible text, roughly (tags dropped), to assert on what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_overview_lists_the_flag(seeded: Seeded) -> None:
    page = seeded.client.get("/")
    assert page.status_code == 200
    assert "《2030年前碳达峰行动方案》" in page.text


def test_overview_judges_the_enabled_sources(seeded: Seeded) -> None:
    assert '<tr class="healthy" data-source="ndrc">' in seeded.client.get("/").text


def test_overview_names_sources_with_runs_it_does_not_judge(seeded: Seeded) -> None:
    note = re.search(r'<p class="note">Not judged [^<]*(.*?)</p>', seeded.client.get("/").text)
    assert note is not None
    assert re.findall(r">([^<]+)</a>", note.group(1)) == ["retired-feed"]


def test_runs_filter_by_status(seeded: Seeded) -> None:
    page = seeded.client.get("/runs", params={"status": "failed"})
    assert f'href="/runs/{seeded.failed_run}"' in page.text
    assert page.text.count('<tr>\n<td><a href="/runs/') == 1


def test_runs_filter_by_trigger_and_source(seeded: Seeded) -> None:
    page = seeded.client.get("/runs", params={"trigger": "manual", "source": "gov_cn"})
    assert f'href="/runs/{seeded.running_run}"' in page.text
    assert f'href="/runs/{seeded.failed_run}"' not in page.text


def test_runs_page_links_to_older_runs_keeping_the_filter(seeded: Seeded) -> None:
    first = seeded.client.get("/runs", params={"source": "ndrc"})
    older = re.search(r'href="\?([^"]+)">older', first.text)
    assert older is not None
    link = older.group(1).replace("&amp;", "&")
    assert "source=ndrc" in link
    second = seeded.client.get(f"/runs?{link}")
    assert second.text.count('<tr>\n<td><a href="/runs/') == MANY_RUNS - 50


def test_runs_page_ignores_a_bad_cursor(seeded: Seeded) -> None:
    assert seeded.client.get("/runs", params={"before": "x'--"}).status_code == 200


def test_run_page_shows_errors_escaped(seeded: Seeded) -> None:
    page = seeded.client.get(f"/runs/{seeded.failed_run}")
    assert "&lt;b&gt;boom&lt;/b&gt;" in page.text
    assert "<b>boom</b>" not in page.text


def test_run_page_shows_drops(seeded: Seeded) -> None:
    assert "empty_body 3" in _text(seeded.client.get(f"/runs/{seeded.failed_run}").text)


def test_run_page_shows_its_log_escaped(seeded: Seeded) -> None:
    page = seeded.client.get(f"/runs/{seeded.failed_run}")
    assert "ERROR &lt;script&gt;alert(1)&lt;/script&gt; in a log line" in page.text
    assert "<script>alert(1)" not in page.text


def test_a_finished_run_is_not_followed(seeded: Seeded) -> None:
    page = seeded.client.get(f"/runs/{seeded.failed_run}")
    assert "data-follow" not in page.text
    assert "console.js" not in page.text


def test_a_running_run_is_followed_through_the_api(seeded: Seeded) -> None:
    page = seeded.client.get(f"/runs/{seeded.running_run}")
    assert f'data-follow="/api/runs/{seeded.running_run}/log"' in page.text
    assert '<script src="/static/console.js" defer></script>' in page.text
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page.text


def test_run_page_says_when_the_log_is_gone(seeded: Seeded) -> None:
    page = seeded.client.get(f"/runs/{seeded.run_without_log}")
    assert "The log of this run is gone" in page.text


def test_unknown_run_is_a_404_page(seeded: Seeded) -> None:
    page = seeded.client.get("/runs/99999")
    assert page.status_code == 404
    assert "No run #99999." in page.text


def test_flag_page_marks_the_evidence(seeded: Seeded) -> None:
    page = seeded.client.get(f"/flags/{seeded.flag_id}")
    assert re.search(r'<mark title="碳达峰 \(term\)">碳达峰</mark>', page.text)


def test_flag_page_shows_the_document(seeded: Seeded) -> None:
    text = _text(seeded.client.get(f"/flags/{seeded.flag_id}").text)
    assert "issuer 国务院" in text


def test_unknown_flag_is_a_404_page(seeded: Seeded) -> None:
    assert seeded.client.get("/flags/99999").status_code == 404


def test_article_body_is_served_under_a_csp_without_scripts(seeded: Seeded) -> None:
    body = seeded.client.get(f"/articles/{seeded.script_id}/body")
    csp = body.headers["content-security-policy"]
    assert "default-src 'none'" in csp
    assert "sandbox" in csp
    assert "script-src" not in csp


def test_article_body_may_be_framed_by_the_console_only(seeded: Seeded) -> None:
    body = seeded.client.get(f"/articles/{seeded.script_id}/body")
    assert "frame-ancestors 'self'" in body.headers["content-security-policy"]
    assert body.headers["x-frame-options"] == "SAMEORIGIN"


def test_article_page_frames_its_body_sandboxed(seeded: Seeded) -> None:
    page = seeded.client.get(f"/articles/{seeded.script_id}")
    assert f'sandbox src="/articles/{seeded.script_id}/body"' in page.text
    assert "frame-src 'self'" in page.headers["content-security-policy"]


def test_article_page_escapes_the_title(seeded: Seeded) -> None:
    page = seeded.client.get(f"/articles/{seeded.script_id}")
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;标题" in page.text
    assert "<script>alert" not in page.text


def test_article_page_diffs_the_revisions(seeded: Seeded) -> None:
    page = seeded.client.get(f"/articles/{seeded.revised_id}")
    assert '<tr class="removed"><td class="sign">−</td><td>第二段旧</td></tr>' in page.text
    assert '<tr class="added"><td class="sign">+</td><td>第二段新</td></tr>' in page.text
    assert "<del>修订的通知</del> → <ins>修订的通知（更正）</ins>" in page.text


def test_article_page_ignores_unknown_revisions(seeded: Seeded) -> None:
    page = seeded.client.get(f"/articles/{seeded.revised_id}", params={"old": "7", "new": "abc"})
    assert '<tr class="added"><td class="sign">+</td><td>第二段新</td></tr>' in page.text


def test_articles_search_by_words(seeded: Seeded) -> None:
    page = seeded.client.get("/articles", params={"q": "第二段新"})
    assert f'href="/articles/{seeded.revised_id}"' in page.text
    assert f'href="/articles/{seeded.script_id}"' not in page.text


def test_a_short_search_still_finds_and_says_it_reads_every_text(seeded: Seeded) -> None:
    page = seeded.client.get("/articles", params={"q": "段新"})
    assert f'href="/articles/{seeded.revised_id}"' in page.text
    assert "one or two characters reads every article" in page.text


def test_a_search_of_three_characters_has_no_slowness_note(seeded: Seeded) -> None:
    page = seeded.client.get("/articles", params={"q": "第二段新"})
    assert "one or two characters" not in page.text


def test_articles_search_reports_a_bad_date(seeded: Seeded) -> None:
    page = seeded.client.get("/articles", params={"since": "yesterday"})
    assert page.status_code == 200
    assert "since &#39;yesterday&#39; is not a date (YYYY-MM-DD) and was ignored" in page.text


def test_articles_search_by_date_range(seeded: Seeded) -> None:
    day = NOW.date().isoformat()
    page = seeded.client.get("/articles", params={"since": day, "until": day})
    assert "国务院印发2030年前碳达峰行动方案" in page.text
    later = seeded.client.get("/articles", params={"since": (NOW + timedelta(days=2)).date().isoformat()})
    assert "国务院印发2030年前碳达峰行动方案" not in later.text


def test_policies_search(seeded: Seeded) -> None:
    assert "《2030年前碳达峰行动方案》" in seeded.client.get("/policies", params={"q": "碳达峰"}).text
    assert "No policy matches" in seeded.client.get("/policies", params={"q": "没有这样的文件"}).text


@pytest.mark.parametrize("path", ["/", "/runs", "/flags", "/policies", "/articles"])
def test_every_list_page_is_html_with_its_menu_entry_current(seeded: Seeded, path: str) -> None:
    page = seeded.client.get(path)
    assert page.headers["content-type"].startswith("text/html")
    assert f'<a href="{path}" aria-current="page">' in page.text


def test_pages_run_no_inline_script(seeded: Seeded) -> None:
    paths = ("/", "/runs", f"/runs/{seeded.running_run}", f"/flags/{seeded.flag_id}", f"/articles/{seeded.script_id}")
    for path in paths:
        assert not re.search(r"<script(?![^>]*\ssrc=)", seeded.client.get(path).text), path


def test_pages_never_redirect(seeded: Seeded) -> None:
    page = seeded.client.get("/runs", params={"next": "https://evil.example/"}, follow_redirects=False)
    assert page.status_code == 200
    assert "evil.example" not in page.text


def test_static_files_are_served(seeded: Seeded) -> None:
    assert "mark {" in seeded.client.get("/static/console.css").text


def test_a_read_only_console_offers_no_actions(seeded: Seeded) -> None:
    page = seeded.client.get("/").text
    assert "/actions/" not in page
    assert "Read-only console" in page


@pytest.fixture(scope="module")
def operator_client(seeded: Seeded) -> Iterator[TestClient]:
    app = create_app(seeded.config, security=SecurityConfig(token=TOKEN), now=lambda: NOW, migrate=False)
    with TestClient(app) as client:
        yield client


def test_an_operator_sees_action_forms_with_the_csrf_field(operator_client: TestClient) -> None:
    page = operator_client.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).text
    csrf = SecurityConfig(token=TOKEN).csrf_value()
    form = re.search(r'<form method="post" action="/actions/pause/ndrc">(.*?)</form>', page, re.S)
    assert form is not None
    assert f'<input type="hidden" name="csrf" value="{csrf}">' in form.group(1)


def test_a_visitor_of_an_operator_console_is_asked_to_sign_in(operator_client: TestClient) -> None:
    page = operator_client.get("/").text
    assert "/actions/" not in page
    assert 'href="/login?next=/">sign in to act</a>' in page


def test_overview_judges_on_the_apps_engine(seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    # Opening (and migrating) a store per request cost the overview most of its time.
    import storage.db

    def no_new_store(*args: object, **kwargs: object) -> None:
        raise AssertionError("the overview opened a new store")

    monkeypatch.setattr(storage.db, "open_store", no_new_store)
    page = seeded.client.get("/")
    assert '<tr class="healthy" data-source="ndrc">' in page.text


def test_judging_on_a_given_engine_leaves_it_usable(seeded: Seeded) -> None:
    from scheduler.health import judge_sources
    from storage.db import make_engine

    engine = make_engine(seeded.config.database_url)
    try:
        given, _ = judge_sources(seeded.config, now=NOW, engine=engine)
        own, _ = judge_sources(seeded.config, now=NOW)
        assert given == own
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select count(*) from crawl_runs").scalar() == MANY_RUNS + 3
    finally:
        engine.dispose()


def test_overview_names_a_configuration_error_instead_of_failing(seeded: Seeded) -> None:
    from dataclasses import replace

    broken = replace(seeded.config, extra={"schedules": {"no_such_spider": {}}})
    with TestClient(create_app(broken, now=lambda: NOW, migrate=False)) as client:
        page = client.get("/")
    assert page.status_code == 200
    assert "configuration error: [schedules.no_such_spider]: no spider or configured source" in page.text
    assert "《2030年前碳达峰行动方案》" in page.text  # the flags still show


@pytest.mark.parametrize("path", ["/articles", "/policies"])
def test_control_characters_in_a_search_are_dropped(seeded: Seeded, path: str) -> None:
    # PostgreSQL refuses a NUL in a parameter; the search goes on with the rest
    page = seeded.client.get(path, params={"q": "碳\x00达峰\x7f", "source": "nd\x00rc"})
    assert page.status_code == 200
    assert 'name="q" value="碳达峰"' in page.text
