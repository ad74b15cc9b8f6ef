"""Tables that fit the terminal without cutting what operators need (ids, statuses, paths), and JSON lines.

A table that is too wide first drops its least important columns, then folds free-text columns onto several
lines; the columns marked ``keep`` are never shortened. When even those do not fit, the table is printed at the
width they need (the terminal wraps the lines; nothing is lost). ``--json`` output is one JSON object per line.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

# Piped output (cron mail, `| less`) without COLUMNS gets this width instead of rich's 80-column default.
PIPE_WIDTH = 160
# A folded column is given this many cells before other columns are dropped to make room, and is folded down to
# FOLD_FLOOR cells before the table is printed wider than the terminal.
MIN_FOLD_WIDTH = 40
FOLD_FLOOR = 16
Justify = Literal["left", "right"]


@dataclass(frozen=True)
class Column:
    """One column: ``keep`` is never shortened, ``fold`` may wrap, ``drop`` orders what goes first (higher first)."""

    name: str
    keep: bool = False
    fold: bool = False
    drop: int = 0  # 0: never dropped
    justify: Justify = "left"


def console_width() -> int:
    """The terminal's width, ``COLUMNS`` when set, else :data:`PIPE_WIDTH` for piped output."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return Console().width
    return PIPE_WIDTH


def _cell(value: Any) -> Text:
    return value if isinstance(value, Text) else Text.from_markup(str(value))


def _needed(columns: Sequence[Column], widths: dict[str, int], fold: int = MIN_FOLD_WIDTH) -> int:
    # Box edges: one border per column plus one, and one space of padding either side of each cell.
    cells = sum(min(widths[c.name], fold) if c.fold else widths[c.name] for c in columns)
    return cells + 3 * len(columns) + 1


def fit_table(
    title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]], width: int, styles: Sequence[str] = ()
) -> tuple[Table, int]:
    """The table to print at ``width`` and the width to print it at (wider than ``width`` only when it must be)."""
    cells = [[_cell(v) for v in row] for row in rows]
    natural = {c.name: max([Text(c.name).cell_len, *(r[i].cell_len for r in cells)]) for i, c in enumerate(columns)}
    shown = list(columns)
    for candidate in sorted((c for c in columns if c.drop), key=lambda c: -c.drop):
        if _needed(shown, natural) <= width:
            break
        shown.remove(candidate)
    table = Table(title=title)
    for c in shown:
        if c.fold:
            table.add_column(c.name, justify=c.justify, overflow="fold")
        else:
            table.add_column(c.name, justify=c.justify, no_wrap=True, min_width=natural[c.name])
    index = {c.name: i for i, c in enumerate(columns)}
    for n, row in enumerate(cells):
        table.add_row(*(row[index[c.name]] for c in shown), style=styles[n] if n < len(styles) else None)
    return table, max(width, _needed(shown, natural, FOLD_FLOOR))


def print_table(
    title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]], styles: Sequence[str] = ()
) -> None:
    """Print a fitted table on stdout."""
    table, width = fit_table(title, columns, rows, console_width(), styles)
    Console(width=width).print(table)


def print_json_lines(records: Iterable[dict[str, Any]]) -> None:
    """One compact JSON object per line (UTF-8 text kept as is)."""
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
