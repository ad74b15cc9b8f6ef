"""The exit codes every ``carbonwatch`` command shares, and the one line that replaces a database traceback.

0 success (``status``: every source healthy); 1 the work itself failed (a crawl failed, a source is unhealthy,
an alert delivery failed); 2 bad usage or configuration (arguments, config or sources file, a database URL that is no
URL or names a backend without a driver, an unknown migration revision); 3 another daemon runs on this database;
4 the database cannot be used (unreachable, refuses the login, cannot be opened or written, a query failed).
For ``status`` anything above 1 means "could not check", never "unhealthy".
"""

from __future__ import annotations

from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from carbonwatch.config import redact_url

OK = 0
FAILED = 1
USAGE = 2
ALREADY_RUNNING = 3
DATABASE = 4


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def database_problem(exc: BaseException, url: str) -> tuple[int, str] | None:
    """The exit code and one-line description of ``exc`` when it is a database problem, else None.

    The database URL is shown redacted; the driver's own first line says what went wrong (refused, no such file).
    """
    where = redact_url(url)
    if isinstance(exc, ArgumentError):
        return USAGE, f"bad database URL {where}: {_first_line(str(exc))} (see CARBONWATCH_DATABASE_URL)"
    if type(exc).__module__.startswith("alembic"):  # alembic's CommandError: an unknown revision, a broken history
        return USAGE, f"schema migration on {where}: {_first_line(str(exc))}"
    if isinstance(exc, SQLAlchemyError):
        cause = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
        return DATABASE, f"database unavailable ({where}): {_first_line(str(cause)) or type(cause).__name__}"
    return None
