#!/usr/bin/env bash
# Load test of the app: `autodqm serve --demo` (release) after one comparison finished, then
# wrk -t2 -c256 -d30s --latency on that cached plot page and on a static asset, next to
# Debian's nginx serving the same bytes.
#   Benchmarks/App/run.sh          (DURATION=30s CONNECTIONS=256 THREADS=2 to change)
# Needs wrk, nginx and curl (Benchmarks/HTTP/run.sh installs wrk and nginx-light). Loopback only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-256}"
threads="${THREADS:-2}"
app_port="${APP_PORT:-18090}"
nginx_port="${NGINX_PORT:-18091}"
asset="css/autodqm.css"
# shellcheck source=../wrk-vs-nginx.sh
source "$here/../wrk-vs-nginx.sh"
plot="/plots/Offline/CSC/Run2018/ZeroBias/316000_316050/Run2018/ZeroBias/316150"

ulimit -n 65536 2>/dev/null || true
work="$(mktemp -d)"
chmod 755 "$work"
app=""
cleanup() {
  [[ -n "$app" ]] && kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null
  stop_nginx
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building autodqm (release)..." >&2
(cd "$root" && swift build -c release --product autodqm >&2)
binary="$(cd "$root" && swift build -c release --show-bin-path)/autodqm"

(cd "$root" && ADQM_TMP="$work/tmp" ADQM_DB="$work/db" ADQM_LOG_LEVEL=warning \
  exec "$binary" serve --demo --port "$app_port" --http-workers "$(nproc)") &
app=$!
for _ in $(seq 100); do curl -fsS -o /dev/null "http://127.0.0.1:$app_port/healthz" 2>/dev/null && break; sleep 0.1; done

# One comparison, through the plot URL: the first visit starts the job, the page polls it.
curl -fsS -o /dev/null "http://127.0.0.1:$app_port$plot"
for _ in $(seq 600); do
  curl -fsS "http://127.0.0.1:$app_port$plot" | grep -q 'id="plots"' && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$app_port$plot" >"$work/page.html"
grep -q 'id="plots"' "$work/page.html" || { echo "the comparison did not finish" >&2; exit 1; }
chmod 644 "$work/page.html"
echo "plot page: $(wc -c <"$work/page.html") bytes" >&2

start_nginx "$nginx_port" "$work/page.html"

same_bytes "http://127.0.0.1:$app_port$plot" "http://127.0.0.1:$nginx_port/page"
same_bytes "http://127.0.0.1:$app_port/static/$asset" "http://127.0.0.1:$nginx_port/static/$asset"

table_header
wrk_row "app plot page" "http://127.0.0.1:$app_port$plot"
wrk_row "nginx plot page" "http://127.0.0.1:$nginx_port/page"
wrk_row "app static css" "http://127.0.0.1:$app_port/static/$asset"
wrk_row "nginx static css" "http://127.0.0.1:$nginx_port/static/$asset"
