"""Server-rendered pages of the web console: overview, runs, flags, policies and articles (no JavaScript needed).

The pages read through the same query functions as ``/api/`` (:mod:`carbonwatch.web.queries`), so a field means the
same in both. Every value reaches the page through Jinja2 with autoescaping; stored article HTML is never put into a
console page: it is served on its own (``/articles/{id}/body``) under a Content-Security-Policy that allows no
script, and shown in a sandboxed iframe. Links are built from ids only, so no page redirects where a request says.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from sqlalchemy.orm import Session

from carbonwatch.web import page_queries as pq
from carbonwatch.web import queries
from carbonwatch.web.app import STATIC_DIR, WebState, db_session, web_state
from carbonwatch.web.security import CSP, CSRF_FIELD, csrf_token
from carbonwatch.web.textview import diff_lines, evidence_spans, mark_spans, read_log
from scheduler.runner import output_path_for
from scheduler.schedules import ScheduleError
from storage.models import CrawlRun
from storage.search import MIN_INDEXED_CHARS

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

Db = Annotated[Session, Depends(db_session)]
State = Annotated[WebState, Depends(web_state)]

PAGE_SIZE = 50
OVERVIEW_FLAGS = 10
# The article page may frame its own body (same origin) and nothing else; the body itself runs nothing.
ARTICLE_PAGE_CSP = CSP + "; frame-src 'self'"
# The sandboxed body has an opaque origin, so it cannot load the console's stylesheet (Cross-Origin-Resource-Policy);
# its one style block is allowed by hash instead, and nothing else is.
BODY_STYLE = (STATIC_DIR / "body.css").read_text("utf-8")
BODY_STYLE_HASH = base64.b64encode(hashlib.sha256(BODY_STYLE.encode()).digest()).decode()
BODY_CSP = (
    f"default-src 'none'; style-src 'sha256-{BODY_STYLE_HASH}'; img-src 'none'; form-action 'none'; "
    "base-uri 'none'; frame-ancestors 'self'; sandbox"
)
LOG_POLL_MS = 1000
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
NAV = {"run": "runs", "flag": "flags", "policy": "policies", "article": "articles"}  # page -> its menu entry


def _aware(value: datetime | str | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def when(value: datetime | str | None) -> str:
    """A time (a datetime or the records' ISO 8601 text) as the console shows it: UTC, to the second."""
    aware = _aware(value)
    return aware.strftime("%Y-%m-%d %H:%M:%S UTC") if aware else "—"


def _iso(value: datetime | str | None) -> str:
    aware = _aware(value)
    return aware.isoformat() if aware else ""


def error_count(errors: list[Any] | None) -> int:
    """How many errors a run record's ``errors`` count (``{kind, count}`` entries, or one per message)."""
    total = 0
    for entry in errors or []:
        count = entry.get("count", 1) if isinstance(entry, dict) else 1
        total += count if isinstance(count, int) else 1
    return total


def _render(request: Request, state: WebState, name: str, context: dict[str, Any], **kwargs: Any) -> Response:
    env = state.templates.env
    env.filters.setdefault("when", when)
    env.filters.setdefault("iso", _iso)
    env.filters.setdefault("error_count", error_count)
    stem = name.split(".")[0]
    base = {
        "nav": NAV.get(stem, stem),
        "root": request.scope.get("root_path", ""),
        "operator": bool(state.security.token),
        "csrf": csrf_token(request),  # None unless this request may act (signed in, or the bearer token)
        "csrf_field": CSRF_FIELD,
    }
    return state.templates.TemplateResponse(request, name, {**base, **context}, **kwargs)


def _positive(raw: str | None) -> int | None:
    """A positive number from a query value (a list's ``before`` cursor, a revision), else None: never an error."""
    try:
        value = int(raw or 0)
    except ValueError:
        return None
    return value if value > 0 else None


def _text(raw: str | None, limit: int = 200) -> str:
    """A query value as a search or filter term: trimmed, bounded, without control characters (PostgreSQL refuses
    a NUL in a parameter; no name or word contains one)."""
    return CONTROL_CHARS.sub("", raw or "").strip()[:limit]


def _not_found(request: Request, state: WebState, message: str, back: str) -> Response:
    return _render(request, state, "notfound.html", {"message": message, "back": back}, status_code=404)


def source_health(state: WebState) -> dict[str, Any]:
    """``status --json``'s records of every enabled source and the daemon's state, judged on the app's engine.

    Like :func:`carbonwatch.web.queries.sources_health`, but on the console's own engine: opening and migrating one
    per call would cost the overview most of its time.
    """
    from carbonwatch.cli.ops import collect_status, status_record

    statuses, daemon = collect_status(state.config, now=state.now(), engine=state.engine)
    return {"daemon": daemon, "sources": [status_record(s, daemon) for s in statuses]}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, state: State, session: Db) -> Response:
    """Per-source health as ``carbonwatch status`` judges it, last and next run, items in 24 h, the latest flags."""
    error = None
    health: dict[str, Any] = {"daemon": "unknown", "sources": []}
    try:
        health = source_health(state)
    except ScheduleError as exc:
        logger.warning("overview: cannot judge the sources: %s", exc)
        error = f"configuration error: {exc} (fix the configuration file's [schedules] and restart serve)"
    judged = {s["source"] for s in health["sources"]}
    context = {
        "health": health,
        "error": error,
        "unjudged": sorted(set(pq.run_sources(session)) - judged - {"import"}),
        "flags": queries.flags_page(session, limit=OVERVIEW_FLAGS).items,
    }
    return _render(request, state, "overview.html", context)


@router.get("/runs", response_class=HTMLResponse)
def runs(
    request: Request,
    state: State,
    session: Db,
    source: str | None = None,
    status: str | None = None,
    trigger: str | None = None,
    before: str | None = None,
) -> Response:
    """The run history, filtered by source, status and trigger."""
    filt = {"source": _text(source), "status": _text(status), "trigger": _text(trigger)}
    page = queries.runs_page(
        session,
        source=filt["source"] or None,
        status=filt["status"] or None,
        trigger=filt["trigger"] or None,
        before=_positive(before),
        limit=PAGE_SIZE,
    )
    context = {
        "runs": page.items,
        "next_before": page.next_before,
        "first_page": _positive(before) is None,
        "filter": filt,
        "params": [(k, v) for k, v in filt.items() if v],
        "choices": pq.run_choices(session),
    }
    return _render(request, state, "runs.html", context)


@router.get("/runs/{run_id:int}", response_class=HTMLResponse)
def run_page(request: Request, state: State, session: Db, run_id: int) -> Response:
    """One run: its stats, errors, drops and log; a running crawl's log follows live (``/api/runs/{id}/log``)."""
    run = session.get(CrawlRun, run_id)
    record = queries.run_detail(session, run_id)
    if run is None or record is None:
        return _not_found(request, state, f"No run #{run_id}.", "/runs")
    log_path = queries.run_log_path(state.config, run)
    out_path = output_path_for(log_path)
    output = read_log(out_path) if out_path.is_file() else None
    context = {
        "run": record,
        "log_path": log_path,
        "log": read_log(log_path),
        "log_exists": log_path.is_file(),
        "output": output if output and output.lines else None,
        "out_path": out_path,
        "running": run.status == "running",
        "poll_ms": LOG_POLL_MS,
        "stats": sorted(record["stats"].items()),
        "retention_days": state.config.log_retention_days,
    }
    return _render(request, state, "run.html", context)


@router.get("/flags", response_class=HTMLResponse)
def flags(request: Request, state: State, session: Db, before: str | None = None) -> Response:
    """Every flagged release, newest first."""
    page = queries.flags_page(session, before=_positive(before), limit=PAGE_SIZE)
    context = {"flags": page.items, "next_before": page.next_before, "first_page": _positive(before) is None}
    return _render(request, state, "flags.html", context)


def marked(record: dict[str, Any]) -> dict[str, Any]:
    """An article record's title and text cut into segments, carbon evidence and policy document spans marked."""
    evidence = record.get("carbon_evidence") or []
    documents = record.get("policy_documents") or []
    return {
        field: mark_spans(record.get(field) or "", evidence_spans(evidence, field) + evidence_spans(documents, field))
        for field in ("title", "text")
    }


@router.get("/flags/{flag_id:int}", response_class=HTMLResponse)
def flag_page(request: Request, state: State, session: Db, flag_id: int) -> Response:
    """One flag: the document, its article with the evidence highlighted, later mentions of the policy."""
    flag = queries.flag_detail(session, flag_id)
    article = queries.article_detail(session, flag["article_id"]) if flag else None
    if flag is None or article is None:
        return _not_found(request, state, f"No flag #{flag_id}.", "/flags")
    context = {
        "flag": flag,
        "article": article,
        "marks": marked(article),
        "evidence": [e for e in article["carbon_evidence"] if isinstance(e, dict)],
        "document": (flag.get("evidence") or {}).get("document") or {},
        "mentions": [a for a in flag["mentions"] if a["id"] != article["id"]],
    }
    return _render(request, state, "flag.html", context)


@router.get("/policies", response_class=HTMLResponse)
def policies(request: Request, state: State, session: Db, q: str | None = None, before: str | None = None) -> Response:
    """The policy registry, searchable by title, issuer and document number."""
    query = _text(q)
    page = queries.policies_page(session, q=query or None, before=_positive(before), limit=PAGE_SIZE)
    context = {
        "policies": page.items,
        "next_before": page.next_before,
        "first_page": _positive(before) is None,
        "q": query,
        "params": [("q", query)] if query else [],
    }
    return _render(request, state, "policies.html", context)


@router.get("/policies/{policy_id:int}", response_class=HTMLResponse)
def policy_page(request: Request, state: State, session: Db, policy_id: int) -> Response:
    """One registry entry and every article that names it."""
    policy = queries.policy_detail(session, policy_id)
    if policy is None:
        return _not_found(request, state, f"No policy #{policy_id}.", "/policies")
    return _render(request, state, "policy.html", {"policy": policy})


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
    before: str | None = None,
) -> Response:
    """Search stored articles by words in the title or text, source and date (published, else first seen)."""
    notes: list[str] = []
    first, last = _day(since, "since", notes), _day(until, "until", notes)
    form: dict[str, Any] = {"q": _text(q), "source": _text(source, 64), "since": first or "", "until": last or ""}
    form["carbon"] = bool(carbon)
    page = queries.articles_page(
        session,
        q=form["q"] or None,
        source=form["source"] or None,
        since=datetime.combine(first, datetime.min.time(), UTC) if first else None,
        until=datetime.combine(last, datetime.min.time(), UTC) + timedelta(days=1) if last else None,
        carbon=True if carbon else None,
        before=_positive(before),
        limit=PAGE_SIZE,
    )
    params = [(k, str(v)) for k, v in form.items() if v and k != "carbon"] + ([("carbon", "1")] if carbon else [])
    context = {
        "articles": page.items,
        "next_before": page.next_before,
        "first_page": _positive(before) is None,
        "form": form,
        "params": params,
        "sources": pq.article_sources(session),
        "notes": notes,
        # the search index holds trigrams: a shorter search reads every text (see storage.search)
        "short_query": 0 < len(form["q"]) < MIN_INDEXED_CHARS,
    }
    return _render(request, state, "articles.html", context)


def revision_diff(article: dict[str, Any], old: str | None, new: str | None) -> dict[str, Any] | None:
    """The diff between two revisions of an article record (default: the newest against the one before it)."""
    versions = {r["revision"]: (r["title"], r["text"], r["seen_at"]) for r in article["revisions"]}
    versions[article["revision"]] = (article["title"], article["text"], article["updated_at"])
    if len(versions) < 2:
        return None
    to_rev = _positive(new) if _positive(new) in versions else max(versions)
    below = [r for r in versions if r < to_rev]
    default_from = max(below) if below else min(r for r in versions if r != to_rev)
    from_rev = _positive(old) if _positive(old) in versions and _positive(old) != to_rev else default_from
    return {
        "versions": sorted(versions.items()),
        "old": from_rev,
        "new": to_rev,
        "title": (versions[from_rev][0], versions[to_rev][0]),
        "lines": diff_lines(versions[from_rev][1], versions[to_rev][1]),
    }


@router.get("/articles/{article_id:int}", response_class=HTMLResponse)
def article_page(
    request: Request, state: State, session: Db, article_id: int, old: str | None = None, new: str | None = None
) -> Response:
    """One article: metadata, evidence, its sanitised HTML (sandboxed), duplicates, and a diff between revisions."""
    article = queries.article_detail(session, article_id)
    if article is None:
        return _not_found(request, state, f"No article #{article_id}.", "/articles")
    context = {
        "article": article,
        "marks": marked(article),
        "policies": pq.policies_of_article(session, article_id),
        "diff": revision_diff(article, old, new),
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
    return _render(request, state, "body.html", {"html": html, "style": Markup(BODY_STYLE)}, headers=headers)
