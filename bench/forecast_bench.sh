#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Forecast accuracy and speed on the benchmark kit's data sets, scored with
# the kit's own scorer: the figures to put beside the R / statsmodels ones.
#   bench/forecast_bench.sh [THREADS]      (default 1: per-core speed)
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=../shared/bench
CLI=build/bin/reappro-cli
WORK=build/bench-forecast
THREADS=${1:-1}
mkdir -p "$WORK"

run() {   # name data_dir horizon
    local name=$1 data=$2 h=$3
    python3 "$KIT/split.py" "$data" "$h" "$WORK/$name" >/dev/null
    "$CLI" forecast --lang en --input "$WORK/$name/train.csv" --meta "$WORK/$name/meta.csv" --horizon "$h" \
        --output "$WORK/$name/forecasts.csv" --threads "$THREADS"
    python3 "$KIT/score.py" "$WORK/$name/train.csv" "$WORK/$name/test.csv" "$WORK/$name/forecasts.csv" --label "$name" | tail -n +1
}

python3 "$KIT/gen_synthetic.py" --n 500 --len 156 --seed 42 "$WORK/weekly-data" >/dev/null
run weekly "$WORK/weekly-data" 12
python3 "$KIT/gen_synthetic.py" --n 1000 --len 60 --seed 11 --freq monthly "$WORK/monthly-data" >/dev/null
run monthly "$WORK/monthly-data" 12

# The real pharmacy sales: wide (datum, one column per ATC class) to long.
mkdir -p "$WORK/pharma-data"
python3 - "$KIT/data/pharma_weekly/salesweekly.csv" "$WORK/pharma-data" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ids = [c for c in rows[0] if c != "datum"]
with open(sys.argv[2] + "/series.csv", "w") as s, open(sys.argv[2] + "/meta.csv", "w") as m:
    s.write("series_id,t,value\n"); m.write("series_id,period\n")
    for i in ids:
        m.write(f"{i},52\n")
        for t, r in enumerate(rows):
            s.write(f"{i},{t},{max(0.0, float(r[i] or 0))}\n")
PY
run pharma "$WORK/pharma-data" 12
