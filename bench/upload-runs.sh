#!/usr/bin/env bash
# bench/upload.sh against a fresh copy of the packaged jar for each heap limit given (default 512m and 160m), each on
# a fresh data folder on the same disk as the baseline copies.
# Usage: DB=h2|postgres bench/upload-runs.sh [count] [size-MB] [heap...]
set -euo pipefail
. "$(dirname "$0")/java.sh"
COUNT=${1:-10}
SIZE_MB=${2:-19}
shift 2 || true
HEAPS=${*:-512m 160m}
PORT=${PORT:-8215}
run=$(mktemp -d /tmp/bench-upload-XXXX)
cp "$root"/target/parvandeh-*.jar "$run/app.jar"
for heap in $HEAPS; do
  [ "$DB" = postgres ] && reset_postgres
  start_app "$run/app.jar" "$run/data-$heap" "$PORT" "-Xmx$heap"
  echo "=== -Xmx$heap, DB=$DB, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  BASE=http://localhost:$PORT COPY_DIR="$run" "$root/bench/upload.sh" "$COUNT" "$SIZE_MB" || echo "failed"
  stop_app
done
