#!/usr/bin/env bash
# Smoke test of the .deb as a user gets it: install it into a bare Debian root and use it there.
#
#   1. `debootstrap --variant=minbase` (no Python, no X, no fonts), then `apt-get install ./the.deb`
#      plus what only the test needs: xvfb, dbus, gnome-keyring.
#   2. Checks: launcher on PATH, no python3 in the root, every ELF file of /opt/desktop-chat resolves
#      its libraries, the .desktop file validates.
#   3. In a network namespace with only loopback (no network): the installed app starts under Xvfb in
#      --demo mode, completes one chat against the bundled emulator, a screenshot is taken, and
#      SIGTERM makes it quit with exit code 0.
#   4. Keyring round trip against a real Secret Service (dbus-run-session + gnome-keyring-daemon):
#      `desktop-chat --keyring-check` must print KEYRING_OK ...SecretService...
#
# Usage: packaging/smoke_test_deb.sh [path/to.deb]   (default: the newest packaging/dist/*.deb)
# Needs root (chroot, mounts, namespaces), debootstrap, desktop-file-utils; imagemagick to turn the
# screenshot into PNG (otherwise it stays .xwd). Writes packaging/build/smoke/ (screenshot, logs).
# DEB_MIRROR overrides debootstrap's default mirror.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
deb="${1:-$(ls -t "$here"/dist/desktop-chat_*.deb 2>/dev/null | head -1)}"
[ -f "$deb" ] || { echo "no .deb: run packaging/build_deb.sh first" >&2; exit 2; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
out="$here/build/smoke"
rootfs="$here/build/smoke-root"
suite="${SMOKE_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}"
t0=$(date +%s)
step() { echo "== [$(( $(date +%s) - t0 ))s] $*"; }

rm -rf "$out" "$rootfs" && mkdir -p "$out"
step "debootstrap --variant=minbase $suite"
debootstrap --variant=minbase "$suite" "$rootfs" ${DEB_MIRROR:+"$DEB_MIRROR"} > "$out/debootstrap.log" 2>&1 \
    || { tail -20 "$out/debootstrap.log"; exit 1; }

# everything below runs in a private mount namespace: the mounts disappear with it
export deb rootfs out
unshare --mount --fork -- bash -euo pipefail -s <<'OUTER'
mount --rbind /dev "$rootfs/dev"
mount -t proc proc "$rootfs/proc"
mount -t sysfs sys "$rootfs/sys"
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
cp "$deb" "$rootfs/tmp/desktop-chat.deb"
in_root() { chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt-get install ./$(basename "$deb") xvfb dbus gnome-keyring"
in_root sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    /tmp/desktop-chat.deb xvfb dbus gnome-keyring' > "$out/apt.log" 2>&1 || { tail -30 "$out/apt.log"; exit 1; }
in_root dpkg-query -W -f '${Package} ${Version} ${Installed-Size} KiB\n' desktop-chat

echo "== static checks"
[ "$(in_root sh -c 'command -v desktop-chat')" = /usr/bin/desktop-chat ] || { echo "FAIL: desktop-chat not on PATH"; exit 1; }
if in_root sh -c 'command -v python3 || command -v python'; then echo "FAIL: the root has a Python"; exit 1; fi
desktop-file-validate "$rootfs/usr/share/applications/desktop-chat.desktop" | grep -v "hint:" || true
desktop-file-validate "$rootfs/usr/share/applications/desktop-chat.desktop" >/dev/null
[ -f "$rootfs/usr/share/icons/hicolor/scalable/apps/desktop-chat.svg" ] || { echo "FAIL: no icon"; exit 1; }
cat > "$rootfs/tmp/ldd_check.sh" <<'INNER'
cd /opt/desktop-chat/_internal
export LD_LIBRARY_PATH="$PWD:$PWD/PySide6/Qt/lib"
find /opt/desktop-chat -type f \( -name "*.so*" -o -name desktop-chat \) | while read -r f; do
    ldd "$f" 2>/dev/null | grep "not found" | sed "s|^|$f: |"
done
INNER
in_root sh /tmp/ldd_check.sh > "$out/ldd-missing.txt"
if [ -s "$out/ldd-missing.txt" ]; then echo "FAIL: unresolved libraries:"; cat "$out/ldd-missing.txt"; exit 1; fi
echo "ok: launcher on PATH, no Python, .desktop valid, all libraries resolve"

# the app's run: a network namespace with loopback only, a real X server, one chat, SIGTERM
echo "== chat under Xvfb, no network"
cat > "$rootfs/tmp/run_app.sh" <<'INNER'
set -eu
export HOME=/tmp/home LANG=C.UTF-8 DISPLAY=:99
mkdir -p "$HOME" /tmp/fb
Xvfb :99 -screen 0 1280x800x24 -fbdir /tmp/fb -nolisten tcp > /tmp/xvfb.log 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -S /tmp/.X11-unix/X99 ] && break; sleep 0.1; done
start=$(date +%s%N)
DESKTOP_CHAT_LOG=INFO desktop-chat --demo --send "hello from the installed package" --data-dir /tmp/data \
    2> /tmp/app.log &
app=$!
status=1
for _ in $(seq 600); do
    if grep -q "turn_finished .*status=completed" /tmp/app.log; then status=0; break; fi
    kill -0 $app 2>/dev/null || break
    sleep 0.1
done
echo "chat finished after $(( ($(date +%s%N) - start) / 1000000 )) ms (from exec)"
sleep 1  # let the last frame reach the screen before the screenshot
cp /tmp/fb/Xvfb_screen0 /tmp/screen.xwd
kill -TERM $app 2>/dev/null || true
rc=0; wait $app || rc=$?
kill $xvfb; wait $xvfb 2>/dev/null || true
echo "app exit code after SIGTERM: $rc"
[ $status -eq 0 ] && [ $rc -eq 0 ]
INNER
rc=0
unshare --net -- sh -c "ip link set lo up && exec chroot '$rootfs' /usr/bin/env -i PATH=/usr/bin:/bin sh /tmp/run_app.sh" || rc=$?
cp "$rootfs/tmp/app.log" "$out/app.log"; cp "$rootfs/tmp/screen.xwd" "$out/screenshot.xwd" 2>/dev/null || true
grep -E "window_shown|turn_finished|Traceback|Error" "$out/app.log" || true
[ $rc -eq 0 ] || { echo "FAIL: the chat did not complete or the app did not quit cleanly"; tail -30 "$out/app.log"; exit 1; }

echo "== keyring round trip (dbus-run-session + gnome-keyring)"
keyring=$(unshare --net -- sh -c "ip link set lo up && exec chroot '$rootfs' /usr/bin/env -i PATH=/usr/bin:/bin \
    HOME=/tmp/home dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
    && desktop-chat --keyring-check'" 2>"$out/keyring.log") || true
echo "$keyring"
case "$keyring" in KEYRING_OK*SecretService*) ;; *) echo "FAIL: keyring round trip"; cat "$out/keyring.log"; exit 1 ;; esac
OUTER

if command -v convert >/dev/null 2>&1 && convert -version 2>/dev/null | grep -q ImageMagick; then
    convert "xwd:$out/screenshot.xwd" "$out/screenshot.png" && rm "$out/screenshot.xwd"
fi
rm -rf "$rootfs"
step "PASS: installed, chatted, keyring round trip, quit cleanly (screenshot: ${out#"$here/"}/screenshot.*)"
