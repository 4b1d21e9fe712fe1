#!/usr/bin/env bash
# Commit benchmark: a faculty clerk registers service-counter references one after another (each answer commits
# the process start, its variables and the audit row); prints the mean time per answered write. Needs the app
# running from the README (demo profile) on $BASE. Compare H2's WRITE_DELAY=0 (the default URL) with the old
# background writes by starting the app with --spring.datasource.url=...;WRITE_DELAY=500 on a copy of ./data.
# Usage: bench/commits.sh [count]
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
COUNT=${1:-200}
STUDENT=4001100004
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

curl -s -c "$work/jar" -b "$work/jar" "$BASE/login" -o /dev/null
token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$work/jar")
curl -s -c "$work/jar" -b "$work/jar" -o /dev/null --data-urlencode "username=clerk.eng" \
  --data-urlencode "password=parvandeh" --data-urlencode "_csrf=$token" "$BASE/login"
curl -s -c "$work/jar" -b "$work/jar" -o /dev/null "$BASE/"
token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$work/jar")
register() {
  curl -s -b "$work/jar" -H "X-PARVANDEH-XSRF: $token" -H "Content-Type: application/json" -o /dev/null \
    -w '%{http_code} %{time_total}\n' --data "{\"requestNumber\":\"bench-$1\",\"documentType\":\"گواهی\"}" \
    "$BASE/api/students/$STUDENT/study-documents/service-counter"
}
for i in $(seq 1 10); do register "warm-$RANDOM-$i" >/dev/null; done
started=$(date +%s.%N)
for i in $(seq 1 "$COUNT"); do register "$RANDOM-$i"; done > "$work/times"
ended=$(date +%s.%N)
python3 - "$work/times" "$started" "$ended" <<'PY'
import sys, statistics
rows = [line.split() for line in open(sys.argv[1])]
bad = [r for r in rows if r[0] != "201"]
times = sorted(float(r[1]) * 1000 for r in rows)
wall = float(sys.argv[3]) - float(sys.argv[2])
print(f"{len(rows)} writes, {len(bad)} not 201; mean {statistics.mean(times):.1f} ms, median "
      f"{statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms; {len(rows) / wall:.1f} writes/s")
PY
