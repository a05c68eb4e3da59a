#!/usr/bin/env bash
# Installs the example site's pinned tools (package-lock.json: Redocly CLI, openapi-typescript, TypeScript) for
# FrontEndIT, with `npm ci`. Reuses node_modules while package-lock.json is unchanged (one install per lock, not per
# build). Without node/npm it installs nothing and says so: FrontEndIT then skips its Node steps.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "example-site: node and npm are absent: FrontEndIT skips the linter, the generated types and the site build."
  exit 0
fi
stamp=node_modules/.sacrum-package-lock.sha256
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$lock" ]]; then
  echo "example-site: node_modules matches package-lock.json"
  exit 0
fi
npm ci --no-audit --no-fund
echo "$lock" >"$stamp"
