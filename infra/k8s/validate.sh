#!/usr/bin/env bash
# Renders the Kustomize base and each overlay with kubectl's built-in kustomize (no cluster needed)
# and validates every object offline against the Kubernetes API's schemas (validate/validate.mjs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command -v kubectl >/dev/null || { echo "kubectl is needed: its built-in kustomize renders the manifests" >&2; exit 1; }
if [ ! -d "$here/validate/node_modules" ] || [ "$here/validate/package-lock.json" -nt "$here/validate/node_modules" ]; then
  (cd "$here/validate" && npm ci --no-audit --no-fund --loglevel=error)
fi
cd "$here"
for dir in base overlays/*; do
  printf '%s: ' "$dir"
  kubectl kustomize "$here/$dir" | node "$here/validate/validate.mjs"
done
