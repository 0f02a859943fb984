#!/usr/bin/env bash
# Installs (if missing) and starts the real components the platform needs on Debian 12 without
# Docker or systemd: RabbitMQ with its management and Prometheus plugins, and PostgreSQL with one database and
# one login role per service. Idempotent: safe to run again on a machine where all is running.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PGPASS="${JTAI_DB_PASSWORD:-jtai}"

need_install=()
# The scripts read the registry of inspectorates (shared/inspectorates.json) with jq.
command -v jq >/dev/null 2>&1 || need_install+=(jq)
command -v rabbitmq-server >/dev/null 2>&1 || need_install+=(rabbitmq-server)
command -v pg_ctlcluster >/dev/null 2>&1 || need_install+=(postgresql)
# The web service's build installs GOV.UK Frontend with npm; its browser tests drive Debian's Chromium.
command -v npm >/dev/null 2>&1 || need_install+=(nodejs npm)
[ -x /usr/bin/chromium ] || need_install+=(chromium)
if [ ${#need_install[@]} -gt 0 ]; then
  echo "installing ${need_install[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_install[@]}" >/dev/null
fi

# --- RabbitMQ: a node name independent of the host name, then start and wait.
if [ ! -f /etc/rabbitmq/rabbitmq-env.conf ] || ! grep -q '^NODENAME=rabbit@localhost' /etc/rabbitmq/rabbitmq-env.conf; then
  echo 'NODENAME=rabbit@localhost' >> /etc/rabbitmq/rabbitmq-env.conf
fi
if ! rabbitmqctl -q status >/dev/null 2>&1; then
  echo "starting rabbitmq"
  rabbitmq-server -detached
fi
# await_startup fails when called before the node exists: loop on it.
for _ in $(seq 1 240); do rabbitmqctl -q await_startup >/dev/null 2>&1 && break; sleep 0.5; done
rabbitmqctl -q await_startup
rabbitmqctl -q start_app >/dev/null 2>&1 || true
rabbitmq-plugins -q enable rabbitmq_management >/dev/null
# The broker's own metrics (queues, connections, channels, memory) for Prometheus scrapers:
# http://127.0.0.1:15692/metrics (aggregated) and /metrics/per-object (per queue).
rabbitmq-plugins -q enable rabbitmq_prometheus >/dev/null
for _ in $(seq 1 240); do curl -sf -o /dev/null -u guest:guest http://127.0.0.1:15672/api/overview && break; sleep 0.25; done
curl -sf -o /dev/null -u guest:guest http://127.0.0.1:15672/api/overview
echo "rabbitmq ready (amqp 5672, management 15672, prometheus 15692)"

# The orchestrator and every inspectorate of the registry has its own database.
mapfile -t inspectorates < <(bash "$(dirname "$0")/inspectorates.sh" keys)
SERVICES=(orchestrator "${inspectorates[@]}")

# --- PostgreSQL: start the cluster, then per service two roles and one database. The owner role
# (jtai_<service>_owner) owns the database and applies its migrations; the service runs as
# jtai_<service>, which reads and writes rows but changes no table. Each database admits its own two
# roles only; no service role reaches another's database or the maintenance database. Locally the
# owner roles may create databases: the test fixtures make a fresh set per run with them. The setup
# role 'jtai' creates databases but no roles (with CREATEROLE it could grant itself a service's role).
ver=$(ls /etc/postgresql | sort -V | tail -n1)
cluster="${JTAI_PG_CLUSTER:-main}"   # another cluster (with PGPORT) tries this script without touching the main one
# Each backend frees and takes back the same memory statement after statement; by default glibc hands the top
# of its heap back to the kernel each time (brk) and faults it in again, zeroed, on the next statement: about a
# tenth of PostgreSQL's CPU under the scheduling benchmark. Freed memory up to 32 MiB stays in the backend.
# The cluster's environment file is read at start, so a change restarts a running cluster.
pg_env="/etc/postgresql/$ver/$cluster/environment" pg_env_changed=0
[ -f "$pg_env" ] || touch "$pg_env"
for setting in "MALLOC_TRIM_THRESHOLD_ = 33554432" "MALLOC_MMAP_THRESHOLD_ = 33554432" "MALLOC_TOP_PAD_ = 1048576"; do
  grep -qxF "$setting" "$pg_env" && continue
  sed -i "/^${setting%% *} /d" "$pg_env" && echo "$setting" >>"$pg_env" && pg_env_changed=1
done
if pg_ctlcluster "$ver" "$cluster" status >/dev/null 2>&1; then
  [ "$pg_env_changed" = 0 ] || pg_ctlcluster "$ver" "$cluster" restart
else
  pg_ctlcluster "$ver" "$cluster" start
fi
for _ in $(seq 1 60); do su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done
export PGOPTIONS="-c client_min_messages=error"   # "not a member" warnings of the idempotent REVOKE
psql_do() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\"" >/dev/null; }
psql_in() { su postgres -c "psql -v ON_ERROR_STOP=1 -d $1 -qtAc \"$2\"" >/dev/null; }
role_exists() { [ "$(su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='$1'\"")" = "1" ]; }
db_exists() { [ "$(su postgres -c "psql -qtAc \"select 1 from pg_database where datname='$1'\"")" = "1" ]; }

role_exists jtai || psql_do "CREATE ROLE jtai LOGIN PASSWORD '$PGPASS' CREATEDB"
psql_do "ALTER ROLE jtai NOCREATEROLE"
maintenance_roles=(jtai)
for s in "${SERVICES[@]}"; do
  runtime="jtai_$s" owner="jtai_${s}_owner" db="jtai_$s"
  role_exists "$runtime" || psql_do "CREATE ROLE $runtime LOGIN PASSWORD '$PGPASS'"
  role_exists "$owner" || psql_do "CREATE ROLE $owner LOGIN CREATEDB PASSWORD '$PGPASS'"
  # The owner may end its service's sessions (dropping a test database WITH (FORCE)); the setup role is no member of either.
  psql_do "GRANT $runtime TO $owner"
  psql_do "REVOKE $runtime, $owner FROM jtai"
  db_exists "$db" || psql_do "CREATE DATABASE $db OWNER $owner"
  # A machine set up before the roles were split: the service's role owned its database and tables.
  psql_do "ALTER DATABASE $db OWNER TO $owner"
  psql_in "$db" "REASSIGN OWNED BY $runtime TO $owner"
  psql_do "REVOKE ALL ON DATABASE $db FROM PUBLIC"
  psql_do "GRANT CONNECT, TEMPORARY ON DATABASE $db TO $runtime"
  # The service grants these itself after each migration; here for tables that exist already.
  psql_in "$db" "GRANT USAGE ON SCHEMA public TO $runtime; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO $runtime; GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO $runtime"
  maintenance_roles+=("$owner")
done
# The maintenance databases: the setup role and the owners (who create databases from there) only.
for db in postgres template1; do psql_do "REVOKE CONNECT, TEMPORARY ON DATABASE $db FROM PUBLIC"; done
psql_do "GRANT CONNECT ON DATABASE postgres TO $(IFS=,; echo "${maintenance_roles[*]}")"
echo "postgresql $ver ready (127.0.0.1:${PGPORT:-5432}; databases: ${SERVICES[*]/#/jtai_}, each owned by jtai_<service>_owner)"
