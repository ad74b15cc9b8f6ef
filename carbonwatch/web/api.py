"""The read API under ``/api/``: runs, their logs, flags, policies, articles and source health as JSON.

Lists are paged newest first: ``limit`` (1–500, default 50) rows and ``next``, the URL of the following page (null on
the last one), built with ``before=<id>``. ``since`` takes an ISO 8601 time (UTC when it has no offset) or a relative
age (``30m``, ``12h``, ``7d``, ``2w``). Times in answers are ISO 8601 UTC text. The OpenAPI description is
``/openapi.json``. A query value holding a control character (``%00``) is a 400. Records carry the keys of the CLI's
``--json`` output (see :mod:`carbonwatch.web.queries`).
"""

from __future__ import annotations

import argparse
import logging
import re
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from carbonwatch.web import queries
from carbonwatch.web.app import WebState, db_session, web_state

logger = logging.getLogger(__name__)

CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


def reject_control_characters(request: Request) -> None:
    """A clear 400 for a query value with a control character (a NUL makes PostgreSQL fail the query: a 500)."""
    for name, value in request.query_params.multi_items():
        if CONTROL_CHARS.search(name) or CONTROL_CHARS.search(value):
            logger.info("API request refused: control character in query parameter %r", name)
            raise HTTPException(
                status_code=400,
                detail=f"query parameter {name!r} holds a control character (such as %00): remove it and retry",
            )


router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(reject_control_characters)])

SessionDep = Annotated[Session, Depends(db_session)]
StateDep = Annotated[WebState, Depends(web_state)]
Since = Annotated[
    str | None,
    Query(description="only rows at or after this time: ISO 8601 (UTC when no offset) or an age like 12h, 7d, 2w"),
]
Before = Annotated[int | None, Query(ge=1, description="the id from the previous page's `next`: rows below it")]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="rows per page")]


class PageOut(BaseModel):
    """One page of a list."""

    items: list[dict[str, Any]]
    next: str | None


def parse_since(value: str | None, state: WebState) -> datetime | None:
    """``since`` as an aware datetime; a clear 422 for a value that is neither ISO 8601 nor an age."""
    if value is None or not value.strip():
        return None
    from carbonwatch.cli.policy import parse_since as parse  # the CLI's --since: one grammar for both faces

    try:
        return parse(value, now=state.now())
    except argparse.ArgumentTypeError:
        raise HTTPException(
            status_code=422, detail=f"since wants an ISO 8601 time or an age like 12h, 7d, 2w; not {value!r}"
        ) from None


def _page(request: Request, page: queries.Page) -> JSONResponse:
    next_url = None
    if page.next_before is not None:
        url = request.url.include_query_params(before=page.next_before)
        next_url = f"{url.path}?{url.query}"
    return JSONResponse({"items": page.items, "next": next_url})


def _found(record: dict[str, Any] | None, what: str, ident: int) -> JSONResponse:
    if record is None:
        raise HTTPException(status_code=404, detail=f"no {what} {ident}")
    return JSONResponse(record)


@router.get("/runs", response_model=PageOut, summary="Crawl runs, newest first")
def runs(
    request: Request,
    session: SessionDep,
    state: StateDep,
    source: Annotated[str | None, Query(description="runs of this source (also within `crawl --all` runs)")] = None,
    status: Annotated[
        str | None, Query(description="running, success, failed, timeout or interrupted", max_length=16)
    ] = None,
    trigger: Annotated[str | None, Query(description="daemon, cron, manual, demo …", max_length=16)] = None,
    since: Since = None,
    before: Before = None,
    limit: Limit = queries.DEFAULT_LIMIT,
) -> JSONResponse:
    """Run records as ``carbonwatch runs --json`` prints them; ``since`` filters on the start time."""
    page = queries.runs_page(
        session,
        source=source,
        status=status,
        trigger=trigger,
        since=parse_since(since, state),
        before=before,
        limit=limit,
    )
    return _page(request, page)


@router.get("/runs/{run_id}", summary="One crawl run with its stats")
def run(run_id: int, session: SessionDep) -> JSONResponse:
    """The run record plus ``stats`` (every counter of the crawl) and ``responses`` (HTTP status → count)."""
    return _found(queries.run_detail(session, run_id), "run", run_id)


@router.get("/runs/{run_id}/log", summary="A run's log, in chunks to follow a running crawl")
def run_log(
    run_id: int,
    session: SessionDep,
    state: StateDep,
    offset: Annotated[int, Query(ge=0, description="byte offset: the previous answer's `next_offset`")] = 0,
) -> JSONResponse:
    """Whole lines from ``offset`` (at most 256 KiB); poll with ``offset=next_offset`` until ``done`` is true."""
    return _found(queries.run_log(session, state.config, run_id, offset=offset), "run", run_id)


@router.get("/flags", response_model=PageOut, summary="Flagged carbon-policy releases, newest first")
def flags(
    request: Request,
    session: SessionDep,
    state: StateDep,
    since: Since = None,
    before: Before = None,
    limit: Limit = 50,
) -> JSONResponse:
    """Flags as ``carbonwatch flags --json`` prints them, plus ids and the document's type; ``since``: raised at."""
    page = queries.flags_page(session, since=parse_since(since, state), before=before, limit=limit)
    return _page(request, page)


@router.get("/flags/{flag_id}", summary="One flag with every article that mentions its policy")
def flag(flag_id: int, session: SessionDep) -> JSONResponse:
    """The flag record plus ``mentions``: the articles naming the policy, oldest first, with ``is_release``."""
    return _found(queries.flag_detail(session, flag_id), "flag", flag_id)


@router.get("/policies", response_model=PageOut, summary="The policy registry, newest first")
def policies(
    request: Request,
    session: SessionDep,
    state: StateDep,
    q: Annotated[str | None, Query(description="substring of title, issuer or document number", max_length=200)] = None,
    since: Since = None,
    before: Before = None,
    limit: Limit = queries.DEFAULT_LIMIT,
) -> JSONResponse:
    """Registry entries as ``carbonwatch policies --json`` prints them; ``since`` filters on first sight."""
    page = queries.policies_page(session, q=q, since=parse_since(since, state), before=before, limit=limit)
    return _page(request, page)


@router.get("/policies/{policy_id}", summary="One registry entry with its mentions")
def policy(policy_id: int, session: SessionDep) -> JSONResponse:
    """The entry plus ``flag_id`` and ``mentions_list`` (the articles naming it, oldest first)."""
    return _found(queries.policy_detail(session, policy_id), "policy", policy_id)


@router.get("/articles", response_model=PageOut, summary="Stored articles, newest first")
def articles(
    request: Request,
    session: SessionDep,
    state: StateDep,
    q: Annotated[str | None, Query(description="substring of the title or text", max_length=200)] = None,
    source: Annotated[str | None, Query(description="articles of this source", max_length=64)] = None,
    since: Since = None,
    until: Annotated[str | None, Query(description="published before this time (ISO 8601 or an age)")] = None,
    carbon: Annotated[bool | None, Query(description="only carbon-relevant (true) or only other (false)")] = None,
    before: Before = None,
    limit: Limit = queries.DEFAULT_LIMIT,
) -> JSONResponse:
    """Article fields without html/text; ``since``/``until`` filter the publication time (first seen without one)."""
    page = queries.articles_page(
        session,
        q=q,
        source=source,
        since=parse_since(since, state),
        until=parse_since(until, state),
        carbon=carbon,
        before=before,
        limit=limit,
    )
    return _page(request, page)


@router.get("/articles/{article_id}", summary="One article with its text, revisions and duplicates")
def article(article_id: int, session: SessionDep) -> JSONResponse:
    """Sanitised ``html``, ``text``, evidence, ``revisions`` (oldest first) and linked ``duplicates``."""
    return _found(queries.article_detail(session, article_id), "article", article_id)


@router.get("/sources/health", summary="Per-source health, as `carbonwatch status --json`")
def sources_health(state: StateDep) -> JSONResponse:
    """``sources``: one ``status --json`` record per enabled source; ``healthy``: all of them are; ``daemon``."""
    from scheduler.schedules import ScheduleError

    try:
        return JSONResponse(queries.sources_health(state.config, now=state.now(), engine=state.engine))
    except ScheduleError as exc:
        raise HTTPException(
            status_code=500, detail=f"configuration error: {exc} (fix the configuration and restart serve)"
        ) from exc
