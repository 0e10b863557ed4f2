#!/usr/bin/env bash
# Times `autodqm fetch` against `curl` downloading the same file, with the same
# client certificate, from the loopback DQM test server.
#   Benchmarks/Download/run.sh [rounds=5] [size_mb=300]
# Set AUTODQM=/path/to/autodqm to skip the release build. Runs alternate
# (curl, autodqm, curl, ...) so a change in machine load hits both alike.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-5}
size_mb=${2:-300}
work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/adqm-bench.XXXXXX")
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "${AUTODQM:-}" ]]; then
  swift build --package-path "$repo" -c release --product autodqm >&2
  AUTODQM="$(swift build --package-path "$repo" -c release --show-bin-path)/autodqm"
fi

bash "$repo/Tests/DQMClientTests/Server/make_certs.sh" "$work/pki"
name=DQM_V0001_R000315705__ZeroBias__Run2018A-PromptReco-v1__DQMIO.root
block="$work/root/OfflineData/Run2018/ZeroBias/0003157xx"
mkdir -p "$block"
head -c "${size_mb}M" /dev/urandom > "$block/$name"

python3 "$repo/Tests/DQMClientTests/Server/dqm_server.py" --root "$work/root" \
  --cert "$work/pki/server.pem" --key "$work/pki/server.key" --ca "$work/pki/ca.pem" > "$work/port" &
server_pid=$!
until grep -q PORT "$work/port" 2>/dev/null; do sleep 0.1; done
port=$(awk '{print $2}' "$work/port")
server="https://127.0.0.1:$port/dqm/offline"
url="$server/data/browse/ROOT/OfflineData/Run2018/ZeroBias/0003157xx/$name"
pki="$work/pki"

# Each line of $work/times: tool, wall seconds, user CPU seconds, system CPU seconds.
timed() { local tool=$1; shift; /usr/bin/time -a -o "$work/times" -f "$tool %e %U %S" "$@"; }
: > "$work/times"
for round in $(seq "$rounds"); do
  rm -f "$work/curl.out"
  timed curl curl -sS --fail --cacert "$pki/ca.pem" --cert "$pki/client.pem" --key "$pki/client.key" \
    -o "$work/curl.out" "$url"

  # The same guarantees autodqm gives (checksum recorded, data on disk before publishing).
  rm -f "$work/curl.out"
  timed curl+md5+fsync bash -c 'curl -sS --fail --cacert "$1/ca.pem" --cert "$1/client.pem" --key "$1/client.key" \
    -o "$2" "$3" && md5sum "$2" > /dev/null && sync "$2"' _ "$pki" "$work/curl.out" "$url"

  rm -rf "$work/db"
  timed autodqm "$AUTODQM" fetch --series Run2018 --sample ZeroBias --run 315705 --server "$server" \
    --ca "$pki/ca.pem" --cert "$pki/client.pem" --key "$pki/client.key" --db "$work/db" > "$work/stored"
  cmp -s "$(tail -1 "$work/stored")" "$block/$name" || { echo "stored file differs from the served file" >&2; exit 1; }
done

python3 - "$work/times" "$size_mb" <<'PY'
import statistics, sys
wall, cpu = {}, {}
for line in open(sys.argv[1]):
    tool, elapsed, user, system = line.split()
    wall.setdefault(tool, []).append(float(elapsed))
    cpu.setdefault(tool, []).append(float(user) + float(system))
size = int(sys.argv[2])
for tool in wall:
    median = statistics.median(wall[tool])
    print(f"{tool:15s} wall median {median:6.2f} s ({size / median:5.0f} MB/s), CPU median {statistics.median(cpu[tool]):5.2f} s;"
          " wall runs: " + " ".join(f"{v:.2f}" for v in wall[tool]))
for baseline in ("curl", "curl+md5+fsync"):
    print("autodqm / %s: wall %.3f, CPU %.3f" % (baseline, *(
        statistics.median(d["autodqm"]) / statistics.median(d[baseline]) for d in (wall, cpu))))
PY
