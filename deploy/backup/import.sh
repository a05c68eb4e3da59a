#!/usr/bin/env bash
# Restores an export FILE into an EMPTY Sacrum (first boot with SACRUM_SEED_ENABLED=false on an empty database):
# checks the file against its manifest, then streams it to POST /api/manage/import, which verifies it again and
# imports all of it or nothing. Needs an admin token of the new instance with the admin scope.
# Usage: SACRUM_URL=http://localhost:8080 SACRUM_TOKEN=sacrum_... bash deploy/backup/import.sh FILE
set -euo pipefail
url="${SACRUM_URL:-http://localhost:8080}"
file="${1:?usage: import.sh FILE}"
: "${SACRUM_TOKEN:?set SACRUM_TOKEN to an admin token of the new instance with the admin scope}"

bash "$(dirname "$0")/check.sh" "$file"
response=$(mktemp)
trap 'rm -f "$response"' EXIT
status=$(curl -sS -o "$response" -w '%{http_code}' -X POST --upload-file "$file" \
  -H "Authorization: Bearer $SACRUM_TOKEN" -H 'Content-Type: application/x-ndjson' "$url/api/manage/import")
cat "$response"; echo
if [[ "$status" != 200 ]]; then
  echo "import.sh: HTTP $status: nothing was imported" >&2; exit 1
fi
