#!/usr/bin/env bash
# Wrap the PyInstaller bundle into a Debian package: packaging/dist/desktop-chat_<version>_<arch>.deb
#
#   /opt/desktop-chat/                          the bundle (Python, Qt, the app)
#   /usr/bin/desktop-chat -> /opt/desktop-chat/desktop-chat
#   /usr/share/applications/desktop-chat.desktop
#   /usr/share/icons/hicolor/{scalable,<n>x<n>}/apps/desktop-chat.{svg,png}
#
# Libraries that Debian ships (xcb, xkbcommon, fontconfig, freetype, glib, dbus, OpenSSL, ...) are
# taken out of the bundle and become `Depends` instead, computed by dpkg-shlibdeps: the package then
# gets the distribution's security updates and data files (xkb-data, fonts.conf). Qt, ICU and Python
# stay bundled. The package fits the Debian release it is built on (CI builds on Debian 12).
# Needs: dpkg-dev (dpkg-shlibdeps), desktop-file-utils; the build venv of build_linux.sh (PNG icons).
# Builds the bundle first (build_linux.sh) when packaging/dist/desktop-chat is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
bundle="$here/dist/desktop-chat"
[ -x "$bundle/desktop-chat" ] || "$here/build_linux.sh"

metadata=$(ls -d "$bundle"/_internal/desktop_chat-*.dist-info)
version=$(sed -n 's/^Version: //p' "$metadata/METADATA")
arch=$(dpkg --print-architecture)
stage="$here/build/deb/desktop-chat_${version}_${arch}"
deb="$here/dist/desktop-chat_${version}_${arch}.deb"
rm -rf "$stage" && mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin"
cp -a "$bundle" "$stage/opt/desktop-chat"
ln -s /opt/desktop-chat/desktop-chat "$stage/usr/bin/desktop-chat"

# host libraries PyInstaller copied next to the executable that a Debian package provides
internal="$stage/opt/desktop-chat/_internal"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
candidates=()
for lib in "$internal"/lib*.so*; do
    [ -f "$lib" ] && [ ! -L "$lib" ] || continue
    name=$(basename "$lib")
    case "$name" in libpython*|libpyside6*|libshiboken6*|libQt6*|libicu*) continue ;; esac
    candidates+=("/lib/$multiarch/$name" "/usr/lib/$multiarch/$name")
done
removed=0
if [ "${#candidates[@]}" -gt 0 ]; then
    while IFS= read -r path; do
        rm -f "$internal/$(basename "$path")"
        removed=$((removed + 1))
    done < <(dpkg-query -S "${candidates[@]}" 2>/dev/null | sed -n 's/^[^ ]*: //p' | sort -u)
fi

# Depends: what the remaining ELF files link against, as Debian packages
shlib_dir="$here/build/deb/shlibdeps"
rm -rf "$shlib_dir" && mkdir -p "$shlib_dir/debian"
printf 'Source: desktop-chat\n\nPackage: desktop-chat\nArchitecture: any\n' > "$shlib_dir/debian/control"
elves=()
while IFS= read -r -d '' file; do
    [ "$(head -c4 "$file" | tail -c3)" = ELF ] && elves+=("$file")
done < <(find "$stage/opt" -type f \( -name '*.so*' -o -perm -u+x \) -print0)
search=()
while IFS= read -r dir; do search+=("-l$dir"); done < <(find "$stage/opt" -name '*.so*' -printf '%h\n' | sort -u)
shlibs=$(cd "$shlib_dir" && dpkg-shlibdeps -O --ignore-missing-info "${search[@]}" "${elves[@]}" 2>/dev/null \
    | sed -n 's/^shlibs:Depends=//p')
# run-time data that nothing links: fontconfig's configuration and at least one font (a bare system
# has none and Qt draws boxes)
depends="$shlibs, fontconfig, fonts-dejavu-core | fonts-liberation2 | fonts-noto-core"

# desktop entry and icons
install -D -m 644 "$root/resources/desktop-chat.desktop" "$stage/usr/share/applications/desktop-chat.desktop"
install -D -m 644 "$root/resources/desktop-chat.svg" "$stage/usr/share/icons/hicolor/scalable/apps/desktop-chat.svg"
"$here/build/venv/bin/python" "$here/make_icons.py" png "$stage/usr/share/icons/hicolor"
for png in "$stage"/usr/share/icons/hicolor/*x*/desktop-chat.png; do
    mkdir -p "$(dirname "$png")/apps" && mv "$png" "$(dirname "$png")/apps/"
done
desktop-file-validate "$stage/usr/share/applications/desktop-chat.desktop"
install -D -m 644 /dev/stdin "$stage/usr/share/doc/desktop-chat/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: desktop-chat

Files: *
License: MIT
Comment: /opt/desktop-chat bundles CPython (PSF License), Qt 6 and PySide6 (LGPL-3.0), ICU (Unicode
 License) and the Python packages listed in /opt/desktop-chat/_internal/*.dist-info, each under its
 own license.
EOF

installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: desktop-chat
Version: $version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-desktop-chat maintainers <maintainers@desktop-chat.invalid>}
Installed-Size: $installed_kb
Depends: $depends
Suggests: gnome-keyring
Section: net
Priority: optional
Description: desktop chat client for OpenAI-compatible models with branching conversations
 A native desktop client for the OpenAI Responses API and OpenAI-compatible servers in which
 every conversation is a tree: select any earlier answer and continue from there. Answers
 stream in as rendered markdown; API keys are kept in the system keyring (Secret Service).
EOF
# refresh the icon cache and desktop database when the tools exist (they do on a desktop)
cat > "$stage/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
fi
exit 0
EOF
cp "$stage/DEBIAN/postinst" "$stage/DEBIAN/postrm"
sed -i 's/if \[ "\$1" = configure \]; then/if [ "$1" = remove ] || [ "$1" = purge ]; then/' "$stage/DEBIAN/postrm"
chmod 755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/postrm"

# zstd -10: 54 MB in ~3 s; xz -6 is 46 MB but takes ~2 min on 2 cores (DEB_COMPRESSION=xz for releases)
compression="${DEB_COMPRESSION:-zstd}"
level=$([ "$compression" = zstd ] && echo 10 || echo 6)
dpkg-deb --root-owner-group "-Z$compression" "-z$level" --build "$stage" "$deb" >/dev/null
echo "deb: $deb ($(du -h "$deb" | cut -f1); installed $((installed_kb / 1024)) MiB; $removed libraries left to Depends)"
