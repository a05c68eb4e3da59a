#!/usr/bin/env bash
# Runs N Sacrum instances (default 2) on one host as one Payara Micro cluster, sharing a PostgreSQL database
# and, through Payara's Hazelcast data grid, the JCache of delivery responses. Instance i listens on
# 8080+i for HTTP; the data grid takes ports from 6900 up; members find each other over TCP on loopback.
# Needs PostgreSQL on 127.0.0.1:5432 (this machine kind starts it). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
instances="${INSTANCES:-2}"
database="${SACRUM_CLUSTER_DB:-sacrum_cluster}"

[[ "${SKIP_BUILD:-}" == "true" ]] || mvn -B -q -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $database"

members=$(seq -s, -f "127.0.0.1:%g" 6900 $((6900 + instances - 1)))
export SACRUM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" SACRUM_DB_CLASS=org.postgresql.ds.PGSimpleDataSource
export SACRUM_DB_USER=postgres SACRUM_DB_PASSWORD=postgres
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT INT TERM
for i in $(seq 0 $((instances - 1))); do
  mkdir -p "data/cluster-$i"
  bash deploy/payara/post-boot.sh "data/cluster-$i/post-boot.asadmin"
  SACRUM_DATA_DIR="$PWD/data/cluster-$i" java ${JAVA_OPTS:--Xmx768m} -jar target/payara-micro.jar \
    --deploy target/sacrum.war --contextroot / --port $((8080 + i)) --prebootcommandfile "data/cluster-$i/post-boot.asadmin" \
    --postbootcommandfile deploy/payara/hardening.asadmin \
    --clustername sacrum --clustermode "tcpip:$members" --startport 6900 --interfaces 127.0.0.1 \
    > "data/cluster-$i/server.log" 2>&1 &
  pids+=($!)
  echo "instance $i: http://localhost:$((8080 + i)) (log data/cluster-$i/server.log)"
  # the first instance migrates the schema and imports the seed before the others start
  if [[ $i -eq 0 ]]; then
    until curl -fs "http://localhost:8080/health/ready" >/dev/null; do sleep 1; done
  fi
done
wait
