#!/usr/bin/env bash
# Installs Debian's Chromium and its matching chromedriver (/usr/bin/chromium, /usr/bin/chromedriver) for
# the review console's browser test (ConsoleIT). Idempotent: does nothing when both are already installed.
# Run as root (or with sudo) on Debian 12.
set -euo pipefail

packages=(chromium chromium-driver)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "chromium and chromium-driver are already installed."
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
echo "Installed: ${missing[*]} ($(/usr/bin/chromium --version 2>/dev/null || echo 'chromium version unknown'))."
