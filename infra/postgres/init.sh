#!/usr/bin/env bash
# docker-compose: one role and one database per service (each service owns its database).
set -euo pipefail
for s in orchestrator ofsted cqc hmicfrs; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE ROLE jtai_$s LOGIN PASSWORD '${JTAI_DB_PASSWORD:-jtai}';
CREATE DATABASE jtai_$s OWNER jtai_$s;
SQL
done
