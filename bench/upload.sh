#!/usr/bin/env bash
# Upload benchmark: a student uploads large PDFs one after another; prints time per upload, throughput and the
# JVM heap before and after. Needs the app running from the README (demo profile) on $BASE.
# Usage: bench/upload.sh [count] [size-MB]
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
COUNT=${1:-10}
SIZE_MB=${2:-19}
STUDENT=3991200002 PASSWORD=0023456787 TYPE=PREVIOUS_DEGREE_CERTIFICATE
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

. "$(dirname "$0")/common.sh"

# A valid PDF header and trailer around SIZE_MB of padding: Tika sees a PDF, the store sees SIZE_MB of bytes.
python3 - "$work/big.pdf" "$SIZE_MB" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
with open(path, "wb") as f:
    f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    chunk = b"% padding " + b"x" * 1013 + b"\n"
    for _ in range(mb * 1024):
        f.write(chunk)
    f.write(b"%%EOF\n")
PY
login "$STUDENT" "$PASSWORD" "$work/student"
login manager parvandeh "$work/manager"
token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$work/student")
echo "heap before: $(heap_mb) MB"
total=0
for i in $(seq 1 "$COUNT"); do
  t=$(curl -s -b "$work/student" -H "X-PARVANDEH-XSRF: $token" -o "$work/out" -w '%{http_code} %{time_total}' \
    -F "typeCode=$TYPE" -F "files=@$work/big.pdf;type=application/pdf;filename=big-$i.pdf" \
    "$BASE/api/students/$STUDENT/documents")
  echo "upload $i: HTTP ${t% *}, ${t#* } s"
  total=$(python3 -c "print($total + ${t#* })")
done
python3 -c "print(f'mean {($total/$COUNT):.3f} s per {$SIZE_MB} MB upload, {($SIZE_MB*$COUNT/$total):.1f} MB/s')"
echo "heap after: $(heap_mb) MB"
