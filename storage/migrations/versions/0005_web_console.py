"""web console: the daemon's heartbeat, and indexes for the overview's per-source queries

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 13:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "daemon_heartbeat",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=256), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    # Per-source "last new item" and "items in 24 h" (status, the overview, /metrics) read a range of one source.
    op.create_index("ix_articles_source_first_seen", "articles", ["source", "first_seen_at"])
    op.create_index("ix_crawl_runs_source_started", "crawl_runs", ["source", "started_at"])


def downgrade() -> None:
    op.drop_index("ix_crawl_runs_source_started", table_name="crawl_runs")
    op.drop_index("ix_articles_source_first_seen", table_name="articles")
    op.drop_table("daemon_heartbeat")
