#!/usr/bin/env bash
# Runs the benchmarks in bench/ inside a loopback-only network namespace, each printing its own
# table as it goes, then prints ONE table of every figure: its value, its baseline measured in
# the same run, the ratio and what the baseline is (bench/report.py).
#
# Each module records its figures in one JSON-lines file ($TOODDOC_BENCH_FIGURES). Modules that
# take the median of several runs themselves (call, reconnect, network, hub, desk, bundle,
# backup: rounds or repeats of their own; send: p50/p95 over 100 sends) run once; store_bench and
# export_bench measure one pass and run BENCH_RUNS times (default 3): the table gives the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
if [ "$(id -u)" -eq 0 ]; then isolate=(unshare --net); else isolate=(unshare --net --map-root-user); fi
export QT_QPA_PLATFORM=offscreen
export BENCH_RUNS="${BENCH_RUNS:-3}"
TOODDOC_BENCH_FIGURES="$(mktemp -t tooddoc-bench-XXXXXX.jsonl)"
export TOODDOC_BENCH_FIGURES
"${isolate[@]}" sh -c '
set -e
ip link set lo up
for module in call_bench reconnect_bench network_bench hub_bench send_bench desk_bench bundle_bench \
  backup_bench; do
  "$0" -m "bench.$module"
done
for module in store_bench export_bench; do
  run=1
  while [ "$run" -le "$BENCH_RUNS" ]; do
    echo "bench.$module, run $run of $BENCH_RUNS"
    "$0" -m "bench.$module"
    run=$((run + 1))
  done
done
' .venv/bin/python
echo
echo "All figures (medians over runs; the figures as recorded: $TOODDOC_BENCH_FIGURES)"
.venv/bin/python -m bench.report "$TOODDOC_BENCH_FIGURES"
