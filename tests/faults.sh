#!/usr/bin/env bash
# The fault suite, full run: the platform (its own processes, built here) on a private RabbitMQ node and a
# private PostgreSQL cluster that the suite starts, stops and removes itself (the machine's shared broker
# and database are never touched), 1,000 flows through the gateway at 5/s (schedule → team member →
# notified) while each service and the gateway are killed (-9) in turn, the broker's app is stopped for
# 15 s, the broker is fully restarted and PostgreSQL restarted; then every service's database and the
# _error queues are checked and one table printed. Exits 1 unless nothing was lost, applied twice, left
# in _error or given up by the client. Bounded: 30 minutes at most (JTAI_FAULTS_MINUTES).
#   bash tests/faults.sh [--flows N] [--rate R] [--replicas 2] [--broker-nodes 3] [--out table.md]
# Needs rabbitmq-server and PostgreSQL 15's binaries (infra/setup.sh installs them). Its CI slice (a
# service kill and a broker stop, 100 flows) runs in tests/run.sh: Faults/FaultSuiteTests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build "$root/tests/Jtai.FaultSuite" -c Release -v q -nologo >/dev/null
exec timeout --signal=INT --kill-after=60 "$(( ${JTAI_FAULTS_MINUTES:-30} * 60 ))" \
  dotnet "$root/tests/Jtai.FaultSuite/bin/Release/net10.0/Jtai.FaultSuite.dll" "$@"
