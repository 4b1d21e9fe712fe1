#!/usr/bin/env bash
# Lints every BPMN model in processes/ with bpmnlint (recommended rules + Camunda 7.24
# compatibility, see .bpmnlintrc) and checks that every DMN model is well-formed XML
# (bpmnlint cannot read DMN; the engine tests in RequiredDocumentsDecisionTests parse it fully).
set -euo pipefail

tool_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "${tool_dir}/../.." && pwd)"

cd "${tool_dir}"
if [[ ! -x node_modules/.bin/bpmnlint || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

shopt -s nullglob
bpmn_files=("${repo_dir}"/processes/*.bpmn)
dmn_files=("${repo_dir}"/processes/*.dmn)

status=0
if (( ${#bpmn_files[@]} > 0 )); then
  # Warnings fail too: the models are kept free of them.
  node_modules/.bin/bpmnlint --max-warnings=0 --config "${repo_dir}/.bpmnlintrc" "${bpmn_files[@]}" || status=1
fi

# Every DMN must be well-formed XML with a DMN 1.3 <definitions> root.
for dmn in "${dmn_files[@]}"; do
  python3 - "${dmn}" <<'PY' || status=1
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
try:
    root = ET.parse(path).getroot()
except ET.ParseError as error:
    sys.exit(f"{path}: not well-formed XML: {error}")
if root.tag != "{https://www.omg.org/spec/DMN/20191111/MODEL/}definitions":
    sys.exit(f"{path}: root is {root.tag}, expected DMN 1.3 definitions")
PY
done

if (( status == 0 )); then
  echo "lint: ${#bpmn_files[@]} BPMN and ${#dmn_files[@]} DMN file(s) OK"
fi
exit "${status}"
