#!/usr/bin/env bash
# Installs Debian's Varnish and varnish-modules (whose xkey vmod gives surrogate keys) for the edge cache
# (deploy/varnish/) and its test (EdgeIT). Idempotent: does nothing when both are already installed.
# Installing does not start a system Varnish service: deploy/varnish/run.sh starts its own varnishd.
# Run as root (or with sudo) on Debian 12.
set -euo pipefail

packages=(varnish varnish-modules)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "varnish and varnish-modules are already installed."
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
echo "Installed: ${missing[*]} ($(/usr/sbin/varnishd -V 2>&1 | head -1 || echo 'varnishd version unknown'))."
