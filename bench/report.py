"""The whole suite as one table, from the figures its modules recorded.

    python -m bench.report FIGURES.jsonl

scripts/bench.sh names the file in $TOODDOC_BENCH_FIGURES; each module's `table()` appends its
figures to it, one JSON object a line. A module run several times (bench.sh repeats those that
do not already take a median of several runs of their own) has each figure several times: the
table gives the median value, the median baseline and the median of the per-run ratios (each
ratio is a value against the baseline of its own run, the headline on a noisy machine), and how
many runs they come from.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.figures import Figure, layout, number


class ReportError(Exception):
    pass


@dataclass
class Runs:
    """Every run of one figure of one module (a figure is its name and its baseline: a module
    may set one value against two baselines)."""

    module: str
    name: str
    unit: str
    baseline_name: str
    values: list[float] = field(default_factory=list)
    baselines: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)

    def add(self, figure: Figure) -> None:
        self.values.append(figure.value)
        self.baselines.append(figure.baseline)
        self.ratios.append(figure.ratio)


def read(path: Path) -> list[Runs]:
    """The figures of the file, grouped by module, name and baseline, in the order first met."""
    grouped: dict[tuple[str, str, str], Runs] = {}
    for at, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            module = str(data.pop("module"))
            figure = Figure(
                name=str(data["name"]),
                value=float(data["value"]),
                baseline=float(data["baseline"]),
                unit=str(data["unit"]),
                baseline_name=str(data["baseline_name"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ReportError(f"{path}, line {at}: not a recorded figure ({error})") from None
        key = (module, figure.name, figure.baseline_name)
        if key not in grouped:
            grouped[key] = Runs(module, figure.name, figure.unit, figure.baseline_name)
        grouped[key].add(figure)
    return list(grouped.values())


def whole_table(runs: list[Runs]) -> str:
    rows: list[tuple[str, ...]] = [
        ("module", "figure", "value", "baseline", "ratio", "runs", "baseline is")
    ]
    for r in runs:
        value, baseline = statistics.median(r.values), statistics.median(r.baselines)
        rows.append(
            (
                r.module.removeprefix("bench."),
                r.name,
                f"{number(value)} {r.unit}",
                f"{number(baseline)} {r.unit}",
                f"{statistics.median(r.ratios):.2f}×",
                str(len(r.values)),
                r.baseline_name,
            )
        )
    return layout(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Prints the recorded figures as one table.")
    parser.add_argument("figures", type=Path, help="the JSON-lines file the modules wrote")
    options = parser.parse_args(argv)
    try:
        runs = read(options.figures)
    except (OSError, ReportError) as error:
        print(f"bench.report: {error}", file=sys.stderr)
        return 1
    if not runs:
        print(f"bench.report: no figures in {options.figures}", file=sys.stderr)
        return 1
    print(whole_table(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
