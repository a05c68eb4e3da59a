#!/usr/bin/env bash
# Installs Debian packages the tests need (install-browser.sh, install-varnish.sh). Idempotent: installs only the
# missing ones and runs apt-get update only then. Run as root (or with sudo) on Debian 12.
# Usage: install-debian-packages.sh <what they are for> <package>...
set -euo pipefail

what=$1
shift
missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "$what: $* already installed."
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
echo "$what: installed ${missing[*]}."
