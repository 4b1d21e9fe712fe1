#!/usr/bin/env bash
# Opening files: N students admitted the product's way (StudentService.admit: student, login, audit line,
# StudentFileProcess, then its RequiredDocuments DMN step run by the job executor) against the bare engine starting a
# one-user-task process with two variables, in one JVM, same database, alternating rounds (OpeningFilesBench).
# Usage: DB=h2|postgres bench/opening.sh [files] [rounds]
set -euo pipefail
. "$(dirname "$0")/java.sh"
FILES=${1:-5000}
ROUNDS=${2:-5}
PORT=${PORT:-8211}
run=$(mktemp -d /tmp/bench-open-XXXX)
cp=$(bench_classpath "$run/cp")
[ "$DB" = postgres ] && reset_postgres
echo "DB=$DB files=$FILES rounds=$ROUNDS load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g ${JAVA_OPTS:-} -Dbench.files="$FILES" -Dbench.rounds="$ROUNDS" -cp "$cp" \
  app.parvandeh.bench.OpeningFilesBench $(db_args "$run/data") --server.port="$PORT" \
  --logging.level.root=warn 2>&1 | tee "$run/out" | grep -E '^BENCH|Exception|ERROR' || true
echo "output kept in $run/out"
