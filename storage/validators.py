"""Query functions over ``http_validators``: the ETag / Last-Modified remembered per list page or feed URL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.items import utcnow
from storage.models import HttpValidator
from storage.queries import dialect_insert

MAX_ETAG = 512
MAX_LAST_MODIFIED = 64


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version of a page it sent: at least one of the two is set."""

    etag: str | None = None
    last_modified: str | None = None

    def usable(self) -> bool:
        """Whether there is anything to send back (and it fits the columns: longer values are not kept)."""
        fits = (self.etag is None or len(self.etag) <= MAX_ETAG) and (
            self.last_modified is None or len(self.last_modified) <= MAX_LAST_MODIFIED
        )
        return fits and bool(self.etag or self.last_modified)


def get_validators(session: Session, url: str) -> Validators | None:
    """The validators stored for ``url``, if any."""
    row = session.execute(
        select(HttpValidator.etag, HttpValidator.last_modified).where(HttpValidator.url == url)
    ).first()
    return Validators(row[0], row[1]) if row is not None else None


def save_validators(session: Session, by_url: Mapping[str, Validators], *, now: datetime | None = None) -> int:
    """Insert or replace the validators of each URL; returns how many rows were written."""
    now = now or utcnow()
    written = 0
    for url, found in sorted(by_url.items()):
        values = {"url": url, "etag": found.etag, "last_modified": found.last_modified, "updated_at": now}
        stmt = dialect_insert(session, HttpValidator).values(**values)
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["url"],
                set_={"etag": found.etag, "last_modified": found.last_modified, "updated_at": now},
            )
        )
        written += 1
    return written
