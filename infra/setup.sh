#!/usr/bin/env bash
# Installs (if missing) and starts the real components the platform needs on Debian 12 without
# Docker or systemd: RabbitMQ with its management and Prometheus plugins, and PostgreSQL with one database and
# one login role per service. Idempotent: safe to run again on a machine where all is running.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PGPASS="${JTAI_DB_PASSWORD:-jtai}"
SERVICES=(orchestrator ofsted cqc hmicfrs)

need_install=()
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

# --- PostgreSQL: start the cluster, then one role and one database per service (each service
# owns its database; nobody else reads it). The 'jtai' role may create databases: the tests
# make a fresh set per run.
ver=$(ls /etc/postgresql | sort -V | tail -n1)
pg_ctlcluster "$ver" main status >/dev/null 2>&1 || pg_ctlcluster "$ver" main start
for _ in $(seq 1 60); do su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done
psql_do() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
role_exists() { [ "$(su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='$1'\"")" = "1" ]; }
db_exists() { [ "$(su postgres -c "psql -qtAc \"select 1 from pg_database where datname='$1'\"")" = "1" ]; }

role_exists jtai || psql_do "CREATE ROLE jtai LOGIN PASSWORD '$PGPASS' CREATEDB CREATEROLE"
for s in "${SERVICES[@]}"; do
  role_exists "jtai_$s" || psql_do "CREATE ROLE jtai_$s LOGIN PASSWORD '$PGPASS'"
  db_exists "jtai_$s" || psql_do "CREATE DATABASE jtai_$s OWNER jtai_$s"
done
echo "postgresql $ver ready (127.0.0.1:5432; databases: ${SERVICES[*]/#/jtai_})"
