#!/usr/bin/env bash
# The full fuzz against the real stack (RabbitMQ and PostgreSQL as tests/run.sh uses them): starts
# the platform as the test fixtures do, sends at least 10,000 malformed requests over every
# POST/PUT/DELETE route the services' OpenAPI documents list, prints counts by status and exits 1
# on any 5xx (or a problem detail naming an internal type). Options: --requests N (12000),
# --seed N, --concurrency N (8), --oversized N (4 uploads of 26-33 MB), --minutes N (30).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run --project "$root/tests/Jtai.Fuzz" -- "$@"
