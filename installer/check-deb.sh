#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-deb.sh [BUILD_DIR] [--keep]
#
# Builds Reappro's packages (DEB and TGZ) from an already configured build
# folder (default: the project's build/), installs the .deb on this
# Debian 12 machine with apt-get (so that its dependencies are resolved),
# checks what it installed and runs the INSTALLED executables, then removes
# the package again (unless --keep). Run as root (apt-get, dpkg).
#
#   installer/check-deb.sh              # build/
#   installer/check-deb.sh build --keep # leave reappro installed afterwards
#   JOBS=1 installer/check-deb.sh       # build with one job (default: nproc)
#
# Needs: cmake/cpack, dpkg-dev (dpkg-shlibdeps), and optionally
# desktop-file-utils (desktop-file-validate), appstream (appstreamcli) and
# sqlite3. Exits non-zero if any check failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build="$here/../build"
keep=0
for arg in "$@"; do
    case "$arg" in
        --keep) keep=1 ;;
        -h|--help) sed -n '3,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "check-deb.sh: unknown option $arg" >&2; exit 64 ;;
        *) build=$arg ;;
    esac
done

passed=()
failed=()
installed_by_us=0
tmp=""

pass() { passed+=("$1"); echo "  ok    $1"; }
fail() { failed+=("$1"); echo "  FAIL  $1" >&2; }
# check NAME COMMAND...: runs COMMAND, records NAME as passed or failed, goes on.
check() {
    local name=$1; shift
    if "$@"; then pass "$name"; else fail "$name"; fi
}
step() { echo; echo "==> $*"; }

summary() {
    echo
    echo "==================== check-deb.sh summary ===================="
    [ -n "${deb:-}" ] && [ -f "$deb" ] && echo "package:  $(basename "$deb"), $(stat -c %s "$deb") bytes ($(du -h "$deb" | cut -f1))"
    [ -n "${tgz:-}" ] && [ -f "$tgz" ] && echo "archive:  $(basename "$tgz"), $(stat -c %s "$tgz") bytes ($(du -h "$tgz" | cut -f1))"
    [ -n "${depends:-}" ] && echo "Depends:  $depends"
    [ -n "${recommends:-}" ] && echo "Recommends: $recommends"
    echo "checks:   ${#passed[@]} passed, ${#failed[@]} failed"
    local f
    for f in "${failed[@]}"; do echo "  failed: $f"; done
    if [ ${#failed[@]} -eq 0 ]; then echo "RESULT: PASS"; else echo "RESULT: FAIL"; fi
}

cleanup() {
    local rc=$?
    [ -n "$tmp" ] && rm -rf "$tmp"
    if [ "$installed_by_us" = 1 ] && [ "$keep" = 0 ]; then
        step "Removing the package (--keep to leave it installed)"
        if DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq reappro >/dev/null \
            && ! dpkg-query -W -f='${Status}' reappro 2>/dev/null | grep -q "install ok installed" \
            && [ ! -e /usr/bin/reappro ] && [ ! -e /usr/bin/reappro-cli ]; then
            pass "apt-get remove reappro (executables gone)"
        else
            fail "apt-get remove reappro"
        fi
    fi
    summary
    if [ $rc -eq 0 ] && [ ${#failed[@]} -gt 0 ]; then rc=1; fi
    exit $rc
}
trap cleanup EXIT

# A step that must succeed for the rest to make sense.
fatal() { fail "$1"; exit 1; }

[ "$(id -u)" -eq 0 ] || { echo "check-deb.sh: run as root (it installs and removes a package)" >&2; trap - EXIT; exit 1; }
for tool in cmake cpack dpkg-deb dpkg-shlibdeps apt-get tar; do
    command -v "$tool" >/dev/null || { echo "check-deb.sh: $tool is missing (dpkg-shlibdeps: apt-get install dpkg-dev)" >&2; trap - EXIT; exit 1; }
done

build_arg=$build
build=$(cd "$build" 2>/dev/null && pwd) || { echo "check-deb.sh: no build folder $build_arg" >&2; trap - EXIT; exit 1; }
[ -f "$build/CPackConfig.cmake" ] || {
    echo "check-deb.sh: $build/CPackConfig.cmake is missing: is add_subdirectory(installer) in the top-level CMakeLists.txt, and $build configured?" >&2
    trap - EXIT; exit 1; }
pkgdir="$build/packages"

step "Building reappro and reappro-cli in $build"
cmake --build "$build" --target reappro reappro-cli -j "${JOBS:-$(nproc)}" || fatal "build"
pass "build"

step "Packaging (cpack -G DEB;TGZ)"
rm -f "$pkgdir"/reappro_*.deb "$pkgdir"/reappro-*.tar.gz "$pkgdir"/*.sha256
(cd "$build" && cpack -G "DEB;TGZ") || fatal "cpack"
shopt -s nullglob
debs=("$pkgdir"/reappro_*.deb)
tgzs=("$pkgdir"/reappro-*.tar.gz)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fatal "exactly one reappro_*.deb in $pkgdir (found ${#debs[@]})"
[ ${#tgzs[@]} -eq 1 ] || fatal "exactly one reappro-*.tar.gz in $pkgdir (found ${#tgzs[@]})"
deb=${debs[0]}
tgz=${tgzs[0]}
pass "cpack: $(basename "$deb"), $(basename "$tgz")"

step "Package metadata (dpkg-deb -I)"
dpkg-deb -I "$deb"
depends=$(dpkg-deb -f "$deb" Depends)
recommends=$(dpkg-deb -f "$deb" Recommends)
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)
check "file name is reappro_<version>_<arch>.deb" [ "$(basename "$deb")" = "reappro_${version}_${arch}.deb" ]
check "Depends has the shared libraries (dpkg-shlibdeps ran)" grep -q "libqt6widgets6" <<<"$depends"
check "Depends has the Qt SQLite driver libqt6sql6-sqlite" grep -q "libqt6sql6-sqlite" <<<"$depends"

step "TGZ contents ($(basename "$tgz"))"
tgz_list=$(tar tzf "$tgz")
grep -E '/bin/' <<<"$tgz_list" || true
echo "  ($(wc -l <<<"$tgz_list") entries)"
check "tgz holds bin/reappro" grep -qE '^[^/]+/bin/reappro$' <<<"$tgz_list"
check "tgz holds bin/reappro-cli" grep -qE '^[^/]+/bin/reappro-cli$' <<<"$tgz_list"

step "Installing $(basename "$deb") with apt-get"
if dpkg-query -W -f='${Status}' reappro 2>/dev/null | grep -q "install ok installed"; then
    echo "  reappro $(dpkg-query -W -f='${Version}' reappro) is already installed: removing it first for a clean install"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq reappro >/dev/null
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" || fatal "apt-get install $(basename "$deb")"
installed_by_us=1
pass "apt-get install $(basename "$deb")"

step "Installed files (dpkg -L reappro)"
files=$(dpkg -L reappro)
in_package() { [ -e "$1" ] && grep -qxF "$1" <<<"$files"; }
for f in /usr/bin/reappro /usr/bin/reappro-cli \
         /usr/share/applications/fr.reappro.Reappro.desktop \
         /usr/share/metainfo/fr.reappro.Reappro.metainfo.xml \
         /usr/share/icons/hicolor/256x256/apps/fr.reappro.Reappro.png \
         /usr/share/icons/hicolor/scalable/apps/fr.reappro.Reappro.svg \
         /usr/share/reappro/translations/reappro_fr.qm \
         /usr/share/doc/reappro/README.md; do
    check "installed $f" in_package "$f"
done
# The installed executables need nothing from the build tree.
check "installed executables resolve every shared library" \
    bash -c '! ldd /usr/bin/reappro /usr/bin/reappro-cli | grep -q "not found"'
if command -v readelf >/dev/null; then
    check "installed executables have no RPATH/RUNPATH" \
        bash -c '! readelf -d /usr/bin/reappro /usr/bin/reappro-cli | grep -qE "\((RPATH|RUNPATH)\)"'
fi

step "Running the installed executables"
tmp=$(mktemp -d)
# Settings (QSettings, ~/.config) and the runtime folder go to the temporary
# folder, not to the user's own; no build-tree library can be picked up.
run() { env -u LD_LIBRARY_PATH XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/runtime" HOME="$tmp/home" "$@"; }
mkdir -p "$tmp/config" "$tmp/runtime" "$tmp/home" "$tmp/demo"
chmod 700 "$tmp/runtime"
cd "$tmp"

check "reappro-cli demo --products 40 --units 4 --years 1" \
    run /usr/bin/reappro-cli demo --out "$tmp/demo" --products 40 --units 4 --years 1
check "reappro-cli import commits (exit 0)" \
    run /usr/bin/reappro-cli import --db "$tmp/demo/demo.sqlite" "$tmp"/demo/*.csv
info=$(run /usr/bin/reappro-cli info --lang en --db "$tmp/demo/demo.sqlite" 2>&1 || true)
while IFS= read -r line; do echo "    $line"; done <<<"$info"
check "the database holds the 40 imported products" grep -q "^Products: 40 " <<<"$info"
counts_committed() {
    [ "$(sqlite3 "$1" "select count(*) from product")" = 40 ] \
        && [ "$(sqlite3 "$1" "select count(*) from movement")" -gt 0 ]
}
if command -v sqlite3 >/dev/null; then
    check "sqlite3: 40 products and the movements are in the file" counts_committed "$tmp/demo/demo.sqlite"
fi
check "reappro-cli imports the shipped samples (/usr/share/reappro/samples)" \
    run /usr/bin/reappro-cli import --db "$tmp/samples.sqlite" /usr/share/reappro/samples/*.csv

check "QT_QPA_PLATFORM=offscreen reappro --help (exit 0)" \
    run env QT_QPA_PLATFORM=offscreen /usr/bin/reappro --help
check "QT_QPA_PLATFORM=offscreen reappro --version (exit 0)" \
    run env QT_QPA_PLATFORM=offscreen /usr/bin/reappro --version
# The GUI opens the database (through the QSQLITE plugin) and draws its window.
screenshot() {
    run env QT_QPA_PLATFORM=offscreen /usr/bin/reappro --db "$1" --screenshot "$2" && [ -s "$2" ]
}
check "reappro opens the demo database offscreen and saves a screenshot" \
    screenshot "$tmp/demo/demo.sqlite" "$tmp/window.png"
[ -s "$tmp/window.png" ] && cp "$tmp/window.png" "$pkgdir/check-deb-window.png" \
    && echo "  (the window as drawn: $pkgdir/check-deb-window.png)"

step "Desktop entry and AppStream metadata"
if command -v desktop-file-validate >/dev/null; then
    check "desktop-file-validate fr.reappro.Reappro.desktop" \
        desktop-file-validate /usr/share/applications/fr.reappro.Reappro.desktop
else
    echo "  (desktop-file-validate not installed: apt-get install desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    check "appstreamcli validate fr.reappro.Reappro.metainfo.xml" \
        appstreamcli validate --no-net /usr/share/metainfo/fr.reappro.Reappro.metainfo.xml
else
    echo "  (appstreamcli not installed: apt-get install appstream)"
fi
cd /
