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

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

ulimit -n 65536 2>/dev/null || true
work="$(mktemp -d)"
chmod 755 "$work" # nginx workers run as an unprivileged user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
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

"$server" "$root" "$swift_port" &
pids+=($!)
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$swift_port/page" 2>/dev/null && break
  sleep 0.2
done

# Both servers must send the same bytes before their speed is compared.
for path in /page "/static/$asset"; do
  if ! cmp -s <(curl -fsS "http://127.0.0.1:$swift_port$path") <(curl -fsS "http://127.0.0.1:$nginx_port$path"); then
    echo "Bodies differ for $path" >&2; exit 1
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
run "HTTPServer page" "http://127.0.0.1:$swift_port/page"
run "nginx page" "http://127.0.0.1:$nginx_port/page"
run "HTTPServer static css" "http://127.0.0.1:$swift_port/static/$asset"
run "nginx static css" "http://127.0.0.1:$nginx_port/static/$asset"
