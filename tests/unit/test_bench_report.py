"""The suite's one table: what the modules' tables record, read back as medians over runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.figures import FIGURES_FILE, Figure, number, record, table
from bench.report import main, read, whole_table


def figure(name: str, value: float, baseline: float) -> Figure:
    return Figure(name, value, baseline, "ms", "the bare thing")


def test_a_module_table_is_recorded_when_the_file_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "figures.jsonl"
    monkeypatch.setenv(FIGURES_FILE, str(target))
    table([figure("Join → first frame", 300.0, 200.0)])
    record([figure("relay p99", 2.0, 1.0)], module="bench.hub_bench")
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["name"] for line in lines] == ["Join → first frame", "relay p99"]
    assert lines[1]["module"] == "bench.hub_bench"
    assert lines[0]["value"] == 300.0
    assert lines[0]["baseline_name"] == "the bare thing"


def test_nothing_is_recorded_without_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(FIGURES_FILE, raising=False)
    monkeypatch.chdir(tmp_path)
    table([figure("Join → first frame", 300.0, 200.0)])
    assert list(tmp_path.iterdir()) == []


def test_runs_of_a_figure_become_one_row_of_medians(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "figures.jsonl"
    monkeypatch.setenv(FIGURES_FILE, str(target))
    for value, baseline in ((10.0, 5.0), (30.0, 10.0), (12.0, 2.0)):  # ratios 2, 3, 6
        record([figure("write", value, baseline)], module="bench.store_bench")
    record([figure("p50", 1.0, 4.0)], module="bench.hub_bench")
    other = Figure("write", 12.0, 24.0, "ms", "another baseline")
    record([other], module="bench.store_bench")
    runs = read(target)
    assert [(r.module, r.name, r.baseline_name, len(r.values)) for r in runs] == [
        ("bench.store_bench", "write", "the bare thing", 3),
        ("bench.hub_bench", "p50", "the bare thing", 1),
        ("bench.store_bench", "write", "another baseline", 1),
    ]
    lines = whole_table(runs).splitlines()
    assert lines[0].split()[:5] == ["module", "figure", "value", "baseline", "ratio"]
    write_row = lines[2].split()
    assert write_row[:8] == ["store_bench", "write", "12.0", "ms", "5.00", "ms", "3.00×", "3"]
    assert lines[3].split()[:7] == ["hub_bench", "p50", "1.00", "ms", "4.00", "ms", "0.25×"]


def test_a_line_that_is_not_a_figure_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "figures.jsonl"
    good = {"module": "bench.x", "name": "a", "value": 1, "baseline": 1}
    good |= {"unit": "ms", "baseline_name": "b"}
    target.write_text(json.dumps(good) + "\n" + '{"module": "bench.x", "name": "b"}\n')
    assert main([str(target)]) == 1
    assert "figures.jsonl, line 2: not a recorded figure" in capsys.readouterr().err


def test_an_empty_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "figures.jsonl"
    target.write_text("")
    assert main([str(target)]) == 1
    assert "no figures" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.0, "0"), (0.012345, "0.0123"), (1.2345, "1.23"), (12.345, "12.3"), (123.45, "123"),
     (115948.2, "115948"), (-2.5, "-2.50")],
)  # fmt: skip
def test_numbers_keep_three_significant_digits(value: float, shown: str) -> None:
    assert number(value) == shown
