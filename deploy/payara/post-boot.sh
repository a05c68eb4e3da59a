#!/usr/bin/env bash
# Writes the HTTP listener's asadmin settings to the file given; deploy/run.sh runs them BEFORE boot (--prebootcommandfile):
# set after boot they restart the listener while the application deploys, which once left it dead (BackupIT).
# HTTP worker threads: SACRUM_HTTP_THREADS, by default 4 per core. Payara's default pool (up to 200 threads) spent
# cached delivery reads on thread switching: on 2 cores, cached detail reads went from about 28,000 to 34,000
# requests/s with 8 threads (deploy/bench/README.md). Every Sacrum request is short (no long polling), so a
# small pool is enough; keep-alive connections are not closed after a number of requests.
set -euo pipefail
threads="${SACRUM_HTTP_THREADS:-$(( $(nproc) * 4 ))}"
cat >"$1" <<COMMANDS
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=$threads
set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=$threads
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.max-connections=-1
COMMANDS
# Exposure (README, "Security headers and exposure"): no Server or X-Powered-By header, a 10 s read timeout.
cat "$(dirname "$0")/hardening-preboot.asadmin" >>"$1"
