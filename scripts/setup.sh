#!/usr/bin/env bash
# Prepares this checkout: Debian packages, a virtual environment in .venv, the project in it.
# Usage: scripts/setup.sh runtime|dev   (idempotent; the second run only checks stamps)
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-runtime}
runtime_debs=(libpulse0 libpipewire-0.3-0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
              libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
              libxcb-shape0 libxcb-xinerama0 libxcb-randr0)
dev_debs=(chromium iproute2 util-linux nftables coturn nginx-light openssl systemd xvfb pulseaudio
          poppler-utils dbus gnome-keyring)

debs=("${runtime_debs[@]}")
[ "$profile" = dev ] && debs+=("${dev_debs[@]}")

if command -v dpkg-query >/dev/null; then
  missing=()
  for d in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "ok installed" || missing+=("$d")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: no dpkg here; install these system libraries yourself: ${debs[*]}" >&2
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup: Python 3.11 or newer is needed ($python is $("$python" --version 2>&1))" >&2
  exit 1
}

[ -x .venv/bin/python ] || "$python" -m venv .venv

extras=""
[ "$profile" = dev ] && extras="[dev]"
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-$profile"
if [ ! -f "$stamp" ]; then
  echo "setup: installing the project into .venv ($profile)"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
  rm -f .venv/.installed-*
  touch "$stamp"
  # a dev install also satisfies the runtime profile
  [ "$profile" = dev ] && touch "${stamp%-dev}-runtime"
fi

# the window's translations, compiled from their .ts sources (the .qm files are not committed)
scripts/translations.sh
