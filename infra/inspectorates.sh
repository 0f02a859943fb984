#!/usr/bin/env bash
# The registry of inspectorates (shared/inspectorates.json) for the scripts and the deployment files.
#   infra/inspectorates.sh keys             the inspectorates' keys, one a line (setup.sh, run.sh)
#   infra/inspectorates.sh field KEY FIELD  one field of one inspectorate (project, port, …)
#   infra/inspectorates.sh write            regenerate what docker-compose and Kubernetes say per inspectorate:
#                                           the marked regions of docker-compose.yml and infra/k8s (between
#                                           "# >>> inspectorates" and "# <<< inspectorates") and infra/k8s/base/<key>.yaml
#   infra/inspectorates.sh check            fail if those files differ from what write makes (CI runs this)
# YAML cannot loop over a list, so these files are generated from the registry and committed; the .NET code reads the
# registry itself (embedded in Jtai.Calendar). Needs jq (infra/setup.sh installs it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
registry="$root/shared/inspectorates.json"
command -v jq >/dev/null || { echo "jq is needed (infra/setup.sh installs it)" >&2; exit 1; }

keys() { jq -r '.inspectorates[].key' "$registry"; }
field() { jq -r --arg k "$1" --arg f "$2" '.inspectorates[] | select(.key == $k) | .[$f] | if type == "array" then join(" ") else . end' "$registry"; }

# Fills a template's @key@, @Name@ (the project's name without Jtai., as connection string names spell it),
# @project@ and @storage@ for one inspectorate.
fill() { # key template
  local key="$1" project name storage
  project=$(field "$key" project); name="${project##*/}"; name="${name#Jtai.}"
  storage=$(jq -r --arg k "$key" '.inspectorates[] | select(.key == $k) | .databaseStorage // "20Gi"' "$registry")
  sed -e "s|@key@|$key|g" -e "s|@Name@|$name|g" -e "s|@project@|$project|g" -e "s|@storage@|$storage|g" <<<"$2"
}

each() { local key; for key in $(keys); do fill "$key" "$1"; done; }

# Replaces the lines between the markers named REGION in FILE with STDIN.
region() { # file region
  local file="$1" begin="# >>> inspectorates: $2" body
  body=$(cat)
  grep -qF "$begin" "$file" || { echo "$file has no region '$begin'" >&2; exit 1; }
  BODY="$body" awk -v begin="$begin" '
    index($0, begin) { print; print ENVIRON["BODY"]; skip = 1; next }
    skip && index($0, "# <<< inspectorates") { skip = 0 }
    !skip { print }' "$file" > "$file.tmp"
  mv "$file.tmp" "$file"
}

compose_env='  Services__@key@__Grpc: http://@key@:8081
  Services__@key@__Http: http://@key@:8080'

compose_service='  @key@:
    build:
      context: .
      dockerfile: @project@/Dockerfile
    environment:
      <<: *service-env
      OTEL_SERVICE_NAME: @key@
      ConnectionStrings__@Name@: Host=postgres;Port=5432;Database=jtai_@key@;Username=jtai_@key@;Password=${JTAI_DB_PASSWORD:-jtai-service-local}
      ConnectionStrings__@Name@Owner: Host=postgres;Port=5432;Database=jtai_@key@;Username=jtai_@key@_owner;Password=${JTAI_DB_OWNER_PASSWORD:-jtai-owner-local}
    depends_on:
      rabbitmq: { condition: service_healthy }
      postgres: { condition: service_healthy }
      dashboard: { condition: service_started }
'

k8s_settings='  Services__@key@__Grpc: http://@key@:8081
  Services__@key@__Http: http://@key@:8080'

k8s_resources='  - @key@.yaml'

k8s_scaled='---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: @key@
spec:
  scaleTargetRef: {name: @key@}
  minReplicaCount: 2
  maxReplicaCount: 8
  triggers:
    - type: cpu
      metricType: Utilization
      metadata: {value: "70"}
    - type: rabbitmq
      metadata: {protocol: amqp, queueName: @key@-inspection-transitioned, mode: QueueLength, value: "50"}
      authenticationRef: {name: jtai-rabbitmq}
    - type: rabbitmq
      metadata: {protocol: amqp, queueName: @key@-notice-delivery, mode: QueueLength, value: "50"}
      authenticationRef: {name: jtai-rabbitmq}'

k8s_database='---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: jtai-@key@-db
spec:
  instances: 3
  storage: {size: @storage@}
  bootstrap:
    initdb: {database: jtai_@key@, owner: jtai_@key@_owner}
  postgresql:
    parameters: {max_connections: "200"}
  env: [{name: MALLOC_TRIM_THRESHOLD_, value: "33554432"}, {name: MALLOC_MMAP_THRESHOLD_, value: "33554432"}, {name: MALLOC_TOP_PAD_, value: "1048576"}]'

write() { # into the tree rooted at $1
  local out="$1" key
  each "$compose_env" | region "$out/docker-compose.yml" "service addresses"
  each "$compose_service" | region "$out/docker-compose.yml" "services"
  each "$k8s_settings" | region "$out/infra/k8s/base/settings.yaml" "service addresses"
  each "$k8s_resources" | region "$out/infra/k8s/base/kustomization.yaml" "deployments"
  each "$k8s_scaled" | region "$out/infra/k8s/overlays/production/autoscaling.yaml" "scaled objects"
  each "$k8s_database" | region "$out/infra/k8s/overlays/production/dependencies.yaml" "databases"
  echo "  - target: {kind: HorizontalPodAutoscaler, name: \"orchestrator|$(keys | paste -sd '|')\"}" \
    | region "$out/infra/k8s/overlays/production/kustomization.yaml" "autoscalers replaced"
  for key in $(keys); do
    { echo "# GENERATED from shared/inspectorates.json by infra/inspectorates.sh write (template infra/k8s/inspectorate.yaml): do not edit."
      fill "$key" "$(cat "$root/infra/k8s/inspectorate.yaml")"; } > "$out/infra/k8s/base/$key.yaml"
  done
}

generated=(docker-compose.yml infra/k8s/base/settings.yaml infra/k8s/base/kustomization.yaml
  infra/k8s/overlays/production/autoscaling.yaml infra/k8s/overlays/production/dependencies.yaml
  infra/k8s/overlays/production/kustomization.yaml)

case "${1:-}" in
  keys) keys ;;
  field) field "${2:?key}" "${3:?field}" ;;
  write) write "$root"; echo "written from $registry" ;;
  check)
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    for f in "${generated[@]}"; do mkdir -p "$tmp/$(dirname "$f")"; cp "$root/$f" "$tmp/$f"; done
    mkdir -p "$tmp/infra/k8s/base"
    write "$tmp"
    status=0
    for f in "${generated[@]}" $(keys | sed 's|.*|infra/k8s/base/&.yaml|'); do
      diff -u "$root/$f" "$tmp/$f" >&2 || { echo "$f is not what the registry makes: run bash infra/inspectorates.sh write" >&2; status=1; }
    done
    exit $status ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
