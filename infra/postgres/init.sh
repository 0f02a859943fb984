#!/usr/bin/env bash
# docker-compose, first start of the database volume: per service an owner role that owns and
# migrates its database, and the role the service runs as (rows only); each database admits its
# own two roles only, and neither reaches the maintenance databases.
set -euo pipefail
: "${JTAI_DB_OWNER_PASSWORD:?}" "${JTAI_DB_PASSWORD:?}"
for s in orchestrator ofsted cqc hmicfrs; do
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
