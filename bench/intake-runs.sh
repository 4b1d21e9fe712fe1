#!/usr/bin/env bash
# Issue 11's speed figures: RUNS runs of bench/intake.sh (a cohort of ROWS rows, then a batch of ROWS cards of CARD_KB)
# against a fresh copy of the packaged jar, each run on a fresh database (a new H2 file, or the PostgreSQL schema
# emptied), -Xmx512m, demo profile, job executor on. Prints each run's figures with the load average.
# Usage: DB=h2|postgres bench/intake-runs.sh [runs] [rows] [card-KB]
set -euo pipefail
. "$(dirname "$0")/java.sh"
RUNS=${1:-3}
ROWS=${2:-5000}
CARD_KB=${3:-100}
PORT=${PORT:-8213}
run=$(mktemp -d /tmp/bench-intake-XXXX)
cp "$root"/target/parvandeh-*.jar "$run/app.jar"
for i in $(seq 1 "$RUNS"); do
  [ "$DB" = postgres ] && reset_postgres
  java -Xmx512m -jar "$run/app.jar" $(db_args "$run/data-$i") --server.port="$PORT" > "$run/app-$i.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://localhost:$PORT/login"; do
    kill -0 $pid 2>/dev/null || { echo "the application did not start, see $run/app-$i.log"; exit 1; }
    sleep 1
  done
  echo "=== DB=$DB run $i of $RUNS, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  BASE=http://localhost:$PORT "$root/bench/intake.sh" "$ROWS" "$CARD_KB" || echo "run $i failed"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null || true
done
