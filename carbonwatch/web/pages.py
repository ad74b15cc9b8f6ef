"""Server-rendered pages of the web console: overview, runs, flags, policies and articles (no JavaScript needed).

Every value reaches the page through Jinja2 with autoescaping; stored article HTML is never put into a console
page: it is served on its own (``/articles/{id}/body``) under a Content-Security-Policy that allows no script and
shown in a sandboxed iframe. Links are built from ids only, so no page redirects anywhere a request names.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.orm import Session

from carbonwatch.logsetup import log_path_for
from carbonwatch.web import page_queries as pq
from carbonwatch.web.app import WebState, db_session, web_state
from carbonwatch.web.security import CSP
from carbonwatch.web.textview import diff_lines, evidence_spans, mark_spans, read_log
from scheduler.health import SourceStatus, judge_sources
from scheduler.runner import output_path_for
from scheduler.schedules import ScheduleError
from storage.models import Article, CrawlRun
from storage.policy_queries import FlagRow
from storage.queries import revisions_of

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

Db = Annotated[Session, Depends(db_session)]
State = Annotated[WebState, Depends(web_state)]

OVERVIEW_FLAGS = 10
# The article page may frame its own body (same origin) and nothing else; the body itself runs nothing.
ARTICLE_PAGE_CSP = CSP + "; frame-src 'self'"
BODY_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'none'; form-action 'none'; base-uri 'none'; "
    "frame-ancestors 'self'; sandbox"
)
LOG_POLL_MS = 1000
NAV = {"run": "runs", "flag": "flags", "policy": "policies", "article": "articles"}  # page -> its menu entry


def _when(value: datetime | None) -> str:
    """A time as the console shows it: UTC, to the second."""
    if value is None:
        return "—"
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.strftime("%Y-%m-%d %H:%M:%S UTC")


def _iso(value: datetime | None) -> str:
    if value is None:
        return ""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.isoformat()


def _error_count(errors: list[Any] | None) -> int:
    """How many errors a run record's ``errors`` count (``{kind, count}`` entries, or one per message)."""
    total = 0
    for entry in errors or []:
        count = entry.get("count", 1) if isinstance(entry, dict) else 1
        total += count if isinstance(count, int) else 1
    return total


def _render(request: Request, state: WebState, name: str, context: dict[str, Any], **kwargs: Any) -> Response:
    env = state.templates.env
    env.filters.setdefault("when", _when)
    env.filters.setdefault("iso", _iso)
    env.filters.setdefault("error_count", _error_count)
    stem = name.split(".")[0]
    base = {
        "nav": NAV.get(stem, stem),
        "root": request.scope.get("root_path", ""),
        "operator": bool(state.security.token),
    }
    return state.templates.TemplateResponse(request, name, {**base, **context}, **kwargs)


def _page(raw: str | None) -> int:
    """The ``page`` query value; anything but a positive number means the first page."""
    try:
        return max(1, min(int(raw or 1), 10_000))
    except ValueError:
        return 1


def _text(raw: str | None, limit: int = 200) -> str:
    return (raw or "").strip()[:limit]


def _pager(rows: list[Any], page: int, size: int = pq.PAGE_SIZE) -> tuple[list[Any], dict[str, Any]]:
    """The page's rows (a query returns ``size + 1`` to tell whether another page follows) and the pager."""
    return rows[:size], {
        "page": page,
        "prev": page - 1 if page > 1 else None,
        "next": page + 1 if len(rows) > size else None,
    }


@dataclass(frozen=True)
class Health:
    """The overview's source table: the statuses as ``carbonwatch status`` computes them, or why there are none."""

    statuses: list[SourceStatus]
    daemon: str
    error: str | None = None


def source_health(state: WebState) -> Health:
    """Every enabled source's health (:func:`scheduler.health.judge_sources`), or the configuration error."""
    try:
        statuses, running = judge_sources(state.config, now=state.now())
    except ScheduleError as exc:
        logger.warning("overview: cannot judge the sources: %s", exc)
        return Health([], "unknown", f"configuration error: {exc} (fix the [schedules] of the configuration file)")
    return Health(statuses, "running" if running else "not running")


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, state: State, session: Db) -> Response:
    """Per-source health, last and next run, items in 24 h, and the latest flags."""
    health = source_health(state)
    flags = pq.latest_flags(session, size=OVERVIEW_FLAGS)[:OVERVIEW_FLAGS]
    return _render(request, state, "overview.html", {"health": health, "flags": flags})


@router.get("/runs", response_class=HTMLResponse)
def runs(
    request: Request,
    state: State,
    session: Db,
    source: str | None = None,
    status: str | None = None,
    trigger: str | None = None,
    page: str | None = None,
) -> Response:
    """The run history, filtered by source, status and trigger."""
    filt = pq.RunFilter(_text(source) or None, _text(status) or None, _text(trigger) or None)
    number = _page(page)
    rows, pager = _pager(pq.filter_runs(session, filt, page=number), number)
    params = [(k, v) for k, v in (("source", filt.source), ("status", filt.status), ("trigger", filt.trigger)) if v]
    context = {"runs": rows, "pager": pager, "filter": filt, "params": params, "choices": pq.run_choices(session)}
    return _render(request, state, "runs.html", context)


def _log_files(state: WebState, run: CrawlRun) -> tuple[Path, Path]:
    """The run's log and the file its process's own output went to (``scheduler.runner``)."""
    path = Path(run.log_path) if run.log_path else log_path_for(state.config, run.source.split(",")[0], run.id)
    return path, output_path_for(path)


@router.get("/runs/{run_id:int}", response_class=HTMLResponse)
def run_page(request: Request, state: State, session: Db, run_id: int) -> Response:
    """One run: its stats, errors, drops and log; a running crawl's log follows live."""
    run = session.get(CrawlRun, run_id)
    if run is None:
        return _not_found(request, state, f"No run #{run_id}.", "/runs")
    log_path, out_path = _log_files(state, run)
    chunk = read_log(log_path)
    output = read_log(out_path) if out_path.is_file() else None
    context = {
        "run": run,
        "log_path": log_path,
        "log": chunk,
        "log_exists": log_path.is_file(),
        "output": output if output and output.lines else None,
        "out_path": out_path,
        "running": run.status == "running",
        "poll_ms": LOG_POLL_MS,
        "duration": (run.finished_at - run.started_at).total_seconds() if run.finished_at else None,
        "stats": sorted((run.stats or {}).items()),
        "retention_days": state.config.log_retention_days,
    }
    return _render(request, state, "run.html", context)


@router.get("/runs/{run_id:int}/log.json")
def run_log_lines(state: State, session: Db, run_id: int, offset: int = 0) -> JSONResponse:
    """The log lines appended after byte ``offset`` and the run's status (polled by the run page's script)."""
    run = session.get(CrawlRun, run_id)
    if run is None:
        raise HTTPException(status_code=404, detail=f"no run {run_id}")
    chunk = read_log(_log_files(state, run)[0], max(offset, 0))
    body = {"lines": chunk.lines, "offset": chunk.offset, "truncated": chunk.truncated, "status": run.status}
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


@router.get("/flags", response_class=HTMLResponse)
def flags(request: Request, state: State, session: Db, page: str | None = None) -> Response:
    """Every flagged release, newest first."""
    number = _page(page)
    rows, pager = _pager(pq.latest_flags(session, page=number), number)
    return _render(request, state, "flags.html", {"flags": rows, "pager": pager})


def _marked_article(article: Article, evidence: list[Any], documents: list[Any]) -> dict[str, Any]:
    """The article's title and text cut into segments, carbon evidence and policy document spans marked."""
    marks = {}
    for field in ("title", "text"):
        spans = evidence_spans(evidence, field) + evidence_spans(documents, field)
        marks[field] = mark_spans(getattr(article, field) or "", spans)
    return marks


@router.get("/flags/{flag_id:int}", response_class=HTMLResponse)
def flag_page(request: Request, state: State, session: Db, flag_id: int) -> Response:
    """One flag: the document, its article with the evidence highlighted, later mentions of the policy."""
    row: FlagRow | None = pq.flag_detail(session, flag_id)
    if row is None:
        return _not_found(request, state, f"No flag #{flag_id}.", "/flags")
    evidence = row.article.carbon_evidence or []
    documents = [d for d in row.article.policy_documents or [] if isinstance(d, dict)]
    mentions = [a for a in pq.policy_articles(session, row.policy.id) if a.id != row.article.id]
    context = {
        "row": row,
        "marks": _marked_article(row.article, evidence, documents),
        "evidence": [e for e in evidence if isinstance(e, dict)],
        "document": (row.flag.evidence or {}).get("document") or {},
        "mentions": mentions,
    }
    return _render(request, state, "flag.html", context)


@router.get("/policies", response_class=HTMLResponse)
def policies(request: Request, state: State, session: Db, q: str | None = None, page: str | None = None) -> Response:
    """The policy registry, searchable by title, issuer, document number and type."""
    query, number = _text(q), _page(page)
    rows, pager = _pager(pq.search_policies(session, query, page=number), number)
    return _render(request, state, "policies.html", {"policies": rows, "pager": pager, "q": query})


@router.get("/policies/{policy_id:int}", response_class=HTMLResponse)
def policy_page(request: Request, state: State, session: Db, policy_id: int) -> Response:
    """One registry entry and every article that names it."""
    listing = pq.policy_listing(session, policy_id)
    if listing is None:
        return _not_found(request, state, f"No policy #{policy_id}.", "/policies")
    context = {"listing": listing, "policy": listing.policy, "articles": pq.policy_articles(session, policy_id)}
    return _render(request, state, "policy.html", context)


def _day(raw: str | None, name: str, notes: list[str]) -> date | None:
    text = _text(raw, 40)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        notes.append(f"{name} {text!r} is not a date (YYYY-MM-DD) and was ignored")
        return None


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    state: State,
    session: Db,
    q: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    carbon: str | None = None,
    page: str | None = None,
) -> Response:
    """Search stored articles by words in the title or text, source and first-seen date."""
    notes: list[str] = []
    first, last = _day(since, "since", notes), _day(until, "until", notes)
    search = pq.ArticleSearch(
        query=_text(q),
        source=_text(source) or None,
        since=datetime.combine(first, datetime.min.time(), UTC) if first else None,
        until=datetime.combine(last, datetime.min.time(), UTC) + timedelta(days=1) if last else None,
        carbon_only=bool(carbon),
    )
    number = _page(page)
    rows, pager = _pager(pq.search_articles(session, search, page=number), number)
    context = {
        "articles": rows,
        "pager": pager,
        "search": search,
        "form": {"q": search.query, "source": search.source or "", "since": first or "", "until": last or ""},
        "sources": pq.article_sources(session),
        "notes": notes,
    }
    return _render(request, state, "articles.html", context)


@router.get("/articles/{article_id:int}", response_class=HTMLResponse)
def article_page(
    request: Request,
    state: State,
    session: Db,
    article_id: int,
    old: str | None = None,
    new: str | None = None,
) -> Response:
    """One article: metadata, evidence, its sanitised HTML (sandboxed), duplicates, and a diff between revisions."""
    article = session.get(Article, article_id)
    if article is None:
        return _not_found(request, state, f"No article #{article_id}.", "/articles")
    versions = {r.revision: (r.title, r.text, r.seen_at) for r in revisions_of(session, article_id)}
    versions[article.revision] = (article.title, article.text, article.updated_at)
    diff = None
    if len(versions) > 1:
        newest = max(versions)
        to_rev = _page(new) if _page(new) in versions else newest
        below = [r for r in versions if r < to_rev]
        from_rev = (
            _page(old) if _page(old) in versions and _page(old) != to_rev else (max(below) if below else min(versions))
        )
        diff = {
            "old": from_rev,
            "new": to_rev,
            "title": (versions[from_rev][0], versions[to_rev][0]),
            "lines": diff_lines(versions[from_rev][1], versions[to_rev][1]),
        }
    documents = [d for d in article.policy_documents or [] if isinstance(d, dict)]
    context = {
        "article": article,
        "marks": _marked_article(article, article.carbon_evidence or [], documents),
        "duplicates": pq.duplicates_of(session, article_id),
        "policies": pq.policies_of_article(session, article_id),
        "versions": sorted(versions.items()),
        "diff": diff,
    }
    return _render(request, state, "article.html", context, headers={"Content-Security-Policy": ARTICLE_PAGE_CSP})


@router.get("/articles/{article_id:int}/body", response_class=HTMLResponse)
def article_body(request: Request, state: State, session: Db, article_id: int) -> Response:
    """The article's stored (sanitised) HTML alone, for the article page's sandboxed iframe: it may run nothing."""
    html = pq.article_html(session, article_id)
    if html is None:
        raise HTTPException(status_code=404, detail=f"no article {article_id}")
    headers = {"Content-Security-Policy": BODY_CSP, "X-Frame-Options": "SAMEORIGIN", "Cache-Control": "no-store"}
    # The stored HTML is the sanitiser's output; the CSP and the iframe's sandbox hold even if it were not.
    return _render(request, state, "body.html", {"html": html}, headers=headers)


def _not_found(request: Request, state: WebState, message: str, back: str) -> Response:
    return _render(request, state, "notfound.html", {"message": message, "back": back}, status_code=404)
