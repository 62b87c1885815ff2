#!/usr/bin/env bash
# Build the self-contained Linux bundle (PyInstaller onedir): packaging/dist/desktop-chat/desktop-chat.
#
# A build venv of its own (packaging/build/venv) gets desktop-chat installed as a wheel (not editable,
# so the bundle holds exactly what a user installs) and the pinned PyInstaller. When ./.venv exists
# (the tested environment), its versions are used as constraints, so the bundle ships what was tested.
# Needs on the build host: Python 3.11+ with a shared libpython, and Qt's xcb libraries
# (libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 ...: see .ci/run), or PyInstaller cannot resolve
# the xcb platform plugin's dependencies.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="$here/build"
venv="$build/venv"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
constraints=()
if [ -x "$root/.venv/bin/python" ]; then
    "$root/.venv/bin/python" -m pip freeze --exclude-editable --all 2>/dev/null \
        | grep -v -i -E '^(desktop[-_]chat|pip|setuptools)([=@ ]|$)' > "$build/constraints.txt" || true
    constraints=(--constraint "$build/constraints.txt")
fi
stamp="$venv/.installed-$(cat "$root/pyproject.toml" "$here/requirements.txt" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    "$venv/bin/python" -m pip install --quiet "${constraints[@]}" -r "$here/requirements.txt"
    touch "$stamp"
fi
# the app itself is reinstalled every build (same version number, newer sources). setuptools builds
# the wheel in ./build (ignored by git) and keeps stale files there: start from an empty one.
rm -rf "$root/build"
"$venv/bin/python" -m pip install --quiet "${constraints[@]}" "$root"
"$venv/bin/python" -m pip install --quiet --no-deps --force-reinstall "$root"
rm -rf "$root/build"

started=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$here/dist" --workpath "$build/pyinstaller" "$here/desktop_chat.spec"
echo "bundle: $here/dist/desktop-chat ($(du -sh "$here/dist/desktop-chat" | cut -f1), built in $(( $(date +%s) - started )) s)"
