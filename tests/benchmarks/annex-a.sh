#!/usr/bin/env bash
# Annex A benchmark: upload + validation of list 1 (default 50,000 rows) through the gateway, in rows
# per second, beside raw PostgreSQL COPY of the same rows in the same run. Needs what infra/setup.sh
# starts (RabbitMQ, PostgreSQL), like the tests. Not part of tests/run.sh.
#   bash tests/benchmarks/annex-a.sh [rows] [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project "$root/tests/Jtai.Benchmarks" -- "${1:-50000}" "${2:-3}"
