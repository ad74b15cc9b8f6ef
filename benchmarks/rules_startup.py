"""Rules start-up: what a new process pays to build the release rules, with and without the compiled-regex cache.

Run: ``.venv/bin/python -m benchmarks.rules_startup [--quick] [--runs N]`` (``--quick``: 1 run of each). Prints a
Markdown table.

Method: fresh Python processes import :mod:`carbonwatch.classify.policydocs` (every crawl, cron run and ``analyze``
does), timed from outside (wall clock of the whole process, interpreter start included). "Cold": the cache switched
off (``CARBONWATCH_REGEX_CACHE=off``), every pattern compiled as ``re.compile`` does, which is what each process paid
before the cache. "Cached": the cache file written by a first process, then read. Both measured in this run, best of
N, so their ratio holds on a loaded machine too. The cache lives in a temporary directory, so a user's own is untouched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Row, markdown_table

PROJECT_ROOT = Path(__file__).resolve().parent.parent
IMPORT = "import carbonwatch.classify.policydocs"


def _one(cache: str) -> float:
    env = {**os.environ, "CARBONWATCH_REGEX_CACHE": cache}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", IMPORT], cwd=PROJECT_ROOT, env=env, check=True)
    return time.perf_counter() - start


def run(runs: int) -> list[Row]:
    """Cold and cached start-up, best of ``runs`` each, and their ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "regex.json")
        _one(path)  # writes the file
        cold = min(_one("off") for _ in range(runs))
        cached = min(_one(path) for _ in range(runs))
        size = Path(path).stat().st_size
    method = f"fresh processes importing the release rules, best of {runs} each, measured in one run"
    return [
        Row("Rules start-up: import without the regex cache", f"{cold:.2f} s", "-", "-", method),
        Row("Rules start-up: import with the regex cache", f"{cached:.2f} s ({size / 1e6:.1f} MB)", "-", "-", method),
        Row(
            "Rules start-up ratio: cold / cached",
            f"{cold / cached:.1f}x",
            "≥ 5x",
            "yes" if cold / cached >= 5 else "no",
            "the two rows above",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run of each")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(markdown_table(run(1 if args.quick else args.runs)))


if __name__ == "__main__":
    main()
