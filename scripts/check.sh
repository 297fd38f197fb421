#!/usr/bin/env bash
# Every check of the project, in order: lint, format, types, then the test suite inside a
# private network namespace that has only a loopback interface, so no test can reach beyond
# this machine. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv/bin

"$venv/ruff" check .
"$venv/ruff" format --check .
"$venv/mypy"

if [ "$(id -u)" -eq 0 ]; then
  isolate=(unshare --net)
else
  isolate=(unshare --net --map-root-user)
fi
export QT_QPA_PLATFORM=offscreen
exec "${isolate[@]}" sh -c 'ip link set lo up && exec "$0" -X warn_default_encoding -m pytest "$@"' \
  "$venv/python" "$@"
