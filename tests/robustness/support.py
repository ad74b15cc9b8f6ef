"""Shared harness of the robustness tests: the bad-input corpus, a header-recording snapshot server, DB readers."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from carbonwatch.devserver import SnapshotServer, _Handler
from storage.models import Article, ArticleDuplicate, CrawlRun
from tests.helpers import FIXTURES, PROJECT_ROOT, CrawlResult, crawl

CORPUS = FIXTURES / "badinput"
CASES: dict[str, dict[str, Any]] = json.loads((CORPUS / "cases.json").read_text("utf-8"))
GOOD_LID = 9000
# Every host the corpus serves, plus the "attacker" host: if a request for it ever leaves the crawler it lands on
# the dev server (and in its request log) instead of the internet.
HOSTS = ["feed.mix.sina.com.cn", "finance.sina.com.cn", "news.sina.com.cn", "evil.example.com"]
HUGE_BYTES = 10 * 1024 * 1024
# <!--x-->尾 x 100k: the 1.1 MB page that froze a crawl for 14 minutes (issue 15 #4); over the parse budget.
FLOOD_REPEATS = 100_000
DEVSERVER_PLACEHOLDER = "__DEVSERVER__"


@dataclass(frozen=True)
class Hit:
    """One request the dev server answered: its path (``/host/path?query``), headers and arrival time."""

    path: str
    headers: dict[str, str]
    at: float


class RecordingServer(SnapshotServer):
    """The project's snapshot server, also keeping each request's headers and arrival time."""

    # A crawl opens up to 16 connections at once; the default backlog of 5 drops SYNs, which with a 1 s
    # DOWNLOAD_TIMEOUT shows up as spurious "connection failure" retries that are the harness's fault.
    request_queue_size = 128

    def __init__(self, root: Path, port: int = 0) -> None:
        super().__init__(root, port)
        self.hits: list[Hit] = []
        self._hits_lock = threading.Lock()
        self.on_hit: Callable[[Hit], None] | None = None  # a test's fault trigger ("cut the DB at the 5th page")
        self.RequestHandlerClass = _RecordingHandler

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Crawls hang up on purpose (timeouts, oversized bodies): not worth a traceback on the test's stderr.
        pass

    def add_hit(self, hit: Hit) -> None:
        with self._hits_lock:
            self.hits.append(hit)
        if self.on_hit is not None:
            self.on_hit(hit)

    def hits_since(self, mark: int) -> list[Hit]:
        """Requests answered after ``mark`` (a previous ``len(server.hits)``)."""
        with self._hits_lock:
            return list(self.hits[mark:])


class _RecordingHandler(_Handler):
    server: RecordingServer

    def do_GET(self) -> None:
        self.server.add_hit(Hit(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic()))
        super().do_GET()


@contextmanager
def recording_server(root: Path) -> Iterator[RecordingServer]:
    """Serve ``root`` on 127.0.0.1 with header recording, for the ``with`` block."""
    server = RecordingServer(root)
    thread = threading.Thread(target=server.serve_forever, name="recording-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def article_hit_counter(server: RecordingServer, at: int, action: Callable[[], None]) -> None:
    """Call ``action`` once, when the ``at``-th article page request arrives (replaces ``server.on_hit``)."""
    seen: list[str] = []
    lock = threading.Lock()

    def on_hit(hit: Hit) -> None:
        if "/doc-i" not in hit.path:
            return
        with lock:
            seen.append(hit.path)
            fire = len(seen) == at
        if fire:
            action()

    server.on_hit = on_hit


def local_path(url: str) -> str:
    """The dev-server path (``/host/path``) a real URL is fetched from through the host map."""
    return "/" + url.split("://", 1)[1]


def listed_article_urls(lids: list[int]) -> list[str]:
    """The http(s) article URLs the corpus's roll replies list for ``lids``."""
    urls: list[str] = []
    for lid in lids:
        reply = json.loads((CORPUS / f"feed.mix.sina.com.cn/api/roll/get/lid={lid}&page=1").read_text("utf-8"))
        urls += [e["url"] for e in reply["result"]["data"] if str(e.get("url") or "").startswith("https://")]
    return urls


def copy_corpus(dest: Path) -> Path:
    """A writable copy of the corpus, with the 10 MB and the comment-flood pages generated (too big to commit)."""
    root = dest / "site"
    shutil.copytree(CORPUS, root)
    huge = root / local_path(CASES["huge"]["url"]).lstrip("/")
    paragraph = "<p>　　碳达峰碳中和工作稳步推进，能源结构持续优化。</p>\n".encode()
    with huge.open("wb") as fh:
        fh.write(b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>huge</title></head><body>')
        fh.write(b'<div class="article" id="artibody">')
        fh.write(paragraph * (HUGE_BYTES // len(paragraph) + 1))
        fh.write(b"</div></body></html>")
    flood = root / local_path(CASES["comment_flood"]["url"]).lstrip("/")
    flood.write_bytes(
        (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>评论洪水_新浪财经_新浪网</title></head><body>'
            '<h1 class="main-title">评论洪水</h1><span class="date">2026年01月03日 10:00</span>'
            '<div class="article" id="artibody">' + "<!--x-->尾" * FLOOD_REPEATS + "</div></body></html>"
        ).encode()
    )
    return root


def point_at_server(root: Path, server: SnapshotServer) -> None:
    """Put the dev server's own address into the roll replies that probe loopback (SSRF cases)."""
    netloc = server.base_url.split("://", 1)[1]
    for path in (root / "feed.mix.sina.com.cn").rglob("lid=*"):
        raw = path.read_bytes()
        if DEVSERVER_PLACEHOLDER.encode() in raw:
            path.write_bytes(raw.replace(DEVSERVER_PLACEHOLDER.encode(), netloc.encode()))


def sina_command(server: SnapshotServer, tmp_path: Path, db_url: str, lids: list[int], **settings: str) -> list[str]:
    """The ``scrapy crawl sina_finance`` command line :func:`run_sina` runs (for tests that must kill it)."""
    opts = {
        "CARBONWATCH_DATABASE_URL": db_url,
        "CARBONWATCH_HOST_MAP": json.dumps(server.host_map(HOSTS)),
        "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool"),
        "CARBONWATCH_PROGRESS_INTERVAL": "0",
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "LOG_LEVEL": "INFO",
        **settings,
    }
    cmd = [sys.executable, "-m", "scrapy", "crawl", "sina_finance"]
    for key, value in opts.items():
        cmd += ["-s", f"{key}={value}"]
    return [*cmd, "-a", "lids=" + ",".join(str(lid) for lid in lids), "-a", "max_pages=1"]


def slow_down(root: Path, urls: list[str], delay: float) -> None:
    """Give each of ``urls`` (in the corpus copy ``root``) a response delay, keeping its other sidecar settings."""
    for url in urls:
        page = root / local_path(url).lstrip("/")
        sidecar = page.with_name(page.name + ".http.json")
        extra = json.loads(sidecar.read_text("utf-8")) if sidecar.is_file() else {}
        sidecar.write_text(json.dumps({**extra, "delay": delay}), "utf-8")


def cli_crawl(
    server: SnapshotServer,
    tmp_path: Path,
    env: dict[str, str],
    lids: str = "9000",
    settings: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``carbonwatch crawl sina_finance`` (the operator's command: per-run log file, run record) at DEBUG level."""
    cmd = [sys.executable, "-m", "carbonwatch", "-v", "crawl", "sina_finance"]
    cmd += ["-a", f"lids={lids}", "-a", "max_pages=1"]
    for key, value in {
        "CARBONWATCH_HOST_MAP": json.dumps(server.host_map(HOSTS)),
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "False",
        "CARBONWATCH_PROGRESS_INTERVAL": "0",
        **(settings or {}),
    }.items():
        cmd += ["-s", f"{key}={value}"]
    full_env = {
        **os.environ,
        "CARBONWATCH_CONFIG": "",
        "CARBONWATCH_LOG_DIR": str(tmp_path / "logs"),
        "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool"),
        "CARBONWATCH_LOG_LEVEL": "DEBUG",
        **env,
    }
    return subprocess.run(cmd, cwd=PROJECT_ROOT, env=full_env, capture_output=True, text=True, timeout=120, check=False)


def run_sina(
    server: SnapshotServer,
    tmp_path: Path,
    db_url: str,
    lids: list[int],
    settings: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> CrawlResult:
    """One ``scrapy crawl sina_finance`` of the given roll lids (first page only) against ``server``."""
    base = {
        "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool"),
        "CARBONWATCH_PROGRESS_INTERVAL": "0",
        "CARBONWATCH_RETRY_AFTER_MAX": "10",
    }
    return crawl(
        "sina_finance",
        tmp_path=tmp_path,
        db_url=db_url,
        host_map=server.host_map(HOSTS),
        settings={**base, **(settings or {})},
        env={
            "CARBONWATCH_SPOOL_DIR": str(tmp_path / "spool"),
            "CARBONWATCH_LOG_DIR": str(tmp_path / "logs"),
            **(env or {}),
        },
        spider_args={"lids": ",".join(str(lid) for lid in lids), "max_pages": "1"},
        timeout=timeout,
    )


@contextmanager
def engine_for(db_url: str) -> Iterator[Engine]:
    """A plain engine on the crawl's database (no migrations: the crawl created the schema)."""
    engine = create_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


def article_rows(db_url: str) -> dict[str, dict[str, Any]]:
    """Every stored article as ``canonical_url -> column dict``."""
    with engine_for(db_url) as engine, Session(engine) as session:
        rows = session.scalars(select(Article)).all()
        return {r.canonical_url: {c.key: getattr(r, c.key) for c in Article.__table__.columns} for r in rows}


def duplicate_rows(db_url: str) -> dict[str, dict[str, Any]]:
    """Every duplicate link as ``canonical_url -> column dict``."""
    with engine_for(db_url) as engine, Session(engine) as session:
        rows = session.scalars(select(ArticleDuplicate)).all()
        return {r.canonical_url: {c.key: getattr(r, c.key) for c in ArticleDuplicate.__table__.columns} for r in rows}


def run_rows(db_url: str) -> list[dict[str, Any]]:
    """The crawl_runs rows, oldest first."""
    with engine_for(db_url) as engine, Session(engine) as session:
        rows = session.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
        return [{c.key: getattr(r, c.key) for c in CrawlRun.__table__.columns} for r in rows]


def stored_urls(db_url: str) -> set[str]:
    """Canonical URLs stored as articles or as duplicate links."""
    return set(article_rows(db_url)) | set(duplicate_rows(db_url))


class TcpProxy:
    """A loopback TCP forwarder to a database server that a test can cut, as a network partition would.

    ``cut()`` closes the listening socket and every open connection: new connections are refused (nothing
    listens on the port any more), established ones see a reset.
    """

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self.cut_done = threading.Event()
        threading.Thread(target=self._accept, name="tcp-proxy", daemon=True).start()

    def _accept(self) -> None:
        while not self.cut_done.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cut_done.is_set():
                client.close()
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._socks += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        """Refuse new connections and reset the open ones."""
        self.cut_done.set()
        try:
            # shutdown() wakes the thread blocked in accept(); close() alone leaves the port listening.
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        with self._lock:
            for s in self._socks:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                    s.close()
                except OSError:
                    pass
