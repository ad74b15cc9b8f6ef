"""The layers of STYLE.md: a lower layer never imports a higher one (not even inside a function)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT

# Layer -> the top-level packages (or carbonwatch submodules) it must never import.
FORBIDDEN = {
    "crawler": ("scheduler", "carbonwatch.cli"),
    "storage": ("scheduler", "pipelines", "carbonwatch.cli"),
    "pipelines": ("scheduler", "carbonwatch.cli"),
    "scheduler": ("carbonwatch.cli",),
}


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_lower_layer_never_imports_a_higher_one(layer: str) -> None:
    offending = {
        f"{path.relative_to(PROJECT_ROOT)} imports {name}"
        for path in (PROJECT_ROOT / layer).rglob("*.py")
        if path.name != "__main__.py"  # an entry point (python -m scheduler) is a face, like the CLI
        for name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer])
    }
    assert not offending


def test_reading_a_sources_file_schedule_loads_no_scheduler() -> None:
    code = (
        "import sys; from crawler.sources import parse_schedule; "
        "assert parse_schedule('0 9 * * 1') == ('cron', '0 9 * * 1'); "
        "print(sorted(m for m in sys.modules if m == 'scheduler' or m.startswith('scheduler.')))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.strip() == "[]"
