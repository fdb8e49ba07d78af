#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and opens Reappro on the demo hospital.
# Without a display, runs the same job through reappro-cli.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh
install_missing_packages
build_reappro

DEMO=build/demo
DB="$DEMO/demo.sqlite"
# Bumped when the demo's files change (4: suppliers' order days, order
# history; 5: replayed once for the class aims of its orders; 6: replay.json).
DEMO_VERSION=6
if [ "$(cat "$DEMO/version" 2>/dev/null)" != "$DEMO_VERSION" ]; then
    rm -f "$DB" "$DB-wal" "$DB-shm"
fi
if [ ! -f "$DB" ]; then
    echo "==> Writing the demo hospital's exports to $DEMO/exports"
    rm -rf "$DEMO/exports"
    build/bin/reappro-cli demo --out "$DEMO/exports"
    echo "==> Importing them into $DB"
    build/bin/reappro-cli import --db "$DB.tmp" --report "$DEMO/import-report.csv" "$DEMO"/exports/*.csv
    mv "$DB.tmp" "$DB"
    rm -f "$DB.tmp-wal" "$DB.tmp-shm"
    rm -f "$DEMO/replay.json"
    echo "$DEMO_VERSION" > "$DEMO/version"
fi
if [ ! -f "$DEMO/replay.json" ]; then
    # The replay of the demo's last two years stores the class aims that
    # served each class target there; the orders (suggest, Commandes tab)
    # then aim the same way.
    echo "==> Replaying Reappro's policy over the demo's last two years (about 3 minutes, once)"
    build/bin/reappro-cli replay --db "$DB" --from 2024-11-01 --to 2026-10-31 --output "$DEMO/replay.json.tmp"
    mv "$DEMO/replay.json.tmp" "$DEMO/replay.json"
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "==> Opening Reappro on $DB"
    exec build/bin/reappro --db "$DB"
fi

echo "==> No display: the same job through reappro-cli"
build/bin/reappro-cli info --db "$DB"
echo "==> Forecasting every product and care unit"
build/bin/reappro-cli forecast --db "$DB"
echo "==> Suggesting the next orders"
build/bin/reappro-cli suggest --db "$DB" --output "$DEMO/orders.csv"
echo "==> Ward par levels"
build/bin/reappro-cli parlevels --db "$DB" --output "$DEMO/parlevels.csv"
QT_QPA_PLATFORM=offscreen build/bin/reappro --db "$DB" --screenshot "$DEMO/reappro.png" 2>/dev/null || true
echo
echo "Outputs:"
echo "  the main window (picture):  $(pwd)/$DEMO/reappro.png"
echo "  demo exports (French CSV):  $(pwd)/$DEMO/exports/"
echo "  database:                   $(pwd)/$DB"
echo "  import report:              $(pwd)/$DEMO/import-report.csv"
echo "  policy replay (2 years):    $(pwd)/$DEMO/replay.json"
echo "  suggested orders:           $(pwd)/$DEMO/orders.csv"
echo "  par levels:                 $(pwd)/$DEMO/parlevels.csv"
echo "Open the GUI later with:      build/bin/reappro --db $DB"
