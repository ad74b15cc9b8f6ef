"""The contract views downstream jobs read (created by migration 0002), and the query that reads them.

``v_flagged_releases`` (one row per flag: the document, its issuer and number, the article that announced it and
the evidence), ``v_articles`` and ``v_runs`` have the same columns and values on SQLite and PostgreSQL: times are
ISO 8601 text in UTC (:func:`storage.types.iso_utc`'s form, so they compare as text), booleans 0/1, JSON columns
JSON text. ``carbonwatch export`` prints their rows; docs/schema.md ("Views") documents them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from storage.types import iso_utc


@dataclass(frozen=True)
class View:
    """One contract view: its name, the time column ``--since`` filters on, its key and its columns in order."""

    name: str
    time_column: str
    key: str
    columns: tuple[str, ...]


VIEWS: dict[str, View] = {
    "flags": View(
        "v_flagged_releases",
        "flagged_at",
        "flag_id",
        (
            "flag_id",
            "flagged_at",
            "policy_id",
            "title",
            "issuer",
            "doc_number",
            "doc_type",
            "released_at",
            "article_id",
            "article_url",
            "article_title",
            "source",
            "published_at",
            "run_id",
            "evidence",
        ),
    ),
    "articles": View(
        "v_articles",
        "first_seen_at",
        "id",
        (
            "id",
            "source",
            "url",
            "canonical_url",
            "title",
            "media",
            "published_at",
            "first_seen_at",
            "updated_at",
            "revision",
            "carbon_relevant",
            "carbon_score",
            "policy_release",
            "flagged",
            "meta",
            "text",
            "run_id",
        ),
    ),
    "runs": View(
        "v_runs",
        "started_at",
        "id",
        (
            "id",
            "source",
            "trigger",
            "status",
            "started_at",
            "finished_at",
            "exit_code",
            "requests",
            "items_new",
            "items_revised",
            "items_duplicate",
            "items_unchanged",
            "flags_raised",
            "dropped",
            "errors",
            "log_path",
        ),
    ),
}
JSON_COLUMNS = frozenset({"evidence", "meta", "dropped", "errors"})


def read_view(
    session: Session, kind: str, *, since: datetime | None = None, parse_json: bool = False
) -> Iterator[dict[str, Any]]:
    """The rows of the view ``kind`` (a key of :data:`VIEWS`), oldest first, those at or after ``since`` only.

    ``parse_json`` turns the JSON text columns into objects (for JSON output); otherwise rows are as stored.
    """
    view = VIEWS[kind]
    where = f" WHERE {view.time_column} >= :since" if since is not None else ""
    # Names come from VIEWS, never from the caller: nothing user-given is put into the SQL text.
    columns = ", ".join(view.columns)
    stmt = text(f"SELECT {columns} FROM {view.name}{where} ORDER BY {view.time_column}, {view.key}")
    result = session.execute(stmt.execution_options(yield_per=500), {"since": iso_utc(since)})
    for row in result.mappings():
        record = dict(row)
        if parse_json:
            for column in JSON_COLUMNS & record.keys():
                if isinstance(record[column], str):
                    record[column] = json.loads(record[column])
        yield record
