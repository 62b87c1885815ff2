#!/usr/bin/env bash
# Refresh the .ts sources from the UI code and the core messages marked with QT_TRANSLATE_NOOP
# (keeps existing translations) and compile the .qm files.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
for lang in ko zh_CN; do
    "$bin/pyside6-lupdate" desktop_chat/ui/*.py desktop_chat/core/*.py -ts "resources/translations/desktop_chat_$lang.ts" -no-obsolete
    "$bin/pyside6-lrelease" "resources/translations/desktop_chat_$lang.ts" -qm "resources/translations/desktop_chat_$lang.qm"
done
