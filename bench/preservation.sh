#!/usr/bin/env bash
# Preservation benchmark against a running app (demo profile) on $BASE:
#   bench/preservation.sh fill COUNT MB   a clerk adds COUNT distinct versions of MB each (incompressible PNG noise)
#                                         to the studying demo student's photo: a sizeable archive
#   bench/preservation.sh audit           a whole-archive fixity audit; prints blobs, MB read, s, MB/s, blobs/s
#   bench/preservation.sh backlog         waits until the replica's backlog is empty; prints items per second
#   bench/preservation.sh backup          times tools/backup.sh (admin / parvandeh)
# The throttle is the app's parvandeh.preservation.fixity.bytes-per-second (start it with a huge value for "off");
# for the catch-up rate, fill with --parvandeh.documents.replica-catch-up-delay=PT1H, restart with PT30S, run backlog.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
STUDENT=4001100004
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/common.sh"
xsrf() { awk '$6=="PARVANDEH-XSRF"{print $7}' "$1" | tail -1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

case "${1:-}" in
fill)
  count=${2:-100}; mb=${3:-5}
  login clerk.eng parvandeh "$work/clerk"
  file=$(curl -s -b "$work/clerk" "$BASE/api/students/$STUDENT/file")
  read -r doc row < <(echo "$file" | json "' '.join(str(x) for x in next((d['id'], d['rowVersion']) for s in d['stages'] for d in s['documents'] if d['typeCode']=='PHOTO'))")
  start=$(date +%s.%N)
  for i in $(seq 1 "$count"); do
    python3 - "$work/noise.png" "$mb" <<'PY'
import os, struct, sys, zlib
path, mb = sys.argv[1], float(sys.argv[2])
w = 1024; h = max(1, int(mb * 1024 * 1024 / (w * 3)))
raw = b"".join(b"\x00" + os.urandom(w * 3) for _ in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b"")
open(path, "wb").write(png)
PY
    row=$(curl -s -b "$work/clerk" -H "X-PARVANDEH-XSRF: $(xsrf "$work/clerk")" -F "rowVersion=$row" \
      -F "file=@$work/noise.png;type=image/png;filename=scan-$i.png" "$BASE/api/documents/$doc/versions" | json "d['rowVersion']")
  done
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]} versions of {sys.argv[4]} MB added in {s:.1f} s')" \
    "$start" "$(date +%s.%N)" "$count" "$mb"
  ;;
audit)
  login manager parvandeh "$work/manager"
  id=$(curl -s -b "$work/manager" -H "X-PARVANDEH-XSRF: $(xsrf "$work/manager")" -X POST "$BASE/api/preservation/audits" | json "d['id']")
  while curl -s -b "$work/manager" "$BASE/api/preservation/audits/$id" | grep -q '"status":"RUNNING"'; do sleep 0.5; done
  curl -s -b "$work/manager" "$BASE/api/preservation/audits/$id" | python3 -c "import json,sys
from datetime import datetime
r=json.load(sys.stdin)['run']
t=lambda v: datetime.fromisoformat(v.replace('Z','+00:00'))
s=(t(r['finishedAt'])-t(r['startedAt'])).total_seconds(); mb=r['bytesRead']/1048576
print(f\"audit {r['id']} {r['status']}: {r['blobsChecked']} blobs, {mb:.0f} MB read (both copies) in {s:.1f} s = {mb/s:.1f} MB/s, {r['blobsChecked']/s:.1f} blobs/s, {r['findings']} findings\")"
  ;;
backlog)
  login manager parvandeh "$work/manager"
  items() { curl -s -b "$work/manager" "$BASE/api/preservation/audits" | json "d['backlog']['items']"; }
  # from the first item copied (the catch-up starts replica-catch-up-delay after the start) to the last
  first=$(items); now=$first
  while [ "$now" = "$first" ] && [ "$now" != 0 ]; do sleep 0.1; now=$(items); done
  start=$(date +%s.%N)
  while [ "$(items)" != 0 ]; do sleep 0.1; done
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); n=int(sys.argv[3]); print(f'backlog of {n} drained in {s:.1f} s = {n/s:.1f} items/s (of {sys.argv[4]} queued)')" \
    "$start" "$(date +%s.%N)" "$now" "$first"
  ;;
backup)
  start=$(date +%s.%N)
  name=$(PARVANDEH_ADMIN_PASSWORD=parvandeh "$(dirname "$0")/../tools/backup.sh" "$BASE" admin 2>/dev/null)
  python3 -c "import sys; print(f'backup {sys.argv[3]} in {float(sys.argv[2])-float(sys.argv[1]):.1f} s')" \
    "$start" "$(date +%s.%N)" "$name"
  ;;
*) sed -n '2,9p' "$0"; exit 2 ;;
esac
