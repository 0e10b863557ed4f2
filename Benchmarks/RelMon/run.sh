#!/usr/bin/env bash
# RelMon benchmark: autodqm relmon (release build, report written) against PyROOT loops on
# the large pair of runs, and relmon-matrix on 20 pairs with --jobs 1 and 2.
#   Benchmarks/RelMon/run.sh [LARGE_DIR] [MATRIX_DIR]
# Build first: swift build -c release --product autodqm
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
large=${1:-/work/bench-data/large}/OfflineData/Run2018/ZeroBias
matrix=${2:-/work/bench-data/relmon-matrix}
bin="$root/.build/release/autodqm"
test="$large/0003157xx/DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root"
ref="$large/0003150xx/DQM_V0001_R000315000__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Wall and CPU (user+sys) seconds: the machine is shared, so CPU time is the steadier figure.
seconds() {
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %U %S" -o "$log" "$@" >/dev/null 2>&1 || true
  awk '{printf "wall %.2f s, cpu %.2f s", $1, $2 + $3}' "$log"; rm -f "$log"
}

# The PyROOT figures are the loop alone (file opening and `import ROOT` excluded), CPU time.
echo "== PyROOT, Chi2Test only (RelMon's option choice)"
python3 "$here/relmon_pyroot.py" "$test" "$ref" --chi2-only 2>&1 | grep pairs
echo "== PyROOT, RelMon's full rules (Python loops over bins for empty/absval/filled checks)"
python3 "$here/relmon_pyroot.py" "$test" "$ref" 2>&1 | grep pairs
for plots in failures none; do
  echo "== autodqm relmon --plots $plots (wall time, whole process, report written)"
  for i in 1 2 3; do echo "  $(seconds "$bin" relmon "$test" "$ref" --out "$out/pair-$plots-$i" --plots "$plots")"; done
done
[[ -d "$matrix/test" ]] || "$here/make_matrix_pairs.sh" "$matrix"
for jobs in 1 2; do
  echo "== autodqm relmon-matrix, 20 pairs, --jobs $jobs"
  for i in 1 2; do
    echo "  $(seconds "$bin" relmon-matrix --test-dir "$matrix/test" --ref-dir "$matrix/ref" --out "$out/matrix-$jobs-$i" --jobs "$jobs")"
  done
done
