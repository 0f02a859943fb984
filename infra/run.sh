#!/usr/bin/env bash
# Runs the six processes on fixed localhost ports with their logs in one place.
#   infra/run.sh          build, start all six, wait until each is ready, then stay in the
#                         foreground; Ctrl-C (or infra/run.sh stop from another shell) stops them.
#   infra/run.sh start    the same, but return once all are ready (background)
#   infra/run.sh stop     stop what a previous start left running
# Ports: gateway 5000; web 5100; orchestrator 5101 (REST) 5102 (gRPC); ofsted 5201/5202; cqc 5301/5302; hmicfrs 5401/5402;
# smtp4dev (where the services' notices arrive) SMTP 2525, web page and API http://127.0.0.1:5090
# (JTAI_SMTP_PORT / JTAI_MAIL_PORT choose others).
# Needs RabbitMQ and PostgreSQL running: infra/setup.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.run"
logs="$state/logs"
mode="${1:-foreground}"

declare -A projects=(
  [orchestrator]="services/Orchestrator/Jtai.Orchestrator"
  [ofsted]="services/Ofsted/Jtai.Ofsted"
  [cqc]="services/Cqc/Jtai.Cqc"
  [hmicfrs]="services/Hmicfrs/Jtai.Hmicfrs"
  [gateway]="gateway/Jtai.Gateway"
  [web]="web/Jtai.Web"
)
declare -A ports=([orchestrator]=5101 [ofsted]=5201 [cqc]=5301 [hmicfrs]=5401 [gateway]=5000 [web]=5100)
order=(orchestrator ofsted cqc hmicfrs gateway web)

smtp_port="${JTAI_SMTP_PORT:-2525}"
mail_port="${JTAI_MAIL_PORT:-5090}"

stop_all() {
  # smtp4dev runs as its own process group (dotnet tool run starts a child): stop the whole group.
  if [ -f "$state/smtp4dev.pid" ]; then
    pid=$(cat "$state/smtp4dev.pid")
    if kill -0 "$pid" 2>/dev/null; then kill -TERM -- "-$pid" 2>/dev/null || true; echo "stopped smtp4dev"; fi
    rm -f "$state/smtp4dev.pid"
  fi
  for name in "${order[@]}"; do
    pidfile="$state/$name.pid"
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

if [ "$mode" = "stop" ]; then stop_all; exit 0; fi

mkdir -p "$logs"
stop_all
echo "building..."
(cd "$root" && dotnet tool restore >"$logs/tool-restore.log" 2>&1) || { cat "$logs/tool-restore.log"; exit 1; }
dotnet build "$root/Jtai.Platform.sln" -c Release -v q -nologo >"$logs/build.log" 2>&1 || { cat "$logs/build.log"; exit 1; }

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
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
  (cd "$dir" && exec dotnet "$dll" >"$logs/$name.log" 2>&1) &
  echo $! > "$state/$name.pid"
  echo "started $name (pid $!, log $logs/$name.log)"
done

for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$mail_port/api/messages?pageSize=1" && break; sleep 0.5; done
curl -sf -o /dev/null "http://127.0.0.1:$mail_port/api/messages?pageSize=1" || { echo "smtp4dev NOT ready, see $logs/smtp4dev.log"; stop_all; exit 1; }
echo "smtp4dev ready: http://127.0.0.1:$mail_port"
for name in "${order[@]}"; do
  url="http://127.0.0.1:${ports[$name]}/health/ready"
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$url" && break; sleep 0.5; done
  if curl -sf -o /dev/null "$url"; then echo "$name ready: $url"; else echo "$name NOT ready, see $logs/$name.log"; stop_all; exit 1; fi
done
echo "platform up: web http://127.0.0.1:5100 (sign in: choose who to be) ; gateway http://127.0.0.1:5000 ; mail http://127.0.0.1:$mail_port ; tokens: infra/token.sh ; logs: $logs ; stop: infra/run.sh stop"

if [ "$mode" = "start" ]; then exit 0; fi
trap 'stop_all; exit 0' INT TERM
tail -n0 -F "$logs"/*.log &
wait
