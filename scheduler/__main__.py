"""``python -m scheduler`` runs the daemon: the same as ``carbonwatch daemon``, with its exit codes and error lines."""

import argparse
import sys

from carbonwatch.cli import main

# Parse our own arguments first: `python -m scheduler --help` must print help, never start a daemon.
argparse.ArgumentParser(
    prog="python -m scheduler",
    description="Run the carbonwatch daemon (the same as `carbonwatch daemon`); it takes no arguments.",
).parse_args()
sys.exit(main(["daemon"]))
