#!/usr/bin/env bash
# docker-compose, first start of the database volume: per service an owner role that owns and
# migrates its database, and the role the service runs as (rows only); each database admits its
# own two roles only, and neither reaches the maintenance databases.
# The services: the orchestrator and every inspectorate of the registry (shared/inspectorates.json, mounted at
# /etc/jtai/inspectorates.json), read with PostgreSQL's own JSON functions: the image has no jq.
set -euo pipefail
: "${JTAI_DB_OWNER_PASSWORD:?}" "${JTAI_DB_PASSWORD:?}"
registry="${JTAI_REGISTRY:-/etc/jtai/inspectorates.json}"
inspectorates=$(psql -v ON_ERROR_STOP=1 -qtA --username "$POSTGRES_USER" --dbname postgres -v registry="$(cat "$registry")" <<'SQL'
SELECT value->>'key' FROM json_array_elements((:'registry')::json->'inspectorates');
SQL
)
for s in orchestrator $inspectorates; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v runtime="jtai_$s" -v owner="jtai_${s}_owner" -v db="jtai_$s" \
    -v runtime_password="$JTAI_DB_PASSWORD" -v owner_password="$JTAI_DB_OWNER_PASSWORD" <<'SQL'
CREATE ROLE :"runtime" LOGIN PASSWORD :'runtime_password';
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE DATABASE :"db" OWNER :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"runtime";
SQL
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;
SQL
