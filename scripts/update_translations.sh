#!/usr/bin/env bash
# Refresh the .ts sources from the UI code and the core messages marked with QT_TRANSLATE_NOOP
# (keeps existing translations, also of strings whose code moved to another class) and compile the .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"
mapfile -t sources < <(find desktop_chat/ui desktop_chat/core -name '*.py' | sort)
for lang in ko zh_CN; do
    ts="resources/translations/desktop_chat_$lang.ts"
    before=$(mktemp)
    cp "$ts" "$before"
    "$bin/pyside6-lupdate" "${sources[@]}" -ts "$ts" -no-obsolete
    "$bin/python" scripts/carry_translations.py "$before" "$ts"
    "$bin/pyside6-lupdate" "${sources[@]}" -ts "$ts" -no-obsolete  # lupdate's own layout again
    rm -f "$before"
    "$bin/pyside6-lrelease" "$ts" -qm "resources/translations/desktop_chat_$lang.qm"
done
