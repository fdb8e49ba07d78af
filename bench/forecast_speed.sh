#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Forecast speed and memory, file to file: the kit's 500 weekly synthetic
# series (156 weeks, H = 12 held out) copied under new ids up to N series,
# forecast with --method auto and 95% intervals.
#   bench/forecast_speed.sh [RUNS]     (default 3; prints medians)
# Per-core speed: 1 thread on 5,000 series. Throughput: 2 threads on 50,000.
# Memory: peak RSS at 10,000 and 50,000 series (linear = ratio close to 5).
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=../shared/bench
CLI=build/bin/reappro-cli
WORK=build/bench-forecast
RUNS=${1:-3}
mkdir -p "$WORK"
[ -f "$WORK/weekly/train.csv" ] || {
    python3 "$KIT/gen_synthetic.py" --n 500 --len 156 --seed 42 "$WORK/weekly-data" >/dev/null
    python3 "$KIT/split.py" "$WORK/weekly-data" 12 "$WORK/weekly" >/dev/null
}

replicate() {   # copies -> dir
    local copies=$1 dir=$2
    mkdir -p "$dir"
    awk -F, -v c="$copies" 'NR==1{print; next} {rows[NR]=$0} END{for(k=0;k<c;k++) for(i=2;i<=NR;i++){split(rows[i],f,","); print f[1] "_" k "," f[2] "," f[3]}}' \
        "$WORK/weekly/train.csv" > "$dir/train.csv"
    awk -F, -v c="$copies" 'NR==1{print; next} {rows[NR]=$0} END{for(k=0;k<c;k++) for(i=2;i<=NR;i++){split(rows[i],f,","); print f[1] "_" k "," f[2]}}' \
        "$WORK/weekly/meta.csv" > "$dir/meta.csv"
}

measure() {   # label dir threads
    local label=$1 dir=$2 threads=$3 times=() rss=()
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$CLI" forecast --lang en --input "$dir/train.csv" \
            --meta "$dir/meta.csv" --horizon 12 --output "$dir/forecasts.csv" --threads "$threads" >/dev/null
        read -r t m < "$WORK/time.txt"
        times+=("$t"); rss+=("$m")
    done
    local n; n=$(($(wc -l < "$dir/meta.csv") - 1))
    python3 - "$label" "$n" "$threads" "${times[*]}" "${rss[*]}" <<'PY'
import statistics, sys
label, n, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
t = statistics.median(map(float, sys.argv[4].split()))
m = statistics.median(map(int, sys.argv[5].split())) / 1024
print(f"{label}: {n:,} series, {threads} thread(s), file to file median {t:.2f} s"
      f" = {n / t:,.0f} series/s ({n / t / threads:,.0f} per thread), peak RSS {m:.0f} MB")
PY
}

replicate 10 "$WORK/speed-5k"
replicate 20 "$WORK/speed-10k"
replicate 100 "$WORK/speed-50k"
measure "per core" "$WORK/speed-5k" 1
measure "memory 10k" "$WORK/speed-10k" 2
measure "50k on 2 cores" "$WORK/speed-50k" 2
