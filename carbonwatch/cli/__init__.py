"""The ``carbonwatch`` command: one entry point, one module per group of subcommands.

Run ``carbonwatch --help`` for the list. Each module in ``COMMAND_MODULES`` defines
``register(subparsers) -> None``, adding its subcommands with ``set_defaults(func=handler)`` where
``handler(args, config) -> int`` returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from carbonwatch import __version__
from carbonwatch.cli import exitcodes
from carbonwatch.cli.exitcodes import database_problem
from carbonwatch.config import ConfigError, load_config, unknown_variables
from carbonwatch.logsetup import CONSOLE_FORMAT, ConsoleFormatter, UTCFormatter

COMMAND_MODULES = [
    "carbonwatch.cli.crawl",  # crawl
    "carbonwatch.cli.demo",  # demo
    "carbonwatch.cli.analyze",  # analyze, import
    "carbonwatch.cli.policy",  # flags, policies, notify
    "carbonwatch.cli.ops",  # daemon, runs, status, logs
    "carbonwatch.cli.db",  # db upgrade
    "carbonwatch.cli.export",  # export
    "carbonwatch.cli.source",  # source test
    "carbonwatch.cli.serve",  # serve (web console, API, metrics)
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(prog="carbonwatch", description="Carbon-policy news monitoring crawler.")
    parser.add_argument("--version", action="version", version=f"carbonwatch {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _scrapy_setting_names() -> list[str]:
    import crawler.settings

    return [name for name in vars(crawler.settings) if name.startswith("CARBONWATCH_")]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, load the configuration and run the chosen subcommand."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return exitcodes.USAGE
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format=CONSOLE_FORMAT,
    )
    for handler in logging.getLogger().handlers:
        # Without -v, tracebacks stay in the log files; with it, they are printed too.
        handler.setFormatter(UTCFormatter(CONSOLE_FORMAT) if args.verbose else ConsoleFormatter(CONSOLE_FORMAT))
    if not args.verbose:
        # Alembic announces its plugins at INFO when first imported: noise before every command's own output.
        logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"carbonwatch: configuration error: {exc}", file=sys.stderr)
        print("Fix the variable or the config file named above (see docs/configuration.md).", file=sys.stderr)
        return exitcodes.USAGE
    for message in unknown_variables(os.environ, _scrapy_setting_names):
        print(f"carbonwatch: warning: {message}", file=sys.stderr)
    try:
        code: int = args.func(args, config)
        sys.stdout.flush()  # here, not at interpreter exit: a reader that went away is then noticed below
    except BrokenPipeError:
        # The reader went away (`carbonwatch flags | head -2`): what it wanted it got; stop quietly, as `cat` does.
        # Point stdout at /dev/null so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exitcodes.OK
    except Exception as exc:
        problem = database_problem(exc, config.database_url)
        if problem is None:
            raise
        exit_code, message = problem
        if args.verbose:
            logging.getLogger(__name__).exception("%s", message)
        name = " ".join(filter(None, [args.command, getattr(args, "db_command", None)]))
        print(f"carbonwatch {name}: {message}", file=sys.stderr)
        return exit_code
    return code


if __name__ == "__main__":
    sys.exit(main())
