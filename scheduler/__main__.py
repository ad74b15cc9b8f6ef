"""``python -m scheduler`` runs the daemon, like ``carbonwatch daemon`` (usable before other subcommands load)."""

import argparse
import logging
import sys

from carbonwatch.cli.ops import register
from carbonwatch.config import ConfigError, load_config
from carbonwatch.logsetup import CONSOLE_FORMAT

# Parse our own arguments first: `python -m scheduler --help` must print help, never start a daemon.
argparse.ArgumentParser(
    prog="python -m scheduler",
    description="Run the carbonwatch daemon (the same as `carbonwatch daemon`); it takes no arguments.",
).parse_args()
logging.basicConfig(level=logging.INFO, format=CONSOLE_FORMAT)
try:
    _config = load_config()
except ConfigError as exc:
    logging.getLogger("scheduler").error("configuration error: %s", exc)
    sys.exit(2)
_parser = argparse.ArgumentParser(prog="python -m scheduler")
_sub = _parser.add_subparsers()
register(_sub)
sys.exit(_parser.parse_args(["daemon"]).func(argparse.Namespace(), _config))
