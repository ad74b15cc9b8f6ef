"""The web console's ASGI application: :func:`create_app` builds it for ``carbonwatch serve`` and for tests.

Run it with ``carbonwatch serve [--host 127.0.0.1] [--port 8787]`` (uvicorn), or inside the daemon with
``[daemon] serve = true``. Tests build it with ``create_app(config)`` and talk to it through a TestClient. Every
route reads the database through a short session from :func:`db_session`; the SQL lives in ``queries``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from carbonwatch.config import Config, load_config
from carbonwatch.web.security import SecurityConfig, install_security
from storage.db import make_engine, session_factory, upgrade

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def utc_now() -> datetime:
    """The current time, aware UTC (the default clock; tests inject their own)."""
    return datetime.now(UTC)


@dataclass
class WebState:
    """What every route needs: the configuration, the database, the security settings, templates and a clock."""

    config: Config
    engine: Engine
    sessions: sessionmaker[Session]
    security: SecurityConfig
    templates: Jinja2Templates
    now: Callable[[], datetime]


def web_state(request: Request) -> WebState:
    """The app's :class:`WebState` (a FastAPI dependency)."""
    state: WebState = request.app.state.web
    return state


def db_session(request: Request) -> Iterator[Session]:
    """A session for one request (a FastAPI dependency); the console only reads, so it is rolled back at the end."""
    with web_state(request).sessions() as session:
        try:
            yield session
        finally:
            session.rollback()


def create_app(
    config: Config | None = None,
    *,
    engine: Engine | None = None,
    security: SecurityConfig | None = None,
    now: Callable[[], datetime] = utc_now,
    migrate: bool = True,
) -> FastAPI:
    """The console app for ``config`` (default: :func:`load_config`), on ``engine`` (default: one for its URL).

    ``migrate`` brings the schema up to date first, as every command does at start. ``security`` defaults to
    read-only (no token: no operator actions).
    """
    from carbonwatch.web import api, health, metrics, pages  # here: they import this module

    config = config or load_config()
    engine = engine or make_engine(config.database_url)
    if migrate:
        upgrade(engine)
    app = FastAPI(
        title="carbonwatch",
        summary="Read API of the carbonwatch news-monitoring crawler: runs, flags, policies, articles, source health",
        version="1",
        docs_url=None,  # Swagger UI loads scripts from a CDN, which the CSP (and an offline server) refuses
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    app.state.web = WebState(
        config=config,
        engine=engine,
        sessions=session_factory(engine),
        security=security or SecurityConfig(),
        templates=templates,
        now=now,
    )
    install_security(app)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR), check_dir=False), name="static")
    return app
