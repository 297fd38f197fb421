"""Figures and their baselines, measured in the same run, printed as a table of ratios."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


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
    rows = [("figure", "value", "baseline", "ratio", "baseline is")]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{f.value:.1f} {f.unit}",
                f"{f.baseline:.1f} {f.unit}",
                f"{f.ratio:.2f}×",
                f.baseline_name,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
