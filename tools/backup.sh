#!/usr/bin/env bash
# Backs up the whole running system (database + document store) into the app's parvandeh.backup.dir and waits
# until the backup is written and verified. Prints the backup folder's name; exits non-zero when it failed.
#
#   PARVANDEH_ADMIN_PASSWORD=... tools/backup.sh [base URL, default http://localhost:8080] [admin user, default admin]
#
# Needs curl. The user must be in the camunda-admin group. Restore with
#   java -jar parvandeh.jar --parvandeh.restore=<backup folder>   (on a fresh install; see the README)
set -euo pipefail
base="${1:-http://localhost:8080}"
user="${2:-admin}"
: "${PARVANDEH_ADMIN_PASSWORD:?set PARVANDEH_ADMIN_PASSWORD (the admin user password)}"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT
xsrf() { awk '$6 == "PARVANDEH-XSRF" { print $7 }' "$jar" | tail -1; }
field() { grep -o "\"$1\":\"\{0,1\}[^\",}]*" | head -1 | sed 's/^[^:]*:"\{0,1\}//'; }

curl -sf -c "$jar" -b "$jar" -o /dev/null "$base/login"
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/login" \
  --data-urlencode "username=$user" --data-urlencode "password=$PARVANDEH_ADMIN_PASSWORD" \
  --data-urlencode "_csrf=$(xsrf)")
case "$location" in *error*|"") echo "sign-in of $user failed" >&2; exit 2 ;; esac
curl -sf -c "$jar" -b "$jar" -o /dev/null "$location"

job=$(curl -sf -c "$jar" -b "$jar" -X POST -H "X-PARVANDEH-XSRF: $(xsrf)" "$base/api/admin/backups")
id=$(echo "$job" | field id)
echo "backup $id started" >&2
while :; do
  job=$(curl -sf -c "$jar" -b "$jar" "$base/api/admin/backups/$id")
  status=$(echo "$job" | field status)
  [ "$status" != "RUNNING" ] && break
  echo "  $(echo "$job" | field done) of $(echo "$job" | field total) documents, $(echo "$job" | field bytes) bytes" >&2
  sleep 2
done
if [ "$status" != "SUCCEEDED" ]; then
  echo "backup failed: $job" >&2
  exit 1
fi
echo "$job" | field result
