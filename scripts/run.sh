#!/usr/bin/env bash
# Install desktop_chat into ./.venv (first time, or when dependencies changed) and start it.
# Arguments are passed to the app, e.g. `./scripts/run.sh --demo` or `--base-url http://localhost:11434/v1`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    "${PYTHON:-python3}" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e .
    touch "$stamp"
fi
exec .venv/bin/desktop-chat "$@"
