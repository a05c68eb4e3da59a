#!/usr/bin/env bash
# Delivery benchmark: Sacrum's public API against nginx serving the very same JSON as static files, the physical
# limit of this machine. Seeds a large catalogue (10,000 exercises and 1,000 conditions; EXERCISES, CONDITIONS)
# into PostgreSQL, runs Sacrum on it (port 8380) and nginx (127.0.0.1:8381), and measures with wrk: single-entry
# reads and filtered lists, requests per second and p50/p99 latency, then prints a table, the Sacrum/nginx ratio
# and PASS/FAIL against the targets. A benchmark prints figures; it is not a test and exits 0 whatever they are.
#
#   bash deploy/bench/run.sh                    # builds first (mvn package); SKIP_BUILD=true reuses target/
#   DURATION=15s WARMUP=5s JIT_WARMUP=10s COLD_WARMUP=20s JIT_SETTLE_MAX=300 JIT_QUIET=1.0 PAIRS=12 PAIR_DURATION=5s CONNECTIONS=32 THREADS=2 CACHED=true PROFILE=false bash deploy/bench/run.sh
#
# Needs root on Debian 12 (installs wrk and nginx-light), Java 17 and Maven, and PostgreSQL on 127.0.0.1:5432 for
# user postgres without a password; it (re)creates the database sacrum_bench. Only loopback traffic; every wrk run
# is bounded; Sacrum and nginx are stopped on exit. See deploy/bench/README.md for how to read the output.
set -euo pipefail
cd "$(dirname "$0")/../.."
bench="$PWD/deploy/bench"
exercises="${EXERCISES:-10000}"
conditions="${CONDITIONS:-1000}"
deep="${DEEP:-0}"             # this many exercises get a long history of REVISIONS revisions (the last one published)
depth="${REVISIONS:-1000}"
duration="${DURATION:-15s}"
warmup="${WARMUP:-5s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
db="${BENCH_DB:-sacrum_bench}" # the database it drops and creates
sacrum=http://127.0.0.1:8380
nginx=http://127.0.0.1:8381
varnish=http://127.0.0.1:8382 # the edge cache Sacrum purges (deploy/varnish); VARNISH=false leaves it out
edge_changes="${EDGE_CHANGES:-100}"
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
started_at=$SECONDS
say() { printf '== %s (%ds)\n' "$*" $((SECONDS - started_at)); }

# ---- tools
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v curl >/dev/null || missing+=(curl)
command -v flock >/dev/null || missing+=(util-linux)
[[ "${PROFILE:-}" != "true" ]] || command -v unzip >/dev/null || missing+=(unzip)
if [[ "${VARNISH:-true}" == "true" ]]; then
  bash deploy/install-varnish.sh >/dev/null
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]}"
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

if [[ "${PROFILE:-}" == "true" ]]; then # async-profiler's agent, from Maven Central (its jar holds the native library)
  mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 -DoutputDirectory=target/bench-profiler
fi

# ---- one run at a time, and nothing else on our ports
exec 9>/tmp/sacrum-bench.lock
flock -n 9 || { echo "another benchmark run holds /tmp/sacrum-bench.lock; not starting" >&2; exit 1; }
for port in 8380 8381 8382; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use on this machine; stop what listens there first" >&2
    exit 1
  fi
done
psql -d postgres -c 'SELECT 1' >/dev/null || { echo "PostgreSQL does not answer on 127.0.0.1:5432 as postgres" >&2; exit 1; }

if [[ "${SKIP_BUILD:-}" != "true" ]]; then
  say "building (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi
[[ -f target/sacrum.war && -f target/payara-micro.jar ]] || { echo "no target/sacrum.war or target/payara-micro.jar" >&2; exit 1; }

work=$(mktemp -d /tmp/sacrum-bench.XXXXXX)
chmod 755 "$work" # nginx's workers (not root) read the static copies from here
if [[ "${PROFILE:-}" == "true" ]]; then
  unzip -q -o target/bench-profiler/async-profiler-4.1.jar 'linux-x64/*' -d "$work/profiler"
fi
sacrum_pid=
varnish_pid=
cleanup() {
  if [[ -n "$varnish_pid" ]]; then
    kill "$varnish_pid" 2>/dev/null || true
  fi
  if [[ -n "$sacrum_pid" ]] && kill -0 "$sacrum_pid" 2>/dev/null; then
    kill "$sacrum_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$sacrum_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$sacrum_pid" 2>/dev/null || true
  fi
  if [[ -s "$work/nginx/nginx.pid" ]]; then
    kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  fi
  rm -rf "$work/nginx/cache" "$work/nginx/temp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- database: Sacrum makes the schema (Flyway) and publishes the sample content through its real workflow
say "database $db: schema and sample content by Sacrum's first boot"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
SACRUM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SACRUM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource \
SACRUM_DB_USER=postgres SACRUM_DB_PASSWORD=postgres SACRUM_ADMIN_PASSWORD=bench-admin-password \
SACRUM_DATA_DIR="$work/data" SACRUM_LOG_FILE="$work/server.log" SACRUM_EDGE_PURGE_URLS="$varnish/" \
SKIP_BUILD=true PORT=8380 JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx2g} -Xlog:gc:file=$work/gc.log:time" \
  bash deploy/run.sh >"$work/sacrum.log" 2>&1 9>&- &
sacrum_pid=$! # deploy/run.sh execs java: this is Sacrum's JVM
boot_started=$SECONDS
for _ in $(seq 1 240); do
  curl -fs "$sacrum/health/ready" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$sacrum_pid" 2>/dev/null || break
  sleep 1
done
curl -fs "$sacrum/health/ready" 2>/dev/null | grep -q '"UP"' ||
  { echo "Sacrum did not become ready; see $work/sacrum.log and $work/server.log*" >&2; exit 1; }
echo "ready_empty=$((SECONDS - boot_started))" >"$work/boot.txt"

# ---- the large catalogue, straight into the database (the management API would re-check the clinician's
# password with PBKDF2 for every approval: hours for 11,000 entries)
say "adding $exercises exercises and $conditions conditions with SQL"
mkdir -p "$work/seed"
psql -d "$db" -At -c "SELECT row_to_json(a) FROM approval a JOIN entry e ON e.published_approval_id = a.id
  WHERE a.demo ORDER BY e.slug LIMIT 1" >"$work/seed/approval.json"
psql -d "$db" -At -c "SELECT row_to_json(r) FROM (SELECT author_id FROM revision ORDER BY created_at LIMIT 1) r" >"$work/seed/revision.json"
psql -d "$db" -At -F $'\t' -c "SELECT e.id, e.content_type, r.content_hash, r.content FROM entry e
  JOIN revision r ON r.entry_id = e.id AND r.number = e.published_revision ORDER BY e.content_type, e.slug" >"$work/seed/seeded.tsv"
psql -d "$db" -At -F $'\t' -c "SELECT entry_id, name, val, COALESCE(tags, '\\N') FROM entry_facet" >"$work/seed/facets.tsv"
psql -d "$db" -At -F $'\t' -c "SELECT entry_id, words FROM entry_search" >"$work/seed/search.tsv"
psql -d "$db" -At -F $'\t' -c "SELECT content_type, locale, name, val, id FROM facet_count" >"$work/seed/ids.tsv"
# the listing columns and the counts Sacrum maintained while seeding must be what catalogue.py writes for its copies
drift=$(psql -d "$db" -At -c "SELECT
  (SELECT COUNT(*) FROM entry_facet f JOIN entry e ON e.id = f.entry_id WHERE f.content_type <> e.content_type
     OR f.locale <> e.locale OR f.slug <> e.slug OR f.published_at IS DISTINCT FROM e.published_at OR e.published_revision IS NULL)
  + (SELECT COUNT(*) FROM entry e WHERE e.published_revision IS NOT NULL AND NOT EXISTS
     (SELECT 1 FROM entry_facet f WHERE f.entry_id = e.id AND f.name = '*' AND f.val = '*'))
  + (SELECT COUNT(*) FROM entry_search s JOIN entry e ON e.id = s.entry_id WHERE s.content_type <> e.content_type
     OR s.locale <> e.locale OR s.slug <> e.slug OR s.published_at IS DISTINCT FROM e.published_at OR e.published_revision IS NULL)
  + (SELECT COUNT(*) FROM entry e WHERE e.published_revision IS NOT NULL AND NOT EXISTS
     (SELECT 1 FROM entry_search s WHERE s.entry_id = e.id))
  + (SELECT COUNT(*) FROM ((SELECT content_type, locale, name, val, total FROM facet_count WHERE total <> 0)
     EXCEPT (SELECT content_type, locale, name, val, COUNT(*) FROM entry_facet GROUP BY content_type, locale, name, val)) x)
  + (SELECT COUNT(*) FROM ((SELECT content_type, locale, name, val, COUNT(*) FROM entry_facet GROUP BY content_type, locale, name, val)
     EXCEPT (SELECT content_type, locale, name, val, total FROM facet_count)) y)")
[[ "$drift" == "0" ]] || { echo "the seeded listing or search rows or facet counts are not as catalogue.py writes them ($drift differences)" >&2; exit 1; }
python3 "$bench/catalogue.py" "$exercises" "$conditions" "$work/seed" "$deep" "$depth" >"$work/catalogue.sql"
psql -q -d "$db" -v ON_ERROR_STOP=1 -f "$work/catalogue.sql" >/dev/null
# No restart: the delivery API reads entries from the database on every cache miss, and nothing was cached yet.
total() { curl -fs -o /dev/null -D - "$sacrum$1" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-total-count" { print $2 }'; }
echo "   published exercises according to the API: $(total '/api/v1/exercises?size=1')"

# ---- what to request
list1='equipment=chair&stage=trimester-2&size=20'
list2='topic=stretching&size=20'
n1=$(total "/api/v1/exercises?$list1") n2=$(total "/api/v1/exercises?$list2")
pages1=$(( (n1 + 19) / 20 < 50 ? (n1 + 19) / 20 : 50 ))
last2=$(( (n2 + 19) / 20 < 99 ? (n2 + 19) / 20 : 99 ))
first2=$(( last2 >= 50 ? 50 : 1 )) # a small catalogue (EXERCISES) has no page 50: then its pages from 1
[[ $pages1 -ge 1 && $last2 -ge 1 ]] || { echo "the catalogue is too small for the list scenarios ($n1, $n2 matches)" >&2; exit 1; }
psql -d "$db" -At -c "SELECT '/api/v1/exercises/' || slug FROM entry WHERE content_type = 'EXERCISE'
  AND slug LIKE '%-bench-%' ORDER BY md5(slug) LIMIT 1000" >"$work/detail.paths"
psql -d "$db" -At -c "SELECT '/api/v1/exercises/' || slug FROM entry WHERE content_type = 'EXERCISE'
  AND slug LIKE '%-bench-%' ORDER BY md5(slug) OFFSET 1000 LIMIT 500" >"$work/cold-detail.paths"
include_paths() { # offset, limit: exercises with their linked conditions and warnings, in a fixed shuffled order
  psql -d "$db" -At -c "SELECT '/api/v1/exercises/' || slug || '?include=conditions,warnings' FROM entry WHERE content_type = 'EXERCISE'
    AND slug LIKE '%-bench-%' ORDER BY md5(slug) OFFSET $1 LIMIT $2"
}
include_paths 1500 500 >"$work/cold-include.paths"
# the uncached paths' own JIT warm-up: other slugs and other page sizes than any request timed below, so what is
# timed stays unseen by every cache while the code that renders it has been compiled, as in a server long in service
include_paths 2000 20000 >"$work/warm-include.paths"
# a catalogue of 2,000 exercises or fewer has none past those: then the timed detail slugs with include=, a request
# no timed run makes (the detail runs ask them without it)
[[ -s "$work/warm-include.paths" ]] || include_paths 0 1000 >"$work/warm-include.paths"
for topic in strengthening stretching mobility sciatica si-joint-pain low-back-pain pelvic-pain pelvic-floor \
  breathing-and-relaxation self-massage posture-and-daily-movement; do
  for region in glutes hips lower-back pelvis core hamstrings hip-rotators shoulders upper-back sacroiliac-joint pelvic-floor quadriceps; do
    for p in $(seq 1 15); do echo "/api/v1/exercises?topic=$topic&region=$region&sort=-slug&page=$p&size=20"; done
  done
done | shuf --random-source=<(yes) >"$work/warm-lists.paths"
# the JIT's settling (below): yet other cache keys, the same code: one included type at a time, other page sizes
psql -d "$db" -At -c "SELECT '/api/v1/exercises/' || slug || '?include=' || t FROM entry, (VALUES ('conditions'), ('warnings')) i(t)
  WHERE content_type = 'EXERCISE' AND slug LIKE '%-bench-%' ORDER BY md5(slug || t) OFFSET 0 LIMIT 200000" |
  { grep -vxFf <(sed 's|?.*||' "$work/cold-include.paths" "$work/cold-detail.paths" "$work/detail.paths" |
    sed 's|$|?include=conditions|; p; s|=conditions|=warnings|') || [[ $? == 1 ]]; } >"$work/settle-include.paths" # 1: none left
# a catalogue of 2,000 exercises or fewer has no exercise left: then the warm-up's own, answered from the cache
[[ -s "$work/settle-include.paths" ]] || cp "$work/warm-include.paths" "$work/settle-include.paths"
# sizes below the warm-up's 20: the same first 300 of each list, so no exercise is rendered that the warm-up did not render
for size in 18 19; do sed "s|size=20|size=$size|" "$work/warm-lists.paths"; done | shuf --random-source=<(yes) >"$work/settle-lists.paths"
for p in $(seq 1 "$pages1"); do echo "/api/v1/exercises?$list1&page=$p"; done >"$work/list1.paths"
# list B is deep: page numbers reach the first 1,000 results (page 50 of 20), so beyond page 50 it reads on as a
# reader must, by the next link's cursor (the paths are those links, fetched once here in order)
next_of() { curl -fs "$sacrum$1" | python3 -c 'import json, sys; n = json.load(sys.stdin).get("next"); print(n[n.index("/api/"):] if n else "")'; }
{
  path=""
  for p in $(seq "$first2" $(( last2 < 50 ? last2 : 50 ))); do path="/api/v1/exercises?$list2&page=$p"; echo "$path"; done
  for _ in $(seq 51 "$last2"); do path=$(next_of "$path"); [[ -n "$path" ]] || break; echo "$path"; done
} >"$work/list2.paths"
# uncached lists: other filters and pages, parameters in another order, so no cache has seen them
for equipment in none chair mat wall countertop resistance-band pillow; do
  for stage in trimester-1 trimester-2 trimester-3 postpartum; do
    for p in $(seq 1 2 29); do echo "/api/v1/exercises?stage=$stage&equipment=$equipment&page=$p&size=20"; done
  done
done >"$work/cold-lists.paths"
{
  echo "exercises=$(total '/api/v1/exercises?size=1')"
  echo "conditions=$(total '/api/v1/conditions?size=1')"
  echo "threads=$threads"; echo "connections=$connections"; echo "duration=$duration"; echo "warmup=$warmup"
  echo "detail=1,000 slugs in turn"
  echo "list1=$list1&page=1..$pages1 in turn ($n1 matches)"
  echo "list2=$list2&page=$first2..$(( last2 < 50 ? last2 : 50 ))$( (( last2 > 50 )) && echo ", then pages 51..$last2 by the next link's after=") in turn ($n2 matches)"
  echo "cold_detail=500 other slugs"
  echo "cold_lists=stage=(4 stages)&equipment=(7 kinds)&page=(1,3,..29)&size=20, 420 queries"
} >"$work/facts.txt"

# ---- the very same bodies as static files for nginx, at the same paths (a list's file is named by its query)
say "fetching the same documents from Sacrum once for nginx"
mkdir -p "$work/www/api/v1/exercises" "$work/www/lists"
while read -r path; do
  printf 'url = "%s%s"\noutput = "%s/www%s"\n' "$sacrum" "$path" "$work" "$path"
done <"$work/detail.paths" >"$work/fetch.curl"
for file in list1 list2; do
  while read -r path; do
    printf 'url = "%s%s"\noutput = "%s/www/lists/%s.json"\n' "$sacrum" "$path" "$work" "${path#*\?}"
  done <"$work/$file.paths"
done >>"$work/fetch.curl"
curl -fsS --fail-early -K "$work/fetch.curl"
chmod -R a+rX "$work/www"

mkdir -p "$work/nginx/temp"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  # the fastest of the usual settings here: with sendfile and tcp_nopush, responses just over 64 KB (the lists)
  # stalled 40 ms on loopback (a delayed ACK) and throughput was lower; an open-file cache spares a stat and open
  sendfile off;
  open_file_cache max=4000;
  types { }
  default_type application/json;
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  proxy_cache_path $work/nginx/cache levels=1:2 keys_zone=sacrum:16m max_size=1g inactive=10m use_temp_path=off;
  upstream sacrum { server 127.0.0.1:8380; keepalive 32; }
  server {
    listen 127.0.0.1:8381;
    root $work/www;
    # a list is the file named by its query string: same URL as Sacrum's, same bytes
    location = /api/v1/exercises { try_files /lists/\$args.json =404; }
    # Sacrum behind the front cache it ships (deploy/nginx/sacrum-proxy.conf), which follows its Cache-Control and ETags
    location /cached/ {
      proxy_pass http://sacrum/;
      include $PWD/deploy/nginx/sacrum-proxy.conf;
    }
  }
}
CONF
nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" 9>&-
for file in detail list1 list2; do
  path=$(head -n 1 "$work/$file.paths")
  cmp -s <(curl -fs "$sacrum$path") <(curl -fs "$nginx$path") ||
    { echo "nginx does not serve the same body as Sacrum for $path; see $work/nginx/error.log" >&2; exit 1; }
done
if [[ "${CACHED:-true}" == "true" ]]; then
  path=$(head -n 1 "$work/detail.paths")
  curl -fs -o /dev/null "$nginx/cached$path"
  curl -fs -D - -o /dev/null "$nginx/cached$path" | tr -d '\r' | grep -qi '^x-cache-status: hit$' ||
    { echo "the front cache (deploy/nginx/sacrum-proxy.conf) did not keep $path; see $work/nginx/error.log" >&2; exit 1; }
fi

# ---- Varnish in front of Sacrum (deploy/varnish/run.sh), purged by Sacrum on every publication and withdrawal
if [[ "${VARNISH:-true}" == "true" ]]; then
  say "Varnish on 127.0.0.1:8382 in front of Sacrum"
  VARNISH_LISTEN=127.0.0.1:8382 SACRUM_BACKEND=127.0.0.1:8380 VARNISH_WORKDIR="$work/varnish" VARNISH_STORAGE=malloc,512m \
    bash deploy/varnish/run.sh >"$work/varnish.log" 2>&1 9>&- &
  varnish_pid=$! # run.sh execs varnishd -F
  for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/8382) 2>/dev/null && break; sleep 0.5; done
  path=$(head -n 1 "$work/detail.paths")
  curl -fs -o /dev/null "$varnish$path"
  curl -fs -D - -o /dev/null "$varnish$path" | tr -d '\r' | grep -qi '^x-cache: hit$' ||
    { echo "Varnish did not keep $path; see $work/varnish.log" >&2; exit 1; }
  cmp -s <(curl -fs "$sacrum$path") <(curl -fs "$varnish$path") ||
    { echo "Varnish does not serve the same body as Sacrum for $path" >&2; exit 1; }
fi

# ---- measurements
cpu_ticks() { awk '{print $14 + $15}' "/proc/$sacrum_pid/stat"; } # user + system CPU time of Sacrum's JVM, all threads
measure() { # name, base URL, paths file [prefix]; run_duration and run_warmup override DURATION and WARMUP
  local name=$1 url=$2; shift 2
  wrk -t"$threads" -c"$connections" -d"${run_warmup:-$warmup}" --timeout 10s -s "$bench/paths.lua" "$url" -- "$@" >/dev/null
  local start ticks; start=$(date +%s.%N); ticks=$(cpu_ticks)
  wrk -t"$threads" -c"$connections" -d"${run_duration:-$duration}" --timeout 10s --latency -s "$bench/paths.lua" "$url" -- "$@" \
    >"$work/wrk-$name.txt"
  echo "$name $start $(date +%s.%N)" >>"$work/times.txt" # to match Sacrum's GC pauses with the run
  echo "$name $ticks $(cpu_ticks)" >>"$work/cpu.txt" # Sacrum's CPU during the run (also nginx's runs: Sacrum idle)
}
one_at_a_time() { # name: the requests of cold-NAME.curl, one at a time, on one kept-alive connection
  local start; start=$(date +%s.%N)
  curl -s -K "$work/cold-$1.curl" -w '%{http_code} %{time_total} %{size_download}\n' >"$work/cold-$1.txt"
  # to match GC pauses with the requests: one at a time, a pause lands whole in the request it meets
  echo "cold-$1 $start $(date +%s.%N)" >>"$work/times.txt"
}
cold() { # name, paths file: each path once
  sed "s|^|url = \"$sacrum|; s|\$|\"\noutput = \"/dev/null\"|" "$2" >"$work/cold-$1.curl"
  one_at_a_time "$1"
}

# A fresh JVM compiles its hot paths over the first tens of thousands of requests (the first runs measured a third
# of the later throughput); a server in production is warm. nginx has nothing to warm up.
say "warming Sacrum's JIT up: ${JIT_WARMUP:-10s} on each of detail, list A and list B"
for file in detail list1 list2; do
  wrk -t"$threads" -c"$connections" -d"${JIT_WARMUP:-10s}" --timeout 10s -s "$bench/paths.lua" "$sacrum" -- "$work/$file.paths" >/dev/null
done

say "warming the uncached paths' JIT up: ${COLD_WARMUP:-20s} on each of other includes and other lists, 4 connections"
for file in warm-include warm-lists; do
  wrk -t"$threads" -c4 -d"${COLD_WARMUP:-20s}" --timeout 10s -s "$bench/paths.lua" "$sacrum" -- "$work/$file.paths" >/dev/null
done

# Until the JIT is quiet. On this 2-core machine C2 compiled some 2,800 methods of Payara, Jersey, EclipseLink, Hazelcast
# and Sacrum in a server's first minutes (a probe on the 2k catalogue: its compiler thread busy 72% of the time a minute
# into the warm-up, 4% after three), and uncached requests timed meanwhile measured the compiler as much as Sacrum.
# Warm-up goes on in 10 s rounds, includes and lists in turn, on keys no timed request asks, until two rounds in a row
# compiled for under JIT_QUIET seconds each (jstat's compile time, both compilers), or about JIT_SETTLE_MAX seconds passed
# (checked before each round).
jit_time() { jstat -compiler "$sacrum_pid" | awk 'NR == 2 { print $4 }'; }
settle_max=${JIT_SETTLE_MAX:-300}
settle_max=${settle_max%s} # seconds, written as the other durations may be ("300s")
[[ "$settle_max" =~ ^[0-9]+$ ]] || { echo "JIT_SETTLE_MAX is a number of seconds, not '$JIT_SETTLE_MAX'" >&2; exit 1; }
say "warming on until the JIT is quiet: 10 s rounds, for about $settle_max s at most"
settle_started=$SECONDS quiet=0 round=0 compiled=0
while (( SECONDS - settle_started < settle_max )); do
  file=$( (( round % 2 == 0 )) && echo settle-include || echo settle-lists )
  before=$(jit_time)
  wrk -t"$threads" -c4 -d10s --timeout 10s -s "$bench/paths.lua" "$sacrum" -- "$work/$file.paths" >/dev/null
  compiled=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$before" "$(jit_time)")
  round=$((round + 1))
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$compiled" "${JIT_QUIET:-1.0}"; then
    quiet=$((quiet + 1))
  else
    quiet=0
  fi
  (( quiet < 2 )) || break
done
printf 'settle_s=%s\nsettle_rounds=%s\nsettle_quiet=%s\nsettle_last_jit_s=%s\n' $((SECONDS - settle_started)) "$round" \
  "$( (( quiet >= 2 )) && echo yes || echo no )" "$compiled" >>"$work/boot.txt"

say "uncached requests, one at a time"
# the JIT's compile time (jstat's 4th column, seconds) while they run: how much of the machine it still took
jit_before=$(jit_time) cold_started=$(date +%s.%N)
cold detail "$work/cold-detail.paths"
cold include "$work/cold-include.paths"
cold lists "$work/cold-lists.paths"
jit_after=$(jit_time)
python3 -c "import sys; print(f'uncached_jit_s={float(sys.argv[2]) - float(sys.argv[1]):.1f}\nuncached_s={float(sys.argv[4]) - float(sys.argv[3]):.1f}')" \
  "$jit_before" "$jit_after" "$cold_started" "$(date +%s.%N)" >>"$work/boot.txt"

# ---- management at scale: one request per list and for the review queue, with a token (no PBKDF2 per request)
say "management lists, review queue and a long revision history, one request at a time"
token_manage=$(curl -fsS -u admin:bench-admin-password -H 'Content-Type: application/json' "$sacrum/api/manage/me/tokens" \
  -d '{"name": "bench-manage", "scopes": ["read"], "expiresInDays": 1}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
deep_slug=$(psql -d "$db" -At -c "SELECT slug FROM entry WHERE content_type = 'EXERCISE' ORDER BY latest_revision DESC, slug LIMIT 1")
deep_count=$(psql -d "$db" -At -c "SELECT latest_revision FROM entry WHERE content_type = 'EXERCISE' AND slug = '$deep_slug'")
{
  for _ in $(seq 1 20); do echo "/api/manage/queue"; done
  for p in $(seq 1 5 100); do echo "/api/manage/exercises?page=$p&size=100"; done
  for p in $(seq 1 5 100); do echo "/api/manage/exercises?state=published&page=$p&size=100"; done
  for p in $(seq 1 1 $(( (deep_count + 99) / 100 ))); do echo "/api/manage/exercises/$deep_slug/revisions?page=$p&size=100"; done
  # the console's link picker: a rare term (one entry), a common one (every copy), none at all
  for t in 12345 bench-777 zzz tilt pelvic; do for _ in 1 2 3 4; do echo "/api/manage/exercises?search=$t&size=20"; done; done
} >"$work/manage.paths"
sed "s|^|header = \"Authorization: Bearer $token_manage\"\nurl = \"$sacrum|; s|\$|\"\noutput = \"/dev/null\"|" "$work/manage.paths" >"$work/cold-manage.curl"
# one untimed pass first: the management code paths get their JIT warm-up as the delivery scenarios get theirs (the
# first request of each kind took 100-160 ms cold, the rest 15-50 ms)
curl -s -K "$work/cold-manage.curl" >/dev/null
one_at_a_time manage
echo "deep_history=$deep_slug, $deep_count revisions" >>"$work/facts.txt"

say "wrk -t$threads -c$connections -d$duration --latency, each after a $warmup warm-up"
measure detail-sacrum "$sacrum" "$work/detail.paths"
measure detail-nginx "$nginx" "$work/detail.paths"
# the ceiling of the container Sacrum runs in, for reference: Payara Micro serving a static file of Sacrum's WAR
echo /console/console.css >"$work/container.paths"
measure detail-container "$sacrum" "$work/container.paths"
# the container's rate moved by up to half between runs (13k-24k req/s), and one pair's ratio from 75% to 108% on
# the same build: the detail/static ratio again in PAIRS more back-to-back pairs of shorter runs (PAIR_DURATION),
# so that a drift of the machine hits both sides of a pair and the median has enough pairs to stand on; odd pairs
# run Sacrum first, even ones the static file first, so that a steady drift within a pair favours neither side
for pair in $(seq 1 "${PAIRS:-12}"); do
  order="sacrum container"; (( pair % 2 == 1 )) || order="container sacrum"
  for side in $order; do
    paths="$work/detail.paths"; [[ $side == container ]] && paths="$work/container.paths"
    run_duration="${PAIR_DURATION:-5s}" run_warmup="${PAIR_WARMUP:-1s}" measure "pair$pair-$side" "$sacrum" "$paths"
  done
done
# PROFILE=true: one more pair, each run recorded by async-profiler (CPU time of every thread, a sample per ms) and
# not judged (JFR slowed both runs eightfold on this machine; async-profiler up to a third at 100k, see README.md)
if [[ "${PROFILE:-}" == "true" ]]; then
  profiler() { java "$bench/Attach.java" "$sacrum_pid" "$work/profiler/linux-x64/libasyncProfiler.so" "$1"; }
  for run in sacrum container; do
    paths="$work/detail.paths"; [[ $run == container ]] && paths="$work/container.paths"
    profiler "start,event=cpu,interval=1000000,file=$work/profiled-$run.collapsed"
    measure "profiled-$run" "$sacrum" "$paths"
    profiler "stop,file=$work/profiled-$run.collapsed,collapsed"
  done
fi
measure list1-sacrum "$sacrum" "$work/list1.paths"
measure list1-nginx "$nginx" "$work/list1.paths"
measure list2-sacrum "$sacrum" "$work/list2.paths"
measure list2-nginx "$nginx" "$work/list2.paths"
if [[ "${CACHED:-true}" == "true" ]]; then
  measure detail-cached "$nginx" "$work/detail.paths" /cached
  measure list1-cached "$nginx" "$work/list1.paths" /cached
fi
if [[ "${VARNISH:-true}" == "true" ]]; then
  measure detail-varnish "$varnish" "$work/detail.paths"
  measure list1-varnish "$varnish" "$work/list1.paths"
  # a publisher with a token of its own withdraws and republishes one exercise the detail runs never read, EDGE_CHANGES times
  say "time from a change committing to the edge serving it, $edge_changes changes"
  admin=(-u admin:bench-admin-password -H 'Content-Type: application/json')
  curl -fsS -o /dev/null "${admin[@]}" "$sacrum/api/manage/people" -d '{"username": "bench-publisher",
    "displayName": "Benchmark Publisher", "password": "a long benchmark passphrase", "roles": ["publisher"]}'
  token=$(curl -fsS -u 'bench-publisher:a long benchmark passphrase' -H 'Content-Type: application/json' \
    "$sacrum/api/manage/me/tokens" -d '{"name": "bench", "scopes": ["read", "publish"], "expiresInDays": 1}' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
  # a seeded exercise (the catalogue's copies have no publication history: withdrawn, they are a 404, not a 410)
  slug=$(psql -d "$db" -At -c "SELECT slug FROM entry WHERE content_type = 'EXERCISE' AND slug NOT LIKE '%-bench-%'
    AND state = 'PUBLISHED' ORDER BY slug LIMIT 1")
  python3 "$bench/edge_latency.py" "$sacrum" "$varnish" "$token" "$slug" "$edge_changes" "$work/edge-latency.txt"
  echo "edge_entry=/api/v1/exercises/$slug" >>"$work/facts.txt"
fi

# ---- memory: the heap after a full GC, with the whole catalogue served and every scenario's cache filled
jcmd "$sacrum_pid" GC.run >/dev/null
jcmd "$sacrum_pid" GC.heap_info | sed -n 's/.* total \([0-9]*\)K, used \([0-9]*\)K.*/heap_total_kb=\1\nheap_used_kb=\2/p' | head -2 >>"$work/boot.txt"

# ---- the database's share of an uncached list: the SQL DeliveryQueries.search sends for every list shape, built by
# Sacrum's own classes (deploy/bench/ListingSql.java), timed by PostgreSQL: EXPLAIN (ANALYZE, BUFFERS), median of 5
say "EXPLAIN (ANALYZE, BUFFERS) of every list shape"
psql -d "$db" -At -F $'\t' -c "SELECT name, val, total, id FROM facet_count WHERE content_type = 'EXERCISE' AND locale = 'en-GB'" >"$work/counts.tsv"
# q's plan is chosen by the words' statistics (SearchShares, from pg_stats as DeliveryQueries reads them)
psql -d "$db" -At -F $'\t' -c "SELECT CAST(most_common_elems AS TEXT), most_common_elem_freqs FROM pg_stats
  WHERE tablename = 'entry_search' AND attname = 'doc'" >"$work/stats.tsv"
[[ -f "$work/classpath.txt" ]] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=compile >/dev/null
top() { psql -d "$db" -At -c "SELECT val FROM facet_count WHERE content_type = 'EXERCISE' AND locale = 'en-GB' AND name = '$1' ORDER BY total DESC, val LIMIT 1"; }
rare=$(psql -d "$db" -At -c "SELECT slug FROM entry WHERE content_type = 'EXERCISE' AND slug LIKE '%-bench-%' ORDER BY md5(slug) DESC LIMIT 1 OFFSET 7")
# after=<the last item of page 499>, as Sacrum's next link would give it after a walk of 499 pages: the 20th row of
# the page at offset 9,960 (deeper than page numbers reach: ListingSql's offset argument), encoded as ListCursor.token
# does (base64url of "sort|published instant|slug")
cursor() { # query string of the list (its sort, if any, in it)
  local sort row at
  sort=$(sed -n 's/.*sort=\([-a-z]*\).*/\1/p' <<<"$1"); sort=${sort:-slug}
  java -cp "target/classes:$(cat "$work/classpath.txt")" "$bench/ListingSql.java" "$work/counts.tsv" exercises "$1" 9960 "$work/stats.tsv" 2>/dev/null | head -1 >"$work/cursor.sql"
  row=$(psql -d "$db" -At -F '|' -f "$work/cursor.sql" | sed -n 20p)
  at=""; [[ "$sort" == *published ]] && at=$(cut -d'|' -f3 <<<"$row" | tr ' ' T)
  printf '%s' "$sort|$at|$(cut -d'|' -f2 <<<"$row")" | base64 -w0 | tr '+/' '-_' | tr -d '='
}
cat >"$work/shapes.txt" <<SHAPES
all|size=20
all-page50|page=50
slug-desc|sort=-slug
published|sort=published
published-desc|sort=-published
published-desc-page50|sort=-published&page=50
topic|topic=stretching
topic-deep|topic=stretching&page=50
topic-subtopics|topic=back-pain
stage|stage=trimester-2
equipment|equipment=chair
region|region=$(top region)
condition|condition=$(top condition)
warning|warning=$(top warning)
listA|equipment=chair&stage=trimester-2
listA-page50|equipment=chair&stage=trimester-2&page=50
three-filters|equipment=chair&stage=trimester-2&topic=stretching
equipment-two|equipment=chair,mat
all-deep-cursor|after=$(cursor size=20)
published-desc-deep-cursor|sort=-published&after=$(cursor 'sort=-published')
listA-deep-cursor|equipment=chair&stage=trimester-2&after=$(cursor 'equipment=chair&stage=trimester-2')
q-common|q=stretch
q-common-deep|q=stretch&page=10
q-common-deep-cursor|q=stretch&after=$(cursor 'q=stretch')
q-filter|q=stretch&equipment=chair
q-filter-rare|q=stretch&condition=$(top condition)
q-published|q=stretch&sort=-published
q-rare|q=${rare##*-}
q-slug|q=$rare
SHAPES
explain() { # name, query string: each SQL the list sends, 5 times; a line per run with the sum of their execution times
  # a shape this catalogue cannot ask (a cursor past its end: a small catalogue has no page 499 of list A) is left out
  java -cp "target/classes:$(cat "$work/classpath.txt")" "$bench/ListingSql.java" "$work/counts.tsv" exercises "$2" "$work/stats.tsv" \
    2>"$work/sql-$1.err" >"$work/sql-$1.sql" || return 1
  # One session, as a connection of Sacrum's pool: an untimed first round, then 5 timed. A backend's first run of a
  # shape also fills its catalogue caches (ts_match_vq and tsquery for q: 5.5-6.3 ms where the next runs take 3.1),
  # which a pooled connection pays once; that first run is kept apart in sql-NAME.first.
  # TIMING OFF: per-node clocks would inflate the per-row lookups; rows, loops and buffers are all there
  local statements
  statements=$(wc -l <"$work/sql-$1.sql")
  for _ in 0 1 2 3 4 5; do
    sed 's/^/EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) /; s/$/;/' "$work/sql-$1.sql"
  done | psql -d "$db" -At -v ON_ERROR_STOP=1 >"$work/sql-$1.rounds" || return 1
  # one plan per statement, each ending with its Execution Time line; a round is $statements plans
  awk -v n="$statements" -v plan="$work/sql-$1.plan" -v first="$work/sql-$1.first" '
    { text = text $0 "\n" }
    /^Execution Time: / {
      k++; round = int((k - 1) / n); sum[round] += $3
      if (round == 5) printf "%s", text > plan # the last round kept: awk opens it once, then appends
      text = ""
    }
    END { print sum[0] > first; for (r = 1; r <= 5; r++) print sum[r] }' "$work/sql-$1.rounds" >"$work/sql-$1.txt"
}
: >"$work/sql-shapes.txt"
while IFS='|' read -r name query; do
  if explain "$name" "$query"; then
    echo "$name|$query" >>"$work/sql-shapes.txt"
  else
    echo "  $name: not asked at this size ($(head -c 200 "$work/sql-$name.err"))"
  fi
done <"$work/shapes.txt"

# ---- boot with the whole catalogue: the time to ready must not depend on its size (nothing scans it at boot)
say "restarting Sacrum on the full catalogue"
kill "$sacrum_pid"
for _ in $(seq 1 60); do kill -0 "$sacrum_pid" 2>/dev/null || break; sleep 1; done
SACRUM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" SACRUM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource \
SACRUM_DB_USER=postgres SACRUM_DB_PASSWORD=postgres SACRUM_ADMIN_PASSWORD=bench-admin-password \
SACRUM_DATA_DIR="$work/data" SACRUM_LOG_FILE="$work/server2.log" SACRUM_EDGE_PURGE_URLS="$varnish/" \
SKIP_BUILD=true PORT=8380 JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx2g}" bash deploy/run.sh >"$work/sacrum2.log" 2>&1 9>&- &
sacrum_pid=$!
boot_started=$SECONDS
for _ in $(seq 1 240); do
  curl -fs "$sacrum/health/ready" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$sacrum_pid" 2>/dev/null || break
  sleep 1
done
echo "ready_full=$((SECONDS - boot_started))" >>"$work/boot.txt"

python3 "$bench/report.py" "$work"
if [[ "${PROFILE:-}" == "true" ]]; then
  echo
  echo "where the CPU went: cached detail against the container's static file, one more pair recorded by async-profiler"
  requests() { awk '/requests in/ { print $1 }' "$work/wrk-profiled-$1.txt"; }
  python3 "$bench/profile.py" "$work/profiled-sacrum.collapsed" "$(requests sacrum)" \
    "$work/profiled-container.collapsed" "$(requests container)" "$work"
fi
echo
echo "finished in $((SECONDS - started_at)) s; logs, bodies and wrk outputs in $work"
