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
  node_modules/.bin/bpmnlint --config "${repo_dir}/.bpmnlintrc" "${bpmn_files[@]}" || status=1
fi

for dmn in "${dmn_files[@]}"; do
  if command -v xmllint >/dev/null 2>&1; then
    xmllint --noout "${dmn}" || status=1
  else
    python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "${dmn}" || status=1
  fi
done

if (( status == 0 )); then
  echo "lint: ${#bpmn_files[@]} BPMN and ${#dmn_files[@]} DMN file(s) OK"
fi
exit "${status}"
