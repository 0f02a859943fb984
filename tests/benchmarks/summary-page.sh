#!/usr/bin/env bash
# Web benchmark: server time of the inspection summary page (and the inspections list) with many
# inspections in the database (default 1,000), p50/p95 over the timed requests (default 200).
# Needs what infra/setup.sh starts (RabbitMQ, PostgreSQL, Chromium), like the tests. Not part of tests/run.sh.
#   bash tests/benchmarks/summary-page.sh [inspections] [requests]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project "$root/tests/Jtai.Benchmarks" -- summary-page "${1:-1000}" "${2:-200}"
