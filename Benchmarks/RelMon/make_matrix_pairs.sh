#!/usr/bin/env bash
# Builds the 20-pair matrix input for the relmon-matrix benchmark: one data/reference pair
# of DQM runs (make_dqm_runs.py, 5 copies of each histogram: 1,440 histograms per file),
# linked under 20 RelVal-style sample names in OUT/test and OUT/ref.
#   Benchmarks/RelMon/make_matrix_pairs.sh OUT
set -euo pipefail
out=$(realpath -m "${1:?usage: $0 OUT}")
tools=${TOOLS:-/work/shared/tools}
mkdir -p "$out"
if [[ ! -d "$out/gen" ]]; then
  python3 "$tools/make_dqm_runs.py" "$out/gen" --run 1000:ref --run 1001:data --copies 5 --seed 11
fi
runs="$out/gen/OfflineData/Run2018/ZeroBias/0000010xx"
rm -rf "$out/test" "$out/ref"
mkdir -p "$out/test" "$out/ref"
for i in $(seq -w 1 20); do
  ln -s "$runs/DQM_V0001_R000001001__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root" \
    "$out/test/DQM_V0001_R000000001__RelValSample${i}__CMSSW_15_1_0-150X_mcRun3_2025_realistic_v1-v1__DQMIO.root"
  ln -s "$runs/DQM_V0001_R000001000__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root" \
    "$out/ref/DQM_V0001_R000000001__RelValSample${i}__CMSSW_15_0_0-150X_mcRun3_2025_realistic_v1-v1__DQMIO.root"
done
echo "20 pairs in $out/test and $out/ref"
