#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import benchmark: reappro-cli import of a CHU-sized movements file against
the sqlite3 shell's .import of the same file into a plain table (which
parses nothing and checks nothing). Reports medians, lines per second, the
ratio, and peak memory (max RSS of the child process).

    python3 bench/import_bench.py [--products 8000 --units 150 --years 3] [--runs 3] [--work DIR]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "build", "bin", "reappro-cli")


def run(cmd):
    """Runs cmd; returns its wall-clock seconds."""
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout}\n{p.stderr}")
    return elapsed


def peak_rss_mb(cmd):
    """Peak RSS of one run of cmd. ru_maxrss of RUSAGE_CHILDREN is the maximum
    over all children so far, so each measure runs in a fresh python process."""
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL,check=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code] + cmd, stdout=subprocess.PIPE, text=True, check=True)
    return int(out.stdout.strip()) / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", type=int, default=8000)
    ap.add_argument("--units", type=int, default=150)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench-import"))
    a = ap.parse_args()
    if not shutil.which("sqlite3"):
        sys.exit("sqlite3 shell missing: apt-get install sqlite3")

    exports = os.path.join(a.work, f"demo-{a.products}-{a.units}-{a.years}")
    movements = os.path.join(exports, "mouvements.csv")
    if not os.path.exists(movements):
        print(f"generating the demo hospital in {exports} ...", flush=True)
        subprocess.run([CLI, "demo", "--out", exports, "--products", str(a.products), "--units", str(a.units),
                        "--years", str(a.years)], check=True, stdout=subprocess.DEVNULL)
    with open(movements, "rb") as f:
        lines = sum(1 for _ in f) - 1
    size_mb = os.path.getsize(movements) / 1e6
    print(f"movements file: {lines:,} lines, {size_mb:.0f} MB")

    # The reference data every movement points to, imported once.
    ref_db = os.path.join(a.work, "reference.sqlite")
    if os.path.exists(ref_db):
        os.remove(ref_db)
    refs = [os.path.join(exports, f) for f in sorted(os.listdir(exports))
            if f.endswith(".csv") and f in ("fournisseurs.csv", "unites.csv", "produits.csv")]
    subprocess.run([CLI, "import", "--db", ref_db] + refs, check=True, stdout=subprocess.DEVNULL)

    reappro_times, sqlite_times = [], []
    for i in range(a.runs):
        db = os.path.join(a.work, "run.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copy(ref_db, db)
        cmd = [CLI, "import", "--db", db, movements]
        t = run(cmd)
        reappro_times.append(t)
        plain = os.path.join(a.work, "plain.sqlite")
        if os.path.exists(plain):
            os.remove(plain)
        sq = ["sqlite3", plain, "-cmd", ".mode csv", "-cmd", ".separator ;", ".import " + movements + " movement"]
        t2 = run(sq)
        sqlite_times.append(t2)
        print(f"run {i + 1}: reappro {t:.2f} s, sqlite3 .import {t2:.2f} s", flush=True)
    # Peak memory, one extra run each.
    db = os.path.join(a.work, "run.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(ref_db, db)
    reappro_rss = peak_rss_mb([CLI, "import", "--db", db, movements])
    os.remove(os.path.join(a.work, "plain.sqlite"))
    sqlite_rss = peak_rss_mb(["sqlite3", os.path.join(a.work, "plain.sqlite"), "-cmd", ".mode csv", "-cmd",
                              ".separator ;", ".import " + movements + " movement"])

    r, s = statistics.median(reappro_times), statistics.median(sqlite_times)
    print()
    print("| import of mouvements.csv | median s | lines/s | peak RSS MB |")
    print("|---|---|---|---|")
    print(f"| reappro-cli import (parse, validate, deduplicate, posting lists) | {r:.2f} | {lines / r:,.0f} | {reappro_rss:.0f} |")
    print(f"| sqlite3 .import into a plain table | {s:.2f} | {lines / s:,.0f} | {sqlite_rss:.0f} |")
    print(f"ratio sqlite3 time / reappro time: {s / r:.2f} (>= 1 means Reappro is at least as fast)")


if __name__ == "__main__":
    main()
