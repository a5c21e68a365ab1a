#!/usr/bin/env bash
# Duizhao's macOS disk image: Duizhao.app and a link to /Applications, compressed (UDZO).
#
#   packaging/macos/make_dmg.sh dist/Duizhao.app build/Duizhao-0.1.0.dmg 0.1.0
#
# packaging/build.py runs it on macOS after PyInstaller has built dist/Duizhao.app
# (.github/workflows/build-macos.yml). It uses only what macOS ships (hdiutil,
# codesign). Not run on the project's own (Linux) machines: see README.md,
# "Packaging". Signing: set DUIZHAO_CODESIGN_IDENTITY to a "Developer ID
# Application" identity to sign the app (the spec signs the binaries with it too)
# and the image; without it the app is ad-hoc signed, which runs on the machine
# that built it and, elsewhere, only after the user allows it (right-click, Open).
set -euo pipefail
app=${1:?usage: make_dmg.sh APP DMG VERSION}
dmg=${2:?usage: make_dmg.sh APP DMG VERSION}
version=${3:?usage: make_dmg.sh APP DMG VERSION}
[ "$(uname)" = Darwin ] || { echo "make_dmg.sh: needs macOS (hdiutil)" >&2; exit 2; }
[ -d "$app" ] || { echo "make_dmg.sh: $app not found; build it first (packaging/build.py)" >&2; exit 1; }

identity=${DUIZHAO_CODESIGN_IDENTITY:--}
codesign --force --deep --options runtime --timestamp=none --sign "$identity" "$app"
codesign --verify --deep --strict "$app"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
mkdir -p "$(dirname "$dmg")"
rm -f "$dmg"
hdiutil create -volname "Duizhao $version" -srcfolder "$stage" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$dmg"
if [ "$identity" != - ]; then
    codesign --force --sign "$identity" "$dmg"
fi
hdiutil verify "$dmg"
echo "make_dmg.sh: wrote $dmg"
