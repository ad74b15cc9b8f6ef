"""Benchmarks: measured speed, memory and accuracy of carbonwatch against the tools a user would pick instead."""

from __future__ import annotations

from dataclasses import dataclass

COLUMNS = ("benchmark", "figure", "target", "met?", "method")


@dataclass
class Row:
    """One line of the results table."""

    benchmark: str
    figure: str
    target: str
    met: str  # "yes", "no", "-" (no target) or "not available"
    method: str

    def cells(self) -> list[str]:
        """The row's cells in column order."""
        return [self.benchmark, self.figure, self.target, self.met, self.method]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown_table(rows: list[Row]) -> str:
    """The rows as a Markdown table with the columns benchmark, figure, target, met?, method."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cell(c) for c in row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def parse_markdown_tables(text: str) -> list[list[dict[str, str]]]:
    """Every Markdown table in ``text``, each as a list of ``{header: cell}`` dicts."""
    tables: list[list[dict[str, str]]] = []
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("|"):
            block.append(stripped)
            continue
        if len(block) >= 2 and set(block[1].replace("|", "").strip()) <= set("-: "):
            header = _split_row(block[0])
            tables.append([dict(zip(header, _split_row(r), strict=False)) for r in block[2:]])
        block = []
    return tables


def _split_row(line: str) -> list[str]:
    inner = line.strip().strip("|")
    cells, current, escaped = [], "", False
    for ch in inner:
        if ch == "|" and not escaped:
            cells.append(current.strip())
            current = ""
        else:
            current += ch
        escaped = ch == "\\" and not escaped
    cells.append(current.strip())
    return cells
