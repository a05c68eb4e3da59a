#!/usr/bin/env bash
# (Re)creates the empty database sacrum_it that `mvn verify -Ppostgres` runs against.
# PGHOST/PGPORT/PGUSER default to the local server this machine kind starts (127.0.0.1:5432, user postgres).
set -euo pipefail
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
if ! pg_isready -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start 2>/dev/null || true
  for _ in $(seq 1 20); do pg_isready -q && break; sleep 1; done
fi
psql -v ON_ERROR_STOP=1 -q -d postgres -c "DROP DATABASE IF EXISTS sacrum_it WITH (FORCE)" -c "CREATE DATABASE sacrum_it"
echo "database sacrum_it is empty and ready on $PGHOST:$PGPORT"
