"""contract views: v_flagged_releases, v_articles, v_runs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 11:05:00

The views downstream jobs read (README, "Views"): the same names, columns and values on SQLite and PostgreSQL.
Times are ISO 8601 text in UTC with milliseconds and the offset (``2026-11-29T08:36:44.600+00:00``, fixed width,
so they compare as text on both engines); booleans are 0/1; JSON columns are JSON text. The SQL is written out
here, not imported, so that this revision keeps creating what it created when later revisions change the views.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _iso(dialect: str, column: str) -> str:
    if dialect == "postgresql":
        return f"""to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"')"""
    # SQLAlchemy stores SQLite times as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC): keep the first three digits of the
    # fraction (truncated, as Python's isoformat(timespec="milliseconds") and PostgreSQL's MS do).
    return (
        f"(strftime('%Y-%m-%dT%H:%M:%S', {column}) || '.' || substr(substr({column}, 21) || '000', 1, 3) || '+00:00')"
    )


def _json(dialect: str, column: str) -> str:
    return f"CAST({column} AS TEXT)" if dialect == "postgresql" else column


def _flag(column: str) -> str:
    return f"CASE WHEN {column} THEN 1 ELSE 0 END"


def upgrade() -> None:
    d = op.get_bind().dialect.name
    op.execute(
        f"""
        CREATE VIEW v_flagged_releases AS
        SELECT f.id AS flag_id,
               {_iso(d, "f.created_at")} AS flagged_at,
               p.id AS policy_id,
               p.title AS title,
               p.issuer AS issuer,
               p.doc_number AS doc_number,
               p.doc_type AS doc_type,
               {_iso(d, "p.released_at")} AS released_at,
               a.id AS article_id,
               a.url AS article_url,
               a.title AS article_title,
               a.source AS source,
               {_iso(d, "a.published_at")} AS published_at,
               f.run_id AS run_id,
               {_json(d, "f.evidence")} AS evidence
        FROM flags f
        JOIN policies p ON p.id = f.policy_id
        JOIN articles a ON a.id = f.article_id
        """
    )
    op.execute(
        f"""
        CREATE VIEW v_articles AS
        SELECT a.id AS id,
               a.source AS source,
               a.url AS url,
               a.canonical_url AS canonical_url,
               a.title AS title,
               a.media AS media,
               {_iso(d, "a.published_at")} AS published_at,
               {_iso(d, "a.first_seen_at")} AS first_seen_at,
               {_iso(d, "a.updated_at")} AS updated_at,
               a.revision AS revision,
               {_flag("a.carbon_relevant")} AS carbon_relevant,
               a.carbon_score AS carbon_score,
               {_flag("a.policy_release")} AS policy_release,
               {_flag("a.flag")} AS flagged,
               {_json(d, "a.meta")} AS meta,
               a.text AS text,
               a.run_id AS run_id
        FROM articles a
        """
    )
    op.execute(
        f"""
        CREATE VIEW v_runs AS
        SELECT r.id AS id,
               r.source AS source,
               r.trigger AS trigger,
               r.status AS status,
               {_iso(d, "r.started_at")} AS started_at,
               {_iso(d, "r.finished_at")} AS finished_at,
               r.exit_code AS exit_code,
               r.requests AS requests,
               r.items_new AS items_new,
               r.items_revised AS items_revised,
               r.items_duplicate AS items_duplicate,
               r.items_unchanged AS items_unchanged,
               r.flags_raised AS flags_raised,
               {_json(d, "r.dropped")} AS dropped,
               {_json(d, "r.errors")} AS errors,
               r.log_path AS log_path
        FROM crawl_runs r
        """
    )


def downgrade() -> None:
    for view in ("v_runs", "v_articles", "v_flagged_releases"):
        op.execute(f"DROP VIEW IF EXISTS {view}")
