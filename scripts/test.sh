#!/usr/bin/env bash
# Install desktop_chat with its test tools into ./.venv and run lint, type checks and the whole test suite.
# Arguments go to pytest, e.g. `./scripts/test.sh tests/core -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
    "${PYTHON:-python3}" -m venv .venv
fi
stamp=.venv/.installed-test-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e '.[test]'
    touch "$stamp"
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "== ruff" && .venv/bin/ruff check desktop_chat tests benchmarks
echo "== mypy" && .venv/bin/mypy
if [ "$#" -gt 0 ]; then
    echo "== pytest" && exec .venv/bin/python -m pytest "$@"
fi
echo "== pytest" && exec .venv/bin/python -m pytest
