#!/usr/bin/env bash
# Creates the PostgreSQL catalog database when it is missing (default: footage on 127.0.0.1:5432 as postgres).
set -euo pipefail
db="${1:-footage}"
host="${PGHOST:-127.0.0.1}"; port="${PGPORT:-5432}"; user="${FOOTAGE_DB_USER:-postgres}"
command -v psql >/dev/null 2>&1 || { echo "footage: psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
if psql -h "$host" -p "$port" -U "$user" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  echo "footage: database $db exists"
else
  psql -h "$host" -p "$port" -U "$user" -d postgres -c "CREATE DATABASE $db" >/dev/null
  echo "footage: database $db created"
fi
