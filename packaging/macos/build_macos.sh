#!/usr/bin/env bash
# Build desktop-chat.app and a .dmg on macOS (NOT run in this project's CI: needs a Mac;
# .github/workflows/release.yml runs it on a macos-latest runner).
#
#   packaging/macos/build_macos.sh
#
# Output: packaging/dist/desktop-chat.app and packaging/dist/desktop-chat-<version>-macos-<arch>.dmg
# The app is built for the runner's architecture (arm64 on Apple silicon runners); build once per
# architecture, or on a universal2 Python with target_arch="universal2" in the spec.
#
# Signing and notarization run only when these are set (otherwise the app is ad-hoc signed and
# Gatekeeper will warn users):
#   CODESIGN_IDENTITY   "Developer ID Application: <Name> (<TEAMID>)", in the login keychain
#   NOTARY_PROFILE      a notarytool keychain profile, created once with:
#                       xcrun notarytool store-credentials <profile> --apple-id <id> --team-id <TEAMID>
#                       (app-specific password), or in CI from an App Store Connect API key:
#                       xcrun notarytool store-credentials <profile> --key AuthKey.p8 --key-id <id> --issuer <uuid>
# Steps: codesign every Mach-O inside the .app with the hardened runtime and a secure timestamp
# (inside out, then the .app), make the dmg, sign it, `notarytool submit --wait`, `stapler staple`,
# then `spctl -a -vv` / `stapler validate` as a check.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"   # packaging/
root="$(dirname "$here")"
build="$here/build"
venv="$build/venv"
python="${PYTHON:-python3}"

[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
"$venv/bin/python" -m pip install --quiet "$root"
"$venv/bin/python" -m pip install --quiet --no-deps --force-reinstall "$root"
version=$("$venv/bin/python" -c "from importlib.metadata import version; print(version('desktop-chat'))")

# icon: resources/desktop-chat.svg -> .iconset -> .icns
rm -rf "$build/desktop-chat.iconset"
"$venv/bin/python" "$here/make_icons.py" iconset "$build/desktop-chat.iconset"
iconutil -c icns "$build/desktop-chat.iconset" -o "$build/desktop-chat.icns"
export DESKTOP_CHAT_ICON="$build/desktop-chat.icns"

"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$here/dist" --workpath "$build/pyinstaller" "$here/desktop_chat.spec"
app="$here/dist/desktop-chat.app"

identity="${CODESIGN_IDENTITY:--}"   # "-" = ad-hoc
sign_flags=(--force --sign "$identity")
[ "$identity" = - ] || sign_flags+=(--options runtime --timestamp --entitlements "$here/macos/entitlements.plist")
# inside out: libraries and executables first, the bundle last (no --deep: it signs in the wrong order)
find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 \
    | while IFS= read -r -d '' f; do
        file -b "$f" | grep -q Mach-O && codesign "${sign_flags[@]}" "$f"
    done
codesign "${sign_flags[@]}" "$app"
codesign --verify --strict --verbose=2 "$app"

arch=$(uname -m)
dmg="$here/dist/desktop-chat-$version-macos-$arch.dmg"
stage="$build/dmg"
rm -rf "$stage" "$dmg" && mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "desktop_chat $version" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
if [ "$identity" != - ]; then
    codesign --force --sign "$identity" --timestamp "$dmg"
    if [ -n "${NOTARY_PROFILE:-}" ]; then
        xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
        xcrun stapler staple "$dmg"
        xcrun stapler validate "$dmg"
        spctl -a -vv -t install "$dmg"
    fi
fi
echo "app: $app"
echo "dmg: $dmg ($(du -h "$dmg" | cut -f1))"
