"""A daemon's crawl ends with its daemon: Linux's parent-death signal, set by the crawl process itself.

A crawl runs in its own session (so that a timeout can kill its whole process group), so a ``kill -9`` of the daemon
would leave it running, and the restarted daemon would crawl the same source beside it (issue 15 #7). The daemon
names itself in ``CARBONWATCH_DAEMON_PID``; the crawl asks the kernel for SIGTERM when its parent dies (Scrapy then
stops as on Ctrl-C, recording the run ``interrupted``) and gives up at once if the daemon is already gone.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
from collections.abc import Mapping

from carbonwatch.config import DAEMON_PID_VARIABLE
from crawler.extensions import pid_alive

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def set_parent_death_signal(sig: int = signal.SIGTERM) -> bool:
    """Have the kernel send ``sig`` to this process when its parent dies; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        result = libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    except (OSError, AttributeError) as exc:
        logger.warning("cannot ask to end with the daemon (prctl unavailable: %s)", exc)
        return False
    if result != 0:
        logger.warning("cannot ask to end with the daemon: %s", os.strerror(ctypes.get_errno()))
        return False
    return True


def follow_daemon(env: Mapping[str, str]) -> bool:
    """For a crawl the daemon started: end with the daemon. False when the daemon is already gone (do not crawl).

    A process started by anything else (cron, a shell) is left alone and True is returned.
    """
    raw = env.get(DAEMON_PID_VARIABLE, "")
    if not raw.isdigit():
        return True
    daemon = int(raw)
    if os.getppid() != daemon:
        # Started through a wrapper (a configured ``command``): the per-source lock still keeps crawls apart.
        return pid_alive(daemon)
    set_parent_death_signal()
    # The daemon may have died between the fork and the prctl: then this process already has another parent.
    return os.getppid() == daemon
