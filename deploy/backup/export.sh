#!/usr/bin/env bash
# Saves a full export of a running Sacrum (entries, every revision, approvals, comments, audit log, people
# without passwords) to FILE and checks it against its manifest. Needs an admin's token with the admin scope.
# Usage: SACRUM_URL=http://localhost:8080 SACRUM_TOKEN=sacrum_... bash deploy/backup/export.sh FILE
set -euo pipefail
url="${SACRUM_URL:-http://localhost:8080}"
file="${1:?usage: export.sh FILE}"
: "${SACRUM_TOKEN:?set SACRUM_TOKEN to an admin token with the admin scope}"

partial="$file.partial"
status=$(curl -sS -o "$partial" -w '%{http_code}' -H "Authorization: Bearer $SACRUM_TOKEN" "$url/api/manage/export")
if [[ "$status" != 200 ]]; then
  echo "export.sh: HTTP $status" >&2; cat "$partial" >&2; echo >&2; rm -f "$partial"; exit 1
fi
bash "$(dirname "$0")/check.sh" "$partial"
mv "$partial" "$file"
echo "saved $file"
