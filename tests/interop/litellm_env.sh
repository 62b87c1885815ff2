#!/usr/bin/env bash
# Build .venv-litellm once (again only when requirements-litellm.txt changes) and print the path of its
# `litellm` command. The interop tests call this; .ci/run calls it before the tests so that CI fails
# loudly when the proxy cannot be installed instead of skipping the suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
requirements=tests/interop/requirements-litellm.txt
venv=.venv-litellm
stamp="$venv/.installed-$(sha256sum "$requirements" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "== building $venv from $requirements (a few minutes, once)" >&2
    rm -rf "$venv"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
    LITELLM_LOCAL_MODEL_COST_MAP=True "$venv/bin/litellm" --version >&2
    touch "$stamp"
fi
echo "$PWD/$venv/bin/litellm"
