"""Storage: one transaction per item (article, revision or duplicate link, plus fingerprint), spool on DB faults.

A database that is locked, unreachable or read-only gets ``CARBONWATCH_STORE_RETRIES`` tries with exponential
backoff; then the item goes to the local spool (``storage.spool``) and, for ``CARBONWATCH_STORE_COOLDOWN``
seconds, later items go straight there instead of blocking the crawl on more retries. At the next pipeline open
spooled items are written first and a spool file is removed only once all its items are committed. Writes are
idempotent (unique canonical URLs, ``ON CONFLICT``), so replaying an item twice stores it once.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker

from crawler.extensions import RUN_ID_STAT
from crawler.items import ArticleItem
from crawler.urls import is_storable_url
from pipelines.dedup import NEAR_THRESHOLD, find_stored_match, fingerprint, fold_text
from storage import queries, spool
from storage.db import DatabaseFileGone, crawler_sessions
from storage.locks import lock_text_keys
from storage.runs import record_pending_run

logger = logging.getLogger(__name__)

DEFAULT_RETRIES = 3
DEFAULT_BACKOFF = 0.5  # seconds before the 2nd try; doubles each time
DEFAULT_COOLDOWN = 30.0  # seconds during which items skip the database after a spool
UNSAVED_REASON = "spool_unwritable"  # the finish reason of a crawl stopped because items could not be kept
DATABASE_GONE_REASON = "database_gone"  # the finish reason of a crawl whose SQLite file was deleted or replaced


def close_crawl(crawler: Any, reason: str) -> None:
    """Ask the engine to close the spider with ``reason`` (the run then ends ``failed``)."""
    from scrapy.utils.defer import deferred_from_coro

    deferred_from_coro(crawler.engine.close_spider_async(reason=reason))


def configured_run_id(settings: Any) -> int | None:
    """``CARBONWATCH_RUN_ID`` as an int; None when the crawl runner created no row (plain ``scrapy crawl``)."""
    raw = settings.get("CARBONWATCH_RUN_ID")
    return int(raw) if raw not in (None, "", "None") else None


def published_run_id(stats: Any) -> int | None:
    """The run id the RunRecord extension publishes in the stats at spider open, after the pipelines were built."""
    published = stats.get_value(RUN_ID_STAT) if hasattr(stats, "get_value") else None
    return int(published) if published is not None else None


def is_transient(exc: BaseException) -> bool:
    """True for faults that may pass (locked, unreachable, disk full, read-only file): retry, then spool."""
    if isinstance(exc, OperationalError | DisconnectionError | PoolTimeoutError | OSError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


@dataclass(frozen=True)
class StoreResult:
    """What storing one item did."""

    status: str  # "new", "revised", "unchanged", "duplicate"
    article_id: int
    raced: bool = False  # a duplicate found only under the lock: another worker stored the text since dedup


def link_if_stored_meanwhile(
    session: Session, item: ArticleItem, *, run_id: int | None = None, threshold: float = NEAR_THRESHOLD
) -> StoreResult | None:
    """Check again, under a lock, that a new text is still new; link it when another worker stored it meanwhile.

    The dedup pipeline looked in the store before this transaction, so a worker storing the same text at the same
    instant went unseen. :func:`storage.locks.lock_text_keys` serialises the stores of texts that share an LSH band
    (all of SQLite's writes), so whichever comes second finds the first here and becomes its duplicate link. A URL
    already stored (a revision or a re-run) and an empty text are left to the plain store.
    """
    canonical_url = item.canonical_url or item.url
    if not fold_text(item.text):
        return None  # empty texts are never duplicates (see DedupPipeline)
    fp = fingerprint(item.text)
    lock_text_keys(session, fp.bands if fp else [])
    if queries.article_id_by_url(session, canonical_url) is not None:
        return None
    match = find_stored_match(session, canonical_url, item.content_hash, fp, threshold=threshold)
    if match is None or match.original_id is None:
        return None
    item.duplicate = match.as_dict()
    row, _ = queries.add_duplicate(
        session, item, original_id=match.original_id, kind=match.kind, similarity=match.similarity, run_id=run_id
    )
    return StoreResult("duplicate", row.original_id, raced=True)


def store_item(
    session: Session,
    item: ArticleItem,
    *,
    run_id: int | None = None,
    atomic: bool = True,
    threshold: float = NEAR_THRESHOLD,
) -> StoreResult:
    """Write ``item`` in ``session`` (the caller commits): a duplicate link, or the article and its fingerprint.

    With ``atomic`` (the default) a text about to become a new article is checked again under a lock
    (:func:`link_if_stored_meanwhile`), so two processes storing it at once create one article and one link.
    """
    dup = item.duplicate
    if dup:
        original_id = dup.get("original_id")
        if original_id is None and dup.get("original_url"):
            # Seen earlier in this run: by now the store has written it (or spooled it, then it is absent).
            original_id = queries.article_id_by_url(session, str(dup["original_url"]))
            dup["original_id"] = original_id
        if original_id is not None:
            row, _ = queries.add_duplicate(
                session,
                item,
                original_id=int(original_id),
                kind=str(dup.get("kind", "exact")),
                similarity=float(dup.get("similarity", 1.0)),
                run_id=run_id,
            )
            return StoreResult("duplicate", row.original_id)
        logger.info("original of duplicate %s is not stored; storing it as an article", item.canonical_url)
    if atomic:
        linked = link_if_stored_meanwhile(session, item, run_id=run_id, threshold=threshold)
        if linked is not None:
            return linked
    article_id, status = queries.store_article(session, item, run_id=run_id)
    if status != "unchanged":
        # The dedup pipeline computed this fingerprint a moment ago (cached on the text).
        fp = fingerprint(item.text)
        if fp is not None and status == "new":
            queries.add_fingerprint(session, article_id, fp.to_bytes(), fp.bands)
        elif fp is not None:
            queries.store_fingerprint(session, article_id, fp.to_bytes(), fp.bands)
    return StoreResult(status, article_id)


def unstorable_url(item: ArticleItem) -> str | None:
    """The item's URL (or canonical URL) that may not be stored, or None when both may.

    Web URLs may, and the ``urn:carbonwatch:`` keys of imported posts; ``javascript:``, ``data:``, ``file:``,
    ``ftp:``, ``mailto:`` … may not.
    """
    for url in (item.url, item.canonical_url or item.url):
        if not is_storable_url(url):
            return url
    return None


class StorePipeline:
    """Writes each item in its own transaction; retries, then spools, on database faults; never crashes a crawl."""

    def __init__(
        self,
        sessions: Callable[[], sessionmaker[Session]],
        stats: Any,
        spool_: spool.Spool,
        *,
        run_id: int | None = None,
        retries: int = DEFAULT_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        cooldown: float = DEFAULT_COOLDOWN,
        atomic: bool = True,
        threshold: float = NEAR_THRESHOLD,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        stop: Callable[[str], None] | None = None,
    ) -> None:
        self._get_sessions = sessions
        self.stats = stats
        self.spool = spool_
        self.run_id = run_id
        self.retries = max(1, retries)
        self.backoff = backoff
        self.cooldown = cooldown
        self.atomic = atomic
        self.threshold = threshold
        self.sleep = sleep
        self.clock = clock
        self.stop = stop  # ends the crawl early (finish reason) when items can be neither stored nor spooled
        self._stopping = False
        self._down_until: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        settings = crawler.settings
        run_id = configured_run_id(settings)
        spool_dir = settings.get("CARBONWATCH_SPOOL_DIR")
        if not spool_dir:
            from carbonwatch.config import load_config

            spool_dir = str(load_config().spool_dir)
        return cls(
            lambda: crawler_sessions(crawler),
            crawler.stats,
            spool.Spool(Path(spool_dir), spool.crawl_run_key(crawler)),
            run_id=run_id,
            retries=settings.getint("CARBONWATCH_STORE_RETRIES", DEFAULT_RETRIES),
            backoff=settings.getfloat("CARBONWATCH_STORE_BACKOFF", DEFAULT_BACKOFF),
            cooldown=settings.getfloat("CARBONWATCH_STORE_COOLDOWN", DEFAULT_COOLDOWN),
            # Off only to measure the race it closes (benchmarks/neardup_race.py).
            atomic=settings.getbool("CARBONWATCH_DEDUP_ATOMIC", True),
            threshold=settings.getfloat("CARBONWATCH_NEAR_DUP_THRESHOLD", NEAR_THRESHOLD),
            stop=lambda reason: close_crawl(crawler, reason),
        )

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(key, count)

    def open_spider(self) -> None:
        """Replay what earlier runs spooled before this run writes anything."""
        try:
            self.replay()
        except OSError as exc:  # an unreadable spool directory must not stop the crawl; the files stay
            logger.error("cannot replay the spool in %s: %s", self.spool.directory, exc)

    def _record_pending_runs(self) -> dict[str, int] | None:
        """Write the run records kept while the database was down; their ids by run key (None: still down)."""
        recorded: dict[str, int] = {}
        for key, path in spool.pending_run_records(self.spool.directory):
            # Claimed by renaming, so that two crawls starting together never record one run twice.
            claimed = path.with_name(f"{path.name}.{os.getpid()}.claimed")
            try:
                path.rename(claimed)
                record = json.loads(claimed.read_text("utf-8"))
            except FileNotFoundError:
                continue  # another crawl took it
            except (OSError, ValueError) as exc:
                logger.error("run record %s unreadable, left for an operator: %s", path, exc)
                continue
            try:
                with self._get_sessions().begin() as session:
                    recorded[key] = record_pending_run(session, record)
            except Exception as exc:
                claimed.rename(path)
                if is_transient(exc):
                    logger.warning("database still unavailable, keeping run record %s for the next run", path)
                    return None
                logger.error("run record %s refused by the database, left for an operator: %r", path, exc)
                continue
            claimed.unlink()
            self._inc("carbonwatch/store/runs_recorded")
            logger.info(
                "recorded run %s of %s (it ran while the database was unavailable) from %s",
                recorded[key],
                record.get("source"),
                path,
            )
        return recorded

    def replay(self) -> int:
        """Write every spooled item; remove each spool file once all its items are committed. Returns the count.

        Run records kept while the database was down are written first, and their runs' items get their ids.
        """
        replayed = 0
        run_ids = self._record_pending_runs()
        if run_ids is None:
            self._down_until = self.clock() + self.cooldown
            return replayed
        for path in spool.pending_files(self.spool.directory):
            entries = spool.read_spool(path)
            logger.info("replaying %d spooled items from %s", len(entries), path)
            known_run = run_ids.get(spool.run_key_of(path))
            for entry in entries:
                if entry.run_id is None:
                    entry.run_id = known_run
                if unstorable_url(entry.item) is not None:
                    self._reject(entry.item, ValueError("not an http(s) URL"), entry.run_id)
                    continue
                try:
                    result = self._write(entry.item, entry.run_id)
                except Exception as exc:  # anything but a transient fault: this item will never go in
                    self._reject(entry.item, exc, entry.run_id)
                    continue
                if result is None:
                    # Still down: keep the file (replay is idempotent) and spare this run's items the retries.
                    logger.warning("database still unavailable, keeping spool %s for the next run", path)
                    self._down_until = self.clock() + self.cooldown
                    return replayed
                replayed += 1
                self._inc("carbonwatch/store/replayed")
                self._inc(f"carbonwatch/items/{result.status}")
            spool.remove(path)
        return replayed

    def _write(self, item: ArticleItem, run_id: int | None) -> StoreResult | None:
        """Store with bounded retries; None when the database stayed unavailable (transient faults only)."""
        delay = self.backoff
        for attempt in range(1, self.retries + 1):
            try:
                sessions = self._get_sessions()
                with sessions.begin() as session:
                    return store_item(session, item, run_id=run_id, atomic=self.atomic, threshold=self.threshold)
            except Exception as exc:
                if not is_transient(exc):
                    raise
                self._inc("carbonwatch/store/retry")
                logger.warning("store attempt %d/%d for %s failed: %s", attempt, self.retries, item.url, exc)
                if attempt < self.retries:
                    self.sleep(delay)
                    delay *= 2
        return None

    def _reject(self, item: ArticleItem, exc: BaseException, run_id: int | None) -> None:
        """Keep an item the database refuses for good (constraint, bad value) for an operator, never replayed."""
        logger.error("store rejected %s: %r", item.url, exc)
        self._inc("carbonwatch/store/rejected")
        try:
            self.spool.append(item, run_id=run_id, error=repr(exc), rejected=True)
        except OSError as write_error:
            logger.error("cannot keep the rejected item in %s either: %s", self.spool.rejected_path, write_error)

    def _unsaved(self, item: ArticleItem, error: str, exc: OSError) -> NoReturn:
        """Neither the database nor the spool took ``item`` (a full disk): count it, stop the crawl, drop it.

        Stopping leaves every page not yet fetched to the next run, which fetches this item's page again too (it
        is in no table), instead of fetching the rest only to lose it.
        """
        self._inc("carbonwatch/drop/unsaved")
        logger.error(
            "item %s neither stored (%s) nor spooled: cannot write %s: %s", item.url, error, self.spool.path, exc
        )
        if not self._stopping:
            self._stopping = True
            logger.error(
                "stopping the crawl: the database and the spool both refuse items, so the pages not yet fetched are "
                "left to the next run; free space in %s (or point CARBONWATCH_SPOOL_DIR at another disk) and bring "
                "the database back",
                self.spool.directory,
            )
            if self.stop is not None:
                self.stop(UNSAVED_REASON)
        raise DropItem(f"unsaved: {exc}") from exc

    def _database_gone(self, item: ArticleItem, exc: DatabaseFileGone) -> None:
        """The SQLite file was deleted or replaced mid-run: keep the item in the spool and stop the crawl, loudly."""
        if not self._stopping:
            self._stopping = True
            logger.error("stopping the crawl: %s", exc)
            if self.stop is not None:
                self.stop(DATABASE_GONE_REASON)
        # Every later item goes straight to the spool; the next run replays them into the restored database.
        self._down_until = float("inf")
        self._to_spool(item, "database file deleted or replaced during the crawl")

    def _to_spool(self, item: ArticleItem, error: str) -> None:
        try:
            path = self.spool.append(item, run_id=self.run_id, error=error)
        except OSError as exc:
            self._unsaved(item, error, exc)
        item.status = "spooled"
        item.article_id = None
        self._inc("carbonwatch/store/spooled")
        logger.warning("spooled %s to %s: %s", item.url, path, error)

    def process_item(self, item: Any) -> Any:
        """Store ``item``; set ``item.status`` and ``item.article_id``. Spools (status "spooled") on DB faults."""
        article = ItemAdapter(item).item
        if not isinstance(article, ArticleItem):
            return item
        bad_url = unstorable_url(article)
        if bad_url is not None:
            # The spiders never yield these; this is the last guard before articles.url, duplicates and webhooks.
            self._inc("carbonwatch/drop/not_web_url")
            logger.warning("not storing %s: not an http(s) URL", bad_url[:200])
            raise DropItem(f"not_web_url: {bad_url[:200]}")
        if self.run_id is None:
            self.run_id = published_run_id(self.stats)
        if self._down_until is not None and self.clock() < self._down_until:
            self._to_spool(article, "database unavailable (cooling down after earlier failures)")
            return item
        try:
            result = self._write(article, self.run_id)
        except DatabaseFileGone as exc:
            self._database_gone(article, exc)
            return item
        except SQLAlchemyError as exc:
            self._reject(article, exc, self.run_id)
            self._inc("carbonwatch/drop/store_rejected")
            raise DropItem(f"store_rejected: {exc.__class__.__name__}") from exc
        except (ValueError, TypeError) as exc:  # e.g. a naive datetime reaching the UTC column type
            self._reject(article, exc, self.run_id)
            self._inc("carbonwatch/drop/store_rejected")
            raise DropItem(f"store_rejected: {exc}") from exc
        if result is None:
            self._down_until = self.clock() + self.cooldown
            self._to_spool(article, f"database unavailable after {self.retries} tries")
            return item
        self._down_until = None
        article.status = result.status
        article.article_id = result.article_id
        self._inc(f"carbonwatch/items/{result.status}")
        if result.raced:
            self._inc("carbonwatch/dedup/stored_meanwhile")
            logger.info("%s was stored by another worker meanwhile: linked as a duplicate", article.canonical_url)
        return item
