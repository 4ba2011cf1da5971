#!/usr/bin/env bash
# Build the Passerelle bundle for Linux from a fresh virtual environment, then smoke-test it.
#
#   bash packaging/build.sh             # fresh venv in build/venv, bundle, self-test, archive
#   bash packaging/build.sh --reuse     # keep build/venv if it exists (faster rebuilds)
#   bash packaging/build.sh --no-archive
#
# Produces dist/passerelle/ (run dist/passerelle/passerelle) and
# dist/passerelle-VERSION-linux-ARCH.tar.gz, which desk staff unpack and run (see README).
# PYTHON picks the interpreter (default python3; 3.11 or newer, built with a shared libpython).
# Windows and macOS: see packaging/README.md (same spec, their own commands).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=build/venv
REUSE=0
ARCHIVE=1
for arg in "$@"; do
    case "$arg" in
        --reuse) REUSE=1 ;;
        --no-archive) ARCHIVE=0 ;;
        *) echo "usage: $0 [--reuse] [--no-archive]" >&2; exit 2 ;;
    esac
done

# 1. A fresh environment with the project (not editable: the bundle is built from what a wheel
#    installs) and PyInstaller, so nothing from a developer's environment slips in.
if [[ $REUSE == 0 || ! -x $VENV/bin/python ]]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
fi
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps .
"$VENV/bin/python" -m pip install -q ".[packaging]"
VERSION="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("passerelle"))')"
echo "Building Passerelle $VERSION with $("$VENV/bin/python" -V)"

# 2. The bundle, from the installed package (the spec keeps the checkout off the import path).
rm -rf dist/passerelle build/pyinstaller
started=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/passerelle.spec
echo "PyInstaller took $(( $(date +%s) - started )) s"

# 3. Linux desktop integration travels inside the folder: install.sh puts a menu entry and an
#    icon in the user's home (no root needed).
mkdir -p dist/passerelle/share
cp packaging/linux/passerelle.desktop packaging/linux/install.sh dist/passerelle/share/
cp build/pyinstaller/passerelle/icons/passerelle.png build/pyinstaller/passerelle/icons/passerelle.svg \
    dist/passerelle/share/
chmod +x dist/passerelle/share/install.sh

# 4. Smoke test: the bundle itself, headless, with no access to the build environment.
echo "--- smoke test"
env -i HOME="$(mktemp -d)" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    dist/passerelle/passerelle --version
env -i HOME="$(mktemp -d)" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    dist/passerelle/passerelle --self-test

echo "--- bundle size: $(du -sh dist/passerelle | cut -f1)"

# 5. The archive staff download.
if [[ $ARCHIVE == 1 ]]; then
    name="passerelle-$VERSION-linux-$(uname -m)"
    tar -C dist --transform "s,^passerelle,$name," -czf "dist/$name.tar.gz" passerelle
    echo "--- archive: dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))"
fi
