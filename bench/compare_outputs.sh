#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Did a change alter what users see? Runs the demo hospital's whole job (as
# ./run.sh does: demo, import, replay of the last two years, forecast,
# suggest, parlevels) with two reappro-cli binaries and compares the import
# report, orders.csv, parlevels.csv byte for byte and the replay's JSON
# apart from its timing. About 10 minutes on 2 cores.
#
#   bench/compare_outputs.sh OLD_CLI [NEW_CLI]   (NEW_CLI: build/bin/reappro-cli)
#
# OLD_CLI: e.g. a build of the previous commit (git worktree add ../old HEAD~1).
# Exit 0 when everything matches, 1 otherwise.
set -euo pipefail
if [ $# -lt 1 ] || [ "$1" = -h ] || [ "$1" = --help ] || [ ! -x "$1" ]; then
    sed -n '3,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 64
fi
OLD=$(realpath "$1")
NEW=$(realpath "${2:-$(dirname "$0")/../build/bin/reappro-cli}")
cd "$(dirname "$0")/.."
WORK=build/compare-outputs
rm -rf "$WORK"
mkdir -p "$WORK/old" "$WORK/new"

job() {   # CLI DIR
    local cli=$1 d=$2
    "$cli" demo --out "$d/exports" >/dev/null
    "$cli" import --db "$d/demo.sqlite" --report "$d/import-report.csv" "$d"/exports/*.csv >/dev/null
    # 'replay' is called 'backtest' by binaries older than issue 19.
    local replay=replay
    "$cli" replay --help >/dev/null 2>&1 || replay=backtest
    "$cli" "$replay" --db "$d/demo.sqlite" --from 2024-11-01 --to 2026-10-31 --output "$d/replay.json" >/dev/null
    "$cli" forecast --db "$d/demo.sqlite" >/dev/null
    "$cli" suggest --db "$d/demo.sqlite" --output "$d/orders.csv" >/dev/null
    "$cli" parlevels --db "$d/demo.sqlite" --output "$d/parlevels.csv" >/dev/null
}

echo "==> Old: $OLD"
job "$OLD" "$WORK/old"
echo "==> New: $NEW"
job "$NEW" "$WORK/new"

status=0
for f in import-report.csv orders.csv parlevels.csv; do
    if cmp -s "$WORK/old/$f" "$WORK/new/$f"; then
        echo "  same   $f ($(wc -l < "$WORK/new/$f") lines)"
    else
        echo "  DIFFER $f"; status=1
    fi
done
if python3 - "$WORK/old/replay.json" "$WORK/new/replay.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for j in (a, b):
    j.pop("seconds", None)
sys.exit(0 if a == b else 1)
PY
then
    echo "  same   replay.json (apart from seconds)"
else
    echo "  DIFFER replay.json"; status=1
fi
exit $status
