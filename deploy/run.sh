#!/usr/bin/env bash
# Builds Sacrum and runs it on Payara Micro at http://localhost:8080 (PORT to change), on the embedded
# H2 database under ./data (SACRUM_DATA_DIR to change), seeded with the sample content on first boot.
# PostgreSQL instead: set SACRUM_DB_URL, SACRUM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource, SACRUM_DB_USER,
# SACRUM_DB_PASSWORD (see deploy/postgres/README.md). Options after -- go to Payara Micro. Sacrum's own settings
# (SACRUM_JOBS_INTERVAL_SECONDS, SACRUM_SEED_ENABLED, ...) reach it as environment variables through MicroProfile Config.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-}" != "true" ]]; then
  mvn -B -q -DskipTests package
fi

# Everything Sacrum writes (H2 files, the first admin's password, logs) is readable by its owner only.
umask 077
data_dir="${SACRUM_DATA_DIR:-$PWD/data}"
mkdir -p "$data_dir"
chmod 700 "$data_dir"
export SACRUM_DATA_DIR="$data_dir"
# WRITE_DELAY=0: H2 writes each commit to the file at once; by default it waits up to a second, and a killed
# process loses commits it has already answered (CrashIT).
export SACRUM_DB_URL="${SACRUM_DB_URL:-jdbc:h2:file:$data_dir/sacrum;LOCK_TIMEOUT=10000;WRITE_DELAY=0}"

# Not clustering, Payara still starts its Hazelcast member (JCache lives there) and, with --nocluster, ignores
# --interfaces and binds port 6900 on every interface. A pre-boot interface of 127.0.0.1 plus Hazelcast's
# server bind-any off keeps that port on loopback (checked on Payara Micro 6.2025.10; RestartIT asserts it).
# Before boot: the HTTP thread pool and keep-alive (deploy/payara/post-boot.sh), no Server or X-Powered-By header, and a
# 10 s read timeout, so that a request body that stops arriving holds a worker thread 10 s instead of 30 (set after
# boot these have no effect or restart the listener).
bash deploy/payara/post-boot.sh "$data_dir/pre-boot.asadmin"
if [[ -n "${SACRUM_CLUSTER:-}" ]]; then
  cluster=(--clustername "$SACRUM_CLUSTER")
  grid_opts=()
else
  echo 'set hazelcast-runtime-configuration.interface=127.0.0.1' >>"$data_dir/pre-boot.asadmin"
  cluster=(--nocluster)
  grid_opts=(-Dhazelcast.socket.server.bind.any=false)
fi

# SACRUM_LOG_FILE writes the log to rotating files instead of the console.
logging=()
if [[ -n "${SACRUM_LOG_FILE:-}" ]]; then
  logging=(--logtofile "$SACRUM_LOG_FILE")
fi


shift_args=()
if [[ "${1:-}" == "--" ]]; then shift; shift_args=("$@"); fi

exec java ${JAVA_OPTS:--Xmx1g} "${grid_opts[@]}" -jar target/payara-micro.jar \
  --deploy target/sacrum.war --contextroot / \
  --port "${PORT:-8080}" "${cluster[@]}" "${logging[@]}" --prebootcommandfile "$data_dir/pre-boot.asadmin" \
  --postbootcommandfile deploy/payara/hardening.asadmin \
  "${shift_args[@]}"
