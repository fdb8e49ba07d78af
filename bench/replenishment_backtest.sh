#!/usr/bin/env bash
# Policy backtest on the demo hospital (1,500 references, 40 care units, 3
# years): Reappro's order-up-to policy against min/max rules (average monthly
# consumption x months of cover, as the anchors do: minimum m months, maximum
# 2m, for several m) and against what the hospital did, over the last two
# years of history. The comparison the target asks for is at equal service:
# the min/max rule at Reappro's service level (months found by bisection,
# service not above Reappro's), the grid's nearest rule below it, and the
# min/max curve interpolated at Reappro's service level.
#   bench/replenishment_backtest.sh [FROM] [TO] [SEED]     (SEED: another demo hospital)
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
    "$CLI" backtest --lang en --db "$WORK/demo.sqlite" --from "$FROM" --to "$TO" --output "$WORK/$label.json" \
        --details "$WORK/$label.csv" "$@" >/dev/null
}
# REUSE=1 keeps a Reappro replay already there (the min/max runs take seconds).
if [ -z "${REUSE:-}" ] || [ ! -f "$WORK/reappro.json" ]; then
    run reappro --policy reappro
fi
MINMAX=()
for m in 0.5 0.75 1 1.25 1.5; do
    max=$(python3 -c "print(2*$m)")
    run "minmax-$m-$max" --policy minmax --min-months "$m" --max-months "$max"
    MINMAX+=("minmax-$m-$max")
done
run actual --policy actual
# match LABEL PATH: bisection on m (minimum m months, maximum 2m) for the
# highest min/max cycle service level not above Reappro's, both read at PATH
# in the JSON ("" for the total, "by_criticality.vital" for a class).
level() { python3 -c "import json, functools; j = json.load(open('$WORK/$1.json')); print(functools.reduce(lambda o, k: o[k], [k for k in '$2'.split('.') if k], j)['cycle_service_level'])"; }
match() {
    local label=$1 path=$2 target lo=0.25 hi=4 mid
    target=$(level reappro "$path")
    for _ in $(seq 12); do
        mid=$(python3 -c "print(round(($lo + $hi) / 2, 4))")
        run "$label" --policy minmax --min-months "$mid" --max-months "$(python3 -c "print(2*$mid)")"
        if python3 -c "import sys; sys.exit(0 if $(level "$label" "$path") <= $target else 1)"; then lo=$mid; else hi=$mid; fi
    done
    run "$label" --policy minmax --min-months "$lo" --max-months "$(python3 -c "print(2*$lo)")"
}
# The min/max rule at Reappro's overall service level...
match minmax-matched ""
MINMAX+=(minmax-matched)
# ...and per criticality class: for each class, the months at which min/max
# serves that class as often as Reappro does (a min/max configured by class,
# as a pharmacist who wants vital products served more would).
for CLASS in vital essential other; do
    match "minmax-$CLASS" "by_criticality.$CLASS"
done
python3 - "$WORK" reappro actual "${MINMAX[@]}" <<'PY'
import json, sys
work, reappro, actual, minmax = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
runs = {l: json.load(open(f"{work}/{l}.json")) for l in [reappro, actual] + minmax}
print("| policy | cycle service level | fill rate | average stock value | expired value (of which ordered by the policy) | orders | stockout product-days | CSL vital / essential / other (target) |")
print("|---|---|---|---|---|---|---|---|")
for l in [reappro] + [l for l in minmax if l != "minmax-matched"] + ["minmax-matched", actual]:
    j = runs[l]
    by = j["by_criticality"]
    cls = " / ".join(f'{100*by[c]["cycle_service_level"]:.1f}% ({100*by[c]["service_target"]:.0f})' for c in ("vital", "essential", "other"))
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
# Min/max matched class by class: each class's figures from the min/max run
# that serves that class as often as Reappro.
by = r["by_criticality"]
parts = {c: json.load(open(f"{work}/minmax-{c}.json")) for c in ("vital", "essential", "other")}
stock = sum(parts[c]["by_criticality"][c]["average_stock_value_eur"] for c in parts)
expired = sum(parts[c]["by_criticality"][c]["expired_value_eur"] for c in parts)
ordered = sum(parts[c]["by_criticality"][c]["expired_from_orders_eur"] for c in parts)
print("  against min/max matched class by class (" + ", ".join(
    f'{c} {parts[c]["min_months"]:g}-{parts[c]["max_months"]:g} months: {100*parts[c]["by_criticality"][c]["cycle_service_level"]:.2f}% vs {100*by[c]["cycle_service_level"]:.2f}%'
    for c in parts) + f"): stock {stock:,.0f} EUR, expired {expired:,.0f} EUR ({ordered:,.0f} from orders); "
    f"Reappro {r['average_stock_value_eur']/stock-1:+.1%}, {r['expired_value_eur']/expired-1:+.1%} "
    f"({r['expired_from_orders_eur']/ordered-1:+.1%} from orders)")
print("  Reappro by class, achieved - target: " + ", ".join(
    f'{c} {100*(by[c]["cycle_service_level"]-by[c]["service_target"]):+.1f} pt' for c in ("vital", "essential", "other")))
PY
