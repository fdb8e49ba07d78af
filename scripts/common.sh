# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by run.sh, test.sh and the bench scripts: install what is missing,
# build, build a demo hospital's database.
# shellcheck shell=bash

REAPPRO_PACKAGES=(
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools
    qt6-translations-l10n libeigen3-dev libboost-date-time-dev libsqlite3-dev cmake ninja-build g++
    xvfb xauth poppler-utils fonts-dejavu-core libquazip1-qt6-dev libxlsxwriter-dev sqlite3 pkg-config
    clang-format-16 dpkg-dev desktop-file-utils appstream
)

install_missing_packages() {
    local missing=()
    for p in "${REAPPRO_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> Installing missing packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Run as root (or install: ${missing[*]})" >&2; return 1; }
        sudo=sudo
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build_reappro() {
    local type="${1:-RelWithDebInfo}"
    echo "==> Building ($type) in build/"
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$type" >/dev/null
    cmake --build build -j "$(nproc)"
}

# demo_database CLI DIR [SEED]: DIR/demo.sqlite from the demo hospital's
# exports (DIR/exports), unless it is already there. The import goes to a
# temporary file first, so an interrupted run leaves no half database to reuse.
demo_database() {
    local cli=$1 dir=$2 seed=${3:-}
    [ -f "$dir/demo.sqlite" ] && return 0
    mkdir -p "$dir"
    rm -rf "$dir/exports" "$dir/demo.sqlite.tmp"
    "$cli" demo --out "$dir/exports" ${seed:+--seed "$seed"} >/dev/null
    "$cli" import --db "$dir/demo.sqlite.tmp" "$dir"/exports/*.csv >/dev/null
    mv "$dir/demo.sqlite.tmp" "$dir/demo.sqlite"
}

# check_format: every C++ file as clang-format 16 writes it with the
# project's .clang-format; lists the files that are not.
check_format() {
    local files out
    files=$(git ls-files '*.h' '*.cpp')
    # shellcheck disable=SC2086
    if ! out=$(clang-format-16 --dry-run --Werror $files 2>&1); then
        echo "==> Not formatted as .clang-format says (run clang-format-16 -i FILE):" >&2
        echo "$out" | grep -o '^[^: ]*\.\(h\|cpp\)' | sort -u >&2
        return 1
    fi
    echo "==> Formatting: $(echo "$files" | wc -w) files as .clang-format says"
}
