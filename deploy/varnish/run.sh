#!/usr/bin/env bash
# Starts Varnish (deploy/varnish/sacrum.vcl) in front of a running Sacrum, in the foreground (Ctrl-C stops it):
#   bash deploy/varnish/run.sh                     # listens on :6081, Sacrum at 127.0.0.1:8080
#   VARNISH_LISTEN=0.0.0.0:80 SACRUM_BACKEND=10.0.0.4:8080 VARNISH_PURGERS="10.0.0.4 10.0.0.7" bash deploy/varnish/run.sh
# Then tell Sacrum where to send purges: SACRUM_EDGE_PURGE_URLS=http://<this host>:6081/ (comma-separated for several).
#   VARNISH_LISTEN    address:port to serve on (default :6081)
#   SACRUM_BACKEND    host:port of Sacrum (default 127.0.0.1:8080; behind several instances, point it at their balancer)
#   VARNISH_PURGERS   addresses (or networks, "10.0.0.0"/24 style as a.b.c.d/n) allowed to PURGE, besides loopback
#   VARNISH_STORAGE   cache storage (default malloc,256m)
#   VARNISH_WORKDIR   working directory (default /tmp/sacrum-varnish-<port>; one per running varnishd)
# Install Varnish first: bash deploy/install-varnish.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
listen="${VARNISH_LISTEN:-:6081}"
backend="${SACRUM_BACKEND:-127.0.0.1:8080}"
port="${listen##*:}"
workdir="${VARNISH_WORKDIR:-/tmp/sacrum-varnish-$port}"
varnishd="$(command -v varnishd || echo /usr/sbin/varnishd)"
if [[ ! -x "$varnishd" ]]; then
  echo "varnishd not found: bash deploy/install-varnish.sh" >&2
  exit 1
fi
if [[ ! "$backend" =~ ^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):[0-9]+$ ]]; then
  echo "SACRUM_BACKEND must be host:port, not '$backend'" >&2
  exit 1
fi
backend_host="${backend%:*}"
backend_host="${backend_host#[}"
backend_host="${backend_host%]}"
mkdir -p "$workdir/vcl"
{
  echo "# written by deploy/varnish/run.sh"
  echo "backend sacrum {"
  echo "    .host = \"$backend_host\";"
  echo "    .port = \"${backend##*:}\";"
  echo "    .connect_timeout = 2s;"
  echo "    .first_byte_timeout = 30s;"
  echo "}"
  echo "acl sacrum_purgers {"
  echo "    \"127.0.0.1\";"
  echo "    \"::1\";"
  for purger in ${VARNISH_PURGERS:-}; do
    if [[ ! "$purger" =~ ^[0-9A-Fa-f.:]+(/[0-9]{1,3})?$ ]]; then
      echo "VARNISH_PURGERS: '$purger' is not an address or address/bits" >&2
      exit 1
    fi
    if [[ "$purger" == */* ]]; then
      echo "    \"${purger%/*}\"/${purger#*/};"
    else
      echo "    \"$purger\";"
    fi
  done
  echo "}"
} >"$workdir/vcl/sacrum-site.vcl"
# -F: foreground; -n: a working directory of its own, so several can run (tests, benchmark); vcl_path finds the include
exec "$varnishd" -F -n "$workdir" -a "$listen" -f "$here/sacrum.vcl" -p vcl_path="$workdir/vcl:$here" \
  -s "${VARNISH_STORAGE:-malloc,256m}" "$@"
