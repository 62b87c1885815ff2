#!/usr/bin/env bash
# Refresh the .ts sources from the UI code and the core messages marked with QT_TRANSLATE_NOOP
# (keeps existing translations, also of strings whose code moved to another class) and compile the .qm files.
# After a merge or rebase that conflicted in a .ts file: take one side's file (`git checkout --ours`) and
# run `CARRY_FROM=OTHER_DIR ./scripts/update_translations.sh`, where OTHER_DIR holds the other side's
# desktop_chat_<lang>.ts files (e.g. from `git show :3:resources/translations/desktop_chat_ko.ts`):
# translations from both sides are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"
mapfile -t sources < <(find desktop_chat/ui desktop_chat/core -name '*.py' | sort)
for lang in ko zh_CN; do
    ts="resources/translations/desktop_chat_$lang.ts"
    before=$(mktemp)
    cp "$ts" "$before"
    "$bin/pyside6-lupdate" "${sources[@]}" -ts "$ts" -no-obsolete
    extra=()
    if [ -n "${CARRY_FROM:-}" ] && [ -f "$CARRY_FROM/desktop_chat_$lang.ts" ]; then
        extra=("$CARRY_FROM/desktop_chat_$lang.ts")
    fi
    "$bin/python" scripts/carry_translations.py "$before" "${extra[@]}" "$ts"
    "$bin/pyside6-lupdate" "${sources[@]}" -ts "$ts" -no-obsolete  # lupdate's own layout again
    rm -f "$before"
    "$bin/pyside6-lrelease" "$ts" -qm "resources/translations/desktop_chat_$lang.qm"
done
