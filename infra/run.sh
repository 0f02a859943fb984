#!/usr/bin/env bash
# Runs the telemetry dashboard and the platform's processes (the orchestrator, every inspectorate of the registry,
# the gateway, the web) on fixed localhost ports, logs in one place.
#   infra/run.sh          build, apply each service's migrations (Database:MigrateOnly), start the dashboard
#                         and all of them, wait until each is ready, then stay
#                         in the foreground; Ctrl-C (or infra/run.sh stop from another shell) stops them.
#   infra/run.sh start    the same, but return once all are ready (background)
#   infra/run.sh stop     stop what a previous start left running
# Ports: gateway 5000; web 5100; orchestrator 5101 (REST) 5102 (gRPC); each inspectorate the registry's port (REST)
# and the next (gRPC): ofsted 5201/5202, cqc 5301/5302, hmicfrs 5401/5402 (shared/inspectorates.json);
# dashboard 18888 (UI, telemetry API), 18889 (OTLP/gRPC), 18890 (OTLP/HTTP).
# JTAI_PORT_OFFSET=N adds N to every one of them (a second copy beside another on one machine).
# JTAI_READY_TIMEOUT=S: how long each process may take to answer /health/ready (default 300 s).
# JTAI_REPLICAS=2 starts two instances of each service (the second 50 ports above the first: orchestrator-2
# 5151/5152, ofsted-2 5251/5252, and so on for each inspectorate) on the same database and broker; the
# gateway balances across them and its active health checks (/health/ready) take one out while it is down.
# Every process exports traces, logs and metrics over OTLP to the dashboard under its service name;
# with OTEL_EXPORTER_OTLP_ENDPOINT already set they export there instead and no dashboard starts.
# Outside Development (ASPNETCORE_ENVIRONMENT) the dashboard's UI, OTLP and API need secrets:
# taken from JTAI_DASHBOARD_BROWSER_TOKEN / _OTLP_KEY / _API_KEY, or made here and kept in
# .run/dashboard.env (mode 600).
# smtp4dev (where the services' notices arrive) SMTP 2525, web page and API http://127.0.0.1:5090
# (JTAI_SMTP_PORT / JTAI_MAIL_PORT choose others).
# Needs RabbitMQ and PostgreSQL running: infra/setup.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.run"
logs="$state/logs"
mode="${1:-foreground}"
offset="${JTAI_PORT_OFFSET:-0}"

declare -A projects=(
  [orchestrator]="services/Orchestrator/Jtai.Orchestrator"
  [gateway]="gateway/Jtai.Gateway"
  [web]="web/Jtai.Web"
)
declare -A ports=([orchestrator]=5101 [gateway]=5000 [web]=5100)
# Every inspectorate of the registry (shared/inspectorates.json): its project and port.
mapfile -t inspectorates < <(bash "$root/infra/inspectorates.sh" keys)
for name in "${inspectorates[@]}"; do
  projects[$name]=$(bash "$root/infra/inspectorates.sh" field "$name" project)
  ports[$name]=$(bash "$root/infra/inspectorates.sh" field "$name" port)
done
for name in "${!ports[@]}"; do ports[$name]=$(( ${ports[$name]} + offset )); done
services=(orchestrator "${inspectorates[@]}")
replicas="${JTAI_REPLICAS:-1}"
instances=("${services[@]}")
for r in $(seq 2 "$replicas"); do
  for s in "${services[@]}"; do
    projects[$s-$r]="${projects[$s]}"; ports[$s-$r]=$(( ${ports[$s]} + 50 * (r - 1) )); instances+=("$s-$r")
  done
done
order=("${instances[@]}" gateway web)
dashboard_port=$(( 18888 + offset )); otlp_grpc_port=$(( 18889 + offset )); otlp_http_port=$(( 18890 + offset ))

smtp_port="${JTAI_SMTP_PORT:-2525}"
mail_port="${JTAI_MAIL_PORT:-5090}"

stop_all() {
  # smtp4dev runs as its own process group (dotnet tool run starts a child): stop the whole group.
  if [ -f "$state/smtp4dev.pid" ]; then
    pid=$(cat "$state/smtp4dev.pid")
    if kill -0 "$pid" 2>/dev/null; then kill -TERM -- "-$pid" 2>/dev/null || true; echo "stopped smtp4dev"; fi
    rm -f "$state/smtp4dev.pid"
  fi
  # Every process a start left (whatever JTAI_REPLICAS it had), the dashboard last.
  for pidfile in $(ls "$state"/*.pid 2>/dev/null | grep -v '/dashboard.pid$') "$state/dashboard.pid"; do
    name=$(basename "$pidfile" .pid)
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
      echo "stopped $name"
    fi
    rm -f "$pidfile"
  done
}

# Every process starts at once, so on a busy machine (or with JTAI_REPLICAS=2: a dozen processes JIT-compiling on
# two cores) one may take minutes to listen: each gets JTAI_READY_TIMEOUT seconds (default 300) from the moment
# the waiting for it begins.
ready_timeout="${JTAI_READY_TIMEOUT:-300}"
wait_for() { # name url [any: any HTTP answer will do]
  local until=$(( SECONDS + ready_timeout ))
  while [ "$SECONDS" -lt "$until" ]; do
    if [ "${3:-}" = any ]; then [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$2")" != 000 ] && return 0
    else curl -sf -m 5 -o /dev/null "$2" && return 0; fi
    sleep 0.5
  done
  echo "$1 NOT ready after ${ready_timeout} s, see $logs/$1.log"; stop_all; exit 1
}

if [ "$mode" = "stop" ]; then stop_all; exit 0; fi

mkdir -p "$logs"
stop_all
echo "building..."
(cd "$root" && dotnet tool restore >"$logs/tool-restore.log" 2>&1) || { cat "$logs/tool-restore.log"; exit 1; }
dotnet build "$root/Jtai.Platform.sln" -c Release -v q -nologo >"$logs/build.log" 2>&1 || { cat "$logs/build.log"; exit 1; }

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

# --- The telemetry dashboard, unless telemetry goes elsewhere.
if [ -z "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then
  if [ "$ASPNETCORE_ENVIRONMENT" != "Development" ]; then
    secrets="$state/dashboard.env"
    if [ ! -f "$secrets" ]; then
      (umask 077; {
        echo "JTAI_DASHBOARD_BROWSER_TOKEN=${JTAI_DASHBOARD_BROWSER_TOKEN:-$(openssl rand -hex 16)}"
        echo "JTAI_DASHBOARD_OTLP_KEY=${JTAI_DASHBOARD_OTLP_KEY:-$(openssl rand -hex 24)}"
        echo "JTAI_DASHBOARD_API_KEY=${JTAI_DASHBOARD_API_KEY:-$(openssl rand -hex 24)}"
      } > "$secrets")
    fi
    set -a; . "$secrets"; set +a
    export OTEL_EXPORTER_OTLP_HEADERS="x-otlp-api-key=$JTAI_DASHBOARD_OTLP_KEY"
  fi
  bash "$root/infra/dashboard.sh" path >/dev/null   # restore before timing the start
  JTAI_DASHBOARD_PORT=$dashboard_port JTAI_DASHBOARD_OTLP_GRPC_PORT=$otlp_grpc_port JTAI_DASHBOARD_OTLP_HTTP_PORT=$otlp_http_port \
    bash "$root/infra/dashboard.sh" >"$logs/dashboard.log" 2>&1 &
  echo $! > "$state/dashboard.pid"
  echo "started dashboard (pid $!, log $logs/dashboard.log)"
  wait_for dashboard "http://127.0.0.1:$dashboard_port/" any
  export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_grpc_port"
  dashboard_url="http://127.0.0.1:$dashboard_port"
  if [ "$ASPNETCORE_ENVIRONMENT" != "Development" ]; then dashboard_url="$dashboard_url/login?t=$JTAI_DASHBOARD_BROWSER_TOKEN"; fi
fi

# --- Addresses, so that a port offset reaches every setting that names a port.
gateway="http://127.0.0.1:${ports[gateway]}"
web="http://127.0.0.1:${ports[web]}"
dashboard_base="${dashboard_url:-}"; dashboard_base="${dashboard_base%%/login*}"   # the web console links traces here
common=(Authentication__Authority="$gateway")
for s in "${services[@]}"; do
  common+=("Services__${s}__Grpc=http://127.0.0.1:$(( ${ports[$s]} + 1 ))" "Services__${s}__Http=http://127.0.0.1:${ports[$s]}")
done
common+=("Services__gateway__Http=$gateway")


# Migrations first, once per service: the service's own program with Database:MigrateOnly applies them
# as the owner role and exits (what the Kubernetes Job does). Outside Development the services apply
# none at start, and replicas starting together would otherwise race.
migrations=()
for s in "${services[@]}"; do
  dir="$root/${projects[$s]}"
  (cd "$dir" && exec env "${common[@]}" Database__MigrateOnly=true dotnet "bin/Release/net10.0/$(basename "$dir").dll" >"$logs/$s-migrations.log" 2>&1) &
  migrations+=("$s:$!")
done
for m in "${migrations[@]}"; do
  wait "${m#*:}" || { echo "migrations of ${m%%:*} failed, see $logs/${m%%:*}-migrations.log"; stop_all; exit 1; }
done
echo "migrations applied (${services[*]})"

# Notices go by SMTP to smtp4dev here; production sends through GOV.UK Notify (README, Notices).
(cd "$root" && exec setsid dotnet tool run smtp4dev -- --smtpport="$smtp_port" --urls="http://127.0.0.1:$mail_port" --db= \
  --imapport= --pop3port= --hostname=localhost --bindaddress=127.0.0.1 --nousersettings --baseappdatapath="$state/smtp4dev" \
  >"$logs/smtp4dev.log" 2>&1) &
echo $! > "$state/smtp4dev.pid"
echo "started smtp4dev (pid $!, mail at http://127.0.0.1:$mail_port)"
export Notices__Channel=smtp Notices__Smtp__Host=127.0.0.1 Notices__Smtp__Port="$smtp_port"
for name in "${order[@]}"; do
  dir="$root/${projects[$name]}"
  dll="$dir/bin/Release/net10.0/$(basename "$dir").dll"
  settings=("${common[@]}" "Kestrel__Endpoints__Http__Url=http://127.0.0.1:${ports[$name]}")
  if [ "$name" = gateway ]; then
    settings+=("Identity__DevIssuer__Issuer=$gateway/"
      "Identity__DevIssuer__WebClients__0__RedirectUris__0=$web/signin-oidc"
      "Identity__DevIssuer__WebClients__0__PostLogoutRedirectUris__0=$web/signout-callback-oidc")
    for s in "${services[@]}"; do
      settings+=("ReverseProxy__Clusters__${s}__Destinations__primary__Address=http://127.0.0.1:${ports[$s]}")
      for r in $(seq 2 "$replicas"); do settings+=("ReverseProxy__Clusters__${s}__Destinations__replica${r}__Address=http://127.0.0.1:${ports[$s-$r]}"); done
    done
  elif [ "$name" = web ]; then
    settings+=("Authentication__Authority=$gateway/" "Gateway__Url=$gateway" "Operations__DashboardUrl=$dashboard_base")
  else
    settings+=("Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$(( ${ports[$name]} + 1 ))")
  fi
  (cd "$dir" && exec env "${settings[@]}" dotnet "$dll" >"$logs/$name.log" 2>&1) &
  echo $! > "$state/$name.pid"
  echo "started $name (pid $!, log $logs/$name.log)"
done

for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$mail_port/api/messages?pageSize=1" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$mail_port/api/messages?pageSize=1" || { echo "smtp4dev NOT ready, see $logs/smtp4dev.log"; stop_all; exit 1; }
echo "smtp4dev ready: http://127.0.0.1:$mail_port"
for name in "${order[@]}"; do
  wait_for "$name" "http://127.0.0.1:${ports[$name]}/health/ready"
  echo "$name ready: http://127.0.0.1:${ports[$name]}/health/ready"
done
echo "platform up: web $web (sign in: choose who to be) ; gateway $gateway ; mail http://127.0.0.1:$mail_port ; tokens: infra/token.sh ; logs: $logs ; stop: infra/run.sh stop"
if [ -n "${dashboard_url:-}" ]; then echo "telemetry: $dashboard_url (traces, structured logs, metrics of every process)"; fi

if [ "$mode" = "start" ]; then exit 0; fi
trap 'stop_all; exit 0' INT TERM
tail -n0 -F "$logs"/*.log &
wait
