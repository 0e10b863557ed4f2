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
plot="/plots/Offline/CSC/Run2018/ZeroBias/316000_316050/Run2018/ZeroBias/316150"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

ulimit -n 65536 2>/dev/null || true
work="$(mktemp -d)"
chmod 755 "$work"
app=""
cleanup() {
  [[ -n "$app" ]] && kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [[ -f "$work/nginx.pid" ]] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
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

cat >"$work/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
daemon on;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  types { text/css css; text/html html; }
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /page { default_type "text/html; charset=utf-8"; alias $work/page.html; }
    location /static/ { alias $root/Public/; }
  }
}
NGINX
"$nginx_bin" -c "$work/nginx.conf" -p "$work"

for pair in "$plot /page" "/static/$asset /static/$asset"; do
  set -- $pair
  if ! cmp -s <(curl -fsS "http://127.0.0.1:$app_port$1") <(curl -fsS "http://127.0.0.1:$nginx_port$2"); then
    echo "Bodies differ for $1" >&2; exit 1
  fi
done

run() { # name url
  local out="$work/$1.txt"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$2" >"$out"
  local rps p50 p90 p99 errors non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1=="50%" {print $2}' "$out")
  p90=$(awk '$1=="90%" {print $2}' "$out")
  p99=$(awk '$1=="99%" {print $2}' "$out")
  errors=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$out")
  printf "| %-22s | %12s | %8s | %8s | %8s | %6s |\n" "$1" "$rps" "$p50" "$p90" "$p99" "${errors:-0}/${non2xx:-0}"
}

echo
echo "wrk -t$threads -c$connections -d$duration --latency, $(nproc) cores shared by server and wrk"
echo
echo "| target                 | requests/s   | p50      | p90      | p99      | errors (socket/non-2xx) |"
echo "|------------------------|--------------|----------|----------|----------|--------|"
run "app plot page" "http://127.0.0.1:$app_port$plot"
run "nginx plot page" "http://127.0.0.1:$nginx_port/page"
run "app static css" "http://127.0.0.1:$app_port/static/$asset"
run "nginx static css" "http://127.0.0.1:$nginx_port/static/$asset"
