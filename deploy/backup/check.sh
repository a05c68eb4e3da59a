#!/usr/bin/env bash
# Checks a Sacrum export file against its manifest (last line): the count and SHA-256 of each kind's lines.
# Needs only grep, sed and sha256sum. Usage: bash deploy/backup/check.sh FILE
set -euo pipefail
export LC_ALL=C
file="${1:?usage: check.sh FILE}"
fail() { echo "check.sh: $file: $*" >&2; exit 1; }

[[ -s "$file" ]] || fail "empty or missing"
head -n 1 "$file" | grep -q '^{"kind":"sacrum-export","format":1,' || fail "the first line is not a format-1 Sacrum export header"
manifest=$(tail -n 1 "$file")
[[ "$manifest" == '{"kind":"manifest",'* ]] || fail "the last line is not the manifest: the export is incomplete"

total=2
for kind in person entry revision approval approval-link comment publication webhook-subscription audit; do
  want_count=$(printf '%s' "$manifest" | grep -o "\"$kind\":[0-9][0-9]*" | head -n 1 | cut -d: -f2 || true)
  want_hash=$(printf '%s' "$manifest" | grep -o "\"$kind\":\"[0-9a-f]\{64\}\"" | head -n 1 | cut -d'"' -f4 || true)
  # an export made before the publication history (V5) or webhooks (V9) says nothing of them and holds none of them
  if [[ ( "$kind" == publication || "$kind" == webhook-subscription ) && -z "$want_count" && -z "$want_hash" ]] \
      && ! grep -q "^{\"kind\":\"$kind\"," "$file"; then
    continue
  fi
  [[ -n "$want_count" && -n "$want_hash" ]] || fail "the manifest says nothing about $kind"
  count=$( { grep "^{\"kind\":\"$kind\"," "$file" || true; } | wc -l)
  hash=$( { grep "^{\"kind\":\"$kind\"," "$file" || true; } | sha256sum | cut -d' ' -f1)
  [[ "$count" -eq "$want_count" ]] || fail "$count $kind line(s), the manifest says $want_count"
  [[ "$hash" == "$want_hash" ]] || fail "the $kind lines do not have the SHA-256 the manifest records: altered"
  total=$((total + count))
  echo "$kind: $count"
done
lines=$(wc -l < "$file")
[[ "$lines" -eq "$total" ]] || fail "$lines lines, but header + manifest + counted lines make $total"
echo "OK: $file matches its manifest"
