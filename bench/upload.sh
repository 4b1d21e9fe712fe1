#!/usr/bin/env bash
# Upload benchmark: a student uploads large PDFs one after another; prints time per upload, throughput and the
# JVM heap before and after. Needs the app running from the README (demo profile) on $BASE.
# After each upload the same bytes are copied with an fsync and hashed (SHA-256) on the same disk (COPY_DIR, by
# default a folder under /tmp: put it on the application's data disk), the baseline the upload is compared with;
# the heap is read after every upload.
# Usage: bench/upload.sh [count] [size-MB]
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
COUNT=${1:-10}
SIZE_MB=${2:-19}
STUDENT=3991200002 PASSWORD=0023456787 TYPE=PREVIOUS_DEGREE_CERTIFICATE
work=$(mktemp -d); copies=$(mktemp -d "${COPY_DIR:-/tmp}/bench-copy-XXXX"); trap 'rm -rf "$work" "$copies"' EXIT

. "$(dirname "$0")/common.sh"

# A real one-page PDF the size of a scan: an uncompressed SIZE_MB greyscale image XObject on an A4 page, with a
# cross-reference table, so the upload passes the full PDF check (opened, every page parsed) like a real scan.
python3 - "$work/big.pdf" "$SIZE_MB" <<'PY'
import os, sys
path, mb = sys.argv[1], int(sys.argv[2])
side = int((mb * 1024 * 1024) ** 0.5)
content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>",
    b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    None,
]
with open(path, "wb") as f:
    f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(f.tell())
        f.write(b"%d 0 obj\n" % number)
        if body is None:
            f.write(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                    b" /BitsPerComponent 8 /Length %d >>\nstream\n" % (side, side, side * side))
            for _ in range(side):
                f.write(os.urandom(side))
            f.write(b"\nendstream")
        else:
            f.write(body)
        f.write(b"\nendobj\n")
    xref = f.tell()
    f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        f.write(b"%010d 00000 n \n" % offset)
    f.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
PY
login "$STUDENT" "$PASSWORD" "$work/student"
login manager parvandeh "$work/manager"
token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$work/student")
echo "heap before: $(heap_mb) MB"
total=0 baseline=0 heaps=""
for i in $(seq 1 "$COUNT"); do
  t=$(curl -s -b "$work/student" -H "X-PARVANDEH-XSRF: $token" -o "$work/out" -w '%{http_code} %{time_total}' \
    -F "typeCode=$TYPE" -F "files=@$work/big.pdf;type=application/pdf;filename=big-$i.pdf" \
    "$BASE/api/students/$STUDENT/documents")
  b=$( { /usr/bin/time -f %e sh -c "dd if='$work/big.pdf' of='$copies/copy-$i' bs=1M conv=fsync status=none \
    && sha256sum '$copies/copy-$i' > /dev/null"; } 2>&1 )
  rm -f "$copies/copy-$i"
  heap=$(heap_mb); heaps+="$heap "
  echo "upload $i: HTTP ${t% *}, ${t#* } s; copy+fsync+hash of the same bytes ${b} s; heap after $heap MB"
  total=$(python3 -c "print($total + ${t#* })")
  baseline=$(python3 -c "print($baseline + $b)")
done
python3 -c "print(f'mean {($total/$COUNT):.3f} s per {$SIZE_MB} MB upload, {($SIZE_MB*$COUNT/$total):.1f} MB/s;'
  f' copy+fsync+hash {($SIZE_MB*$COUNT/$baseline):.1f} MB/s; upload at {100*$baseline/$total:.0f} % of it')"
echo "heap after each upload (MB): $heaps"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "heap after: $(heap_mb) MB"
