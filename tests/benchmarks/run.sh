#!/usr/bin/env bash
# The platform's benchmark: every figure beside a baseline measured in the same run, one table.
#   bash tests/benchmarks/run.sh [scenario ...]     scenarios: gateway lists annex-a scheduling overload (default all);
#   scheduling-cpu runs only the CPU per scheduling (at 50/s, BENCH_CPU_RATE) that scheduling begins with
# Environment: BENCH_RUNS (3: medians of 3), BENCH_DURATION (60 s sustained scheduling; overload a third
# of it; the gateway's measurements 10 s), BENCH_PORT_BASE (17000), BENCH_ANNEX_A_ROWS (50000),
# BENCH_DB_SSL_MODE (Disable: the services' connections to PostgreSQL, see below).
# Starts its own processes on its own ports (never infra/run.sh's), its own databases and RabbitMQ
# virtual host, the bare Kestrel and bare YARP baselines, and removes all of it when it ends, so the
# databases are left as they were found. Needs what infra/setup.sh starts. Not part of tests/run.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
base="${BENCH_PORT_BASE:-17000}"
run_id="bench$(date +%s)"
work="$root/.run/benchmarks/$run_id"
mkdir -p "$work"
rabbit_api="${BENCH_RABBITMQ_MANAGEMENT:-http://guest:guest@127.0.0.1:15672}"
vhost="jtai-$run_id"
services=(orchestrator ofsted cqc hmicfrs)
declare -A projects=([orchestrator]=services/Orchestrator/Jtai.Orchestrator [ofsted]=services/Ofsted/Jtai.Ofsted
  [cqc]=services/Cqc/Jtai.Cqc [hmicfrs]=services/Hmicfrs/Jtai.Hmicfrs [gateway]=gateway/Jtai.Gateway)
declare -A http=([gateway]=$base [orchestrator]=$((base+101)) [ofsted]=$((base+201)) [cqc]=$((base+301)) [hmicfrs]=$((base+401))
  [proxy]=$((base+901)) [kestrel]=$((base+902)) [yarp]=$((base+903)))
declare -A grpc=([orchestrator]=$((base+102)) [ofsted]=$((base+202)) [cqc]=$((base+302)) [hmicfrs]=$((base+402)))
pids=()
declare -A pid_of

for port in "${http[@]}" "${grpc[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: choose another BENCH_PORT_BASE" >&2; exit 1; fi
done

# As infra/setup.sh makes them: each service's database is created and migrated by its owner role
# (jtai_<service>_owner) and the service runs as jtai_<service>, which may change rows only.
role_password="${BENCH_DB_PASSWORD:-jtai}"
# The services reach PostgreSQL on the loopback without TLS, as in docker-compose.yml (the postgres image
# serves no TLS); Debian's PostgreSQL offers TLS and Npgsql would take it, at some 15% of PostgreSQL's CPU
# (perf, at 50/s). A database on another machine is reached with TLS: BENCH_DB_SSL_MODE=Require measures that.
db_ssl_mode="${BENCH_DB_SSL_MODE:-Disable}"
owner_of() { echo "host=127.0.0.1 port=5432 user=jtai_$1_owner password=$role_password dbname=postgres"; }

cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
  done
  # FORCE cannot end an autovacuum worker (no role the owner belongs to) still on a database: try again for a while.
  for name in "${services[@]}"; do
    for _ in $(seq 1 50); do psql "$(owner_of "$name")" -qc "DROP DATABASE IF EXISTS jtai_${run_id}_$name WITH (FORCE)" >/dev/null 2>&1 && break; sleep 0.2; done
  done
  curl -sf -o /dev/null -X DELETE "$rabbit_api/api/vhosts/$vhost"
  echo "stopped the benchmark's processes; dropped its databases and virtual host (logs: $work)"
}
trap cleanup EXIT

echo "building (Release)..."
dotnet build "$root/tests/Jtai.Benchmarks" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

curl -sf -o /dev/null -X PUT "$rabbit_api/api/vhosts/$vhost"
curl -sf -o /dev/null -X PUT -H 'content-type: application/json' -d '{"configure":".*","write":".*","read":".*"}' "$rabbit_api/api/permissions/$vhost/guest"
declare -A db owner_db
for name in "${services[@]}"; do
  psql "$(owner_of "$name")" -qc "CREATE DATABASE jtai_${run_id}_$name" -c "REVOKE ALL ON DATABASE jtai_${run_id}_$name FROM PUBLIC" -c "GRANT CONNECT, TEMPORARY ON DATABASE jtai_${run_id}_$name TO jtai_$name" >/dev/null
  db[$name]="Host=127.0.0.1;Port=5432;Username=jtai_$name;Password=$role_password;Database=jtai_${run_id}_$name;SSL Mode=$db_ssl_mode"
  owner_db[$name]="Host=127.0.0.1;Port=5432;Username=jtai_${name}_owner;Password=$role_password;Database=jtai_${run_id}_$name;SSL Mode=$db_ssl_mode"
done

gateway_url="http://127.0.0.1:${http[gateway]}"
common=(ASPNETCORE_ENVIRONMENT=Development "Authentication__Authority=$gateway_url" Authentication__RequireHttpsMetadata=false
  Logging__LogLevel__Default=Warning "ConnectionStrings__RabbitMq=amqp://guest:guest@127.0.0.1:5672/$vhost"
  "RabbitMqManagement__Url=$rabbit_api")
for name in "${services[@]}"; do common+=("Services__${name}__Grpc=http://127.0.0.1:${grpc[$name]}" "Services__${name}__Http=http://127.0.0.1:${http[$name]}"); done
# The orchestrator's operations watch probes every process: these, not infra/run.sh's on the default ports.
# HMI Probation is not part of the benchmark; its address is a port of the benchmark's range that nothing serves.
common+=("Services__gateway__Http=$gateway_url" "Services__hmiprobation__Http=http://127.0.0.1:$((base+501))" "Services__hmiprobation__Grpc=http://127.0.0.1:$((base+502))")

start() {  # start <name> <directory> [VAR=value ...] <command ...>
  local name=$1 dir=$2; shift 2
  (cd "$dir" && exec env "$@" >"$work/$name.log" 2>&1) &
  pids+=($!)
  pid_of[$name]=$!
}
dll_of() { echo "$root/${projects[$1]}/bin/Release/net10.0/$(basename "${projects[$1]}").dll"; }

for name in "${services[@]}"; do
  start "$name" "$root/${projects[$name]}" "${common[@]}" "ConnectionStrings__$name=${db[$name]}" "ConnectionStrings__${name}Owner=${owner_db[$name]}" \
    "Kestrel__Endpoints__Http__Url=http://127.0.0.1:${http[$name]}" "Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:${grpc[$name]}" \
    dotnet "$(dll_of "$name")"
done
gateway_env=("${common[@]}" "Kestrel__Endpoints__Http__Url=$gateway_url" "Identity__DevIssuer__Issuer=$gateway_url/"
  Gateway__RateLimit__TokenLimit=1000000 Gateway__RateLimit__TokensPerSecond=1000000)
for name in "${services[@]}"; do gateway_env+=("ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://127.0.0.1:${http[$name]}"); done
start gateway "$root/gateway/Jtai.Gateway" "${gateway_env[@]}" dotnet "$(dll_of gateway)"

bench="$root/tests/Jtai.Benchmarks/bin/Release/net10.0/Jtai.Benchmarks.dll"
# The baselines run in the gateway's environment (Development, which its plain-http issuer needs here; ASP.NET Core
# then wraps every request in its developer exception page, the baselines' too).
start kestrel "$root" ASPNETCORE_ENVIRONMENT=Development dotnet "$bench" kestrel "${http[kestrel]}"
# Bare YARP runs with the gateway's runtime settings: its GC (Server, as every ASP.NET Core web project; the
# benchmark's own assembly defaults to workstation) and no spinning of idle thread-pool threads (Directory.Build.props).
start yarp "$root" ASPNETCORE_ENVIRONMENT=Development DOTNET_gcServer=1 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 \
  dotnet "$bench" yarp "${http[yarp]}" "http://127.0.0.1:${http[kestrel]}"
# The gateway compared with bare YARP: the same binary and settings, its orchestrator route leading to the bare Kestrel endpoint.
proxy_env=("${common[@]}" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:${http[proxy]}" Identity__DevIssuer__Enabled=false
  Gateway__RateLimit__TokenLimit=1000000 Gateway__RateLimit__TokensPerSecond=1000000)
for name in "${services[@]}"; do
  target="http://127.0.0.1:${http[$name]}"; [ "$name" = orchestrator ] && target="http://127.0.0.1:${http[kestrel]}"
  proxy_env+=("ReverseProxy__Clusters__${name}__Destinations__primary__Address=$target")
done
start proxy-gateway "$root/gateway/Jtai.Gateway" "${proxy_env[@]}" dotnet "$(dll_of gateway)"

for name in orchestrator ofsted cqc hmicfrs gateway proxy kestrel yarp; do
  url="http://127.0.0.1:${http[$name]}/health/ready"; case $name in kestrel|yarp) url="http://127.0.0.1:${http[$name]}/api/orchestrator/" ;; esac
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$url" && break; sleep 0.5; done
  curl -sf -o /dev/null "$url" || { echo "$name did not start; see $work/$name.log" >&2; exit 1; }
done
echo "benchmark stack up on ports from $base (logs: $work); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The processes by name, for CPU per operation (the subshells exec, so each pid is the process itself).
process_ids=""; for name in "${!pid_of[@]}"; do process_ids+="$name=${pid_of[$name]},"; done
env BENCH_PIDS="${process_ids%,}" BENCH_GATEWAY="$gateway_url" BENCH_PROXY_GATEWAY="http://127.0.0.1:${http[proxy]}" \
  BENCH_KESTREL="http://127.0.0.1:${http[kestrel]}" BENCH_YARP="http://127.0.0.1:${http[yarp]}" \
  BENCH_DB_ORCHESTRATOR="${db[orchestrator]}" BENCH_DB_OFSTED="${db[ofsted]}" BENCH_DB_CQC="${db[cqc]}" BENCH_DB_HMICFRS="${db[hmicfrs]}" \
  BENCH_DB_OWNER_ORCHESTRATOR="${owner_db[orchestrator]}" BENCH_DB_OWNER_OFSTED="${owner_db[ofsted]}" \
  BENCH_DB_OWNER_CQC="${owner_db[cqc]}" BENCH_DB_OWNER_HMICFRS="${owner_db[hmicfrs]}" \
  dotnet "$bench" run "$@" | tee "$work/report.txt"
