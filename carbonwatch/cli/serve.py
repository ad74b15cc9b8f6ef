"""``carbonwatch serve``: the web console, read API, ``/metrics`` and health checks over HTTP (uvicorn).

carbonwatch serve [--host 127.0.0.1] [--port 8787] [--allow-anonymous-read]

Reads the same database as every other command. Operator actions (run now, pause, resume) need
``CARBONWATCH_WEB_TOKEN``; a ``--host`` other than loopback refuses to start without it unless
``--allow-anonymous-read`` (see :mod:`carbonwatch.web.security`). Stops on SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import logging
import socket
import sys
from typing import Any

from carbonwatch.cli import exitcodes
from carbonwatch.config import Config

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8787


def register(sub: Any) -> None:
    """Add the ``serve`` subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "serve", help="web console, read API (/api/), /metrics, /healthz and /readyz over HTTP"
    )
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}: this machine)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT})")
    p.add_argument(
        "--allow-anonymous-read",
        action="store_true",
        help="on a non-loopback --host, let anyone who reaches it read without the token (actions still need it)",
    )
    p.set_defaults(func=_serve)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number 0-65535, not {value!r}")
    return port


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (raises OSError: in use, no such address, no permission)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _serve(args: argparse.Namespace, config: Config) -> int:
    import uvicorn

    from carbonwatch.web.app import create_app
    from carbonwatch.web.security import BindRefused, check_bind

    try:
        security = check_bind(args.host, config.web_token, allow_anonymous_read=args.allow_anonymous_read)
    except BindRefused as exc:
        print(f"carbonwatch serve: not starting: {exc}", file=sys.stderr)
        return exitcodes.USAGE
    app = create_app(config, security=security)
    try:
        sock = listen(args.host, args.port)
    except OSError as exc:
        print(
            f"carbonwatch serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}; "
            "choose another --port, or stop what listens there",
            file=sys.stderr,
        )
        return exitcodes.FAILED
    bound = sock.getsockname()
    mode = "operator actions on" if security.token else "read-only: no CARBONWATCH_WEB_TOKEN"
    logging.getLogger(__name__).info(
        "serving the console on http://%s:%s/ (%s) from %s", args.host, bound[1], mode, config.redacted_database_url()
    )
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", server_header=False, date_header=True, proxy_headers=False)
    )
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return exitcodes.OK
