#!/usr/bin/env bash
# Policy backtest on the demo hospital (1,500 references, 40 care units, 3
# years): Reappro's order-up-to policy against min/max (1 and 2 months of
# average monthly consumption, as the anchors do; and other months) and
# against what the hospital did, over the last two years of history.
#   bench/replenishment_backtest.sh [FROM] [TO]
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=build/bin/reappro-cli
WORK=build/bench-replenishment
FROM=${1:-2024-11-01}
TO=${2:-2026-10-31}
mkdir -p "$WORK"
if [ ! -f "$WORK/demo.sqlite" ]; then
    "$CLI" demo --out "$WORK/exports" >/dev/null
    "$CLI" import --db "$WORK/demo.sqlite" "$WORK"/exports/*.csv >/dev/null
fi
run() {   # label policy [options]
    local label=$1; shift
    "$CLI" backtest --lang en --db "$WORK/demo.sqlite" --from "$FROM" --to "$TO" --output "$WORK/$label.json" "$@" >/dev/null
}
run reappro --policy reappro
run minmax-1-2 --policy minmax --min-months 1 --max-months 2
run minmax-0.75-1.5 --policy minmax --min-months 0.75 --max-months 1.5
run minmax-1.5-3 --policy minmax --min-months 1.5 --max-months 3
run actual --policy actual
python3 - "$WORK" reappro minmax-1-2 minmax-0.75-1.5 minmax-1.5-3 actual <<'PY'
import json, sys
work, labels = sys.argv[1], sys.argv[2:]
print("| policy | cycle service level | fill rate | average stock value | expired value (of which ordered by the policy) | orders | stockout product-days | CSL vital / essential / other (target) |")
print("|---|---|---|---|---|---|---|---|")
for l in labels:
    j = json.load(open(f"{work}/{l}.json"))
    by = j["by_criticality"]
    cls = " / ".join(f'{100*by[c]["cycle_service_level"]:.1f}% ({100*by[c]["service_target"]:.0f})' for c in ("vital", "essential", "other"))
    print(f'| {l} | {100*j["cycle_service_level"]:.1f}% | {100*j["fill_rate"]:.1f}% | {j["average_stock_value_eur"]:,.0f} EUR | '
          f'{j["expired_value_eur"]:,.0f} EUR ({j["expired_from_orders_eur"]:,.0f}) | {j["orders"]:,} | {j["stockout_days"]:,} | {cls} |')
PY
