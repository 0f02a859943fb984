#!/usr/bin/env bash
# Prints an access token from the gateway's development issuer (Identity:DevIssuer, never in Production).
#   infra/token.sh lead-inspector ofsted                 inspectorate staff: role, inspectorate
#   infra/token.sh inspector cqc | qa-manager ofsted | manager hmicfrs | hmi ofsted
#   infra/token.sh partner-agency E08000025 police       partner agency: area (ONS code), agency type
#                                                        (local-authority, health, police, education, masa)
#   JTAI_HEALTH_BODY=qhl infra/token.sh partner-agency E08000025 health   a health body CQC named for the inspection (¶105)
#   infra/token.sh operations
#   infra/token.sh client partner-E08000025-police partner-dev-secret   a configured client's own token
# Use: curl -H "Authorization: Bearer $(infra/token.sh lead-inspector ofsted)" http://127.0.0.1:5000/api/...
set -euo pipefail
gateway="${JTAI_GATEWAY:-http://127.0.0.1:5000}"
role="${1:?usage: token.sh ROLE [INSPECTORATE | AREA AGENCY] (see the header of this script)}"
args=(-d grant_type=client_credentials)
case "$role" in
  client) args+=(-d "client_id=${2:?client id}" -d "client_secret=${3:?client secret}") ;;
  partner-agency) args+=(-d client_id=jtai-dev -d client_secret=jtai-dev-secret -d role=partner-agency
                         -d "local_area=${2:?area code, e.g. E08000025}" -d "agency=${3:?agency type}") ;;
  operations) args+=(-d client_id=jtai-dev -d client_secret=jtai-dev-secret -d role=operations) ;;
  *) args+=(-d client_id=jtai-dev -d client_secret=jtai-dev-secret -d "role=$role" -d "inspectorate=${2:?inspectorate: one of $(bash "$(dirname "$0")/inspectorates.sh" keys | paste -sd " ")}") ;;
esac
[ -n "${JTAI_SUB:-}" ] && args+=(-d "sub=$JTAI_SUB")
[ -n "${JTAI_HEALTH_BODY:-}" ] && args+=(-d "health_body=$JTAI_HEALTH_BODY")
curl -sf "$gateway/connect/token" "${args[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
