#!/usr/bin/env bash
# Installs Debian's Chromium and its matching chromedriver (/usr/bin/chromium, /usr/bin/chromedriver) for
# the browser tests (ConsoleIT, FrontEndIT). Idempotent: does nothing when both are already installed.
# Run as root (or with sudo) on Debian 12.
set -euo pipefail
bash "$(dirname "$0")/install-debian-packages.sh" "browser tests" chromium chromium-driver
/usr/bin/chromium --version 2>/dev/null || true
