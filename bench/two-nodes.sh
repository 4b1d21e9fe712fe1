#!/usr/bin/env bash
# Two nodes: the admission flow (AdmissionFlowBench over HTTP, FILES files, CLIENTS clients) against one node, then
# against two nodes on the same PostgreSQL schema and the same document folders (what a shared disk or S3 gives a
# real cluster), clients spread over the nodes; then one node again. Each node is a copy of the packaged jar,
# -Xmx512m, demo profile, its own data folder and node id.
# Usage: PG_SCHEMA=bench_nodes bench/two-nodes.sh [files] [clients]
set -euo pipefail
DB=postgres
PG_SCHEMA=${PG_SCHEMA:-bench_nodes}
. "$(dirname "$0")/java.sh"
FILES=${1:-200}
CLIENTS=${2:-4}
run=$(mktemp -d /tmp/bench-nodes-XXXX)
cp "$root"/target/parvandeh-*.jar "$run/app.jar"
reset_postgres
node() { # $1 node number: starts it, sets $app_pid
  APP_ARGS="--parvandeh.cluster.node-id=node$1 --camunda.bpm.generic-properties.properties.hostname=node$1
    --parvandeh.documents.store-dir=$run/shared/documents --parvandeh.documents.replica-dir=$run/shared/replica" \
    start_app "$run/app.jar" "$run/node$1" "822$1" -Xmx512m
}
node 1; first=$app_pid
PORTS=8221 "$root/bench/admission.sh" "$FILES" "$CLIENTS"
node 2; second=$app_pid
PORTS=8221,8222 "$root/bench/admission.sh" "$FILES" "$CLIENTS"
app_pid=$second; stop_app
PORTS=8221 "$root/bench/admission.sh" "$FILES" "$CLIENTS"
app_pid=$first; stop_app
