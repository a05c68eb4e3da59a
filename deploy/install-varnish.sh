#!/usr/bin/env bash
# Installs Debian's Varnish and varnish-modules (whose xkey vmod gives surrogate keys) for the edge cache
# (deploy/varnish/) and its test (EdgeIT). Idempotent: does nothing when both are already installed.
# Installing does not start a system Varnish service: deploy/varnish/run.sh starts its own varnishd.
# Run as root (or with sudo) on Debian 12.
set -euo pipefail
bash "$(dirname "$0")/install-debian-packages.sh" "edge cache" varnish varnish-modules
/usr/sbin/varnishd -V 2>&1 | head -1 || true
