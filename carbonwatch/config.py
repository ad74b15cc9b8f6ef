"""Typed configuration read from environment variables and an optional TOML file.

Precedence: explicit environment variables, then the TOML file named by ``CARBONWATCH_CONFIG`` (or
``carbonwatch.toml`` in the working directory when it exists), then the defaults below, which work out of the box
(SQLite file in the working directory, logs under ``./logs``).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "CARBONWATCH_"
# Set by carbonwatch itself for the processes it starts (not an operator's setting): the daemon's pid for its crawls.
DAEMON_PID_VARIABLE = ENV_PREFIX + "DAEMON_PID"
DEFAULT_CONFIG_FILE = "carbonwatch.toml"
MAX_CONFIG_BYTES = 1_000_000
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# The tables a config file may hold: settings, per-source schedules (scheduler.schedules) and daemon options.
TABLES = ("carbonwatch", "schedules", "daemon")


class ConfigError(ValueError):
    """A configuration value is missing, malformed or of the wrong type."""


@dataclass(frozen=True)
class Config:
    """Every setting carbonwatch reads; one instance is built per process by :func:`load_config`."""

    database_url: str = "sqlite:///carbonwatch.db"
    log_dir: Path = Path("logs")
    log_format: str = "text"  # "text" or "json"
    log_level: str = "INFO"
    log_retention_days: int = 30
    log_max_bytes: int = 20_000_000
    rules_file: Path | None = None  # None: the rules shipped in carbonwatch/rules/
    sources_file: Path | None = None  # None: built-in sources only
    notify_urls: tuple[str, ...] = ()  # JSON webhooks (http/https) and apprise URLs
    notify_max_attempts: int = 5
    user_agent: str = "carbonwatch/0.1 (+https://github.com/carbonwatch/carbonwatch; news monitoring)"
    download_delay: float = 1.0
    concurrent_requests_per_domain: int = 4
    sina_lids: tuple[int, ...] = (1686, 1689)
    sina_page_size: int = 50
    sina_max_pages: int = 5
    crawl_timeout: int = 1800  # seconds a crawl process may run before it is killed
    spool_dir: Path = Path("spool")
    redis_url: str | None = None  # set to share the scheduler/dupefilter through scrapy-redis
    redis_batch: str | None = None  # scale-out batch id shared by one run's workers (None: automatic)
    chromium_path: Path = Path("/usr/bin/chromium")
    # The web console's operator token (carbonwatch serve): from the environment only; never printed.
    web_token: str | None = field(default=None, repr=False)
    extra: Mapping[str, Any] = field(default_factory=dict)  # other tables of the TOML file (sources, schedules)

    def redacted_database_url(self) -> str:
        """The database URL with any password replaced by ``***``, safe for logs and run records."""
        return redact_url(self.database_url)


def redact_url(url: str) -> str:
    """Hide the password part of ``scheme://user:password@host/...`` URLs."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    creds, _, host = rest.rpartition("@")
    user, colon, _ = creds.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _coerce(name: str, raw: Any, target: Any) -> Any:
    """Convert a TOML or environment value to the type of the field ``name``."""
    kind = str(target)
    try:
        if kind in ("int",):
            return int(raw)
        if kind in ("float",):
            return float(raw)
        if "Path" in kind:
            return None if raw in ("", None) else Path(str(raw))
        if kind.startswith("tuple[int"):
            items = raw.split(",") if isinstance(raw, str) else list(raw)
            return tuple(int(x) for x in items if str(x).strip())
        if kind.startswith("tuple[str"):
            items = raw.split() if isinstance(raw, str) else list(raw)
            return tuple(str(x) for x in items if str(x).strip())
        if "str" in kind:
            return None if raw in ("", None) and "None" in kind else str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}: cannot read {raw!r} as {kind}: {exc}") from exc
    raise ConfigError(f"{name}: unsupported type {kind}")


def load_config(env: Mapping[str, str] | None = None, path: Path | None = None) -> Config:
    """Build the configuration from ``env`` (default ``os.environ``) and the TOML file, if any."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    if path is None and env.get(ENV_PREFIX + "CONFIG"):
        path = Path(env[ENV_PREFIX + "CONFIG"])
    elif path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    known = {f.name: f for f in fields(Config) if f.name != "extra"}
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(f"config file {path} is larger than {MAX_CONFIG_BYTES} bytes")
        try:
            doc = tomllib.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
        for key, raw in doc.get("carbonwatch", {}).items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting [carbonwatch].{key}{_did_you_mean(key, known)}")
            values[key] = _coerce(key, raw, known[key].type)
        extra = {k: v for k, v in doc.items() if k != "carbonwatch"}
        unknown = sorted(set(extra) - set(TABLES))
        if unknown:
            hints = [f"[{t}]" + _did_you_mean(t, TABLES) for t in unknown]
            raise ConfigError(
                f"{path}: unknown table(s) {', '.join(hints)}; known: [carbonwatch], [schedules.*], [daemon]"
            )
    for name, f in known.items():
        raw = env.get(ENV_PREFIX + name.upper())
        if raw is not None:
            values[name] = _coerce(ENV_PREFIX + name.upper(), raw, f.type)
    if values.get("log_format", "text") not in ("text", "json"):
        raise ConfigError("log_format must be 'text' or 'json'")
    # Checked here rather than when a crawl first logs or classifies: there they end in a traceback mid-run.
    level = str(values.get("log_level", "INFO")).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"log_level must be one of {', '.join(LOG_LEVELS)}, not {values['log_level']!r}")
    values["log_level"] = level
    rules = values.get("rules_file")
    if rules is not None and not rules.is_file():
        raise ConfigError(f"rules_file {rules} does not exist (unset it to use the shipped rules)")
    return replace(Config(), **values, extra=extra)


def unknown_variables(env: Mapping[str, str], scrapy_settings: Callable[[], Iterable[str]]) -> list[str]:
    """What to say about each ``CARBONWATCH_*`` variable in ``env`` that no setting reads (a typo is ignored).

    ``scrapy_settings`` lists the project's Scrapy settings of that prefix (called only when needed): those are
    given to a crawl with ``-s NAME=VALUE``, not through the environment. ``CARBONWATCH_TEST_*`` belong to the tests.
    """
    variables = {ENV_PREFIX + f.name.upper() for f in fields(Config) if f.name != "extra"}
    variables |= {ENV_PREFIX + "CONFIG", DAEMON_PID_VARIABLE}
    unknown = sorted(n for n in env if n.startswith(ENV_PREFIX) and n not in variables and "_TEST_" not in n)
    if not unknown:
        return []
    settings = set(scrapy_settings())
    messages = []
    for name in unknown:
        if name in settings:
            messages.append(
                f"{name} is not read from the environment: it is a Scrapy setting, "
                f"given to a crawl as `carbonwatch crawl -s {name}=VALUE`"
            )
        else:
            messages.append(f"{name} is not a carbonwatch variable and is ignored{_did_you_mean(name, variables)}")
    return messages
