# Shared by Benchmarks/HTTP/run.sh and Benchmarks/App/run.sh (sourced, not run): Debian's nginx
# serving the same bytes as the server under test, and wrk runs printed as table rows.
# Expects: $work (a private temporary folder), $root (the checkout), $threads, $connections, $duration.

# start_nginx PORT PAGE_FILE: serves PAGE_FILE at /page and $root/Public/ under /static/.
start_nginx() {
  local port="$1" page="$2"
  local nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
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
    listen 127.0.0.1:$port;
    location = /page { default_type "text/html; charset=utf-8"; alias $page; }
    location /static/ { alias $root/Public/; }
  }
}
NGINX
  "$nginx_bin" -c "$work/nginx.conf" -p "$work"
}

stop_nginx() {
  [[ -f "$work/nginx.pid" ]] && kill -QUIT "$(cat "$work/nginx.pid")" 2>/dev/null || true
}

# same_bytes URL_A URL_B: fails unless both answer with identical bodies.
same_bytes() {
  if ! cmp -s <(curl -fsS "$1") <(curl -fsS "$2"); then
    echo "Bodies differ: $1 and $2" >&2
    return 1
  fi
}

table_header() {
  echo
  echo "wrk -t$threads -c$connections -d$duration --latency, $(nproc) cores shared by server and wrk"
  echo
  echo "| target                 | requests/s   | p50      | p90      | p99      | errors (socket/non-2xx) |"
  echo "|------------------------|--------------|----------|----------|----------|--------|"
}

# wrk_row NAME URL: one wrk run, one table row.
wrk_row() {
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
