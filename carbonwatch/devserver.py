"""A local HTTP server that serves saved site snapshots under their real URL paths (tests and the offline demo).

Layout of a snapshot root: ``<root>/<host>/<path>``; a path ending in ``/`` serves ``index.html``. A directory
that holds ``_query.json`` (``{"keys": ["lid", "page"]}``) answers a query string by the file named after those
keys, ``lid=1686&page=1``: that is how the Sina roll API is replayed. A sidecar ``<file>.http.json`` sets
``status``, extra ``headers`` and a ``delay`` in seconds, to replay errors and slow servers.

With ``validators=True`` (``--validators``) a file is served with an ``ETag`` (a digest of its bytes) and a
``Last-Modified`` (its mtime), and a request whose ``If-None-Match`` (or, without one, ``If-Modified-Since``)
still matches is answered ``304 Not Modified`` with no body, as RFC 9110 section 13 says.

Requests arrive as ``/<host>/<path>`` through :mod:`crawler.offline`'s host map. Only ever binds to 127.0.0.1.

Run by hand: ``python -m carbonwatch.devserver ROOT [--port N]``.
"""

from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import logging
import mimetypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    ".html": "text/html",
    ".shtml": "text/html",
    ".htm": "text/html",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
}


class SnapshotServer(ThreadingHTTPServer):
    """Serves one snapshot root; remembers every request path it answered, in order."""

    daemon_threads = True

    def __init__(self, root: Path, port: int = 0, *, validators: bool = False) -> None:
        self.root = root.resolve()
        self.validators = validators
        self.requests: list[str] = []
        self.answers: list[tuple[str, int]] = []  # (path, status) of every answer, in order
        self._lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def host_map(self, hosts: list[str] | None = None) -> dict[str, str]:
        """A ``CARBONWATCH_HOST_MAP`` sending every host of the snapshot (or ``hosts``) here."""
        names = hosts if hosts is not None else [p.name for p in self.root.iterdir() if p.is_dir()]
        return {h: self.base_url for h in names}

    def record(self, path: str) -> None:
        with self._lock:
            self.requests.append(path)

    def answered(self, path: str, status: int) -> None:
        with self._lock:
            self.answers.append((path, status))

    def requests_matching(self, fragment: str) -> list[str]:
        """Paths requested so far that contain ``fragment``."""
        with self._lock:
            return [p for p in self.requests if fragment in p]

    def resolve(self, raw_path: str) -> tuple[Path | None, dict[str, Any]]:
        """The file answering ``raw_path`` (``/host/path?query``) and its sidecar settings."""
        parts = urlsplit(raw_path)
        rel = unquote(parts.path).lstrip("/")
        target = (self.root / rel).resolve()
        if self.root not in target.parents and target != self.root:
            return None, {}
        if target.is_dir():
            query_spec = target / "_query.json"
            if parts.query and query_spec.is_file():
                keys = json.loads(query_spec.read_text("utf-8")).get("keys", [])
                params = dict(parse_qsl(parts.query, keep_blank_values=True))
                target = target / "&".join(f"{k}={params.get(k, '')}" for k in keys)
            else:
                target = target / "index.html"
        if not target.is_file():
            return None, {}
        sidecar = target.with_name(target.name + ".http.json")
        extra = json.loads(sidecar.read_text("utf-8")) if sidecar.is_file() else {}
        return target, extra


class _Handler(BaseHTTPRequestHandler):
    server: SnapshotServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.server.record(self.path)
        target, extra = self.server.resolve(self.path)
        if extra.get("delay"):
            time.sleep(float(extra["delay"]))
        if target is None:
            body = b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.server.answered(self.path, 404)
            return
        body = target.read_bytes()
        status = int(extra.get("status", 200))
        validators = file_validators(target, body) if self.server.validators and status == 200 else {}
        inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        if validators and still_valid(inm, ims, validators["ETag"], target.stat().st_mtime):
            self.send_response(304)
            for name, value in validators.items():
                self.send_header(name, value)
            self.end_headers()
            self.server.answered(self.path, 304)
            return
        self.send_response(status)
        ctype = CONTENT_TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0]
        headers = {"Content-Type": ctype or "text/html", **validators, **extra.get("headers", {})}
        for name, value in headers.items():
            self.send_header(name, str(value))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.answered(self.path, status)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("devserver: %s", format % args)


def file_validators(path: Path, body: bytes) -> dict[str, str]:
    """The ``ETag`` (strong: a digest of the bytes) and ``Last-Modified`` (the file's mtime) of a served file."""
    return {
        "ETag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        "Last-Modified": email.utils.formatdate(path.stat().st_mtime, usegmt=True),
    }


def still_valid(if_none_match: str | None, if_modified_since: str | None, etag: str, mtime: float) -> bool:
    """Whether a conditional GET is answered 304: ``If-None-Match`` decides when present, else the date."""
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    if if_modified_since is None:
        return False
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since).timestamp()
    except (TypeError, ValueError):
        return False  # an unreadable date is ignored (RFC 9110 13.1.3): the full page is sent
    return int(mtime) <= since


@contextmanager
def serve(root: Path, port: int = 0, *, validators: bool = False) -> Iterator[SnapshotServer]:
    """Run a :class:`SnapshotServer` on 127.0.0.1 in a background thread for the ``with`` block."""
    server = SnapshotServer(root, port, validators=validators)
    thread = threading.Thread(target=server.serve_forever, name="snapshot-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:
    """Serve a snapshot root until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8321)
    parser.add_argument("--validators", action="store_true", help="send ETag/Last-Modified, answer 304 when unchanged")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    with serve(args.root, args.port, validators=args.validators) as server:
        logger.info("serving %s on %s (Ctrl-C stops)", server.root, server.base_url)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
