#!/usr/bin/env bash
# Load test of the HTTPServer module next to Debian's nginx serving the same bytes:
# wrk -t2 -c256 -d30s --latency on a cached HTML page and on a static asset, for each server.
#   Benchmarks/HTTP/run.sh            (DURATION=30s CONNECTIONS=256 THREADS=2 to change)
# Installs wrk and nginx-light from Debian when missing. Loopback only; stops what it starts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-256}"
threads="${THREADS:-2}"
swift_port="${SWIFT_PORT:-18080}"
nginx_port="${NGINX_PORT:-18081}"
asset="css/autodqm.css"
# shellcheck source=../wrk-vs-nginx.sh
source "$here/../wrk-vs-nginx.sh"

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ulimit -n 65536 2>/dev/null || true
work="$(mktemp -d)"
chmod 755 "$work" # nginx workers run as an unprivileged user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  stop_nginx
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building the benchmark server (release)..." >&2
(cd "$here" && swift build -c release >&2)
server="$(cd "$here" && swift build -c release --show-bin-path)/http-bench-server"

# The same page bytes for both servers.
"$server" "$root" 0 --write-page "$work/page.html"
chmod 644 "$work/page.html"
start_nginx "$nginx_port" "$work/page.html"

"$server" "$root" "$swift_port" &
pids+=($!)
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$swift_port/page" 2>/dev/null && break
  sleep 0.2
done

# Both servers must send the same bytes before their speed is compared.
for path in /page "/static/$asset"; do
  same_bytes "http://127.0.0.1:$swift_port$path" "http://127.0.0.1:$nginx_port$path"
done

table_header
wrk_row "HTTPServer page" "http://127.0.0.1:$swift_port/page"
wrk_row "nginx page" "http://127.0.0.1:$nginx_port/page"
wrk_row "HTTPServer static css" "http://127.0.0.1:$swift_port/static/$asset"
wrk_row "nginx static css" "http://127.0.0.1:$nginx_port/static/$asset"
