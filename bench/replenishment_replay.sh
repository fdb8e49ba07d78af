#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The replay of policies on the demo hospital (1,500 references, 40 care units, 3
# years): Reappro's order-up-to policy against min/max rules (average monthly
# consumption x months of cover, as the anchors do: minimum m months, maximum
# 2m, for several m) and against what the hospital did, over the last two
# years of history. The comparison the target asks for is at equal service:
# the min/max rule at Reappro's service level (months found by bisection,
# service not above Reappro's: `replay --policy compare`), the same class
# by class (each class's months serve it as often as Reappro serves it), the
# grid's nearest rule below it, and the min/max curve interpolated at
# Reappro's service level.
#   bench/replenishment_replay.sh [FROM] [TO] [SEED]     (SEED: another demo hospital)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
CLI=${CLI:-build/bin/reappro-cli}
FROM=${1:-2024-11-01}
TO=${2:-2026-10-31}
SEED=${3:-}
WORK=${WORK:-build/bench-replenishment${SEED:+-seed$SEED}}
demo_database "$CLI" "$WORK" "$SEED"
run() {   # label policy [options]
    local label=$1; shift
    "$CLI" replay --lang en --db "$WORK/demo.sqlite" --from "$FROM" --to "$TO" --output "$WORK/$label.json" \
        --details "$WORK/$label.csv" "$@" >/dev/null
}
# Reappro, min/max at Reappro's service (overall, and class by class: the
# bisections of `replay --policy compare`) and what the hospital did.
# REUSE=1 keeps a comparison already there (the min/max runs take seconds).
if [ -z "${REUSE:-}" ] || [ ! -f "$WORK/compare.json" ]; then
    run compare --policy compare   # compare.csv: Reappro's figures per product
fi
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
j = json.load(open(f"{work}/compare.json"))
for label, key in (("reappro", "reappro"), ("actual", "actual"), ("minmax-matched", "minmax_matched"),
                   ("minmax-by-class", "minmax_matched_by_class")):
    json.dump(j[key], open(f"{work}/{label}.json", "w"), indent=1)
PY
MINMAX=()
for m in 0.5 0.75 1 1.25 1.5; do
    max=$(python3 -c "print(2*$m)")
    run "minmax-$m-$max" --policy minmax --min-months "$m" --max-months "$max"
    MINMAX+=("minmax-$m-$max")
done
MINMAX+=(minmax-matched)
python3 - "$WORK" reappro actual "${MINMAX[@]}" <<'PY'
import json, sys
work, reappro, actual, minmax = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
runs = {l: json.load(open(f"{work}/{l}.json")) for l in [reappro, actual, "minmax-by-class"] + minmax}
print("| policy | cycle service level | fill rate | average stock value | expired value (of which ordered by the policy) | orders | stockout product-days | CSL vital / essential / other (target) |")
print("|---|---|---|---|---|---|---|---|")
for l in [reappro] + [l for l in minmax if l != "minmax-matched"] + ["minmax-matched", "minmax-by-class", actual]:
    j = runs[l]
    by = j["by_criticality"]
    cls = " / ".join(f'{100*by[c]["cycle_service_level"]:.1f}% ({100*by[c]["service_target"]:g})' for c in ("vital", "essential", "other"))
    print(f'| {l} | {100*j["cycle_service_level"]:.1f}% | {100*j["fill_rate"]:.1f}% | {j["average_stock_value_eur"]:,.0f} EUR | '
          f'{j["expired_value_eur"]:,.0f} EUR ({j["expired_from_orders_eur"]:,.0f}) | {j["orders"]:,} | {j["stockout_days"]:,} | {cls} |')

r = runs[reappro]
csl = r["cycle_service_level"]
curve = sorted((runs[l]["cycle_service_level"], l) for l in minmax)
print()
def compare(label):
    m = runs[label]
    print(f"  against {label} (min {m['min_months']:g}, max {m['max_months']:g} months; cycle service {100*m['cycle_service_level']:.2f}%, fill rate {100*m['fill_rate']:.1f}%): "
          f"average stock {r['average_stock_value_eur']/m['average_stock_value_eur']-1:+.1%}, "
          f"expired value {r['expired_value_eur']/m['expired_value_eur']-1:+.1%}, "
          f"expired from the policy's orders {r['expired_from_orders_eur']/m['expired_from_orders_eur']-1:+.1%}")
print(f"Reappro serves {100*csl:.2f}% of cycles (fill rate {100*r['fill_rate']:.1f}%); target: at most -20% stock and -30% expired value at a service at least equal")
compare("minmax-matched")
below = [l for s, l in curve if s <= csl and l != "minmax-matched"]
if below:
    compare(below[-1])
curve = [(s, l) for s, l in curve if l != "minmax-matched"]
for (s0, l0), (s1, l1) in zip(curve, curve[1:]):
    if s0 <= csl <= s1:
        w = (csl - s0) / (s1 - s0) if s1 > s0 else 0.0
        at = {k: (1 - w) * runs[l0][k] + w * runs[l1][k] for k in ("average_stock_value_eur", "expired_value_eur")}
        print(f"  min/max interpolated at {100*csl:.2f}% (between {l0} and {l1}): stock {at['average_stock_value_eur']:,.0f} EUR, "
              f"expired {at['expired_value_eur']:,.0f} EUR; Reappro {r['average_stock_value_eur']/at['average_stock_value_eur']-1:+.1%} "
              f"and {r['expired_value_eur']/at['expired_value_eur']-1:+.1%}")
# Min/max matched class by class: each class at the months that serve it
# as often as Reappro does.
by = r["by_criticality"]
k = json.load(open(f"{work}/minmax-by-class.json"))
kb = k["by_criticality"]
print("  against min/max matched class by class (" + ", ".join(
    f'{c} {kb[c]["min_months"]:.3g}-{kb[c]["max_months"]:.3g} months: {100*kb[c]["cycle_service_level"]:.2f}% vs {100*by[c]["cycle_service_level"]:.2f}%'
    for c in ("vital", "essential", "other")) + f"): stock {k['average_stock_value_eur']:,.0f} EUR, expired {k['expired_value_eur']:,.0f} EUR "
    f"({k['expired_from_orders_eur']:,.0f} from orders); "
    f"Reappro {r['average_stock_value_eur']/k['average_stock_value_eur']-1:+.1%}, {r['expired_value_eur']/k['expired_value_eur']-1:+.1%} "
    f"({r['expired_from_orders_eur']/k['expired_from_orders_eur']-1:+.1%} from orders)")
print("  Reappro by class, achieved - target: " + ", ".join(
    f'{c} {100*(by[c]["cycle_service_level"]-by[c]["service_target"]):+.1f} pt' for c in ("vital", "essential", "other")))
PY
