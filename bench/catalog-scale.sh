#!/usr/bin/env bash
# The catalog at a bureau's scale (issue 21, BENCHMARKS.md §12). Creates a PostgreSQL catalog database, migrates it
# with the application's own Flyway (postgres profile), fills it with bench/catalog-scale.sql (1,000,000 recordings
# over 300 devices and ~3 years by default), then times each console request's SQL twice in the same run:
#   before: the SQL as it was before issue 21, without the indexes of V98/V99 (dropped for the run);
#   after:  the SQL as the application now issues it, with those indexes (created again from the migration files).
# Each request is a pgbench script (bench/catalog-scale/{before,after}/NAME.sql) holding every statement the request
# runs, with a random device, day, officer month or recording each time; p50/p95 of -t runs on one connection.
# EXPLAIN (ANALYZE, BUFFERS) of every statement (fixed parameters) goes to the output folder.
#
#   bench/catalog-scale.sh [--recordings N] [--runs N] [--db NAME] [--keep] [--out DIR]
# PGHOST/PGPORT/PGUSER as for psql (default 127.0.0.1:5432, postgres). Needs psql, pgbench and a built jar
# (./footage builds it). The database is dropped at the end unless --keep (1 M recordings take ~2.5 GB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
recordings=1000000; runs=30; db=footage_scale; keep=0; out="${TMPDIR:-/tmp}/catalog-scale"
while [ $# -gt 0 ]; do
  case "$1" in
    --recordings) recordings="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --out) out="$2"; shift 2 ;;
    *) echo "catalog-scale: unknown argument $1" >&2; exit 2 ;;
  esac
done
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
for tool in psql pgbench; do
  command -v "$tool" >/dev/null 2>&1 || { echo "catalog-scale: $tool is needed (apt-get install postgresql-client)" >&2; exit 2; }
done
migrations="$root/jobs/src/main/resources/db/migration"
new_index_files=("$migrations/common/V98__catalog_scale_indexes.sql" "$migrations/postgresql/V99__catalog_scale_postgres_indexes.sql")
mkdir -p "$out"
q() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

if [ "${CATALOG_SCALE_REUSE:-0}" != 1 ]; then
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  echo "catalog-scale: migrating $db with the application's Flyway..."
  home="$(mktemp -d)"
  FOOTAGE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" FOOTAGE_DB_USER="$PGUSER" \
    "$root/footage" --home "$home" devices list --spring.profiles.active=postgres >"$out/migrate.log" 2>&1 \
    || { echo "catalog-scale: migration failed, see $out/migrate.log" >&2; exit 1; }
  rm -rf "$home"
  echo "catalog-scale: generating $recordings recordings..."
  start=$(date +%s)
  q -v recordings="$recordings" -f "$root/bench/catalog-scale.sql" >/dev/null
  echo "catalog-scale: generated in $(( $(date +%s) - start )) s; $(q -Atc "SELECT pg_size_pretty(pg_database_size('$db'))")"
fi
q -Atc "SELECT 'rows: recordings ' || (SELECT count(*) FROM recordings) || ', dumps ' || (SELECT count(*) FROM dumps)
        || ', findings ' || (SELECT count(*) FROM findings) || ', ledger ' || (SELECT count(*) FROM ledger)
        || ', activities ' || (SELECT count(*) FROM activities)"

requests=(search-device-day search-officer-month search-unfiltered gap-report-device-day recording-page continuity-docking)
declare -A p50 p95

# one EXPLAIN (ANALYZE, BUFFERS) per statement of a request script, with fixed parameters
explain() {
  local phase="$1" name="$2"
  grep -v '^\\set' "$root/bench/catalog-scale/$phase/$name.sql" \
    | sed -E '/\\gset$/!s/^(SELECT|WITH)/EXPLAIN (ANALYZE, BUFFERS) \1/' \
    | q -v d=17 -v k=400 -v m=20 -v rec=5001 >"$out/$phase-$name.plan" 2>&1
}

measure() {
  local phase="$1" name log
  for name in "${requests[@]}"; do
    explain "$phase" "$name"
    rm -f "$out"/pgbench_log.*
    (cd "$out" && pgbench -n -c 1 -t "$runs" -l -f "$root/bench/catalog-scale/$phase/$name.sql" "$db" >/dev/null 2>"$out/pgbench.err") \
      || { cat "$out/pgbench.err" >&2; exit 1; }
    log=$(ls "$out"/pgbench_log.* | head -1)
    # third field: the script's latency in microseconds
    read -r a b < <(awk '{print $3}' "$log" | sort -n | awk '{v[NR]=$1} END {
        i50 = int((NR + 1) * 0.50); i95 = int(NR * 0.95 + 0.999); if (i95 > NR) i95 = NR;
        printf "%.1f %.1f\n", v[i50] / 1000, v[i95] / 1000 }')
    p50["$phase/$name"]=$a; p95["$phase/$name"]=$b
    printf 'catalog-scale: %-7s %-24s p50 %8s ms  p95 %8s ms  (%s runs)\n' "$phase" "$name" "$a" "$b" "$runs"
  done
}

# CATALOG_SCALE_PHASES=after (with CATALOG_SCALE_REUSE=1 and a kept database) times the after phase alone
phases="${CATALOG_SCALE_PHASES:-before after}"
if [[ " $phases " == *" before "* ]]; then
  echo "catalog-scale: before: the former SQL without the V98/V99 indexes ($(uptime | sed 's/.*load/load/'))"
  for f in "${new_index_files[@]}"; do
    for idx in $(grep -oiE '^CREATE INDEX [a-z_]+' "$f" | awk '{print $3}'); do q -c "DROP INDEX IF EXISTS $idx"; done
  done
  q -c "ANALYZE"
  measure before
fi
if [[ " $phases " == *" after "* ]]; then
  echo "catalog-scale: after: the SQL of this build with the V98/V99 indexes ($(uptime | sed 's/.*load/load/'))"
  for f in "${new_index_files[@]}"; do
    for idx in $(grep -oiE '^CREATE INDEX [a-z_]+' "$f" | awk '{print $3}'); do q -c "DROP INDEX IF EXISTS $idx"; done
    q -f "$f"
  done
  q -c "ANALYZE"
  measure after
fi

echo
printf '| request | before p50 | before p95 | after p50 | after p95 | p95 after/before |\n|---|---|---|---|---|---|\n'
for name in "${requests[@]}"; do
  [ -n "${p95[before/$name]:-}" ] && [ -n "${p95[after/$name]:-}" ] || continue
  awk -v n="$name" -v a="${p50[before/$name]}" -v b="${p95[before/$name]}" -v c="${p50[after/$name]}" -v d="${p95[after/$name]}" \
    'BEGIN { printf "| %s | %s ms | %s ms | %s ms | %s ms | %.3f |\n", n, a, b, c, d, d / b }'
done
echo "plans: $out/{before,after}-*.plan"
if [ "$keep" = 1 ]; then
  echo "catalog-scale: kept database $db (drop it with: psql -d postgres -c 'DROP DATABASE $db')"
else
  psql -X -q -d postgres -c "DROP DATABASE $db WITH (FORCE)"
  echo "catalog-scale: dropped database $db"
fi
