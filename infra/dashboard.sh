#!/usr/bin/env bash
# The telemetry viewer: the standalone Aspire dashboard (NuGet Aspire.Dashboard.Sdk.linux-x64, a
# self-contained binary in the package's tools/ folder), fed by every process over OTLP.
#   infra/dashboard.sh          restore it if needed, then run it in the foreground (exec: same pid)
#   infra/dashboard.sh path     restore it if needed and print the binary's path
# Addresses (environment):
#   JTAI_DASHBOARD_PORT (18888: UI and the telemetry API /api/telemetry/*),
#   JTAI_DASHBOARD_OTLP_GRPC_PORT (18889), JTAI_DASHBOARD_OTLP_HTTP_PORT (18890), JTAI_DASHBOARD_HOST (127.0.0.1)
# Security: with ASPNETCORE_ENVIRONMENT=Development the UI, OTLP and the telemetry API are open
# (loopback only by default). In any other environment all three need a secret and this script
# refuses to start without them:
#   JTAI_DASHBOARD_BROWSER_TOKEN  the UI asks for it once (or open /login?t=<token>)
#   JTAI_DASHBOARD_OTLP_KEY       senders put it in the header x-otlp-api-key (OTEL_EXPORTER_OTLP_HEADERS)
#   JTAI_DASHBOARD_API_KEY        readers of /api/telemetry/* put it in the header x-api-key
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="13.6.5"

binary() {
  local packages
  packages="${NUGET_PACKAGES:-$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')}"
  echo "${packages%/}/aspire.dashboard.sdk.linux-x64/$version/tools/Aspire.Dashboard"
}

bin="$(binary)"
if [ ! -x "$bin" ]; then
  dotnet restore "$root/infra/dashboard/dashboard.csproj" -v q -nologo >&2
  chmod u+x "$bin"
fi
if [ "${1:-run}" = "path" ]; then echo "$bin"; exit 0; fi

host="${JTAI_DASHBOARD_HOST:-127.0.0.1}"
export ASPNETCORE_URLS="http://$host:${JTAI_DASHBOARD_PORT:-18888}"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://$host:${JTAI_DASHBOARD_OTLP_GRPC_PORT:-18889}"
export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://$host:${JTAI_DASHBOARD_OTLP_HTTP_PORT:-18890}"
export Dashboard__Api__Enabled=true
export Dashboard__ApplicationName="JTAI platform"

if [ "${ASPNETCORE_ENVIRONMENT:-Production}" = "Development" ]; then
  export Dashboard__Frontend__AuthMode=Unsecured Dashboard__Otlp__AuthMode=Unsecured Dashboard__Api__AuthMode=Unsecured
  export Dashboard__Otlp__SuppressUnsecuredTelemetryMessage=true
else
  for secret in JTAI_DASHBOARD_BROWSER_TOKEN JTAI_DASHBOARD_OTLP_KEY JTAI_DASHBOARD_API_KEY; do
    if [ -z "${!secret:-}" ]; then
      echo "dashboard: outside Development $secret must be set (the UI, OTLP and the telemetry API require authentication)" >&2
      exit 2
    fi
  done
  export Dashboard__Frontend__AuthMode=BrowserToken Dashboard__Frontend__BrowserToken="$JTAI_DASHBOARD_BROWSER_TOKEN"
  export Dashboard__Otlp__AuthMode=ApiKey Dashboard__Otlp__PrimaryApiKey="$JTAI_DASHBOARD_OTLP_KEY"
  export Dashboard__Api__AuthMode=ApiKey Dashboard__Api__PrimaryApiKey="$JTAI_DASHBOARD_API_KEY"
fi
# The dashboard's own environment stays Production whatever the platform's (no developer error pages).
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
exec "$bin"
