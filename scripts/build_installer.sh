#!/usr/bin/env bash
# Builds the PyInstaller one-folder bundle (build_installer.spec), prints its size, then runs
# the bundle's own --self-test, offscreen and on loopback.
#   scripts/build_installer.sh              into dist/tooddoc-desk/
#   scripts/build_installer.sh FOLDER       into FOLDER/tooddoc-desk/ (its work files beside it)
# Needs the dev set-up (scripts/setup.sh dev: PyInstaller, the compiled translations).
# Exit status: 0 built and self-tested; otherwise PyInstaller's or the self-test's.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath -m "${1:-dist}")
work="$dist/.build"
venv=.venv/bin

scripts/translations.sh  # the .qm files the bundle carries
SECONDS=0
"$venv/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" build_installer.spec
build_seconds=$SECONDS
rm -rf "$work"

bundle="$dist/tooddoc-desk"
# PyInstaller links each Qt library beside the program, also those the spec left out: drop the
# links that lead nowhere
find "$bundle" -xtype l -delete
size_mb=$(du -sm "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l)
echo "bundle: $bundle ($size_mb MB, $files files), built in $build_seconds s"

"$bundle/tooddoc-desk" --self-test
