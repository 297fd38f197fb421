#!/usr/bin/env bash
# The window's translations (tooddoc_desk/ui/translations/tooddoc_<fr|nl|de>.ts; English is the
# source language).
#   scripts/translations.sh          compiles each .ts to its .qm (what the app loads)
#   scripts/translations.sh update   after a visible string was added or changed: rewrites the
#                                    sentence catalog, then merges the strings of ui/*.py into
#                                    the .ts files (new ones "unfinished", to be translated)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv/bin
folder=tooddoc_desk/ui/translations
languages=(fr nl de)

if [ "${1:-}" = update ]; then
  "$venv/python" scripts/sentence_catalog.py
  for lang in "${languages[@]}"; do
    "$venv/pyside6-lupdate" -silent -locations none -no-obsolete \
      -source-language en -target-language "$lang" \
      tooddoc_desk/ui/*.py -ts "$folder/tooddoc_$lang.ts"
  done
fi

for lang in "${languages[@]}"; do
  "$venv/pyside6-lrelease" -silent "$folder/tooddoc_$lang.ts" -qm "$folder/tooddoc_$lang.qm"
done
