#!/usr/bin/env bash
# Bulk-intake benchmark: imports a generated cohort list of ROWS students, then a batch of one exam card (~CARD_KB
# each, random bytes so they do not compress) per student; prints rows/s, files/s and the heap (sampled every
# second, peak and last). Needs the app running from the README (demo profile) on $BASE, e.g.
#   java -Xmx512m -jar target/parvandeh-*.jar --parvandeh.data-dir=/tmp/parvandeh-bench
# (the archive is streamed to disk, so no multipart limit needs raising; parvandeh.intake.max-batch-size is 2 GB).
# STEPS="cohort" imports the list only (e.g. to compare settings); the default does both.
# SETTLE=<seconds> waits that long between the two, so the new files' first process step (the job executor's
# backlog after a large cohort) is done before the batch is timed; default 0, the batch right after the cohort.
# Usage: bench/intake.sh [rows] [card-KB]
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
ROWS=${1:-5000}
CARD_KB=${2:-100}
STEPS=${STEPS:-cohort batch}
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

. "$(dirname "$0")/common.sh"
# $1 status URL: waits until the import or batch is done; prints the seconds it took since $2 (epoch ns).
wait_done() {
  while true; do
    status=$(curl -s -b "$work/central" "$BASE$1?rows=false" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = DONE ] || [ "$status" = REFUSED ] && break
    sleep 0.5
  done
  python3 -c "import time; print(f'{(time.time_ns() - $2) / 1e9:.1f}')"
}

python3 - "$work" "$ROWS" "$CARD_KB" <<'PY'
import base64, os, random, sys, zipfile
work, rows, card_kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
prefix = str(random.randint(100, 999))
def national_id():
    first = f"{random.randint(1, 999_999_998):09d}"
    r = sum(int(d) * (10 - i) for i, d in enumerate(first)) % 11
    return first + str(r if r < 2 else 11 - r)
numbers = [f"1405{prefix}{i:05d}" for i in range(rows)]
with open(f"{work}/cohort.csv", "w", encoding="utf-8", newline="") as f:
    f.write("student_number,national_id,first_name,last_name,father_name,faculty_code,degree_level,program,"
            "entry_year,admission_type,brilliant_talent\r\n")
    for n in numbers:
        f.write(f"{n},{national_id()},نرگس,کاظمی,رضا,engineering,کارشناسی,مهندسی کامپیوتر,1405,سراسری,false\r\n")
def card_pdf(n):
    # A real one-page PDF (documents are kept only if they parse), padded to the card size with an unreferenced
    # stream of random text so it does not compress.
    text = f"BT /F1 18 Tf 72 720 Td (exam card {n}) Tj ET"
    payload = base64.b64encode(os.urandom(card_kb * 750)).decode()
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               " /Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               f"<< /Length {len(payload)} >>\nstream\n{payload}\nendstream"]
    out, offsets = "%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out
with zipfile.ZipFile(f"{work}/cards.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for n in numbers:
        z.writestr(f"cards/{n}_EXAM_CARD.pdf", card_pdf(n))
PY
echo "cohort list: $(wc -l < "$work/cohort.csv") lines; archive: $(du -m "$work/cards.zip" | cut -f1) MB"
login central.admission parvandeh "$work/central"
login manager parvandeh "$work/manager"
token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$work/central")
(while true; do heap_mb >> "$work/heap"; sleep 1; done) &
echo "heap before: $(heap_mb) MB"

# $1 endpoint, $2 file to upload, $3 its type, $4 what it is, $5 the fields to show: uploads and waits until done.
step() {
  local start id secs
  start=$(date +%s%N)
  id=$(curl -s -b "$work/central" -H "X-PARVANDEH-XSRF: $token" -F "file=@$2;type=$3" "$BASE$1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  secs=$(wait_done "$1/$id" "$start")
  curl -s -b "$work/central" "$BASE$1/$id?rows=false" | python3 -c "
import json,sys; s=json.load(sys.stdin); print('$4:', {k: s[k] for k in '$5'.split()})"
  python3 -c "print(f'$4: $ROWS in $secs s = {$ROWS/$secs:.0f} per second')"
}
step /api/intake/cohorts "$work/cohort.csv" text/csv cohort "total accepted updated unchanged rejected"
cohort_peak=$(sort -n "$work/heap" | tail -1)
if [[ " $STEPS " == *" batch "* ]]; then
  sleep "${SETTLE:-0}"
  step /api/intake/batches "$work/cards.zip" application/zip batch "status entryCount attached duplicate unmatched refused"
fi
echo "heap peak during the cohort: $cohort_peak MB; during both: $(sort -n "$work/heap" | tail -1) MB; after: $(heap_mb) MB"
echo "heap samples (MB, one a second): $(tr '\n' ' ' < "$work/heap")"
