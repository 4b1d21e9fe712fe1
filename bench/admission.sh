#!/usr/bin/env bash
# Admission flow: FILES complete admissions (upload -> faculty review -> central review -> note) through the HTTP
# APIs with CLIENTS concurrent clients (AdmissionFlowBench): files/s, median and p95 of each call, SQL statements per
# file. The application runs inside the benchmark's JVM (its data source wrapped to count statements).
# PORTS=8221,8222 drives already running nodes instead (no statement count; see bench/two-nodes.sh).
# Usage: DB=h2|postgres bench/admission.sh [files] [clients]
set -euo pipefail
. "$(dirname "$0")/java.sh"
FILES=${1:-1000}
CLIENTS=${2:-4}
PORT=${PORT:-8214}
run=$(mktemp -d /tmp/bench-admission-XXXX)
cp=$(bench_classpath "$run/cp")
[ "$DB" = postgres ] && [ -z "${PORTS:-}" ] && reset_postgres
echo "DB=$DB files=$FILES clients=$CLIENTS ports=${PORTS:-in this JVM} load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g ${JAVA_OPTS:-} -Dbench.files="$FILES" -Dbench.clients="$CLIENTS" -Dbench.ports="${PORTS:-}" -cp "$cp" \
  app.parvandeh.bench.AdmissionFlowBench $(db_args "$run/data") --server.port="$PORT" \
  --logging.level.root=warn > "$run/out" 2>&1 || echo "the benchmark failed, see $run/out"
grep -E '^BENCH|Exception' "$run/out" | head -60
echo "output kept in $run/out"
