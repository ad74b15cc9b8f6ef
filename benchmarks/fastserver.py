"""A fast asyncio HTTP/1.1 server for benchmark sites, answering the devserver's ``/<host>/<path>?query`` layout.

:mod:`carbonwatch.devserver` (a thread per connection) is fine for tests but would be the bottleneck of a
throughput benchmark; this server uses asyncio streams with keep-alive and runs in its own process, so the crawler
under test gets the other core. It resolves paths exactly like the devserver (``_query.json`` names the query keys
that select a file) and counts every request it answers, so the incremental benchmark can count requests at the
server. Control endpoints (never part of a site): ``GET /__bench/requests`` (JSON list of request targets since the
last reset) and ``GET /__bench/reset``.

Run by hand: ``python -m benchmarks.fastserver ROOT [--port N]`` (prints ``PORT <n>`` when it listens).
Only ever binds to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import subprocess
import sys
import urllib.request
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

CONTENT_TYPES = {
    ".html": b"text/html",
    ".shtml": b"text/html",
    ".json": b"application/json; charset=utf-8",
    ".txt": b"text/plain; charset=utf-8",
    ".xml": b"application/xml",
}
CONTROL_PREFIX = "/__bench/"
MAX_HEADER_BYTES = 64 * 1024


Answer = Callable[[list[str]], Awaitable[tuple[bytes, bool]]]


async def serve_connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, answer: Answer) -> None:
    """Serve one keep-alive HTTP/1.1 connection: each request's head goes to ``answer``, whose bytes are sent back.

    ``answer`` gets the head's lines (the request line first, then the headers) and returns the whole response
    and whether to close the connection after it. Ends when the client closes, sends a broken head, or ``answer``
    asks to close. Requests have no body (the benchmark crawlers only GET and HEAD).
    """
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return
            response, close = await answer(head.decode("latin-1").split("\r\n"))
            writer.write(response)
            await writer.drain()
            if close:
                return
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


class SiteResolver:
    """Maps ``/<host>/<path>?query`` to a file under ``root``, like :class:`carbonwatch.devserver.SnapshotServer`."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._query_keys: dict[Path, list[str] | None] = {}

    def _keys(self, directory: Path) -> list[str] | None:
        if directory not in self._query_keys:
            spec = directory / "_query.json"
            self._query_keys[directory] = (
                list(json.loads(spec.read_text("utf-8")).get("keys", [])) if spec.is_file() else None
            )
        return self._query_keys[directory]

    def resolve(self, target: str) -> Path | None:
        """The file answering ``target``, or None (404)."""
        parts = urlsplit(target)
        path = (self.root / unquote(parts.path).lstrip("/")).resolve()
        if path != self.root and self.root not in path.parents:
            return None
        if path.is_dir():
            keys = self._keys(path)
            if parts.query and keys is not None:
                params = dict(parse_qsl(parts.query, keep_blank_values=True))
                path = path / "&".join(f"{k}={params.get(k, '')}" for k in keys)
            else:
                path = path / "index.html"
        return path if path.is_file() else None


class FastServer:
    """The asyncio server: one coroutine per keep-alive connection."""

    def __init__(self, root: Path) -> None:
        self.resolver = SiteResolver(root)
        self.log: list[str] = []

    def _control(self, target: str) -> bytes:
        if target.startswith(CONTROL_PREFIX + "reset"):
            self.log.clear()
            return b"{}"
        return json.dumps(self.log).encode("utf-8")

    def respond(self, target: str) -> tuple[int, bytes, bytes]:
        """Status, content type and body for ``target``."""
        if target.startswith(CONTROL_PREFIX):
            return 200, CONTENT_TYPES[".json"], self._control(target)
        self.log.append(target)
        path = self.resolver.resolve(target)
        if path is None:
            return 404, b"text/plain", b"not found"
        ctype = CONTENT_TYPES.get(path.suffix.lower())
        if ctype is None:
            ctype = b"application/json; charset=utf-8" if path.name.startswith("lid=") else b"text/html"
        return 200, ctype, path.read_bytes()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Serve requests on one connection until the client closes it."""
        await serve_connection(reader, writer, self._answer)

    async def _answer(self, lines: list[str]) -> tuple[bytes, bool]:
        method, target, _version = [*lines[0].split(" "), "", "", ""][:3]
        close = any(h.lower().replace(" ", "") == "connection:close" for h in lines[1:])
        status, ctype, body = self.respond(target)
        reason = b"OK" if status == 200 else b"Not Found"
        header = b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n" % (
            status,
            reason,
            ctype,
            len(body),
            b"Connection: close\r\n" if close else b"",
        )
        return (header if method == "HEAD" else header + body), close


async def _serve(root: Path, port: int) -> None:
    app = FastServer(root)
    server = await asyncio.start_server(app.handle, "127.0.0.1", port, limit=MAX_HEADER_BYTES, backlog=256)
    bound = server.sockets[0].getsockname()[1]
    print(f"PORT {bound}", flush=True)
    async with server:
        await server.serve_forever()


class ServerProcess:
    """A running fast server in a child process; ``base_url`` for the host map, request log for counting."""

    def __init__(self, proc: subprocess.Popen[str], port: int) -> None:
        self.proc = proc
        self.port = port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self.port}"

    def host_map(self, hosts: list[str]) -> dict[str, str]:
        """A ``CARBONWATCH_HOST_MAP`` sending ``hosts`` here."""
        return {h: self.base_url for h in hosts}

    def _get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.base_url + path, timeout=10) as resp:
            data: bytes = resp.read()
            return data

    def requests(self) -> list[str]:
        """Request targets answered since the last reset (``/<host>/<path>?query``)."""
        return [str(x) for x in json.loads(self._get(CONTROL_PREFIX + "requests"))]

    def reset(self) -> None:
        """Forget the request log."""
        self._get(CONTROL_PREFIX + "reset")


@contextlib.contextmanager
def run_server(root: Path) -> Iterator[ServerProcess]:
    """Start the fast server on a free loopback port in a separate process for the ``with`` block."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.fastserver", str(root), "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"fast server did not start: {line!r}")
        yield ServerProcess(proc, int(line.split()[1]))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> None:
    """Serve ROOT until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8322)
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.root, args.port))


if __name__ == "__main__":
    main()
