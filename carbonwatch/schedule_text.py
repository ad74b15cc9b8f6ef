"""Schedules written as text, read in one place: crontab lines (crontab's weekday numbers) and ``30m``-style intervals.

The sources file (``crawler.sources``) and the daemon's ``[schedules.*]`` tables (``scheduler.schedules``) both read
schedules; both take them from here, so they accept exactly the same lines and neither imports the other.
"""

from __future__ import annotations

import re

from apscheduler.triggers.cron import CronTrigger

INTERVAL_RE = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
INTERVAL_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
CRON_DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _cron_days(part: str) -> str:
    """One comma-separated day-of-week item in crontab numbering (0 or 7 = Sunday) as APScheduler day names."""
    if not any(c.isdigit() for c in part):
        return part  # names (mon-fri) and a bare * mean the same in both
    span, _, step_text = part.partition("/")
    if span == "*":
        first, last = 0, 6
    else:
        start, dash, end = span.partition("-")
        first = int(start)
        last = int(end) if dash else (6 if step_text else first)
    step = int(step_text) if step_text else 1
    if not 0 <= first <= 7 or not 0 <= last <= 7 or first > last or step < 1:
        raise ValueError(f"day-of-week {part!r} is not a crontab range of 0-7")
    return ",".join(dict.fromkeys(CRON_DAY_NAMES[d] for d in range(first, last + 1, step)))


def crontab_trigger(expr: str, timezone: str) -> CronTrigger:
    """A 5-field crontab expression as a trigger, with crontab's day-of-week numbers.

    APScheduler 3 numbers weekdays from Monday = 0, crontab from Sunday = 0, and ``CronTrigger.from_crontab``
    passes the numbers through: ``0 9 * * 1`` would fire on Tuesdays. Numbers are turned into day names first.
    """
    fields = expr.split()
    if len(fields) != 5:
        raise ValueError(f"wrong number of fields; got {len(fields)}, expected 5")
    days = ",".join(_cron_days(p) for p in fields[4].split(","))
    minute, hour, day, month, _ = fields
    return CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=days, timezone=timezone)


def parse_schedule(value: str) -> tuple[str, str | int]:
    """``("interval", seconds)`` for ``30m``/``2h``/``1d``/``90s``, ``("cron", expr)`` for a 5-field crontab."""
    m = INTERVAL_RE.match(value)
    if m:
        seconds = int(m.group(1)) * INTERVAL_UNITS[m.group(2)]
        if seconds <= 0:
            raise ValueError("an interval must be positive")
        return "interval", seconds
    if len(value.split()) != 5:
        raise ValueError("expected an interval like '30m', '2h', '1d' or a 5-field cron expression")
    crontab_trigger(value, "UTC")  # raises ValueError with the offending field
    return "cron", value.strip()
