#!/usr/bin/env bash
# Runs the benchmarks in bench/ inside a loopback-only network namespace and prints, for each
# figure, its baseline measured in the same run and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dev
if [ "$(id -u)" -eq 0 ]; then isolate=(unshare --net); else isolate=(unshare --net --map-root-user); fi
export QT_QPA_PLATFORM=offscreen
"${isolate[@]}" sh -c 'ip link set lo up && "$0" -m bench.call_bench && "$0" -m bench.reconnect_bench && "$0" -m bench.network_bench && "$0" -m bench.store_bench && "$0" -m bench.send_bench && "$0" -m bench.desk_bench && "$0" -m bench.export_bench' .venv/bin/python
