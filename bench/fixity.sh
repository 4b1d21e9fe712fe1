#!/usr/bin/env bash
# Fixity benchmark: verified downloads of a large document and a throttled audit of its student's file.
# Needs the app running from the README (demo profile) on $BASE, after bench/upload.sh has stored large PDFs for
# the demo student. Prints the download times and the audit's bytes and duration.
# Usage: bench/fixity.sh [downloads]
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
COUNT=${1:-10}
STUDENT=3991200002 PASSWORD=0023456787 TYPE=PREVIOUS_DEGREE_CERTIFICATE
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
login() { # $1 user $2 password $3 cookie jar
  curl -s -c "$3" -b "$3" "$BASE/login" -o /dev/null
  local token; token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$3")
  curl -s -c "$3" -b "$3" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  curl -s -c "$3" -b "$3" -o /dev/null "$BASE/"
}
login "$STUDENT" "$PASSWORD" "$work/student"
login manager parvandeh "$work/manager"
url=$(curl -s -b "$work/student" "$BASE/api/portal/file" | python3 -c "import json,sys
f=json.load(sys.stdin)
print(next(r['document']['current']['contentUrl'] for r in f['requirements'] if r['typeCode']=='$TYPE' and r['document']))")
total=0
for i in $(seq 1 "$COUNT"); do
  t=$(curl -s -b "$work/student" -o "$work/out" -w '%{http_code} %{size_download} %{time_total}' "$BASE$url")
  echo "download $i: HTTP ${t%% *}, $(echo "$t" | cut -d' ' -f2) bytes, ${t##* } s"
  total=$(python3 -c "print($total + ${t##* })")
done
python3 -c "print(f'mean {($total/$COUNT):.3f} s per verified download')"
token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$work/manager")
id=$(curl -s -b "$work/manager" -H "X-PARVANDEH-XSRF: $token" -X POST \
  "$BASE/api/preservation/audits?studentNumber=$STUDENT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while curl -s -b "$work/manager" "$BASE/api/preservation/audits/$id" | grep -q '"status":"RUNNING"'; do sleep 0.5; done
curl -s -b "$work/manager" "$BASE/api/preservation/audits/$id" | python3 -c "import json,sys
from datetime import datetime
r=json.load(sys.stdin)['run']
s=(datetime.fromisoformat(r['finishedAt'].replace('Z','+00:00'))-datetime.fromisoformat(r['startedAt'].replace('Z','+00:00'))).total_seconds()
print(f\"audit {r['id']}: {r['blobsChecked']} blobs, {r['bytesRead']/1048576:.1f} MB read in {s:.2f} s ({r['bytesRead']/1048576/s:.1f} MB/s), {r['findings']} findings\")"
