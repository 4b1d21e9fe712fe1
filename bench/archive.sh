#!/usr/bin/env bash
# Archive scale on PostgreSQL: the application creates its schema (PG_SCHEMA, default bench_archive, emptied first)
# with the demo data, then bench/archive.sql adds STUDENTS students, 10 documents each (small blobs: every version
# points at one stored demo blob) and 20 notes each, in bulk. Then, as the demo manager, REPEAT calls each (a
# different student each time) of: one student's file view, report 112 for one student, document search; the
# stuck-files report; and report 112 for a whole faculty as CSV, with the heap. Prints median and p95 per call.
# The SQL of each call is logged once (actuator loggers, org.hibernate.SQL and JdbcTemplate at DEBUG) to
# $run/data.log for EXPLAIN.
# Usage: bench/archive.sh [students] [repeat]
set -euo pipefail
DB=postgres
PG_SCHEMA=${PG_SCHEMA:-bench_archive}
. "$(dirname "$0")/java.sh"
STUDENTS=${1:-50000}
REPEAT=${2:-20}
PORT=${PORT:-8216}
BASE=http://localhost:$PORT
run=$(mktemp -d /tmp/bench-archive-XXXX)
work=$run
cp "$root"/target/parvandeh-*.jar "$run/app.jar"
. "$root/bench/common.sh"
reset_postgres
psql_bench() { PGPASSWORD=$PG_PASSWORD PGOPTIONS="-c search_path=$PG_SCHEMA" psql -h localhost -U "$PG_USER" -d "${PG_URL##*/}" "$@"; }
APP_ARGS="--management.endpoints.web.exposure.include=health,info,metrics,prometheus,loggers" \
  start_app "$run/app.jar" "$run/data" "$PORT" -Xmx512m
read -r sha size < <(psql_bench -At -F ' ' -c 'select content_sha256, size_bytes from document_version order by id limit 1')
echo "generating $STUDENTS students (blob $sha, $size bytes), load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
psql_bench -q -v students="$STUDENTS" -v sha="$sha" -v size="$size" -f "$root/bench/archive.sql"
echo "generated in $(( $(date +%s) - start )) s:"
psql_bench -At -c "select 'students ' || count(*) from student" -c "select 'documents ' || count(*) from document" \
  -c "select 'versions ' || count(*) from document_version" -c "select 'notes ' || count(*) from note" \
  -c "select 'note addresses ' || count(*) from note_address" \
  -c "select 'database size ' || pg_size_pretty(pg_database_size(current_database()))"
login manager parvandeh "$work/manager"
token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$work/manager")
loggers() { # $1 level
  for logger in org.hibernate.SQL org.springframework.jdbc.core.JdbcTemplate org.springframework.jdbc.core.StatementCreatorUtils; do
    curl -s -b "$work/manager" -H "X-PARVANDEH-XSRF: $token" -H 'Content-Type: application/json' \
      -d "{\"configuredLevel\":\"$1\"}" "$BASE/actuator/loggers/$logger" -o /dev/null -w "loggers $logger: %{http_code}\n"
  done
}
call() { # $1 name $2 path: one timed call, appended to $run/times-<name>
  curl -s -b "$work/manager" -o "$run/last" -w "%{http_code} %{time_total} %{size_download}\n" "$BASE$2" \
    | tee -a "$run/times-$1" > /dev/null
}
number() { printf '1399%06d' $(( (RANDOM * 32768 + RANDOM) % STUDENTS + 1 )); }
# warm-up and the SQL of each call, once
loggers DEBUG
echo "=== SQL of one call each" >> "$run/data.log"
n=$(number)
for path in "/api/students/$n/file" "/api/reports/notes?studentNumber=$n" "/api/documents/search?q=$n" \
  "/api/documents/search?q=%D8%AE%D8%A7%D9%86%D9%88%D8%A7%D8%AF%DA%AF%DB%8C123" "/api/reports/stuck"; do
  echo "=== CALL $path" >> "$run/data.log"; call warmup "$path"; sleep 1
done
loggers ""
echo "| call | calls | HTTP codes | median s | p95 s | max s | median bytes | load average |"
summary() { # $1 name
  python3 - "$run/times-$1" "$1" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
t = sorted(float(r[1]) for r in rows)
p95 = t[min(len(t) - 1, max(0, -(-95 * len(t) // 100) - 1))]
codes = ",".join(sorted({r[0] for r in rows}))
print(f"| {sys.argv[2]} | {len(t)} | {codes} | {statistics.median(t):.3f} | {p95:.3f} | {t[-1]:.3f} |"
      f" {int(statistics.median(int(r[2]) for r in rows))} | {sys.argv[3]} |")
PY
}
for i in $(seq 1 "$REPEAT"); do
  n=$(number)
  call file-view "/api/students/$n/file"
  call report-112-student "/api/reports/notes?studentNumber=$n"
  call search-by-number "/api/documents/search?q=$n"
  call search-by-name "/api/documents/search?q=%D8%AE%D8%A7%D9%86%D9%88%D8%A7%D8%AF%DA%AF%DB%8C$((RANDOM % 1009))"
  [ $((i % 4)) = 0 ] && call stuck-files "/api/reports/stuck"
done
for name in file-view report-112-student search-by-number search-by-name stuck-files; do summary $name; done
echo "heap before the faculty report: $(heap_mb) MB"
(while true; do heap_mb >> "$run/heap"; sleep 1; done) & sampler=$!
call report-112-faculty "/api/reports/notes?faculty=engineering&format=csv"
kill $sampler
summary report-112-faculty
echo "heap during the faculty report (MB, one a second): $(tr '\n' ' ' < "$run/heap"); after $(heap_mb) MB"
echo "faculty report: $(wc -l < "$run/last") lines"
stop_app
echo "SQL logged in $run/data.log"
