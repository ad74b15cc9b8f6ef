#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian 12 machine (as root) and run lint, types and tests.
# This is the README's test command; .ci/run calls it unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "== python environment"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e '.[test,bench]' 2>&1 | grep -v "is ignored" || true

# Services on loopback only, in a scratch directory removed at exit.
work=$(mktemp -d /tmp/carbonwatch-test.XXXXXX)
chmod 755 "$work"
pg_port=${CARBONWATCH_TEST_PG_PORT:-55432}
redis_port=${CARBONWATCH_TEST_REDIS_PORT:-56379}
pgbin=/usr/lib/postgresql/15/bin
cleanup() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== starting PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port"
# PostgreSQL refuses to run as root: its data, socket and log live in directories the postgres user owns.
mkdir -p "$work/pg" "$work/pgrun" && chown postgres "$work/pg" "$work/pgrun"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pgrun/pg.log" -w \
  -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pgrun" start >/dev/null || {
  echo "PostgreSQL did not start; its log:" >&2; cat "$work/pgrun/pg.log" >&2; exit 1; }
runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres carbonwatch_test
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
  --dir "$work" --logfile "$work/redis.log"
export CARBONWATCH_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$pg_port/carbonwatch_test"
export CARBONWATCH_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy --strict"
.venv/bin/mypy
# Two workers (pytest-xdist), each test file on one worker: most of the suite waits on crawl subprocesses and local
# servers, and the files that share a server state keep to themselves (each PostgreSQL test gets its own database,
# each Redis test file its own database number). CARBONWATCH_TEST_WORKERS=0 runs in this process alone.
workers=${CARBONWATCH_TEST_WORKERS:-2}
echo "== pytest ($workers workers)"
set +e
.venv/bin/python -m pytest -q -n "$workers" --dist loadfile "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi

# The tests that touch dates (marker `clock`, see tests/conftest.py) once more with the clock a year ahead, in the
# test processes and their Python subprocesses: a test that mixes a fixed date with the real clock fails now, not
# next month.
echo "== pytest, clock moved a year ahead (tests marked clock)"
set +e
.venv/bin/python -m pytest -q -n "$workers" --dist loadfile -m "clock and not live" --clock-shift=365 "$@"
clock_status=$?
set -e
if [ "$clock_status" -eq 5 ] && [ $# -gt 0 ]; then
  clock_status=0  # the tests chosen on the command line include none marked clock
elif [ "$clock_status" -eq 5 ]; then
  echo "no test is marked clock: tests/conftest.py no longer marks them" >&2
  clock_status=1
fi
if [ "$status" -ne 0 ]; then
  exit "$status"
fi
exit "$clock_status"
