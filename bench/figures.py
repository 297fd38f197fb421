"""Figures and their baselines, measured in the same run, printed as a table of ratios.

Each module prints its own table with `table()`. When the environment variable named by
FIGURES_FILE holds a path (scripts/bench.sh sets it), `table()` also appends the figures it lays
out to that file, one JSON object a line, tagged with the module that measured them: `python -m
bench.report FILE` then prints the whole suite as one table.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

FIGURES_FILE = "TOODDOC_BENCH_FIGURES"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    baseline: float
    unit: str
    baseline_name: str

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")


def table(figures: list[Figure]) -> str:
    """The figures as a text table; also recorded for the suite's table (see the module's doc)."""
    record(figures)
    rows = [("figure", "value", "baseline", "ratio", "baseline is")]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{number(f.value)} {f.unit}",
                f"{number(f.baseline)} {f.unit}",
                f"{f.ratio:.2f}×",
                f.baseline_name,
            )
        )
    return layout(rows)


def number(value: float) -> str:
    """Three significant digits, no exponent: 0.0123, 1.23, 12.3, 123, 123456."""
    if value == 0 or not math.isfinite(value):
        return f"{value:.0f}"
    decimals = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


def layout(rows: Sequence[Sequence[str]]) -> str:
    """Rows of cells in left-aligned columns, a rule under the first (the headings)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def record(figures: list[Figure], module: str | None = None) -> None:
    """Appends the figures to the file named by $TOODDOC_BENCH_FIGURES, if it is set."""
    target = os.environ.get(FIGURES_FILE)
    if not target or not figures:
        return
    source = module or running_module()
    with Path(target).open("a", encoding="utf-8") as out:
        for figure in figures:
            out.write(json.dumps({"module": source, **asdict(figure)}, ensure_ascii=False) + "\n")


def running_module() -> str:
    """The module run with `python -m` (bench.hub_bench, …), or the script's name."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name:
        return str(spec.name)
    return Path(sys.argv[0]).stem if sys.argv and sys.argv[0] else "bench"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
