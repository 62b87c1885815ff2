#!/usr/bin/env bash
# CI for the Linux package: build the bundle once, wrap it as a .deb, install that into a bare Debian
# root and smoke-test it there (packaging/smoke_test_deb.sh). Installs its build tools with apt-get.
# ~3-4 min on 2 cores from a clean checkout (measured numbers: packaging/README.md).
#   packaging/ci_linux.sh            build + .deb + smoke test
#   packaging/ci_linux.sh --measure  also the first-paint / RSS comparison with running from source
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
t0=$(date +%s)
step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }

# build host: Qt's xcb libraries (PyInstaller resolves the platform plugin's dependencies),
# dpkg-dev, desktop-file-utils; smoke test: debootstrap, iproute2 (loopback in the test's network
# namespace), imagemagick (screenshot to PNG); measuring: xvfb
tools=(python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
       libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
       libxcb-image0 libwayland-client0 libwayland-cursor0 libwayland-egl1
       dpkg-dev desktop-file-utils debootstrap iproute2 imagemagick xvfb xauth)
missing=()
for p in "${tools[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "bundle (PyInstaller)"
"$here/build_linux.sh" 2>&1 | grep -v -E '^\s|^$|BuildBackendWarning|SetuptoolsDeprecationWarning|corresp\(' || true
[ -x "$here/dist/desktop-chat/desktop-chat" ] || { echo "the bundle was not built" >&2; exit 1; }
step ".deb"
"$here/build_deb.sh"
step "smoke test of the installed .deb"
"$here/smoke_test_deb.sh"
if [ "${1:-}" = --measure ] && [ -x "$root/.venv/bin/python" ]; then
    step "first paint and RSS: bundle vs source"
    xvfb-run -a -s "-screen 0 1280x800x24" "$root/.venv/bin/python" "$here/measure_startup.py" --runs 9
fi
step "done"
