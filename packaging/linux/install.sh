#!/usr/bin/env bash
# Put Passerelle in this user's menu: run from the unpacked folder (share/install.sh).
# No root needed. The program stays where it was unpacked; moving that folder later means
# running this again. --uninstall removes the menu entry, icon and command (never your data).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
if [[ "${1:-}" == "--uninstall" ]]; then
    rm -f "$data/applications/passerelle.desktop" "$bin/passerelle" \
        "$data/icons/hicolor/256x256/apps/passerelle.png" \
        "$data/icons/hicolor/scalable/apps/passerelle.svg"
    echo "Passerelle removed from the menu. Your data in $data/Passerelle was not touched."
    exit 0
fi
mkdir -p "$data/applications" "$bin" "$data/icons/hicolor/256x256/apps" \
    "$data/icons/hicolor/scalable/apps"
ln -sfn "$here/passerelle" "$bin/passerelle"
cp "$here/share/passerelle.png" "$data/icons/hicolor/256x256/apps/passerelle.png"
cp "$here/share/passerelle.svg" "$data/icons/hicolor/scalable/apps/passerelle.svg"
sed "s|^Exec=passerelle|Exec=\"$here/passerelle\"|" "$here/share/passerelle.desktop" \
    > "$data/applications/passerelle.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Passerelle is in the menu (Office). From a terminal: $bin/passerelle"
"$here/passerelle" --self-test >/dev/null 2>&1 && echo "Self-test passed." \
    || echo "Self-test FAILED: run '$here/passerelle --self-test' to see which check."
