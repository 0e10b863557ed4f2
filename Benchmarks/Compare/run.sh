#!/bin/sh
# Times `autodqm compare --all` (release build) on the large benchmark pair, plots of
# flagged histograms included, next to the PyROOT RelMon-style loop (pyroot_loop.py).
#
#   Benchmarks/Compare/run.sh [RUNS]        (default 3 runs of each)
#
# BENCH_DATA overrides /work/bench-data/large (the generator writes `done` to BENCH_DATA.log).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bench=${BENCH_DATA:-/work/bench-data/large}
runs=${1:-3}
grep -qx done "$bench.log" || { echo "the benchmark data in $bench is not complete" >&2; exit 1; }
dir=$bench/OfflineData/Run2018/ZeroBias
data=$(ls "$dir"/0003157xx/*.root)
ref=$(ls "$dir"/0003150xx/*.root)

swift build -c release --product autodqm --package-path "$root" >/dev/null
autodqm=$root/.build/release/autodqm
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for comparators in default chi2_test; do
    option=""
    [ "$comparators" = default ] || option="--comparators $comparators"
    i=0
    while [ "$i" -lt "$runs" ]; do
        rm -rf "$out/report"
        # shellcheck disable=SC2086
        /usr/bin/time -f "autodqm compare --all ($comparators): %e s wall, %U s user, %S s sys, %M KB" \
            "$autodqm" compare --all $option --data "$data" --ref "$ref" --out "$out/report" --quiet >/dev/null
        i=$((i + 1))
    done
    echo "  plots: $(ls "$out/report/plots" | wc -l) files, $(du -sh "$out/report/plots" | cut -f1)"
done
i=0
while [ "$i" -lt "$runs" ]; do
    python3 "$here/pyroot_loop.py" "$data" "$ref" 2>/dev/null
    i=$((i + 1))
done
