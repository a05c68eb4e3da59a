#!/usr/bin/env bash
# Delivery benchmark: Sacrum against nginx serving the very same JSON as static files (the physical limit of
# this machine). Seeds 10,000 exercises and 1,000 conditions (EXERCISES, CONDITIONS to change) into PostgreSQL,
# runs Sacrum on it, and measures with wrk: single-entry reads and filtered lists, throughput and latency.
# Prints a table and the Sacrum/nginx ratio. Needs root for apt-get (wrk, nginx-light) and PostgreSQL on
# 127.0.0.1:5432 (this machine kind starts it). Everything stays on loopback; every run is bounded.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
exercises="${EXERCISES:-10000}"
conditions="${CONDITIONS:-1000}"
duration="${DURATION:-15s}"
connections="${CONNECTIONS:-32}"
work=$(mktemp -d /tmp/sacrum-bench.XXXXXX)
chmod 755 "$work" # nginx's workers (www-data) read the static copies from here
sacrum=http://127.0.0.1:8380
static=http://127.0.0.1:8381
proxied=http://127.0.0.1:8382
export PGHOST=127.0.0.1 PGUSER=postgres

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
if [[ ${#missing[@]} -gt 0 ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[[ "${SKIP_BUILD:-}" == "true" ]] || mvn -B -q -DskipTests package

cleanup() {
  [[ -n "${sacrum_pid:-}" ]] && kill "$sacrum_pid" 2>/dev/null && wait "$sacrum_pid" 2>/dev/null || true
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

echo "== database sacrum_bench: schema and seed by Sacrum itself, then $exercises exercises and $conditions conditions"
psql -q -d postgres -c "DROP DATABASE IF EXISTS sacrum_bench WITH (FORCE)" -c "CREATE DATABASE sacrum_bench"
SACRUM_DB_URL=jdbc:postgresql://127.0.0.1:5432/sacrum_bench SACRUM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource \
SACRUM_DB_USER=postgres SACRUM_DB_PASSWORD=postgres SACRUM_ADMIN_PASSWORD=bench-admin-password \
SACRUM_DATA_DIR="$work/data" SACRUM_LOG_FILE="$work/server.log" SKIP_BUILD=true PORT=8380 JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx2g}" \
  bash deploy/run.sh > "$work/sacrum.log" 2>&1 &
sacrum_pid=$!
for _ in $(seq 1 180); do curl -fs "$sacrum/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$sacrum/health/ready" >/dev/null || { echo "Sacrum did not start; see $work/sacrum.log"; exit 1; }

{
  psql -d sacrum_bench -At -F $'\t' -c "SELECT (SELECT id FROM person WHERE username = 'demo-author'), (SELECT id FROM person WHERE username = 'demo-clinician')"
  psql -d sacrum_bench -At -F $'\t' -c "SELECT e.content_type, r.content FROM entry e JOIN revision r ON r.entry_id = e.id AND r.number = e.published_revision"
} | python3 deploy/bench/catalogue.py "$exercises" "$conditions" > "$work/catalogue.sql"
psql -q -d sacrum_bench -v ON_ERROR_STOP=1 -f "$work/catalogue.sql" >/dev/null
echo "   published exercises: $(curl -fs "$sacrum/api/v1/exercises?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

echo "== the same documents as static files for nginx"
mkdir -p "$work/www/api/v1/exercises" "$work/www/lists"
psql -d sacrum_bench -At -c "SELECT slug FROM entry WHERE content_type = 'EXERCISE' AND slug LIKE '%-bench-%' ORDER BY md5(slug) LIMIT 1000" > "$work/slugs.txt"
while read -r slug; do
  curl -fs "$sacrum/api/v1/exercises/$slug" -o "$work/www/api/v1/exercises/$slug"
done < "$work/slugs.txt"
lists=()
for page in $(seq 1 50); do
  lists+=("/api/v1/exercises?equipment=chair&stage=trimester-2&size=20&page=$page")
done
i=0
for path in "${lists[@]}"; do
  i=$((i + 1))
  curl -fs "$sacrum$path" -o "$work/www/lists/$i.json"
done
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type application/json;
  etag on;
  server {
    listen 127.0.0.1:8381;
    root $work/www;
  }
  # Sacrum behind a standard caching reverse proxy that honours its Cache-Control and revalidates with ETags
  proxy_cache_path $work/proxy-cache levels=1:2 keys_zone=sacrum:16m max_size=1g inactive=10m use_temp_path=off;
  upstream sacrum { server 127.0.0.1:8380; keepalive 32; }
  server {
    listen 127.0.0.1:8382;
    location / {
      proxy_pass http://sacrum;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache sacrum;
      proxy_cache_revalidate on;
      proxy_cache_lock on;
    }
  }
}
CONF
chmod -R a+rX "$work/www"
nginx -c "$work/nginx.conf"
curl -fs -o /dev/null "$static/lists/1.json" || { echo "nginx does not serve the copies; see $work/nginx-error.log"; exit 1; }

# wrk scripts: cycle through many paths so that neither server answers one document over and over
lua_paths() { # file, then paths
  local file=$1; shift
  { echo "paths = {"; printf '  "%s",\n' "$@"; echo "}"
    echo 'i = 0'
    echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'; } > "$file"
}
mapfile -t slugs < "$work/slugs.txt"
lua_paths "$work/detail.lua" "${slugs[@]/#//api/v1/exercises/}"
lua_paths "$work/list-sacrum.lua" "${lists[@]}"
static_lists=()
for n in $(seq 1 ${#lists[@]}); do static_lists+=("/lists/$n.json"); done
lua_paths "$work/list-static.lua" "${static_lists[@]}"

# one wrk run: prints "requests/s p50 p99" (latencies in ms)
measure() {
  local url=$1 script=$2
  wrk -t2 -c"$connections" -d5s -s "$script" "$url" >/dev/null # warm-up
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$script" "$url" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + str(label) + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {ms(50):.2f} {ms(99):.2f} {errors.group(1) if errors else 0}")'
}

echo "== cold: each filtered list once, uncached, one request at a time"
cold=$(for page in $(seq 51 250); do
  curl -fs -o /dev/null -w '%{time_total}\n' "$sacrum/api/v1/exercises?stage=trimester-2&topic=stretching&size=20&page=$page"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "%.1f %.1f", t[int(NR * 0.5)], t[int(NR * 0.99)] }')

echo "== wrk -t2 -c$connections -d$duration (after a 5 s warm-up each)"
read -r d_rps d_p50 d_p99 d_err <<<"$(measure "$sacrum" "$work/detail.lua")"
read -r n_rps n_p50 n_p99 n_err <<<"$(measure "$static" "$work/detail.lua")"
read -r l_rps l_p50 l_p99 l_err <<<"$(measure "$sacrum" "$work/list-sacrum.lua")"
read -r m_rps m_p50 m_p99 m_err <<<"$(measure "$static" "$work/list-static.lua")"
read -r pd_rps pd_p50 pd_p99 pd_err <<<"$(measure "$proxied" "$work/detail.lua")"
read -r pl_rps pl_p50 pl_p99 pl_err <<<"$(measure "$proxied" "$work/list-sacrum.lua")"

ratio=$(python3 -c "print(f'{$d_rps / $n_rps * 100:.1f}')")
printf '\n%-44s %10s %9s %9s %7s\n' "scenario ($exercises exercises, $conditions conditions)" "req/s" "p50 ms" "p99 ms" "errors"
printf '%-44s %10s %9s %9s %7s\n' "detail, Sacrum (1,000 slugs)" "$d_rps" "$d_p50" "$d_p99" "$d_err"
printf '%-44s %10s %9s %9s %7s\n' "detail, nginx static files (same JSON)" "$n_rps" "$n_p50" "$n_p99" "$n_err"
printf '%-44s %10s %9s %9s %7s\n' "filtered list, Sacrum (50 pages)" "$l_rps" "$l_p50" "$l_p99" "$l_err"
printf '%-44s %10s %9s %9s %7s\n' "filtered list, nginx static files" "$m_rps" "$m_p50" "$m_p99" "$m_err"
printf '%-44s %10s %9s %9s %7s\n' "detail, Sacrum behind nginx proxy_cache" "$pd_rps" "$pd_p50" "$pd_p99" "$pd_err"
printf '%-44s %10s %9s %9s %7s\n' "filtered list, Sacrum behind nginx proxy_cache" "$pl_rps" "$pl_p50" "$pl_p99" "$pl_err"
read -r c_p50 c_p99 <<<"$cold"
printf '%-44s %10s %9s %9s\n' "filtered list, Sacrum cold (200 x 1 request)" "-" "$c_p50" "$c_p99"
echo
proxied_ratio=$(python3 -c "print(f'{$pd_rps / $n_rps * 100:.1f}')")
echo "detail reads: Sacrum alone at ${ratio}% of nginx (target >= 50%): $(python3 -c "print('PASS' if $ratio >= 50 else 'FAIL')")"
echo "detail reads: Sacrum behind a caching proxy honouring its Cache-Control at ${proxied_ratio}% of nginx static files"
echo "filtered list p99: ${l_p99} ms under load, ${c_p99} ms cold (target < 50 ms): $(python3 -c "print('PASS' if max($l_p99, $c_p99) < 50 else 'FAIL')")"
echo "(logs and data: $work)"
