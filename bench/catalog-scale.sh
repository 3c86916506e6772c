#!/usr/bin/env bash
# The catalog at a bureau's scale (issue 21, BENCHMARKS.md §12). Creates a PostgreSQL catalog database, migrates it
# with the application's own Flyway (postgres profile), fills it with bench/catalog-scale.sql (1,000,000 recordings
# over 300 devices and ~3 years by default), then times each console request's SQL twice in the same run:
#   before: the SQL as it was before issue 21, without the indexes of V98/V99 (dropped for the run);
#   after:  the SQL as the application now issues it, with those indexes (created again from the migration files).
# Each request is a pgbench script (bench/catalog-scale/{before,after}/NAME.sql) holding every statement the request
# runs, with a random device, day, officer month or recording each time; p50/p95 of -t runs on one connection.
# EXPLAIN (ANALYZE, BUFFERS) of every statement (fixed parameters) goes to the output folder. Then, with the
# application itself:
#   http:       serve on the database, a signed-in console user, each console request over HTTP (client and server time);
#   continuity: `footage continuity` after a docking's mark (its window) and after a whole-history mark, alternately.
# CATALOG_SCALE_PHASES picks phases (default "before after http continuity").
#
#   bench/catalog-scale.sh [--recordings N] [--runs N] [--warmup N] [--continuity-runs N] [--db NAME] [--keep] [--out DIR]
# PGHOST/PGPORT/PGUSER as for psql (default 127.0.0.1:5432, postgres). Needs psql, pgbench and a built jar
# (./footage builds it). The database is dropped at the end unless --keep (1 M recordings take ~2.5 GB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
recordings=1000000; runs=30; warmup=50; continuity_runs=5; db=footage_scale; keep=0; out="${TMPDIR:-/tmp}/catalog-scale"
while [ $# -gt 0 ]; do
  case "$1" in
    --recordings) recordings="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --continuity-runs) continuity_runs="$2"; shift 2 ;;
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

# CATALOG_SCALE_PHASES=after or http (with CATALOG_SCALE_REUSE=1 and a kept database) times the after phase alone
phases="${CATALOG_SCALE_PHASES:-before after http continuity}"
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

# HTTP: the application itself (serve, postgres profile) on this database, a signed-in console user, each request
# timed by the client (wall, curl's time_total) and by the server (Tomcat's access log %D: from the request's first
# byte read to the response's last byte written, in microseconds; the security filters, the controller, its SQL and
# the page's rendering), and the server process's CPU time over the timed requests divided by their number (every
# thread: it does not wait for the CPU as the times do on a loaded machine). One connection, one request at a time,
# after a warm-up of each kind.
http_requests=(search-device-day search-officer-month search-unfiltered timeline-device-day gap-report-device-day recording-page)
declare -A http_p50 http_p95 srv_p50 srv_p95
http_url() {
  local name="$1" n d k m day month rec
  n=$(( RANDOM % 300 + 1 )); d=$(printf 'BWC-%04d' "$n")
  k=$(( (RANDOM * 32768 + RANDOM) % days ))
  day=$(date -u -d "2023-01-01 + $k days" +%F)
  m=$(( RANDOM % (days / 31) ))
  month=$(date -u -d "2023-01-01 + $m months" +%F)
  rec=$(( (RANDOM * 32768 + RANDOM) % recordings + 1 ))
  case "$name" in
    search-device-day) echo "/evidence?device=$d&from=$day&to=$day" ;;
    search-officer-month) echo "/evidence?officer=$(printf 'P%05d' "$n")&from=$month&to=$(date -u -d "$month + 1 month - 1 day" +%F)" ;;
    search-unfiltered) echo "/evidence" ;;
    timeline-device-day) echo "/evidence/timeline?device=$d&from=$day&to=$day" ;;
    gap-report-device-day) echo "/evidence/timeline/report.json?device=$d&from=$day&to=$day" ;;
    recording-page) echo "/evidence/recordings/$rec" ;;
  esac
}
# p50 and p95 (nearest rank) of the numbers on stdin, divided by $1
percentiles() {
  sort -n | awk -v div="$1" '{v[NR]=$1} END {
      i50 = int((NR + 1) * 0.50); i95 = int(NR * 0.95 + 0.999); if (i95 > NR) i95 = NR;
      printf "%.1f %.1f\n", v[i50] / div, v[i95] / div }'
}
# CPU time (user + system, every thread: request threads, GC, JIT) a process has used, in ms
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}
http_phase() {
  local home port log base jar pid name i url code cpu0 cpu
  days=$(( recordings / 900 )); [ "$days" -gt 0 ] || days=1
  # a VIEWER for the bench (password hash made once with pgcrypto's crypt(..., gen_salt('bf', 10)))
  q -c "INSERT INTO console_users (username, password_hash, enabled, created_at, created_by, password_changed_at)
        VALUES ('bench-viewer', '\$2a\$10\$d8KeqdqaUEow7ktk0zdeiuHpk6fGsewqypJKP.oOAnntBJ3dsg23e', TRUE, now(), 'catalog-scale', now())
        ON CONFLICT (username) DO NOTHING" \
    -c "INSERT INTO console_user_roles (username, role) VALUES ('bench-viewer', 'VIEWER') ON CONFLICT DO NOTHING"
  home="$(mktemp -d)"; log="$out/serve.log"; rm -f "$out"/access*.log
  echo "catalog-scale: http: starting serve on $db ($(uptime | sed 's/.*load/load/'))"
  FOOTAGE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" FOOTAGE_DB_USER="$PGUSER" \
    "$root/footage" --home "$home" serve --spring.profiles.active=postgres --server.port=0 \
      --footage.schedule.ingest.enabled=false --footage.schedule.report.enabled=false \
      --footage.schedule.fixity.enabled=false --footage.schedule.sweep.enabled=false \
      --footage.schedule.transcode.enabled=false --footage.schedule.supervision.enabled=false \
      --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$out" \
      --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
      --server.tomcat.accesslog.rotate=false --server.tomcat.accesslog.buffered=false \
      --server.tomcat.accesslog.pattern='%s %D %r' >"$log" 2>&1 &
  pid=$!
  for i in $(seq 1 240); do
    port=$(sed -nE 's/.*serve: running \(port ([0-9]+)\).*/\1/p' "$log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "catalog-scale: serve ended, see $log" >&2; exit 1; }
    sleep 1
  done
  [ -n "$port" ] || { kill "$pid"; echo "catalog-scale: serve did not start in 240 s, see $log" >&2; exit 1; }
  base="http://127.0.0.1:$port"; jar="$out/cookies"; rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
  code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=bench-viewer" \
           --data-urlencode "password=catalog-scale bench viewer 21" --data-urlencode "_csrf=$token" "$base/login")
  case "$code" in *error*|*login*) kill "$pid"; echo "catalog-scale: bench-viewer could not sign in ($code)" >&2; exit 1 ;; esac
  RANDOM=21
  # the warm-up goes round every kind: the code they share (security, session, templates) is compiled before the first
  # kind is timed, not while it is
  for i in $(seq 1 "$warmup"); do
    for name in "${http_requests[@]}"; do curl -s -o /dev/null -b "$jar" "$base$(http_url "$name")"; done
  done
  [ -z "${CATALOG_SCALE_PAUSE:-}" ] || { echo "catalog-scale: warmed up, serve pid $pid; waiting for $CATALOG_SCALE_PAUSE"; \
    while [ ! -e "$CATALOG_SCALE_PAUSE" ]; do sleep 1; done; }
  for name in "${http_requests[@]}"; do
    : >"$out/http-$name.wall"
    cpu0=$(cpu_ms "$pid")
    for i in $(seq 1 "$runs"); do
      # tagged, so its access log line is found (a parameter no controller reads)
      url=$(http_url "$name"); [[ "$url" == *\?* ]] && url="$url&bench=$name-$i" || url="$url?bench=$name-$i"
      code=$(curl -s -o "$out/http-$name.body" -w '%{http_code} %{time_total}' -b "$jar" "$base$url")
      [ "${code%% *}" = 200 ] || { kill "$pid"; echo "catalog-scale: $url answered ${code%% *}" >&2; exit 1; }
      echo "${code#* }" >>"$out/http-$name.wall"
    done
    read -r a b < <(percentiles 0.001 <"$out/http-$name.wall")
    cpu=$(( ($(cpu_ms "$pid") - cpu0) / runs ))
    sleep 1  # Tomcat writes a line once the response is done: after the client has it
    [ "$(grep -c "bench=$name-" "$out/access.log")" = "$runs" ] || { kill "$pid"; echo "catalog-scale: access log lines missing" >&2; exit 1; }
    read -r c e < <(grep "bench=$name-" "$out/access.log" | awk '{print $2}' | percentiles 1000)
    http_p50[$name]=$a; http_p95[$name]=$b; srv_p50[$name]=$c; srv_p95[$name]=$e
    printf 'catalog-scale: http    %-24s wall p50 %7s ms  p95 %7s ms   server p50 %7s ms  p95 %7s ms   server CPU %4s ms/request  (%s runs)\n' \
      "$name" "$a" "$b" "$c" "$e" "$cpu" "$runs"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$home"
}
if [[ " $phases " == *" http "* ]]; then
  http_phase
fi

# A docking's continuity analysis: `footage continuity` (the marked devices, as ingest's continuity step) after a mark
# naming the newest dump of a device (a docking: the analysis reads that dump's window), and after a mark naming no dump
# (the device's whole history: what every docking cost before), alternately; the time is the service's own log line
# (from reading the marks to the last finding stored, in one transaction), so JVM start-up is not in it.
continuity_phase() {
  local home device dump kind i ms
  home="$(mktemp -d)"; device=BWC-0017
  dump=$(q -Atc "SELECT MAX(id) FROM dumps WHERE device_id = '$device'")
  echo "catalog-scale: continuity: $device, dump $dump, $continuity_runs runs each after one of each ($(uptime | sed 's/.*load/load/'))"
  : >"$out/continuity-docking.ms"; : >"$out/continuity-whole.ms"
  for i in $(seq 0 "$continuity_runs"); do
    for kind in docking whole; do
      if [ "$kind" = docking ]; then
        q -c "INSERT INTO continuity_marks (device_id, reason, marked_at, dump_id) VALUES ('$device', 'bench', now(), $dump)"
      else
        q -c "INSERT INTO continuity_marks (device_id, reason, marked_at) VALUES ('$device', 'bench', now())"
      fi
      FOOTAGE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" FOOTAGE_DB_USER="$PGUSER" \
        "$root/footage" --home "$home" continuity --spring.profiles.active=postgres >"$out/continuity-$kind.log" 2>&1 \
        || { cat "$out/continuity-$kind.log" >&2; exit 1; }
      ms=$(sed -nE 's/.*marked devices analysed in ([0-9]+) ms.*/\1/p' "$out/continuity-$kind.log" | tail -1)
      [ -n "$ms" ] || { echo "catalog-scale: no analysis time in $out/continuity-$kind.log" >&2; exit 1; }
      # the first of each raises what the generated findings lack: not timed
      [ "$i" = 0 ] || echo "$ms" >>"$out/continuity-$kind.ms"
    done
  done
  for kind in docking whole; do
    read -r a b < <(percentiles 1 <"$out/continuity-$kind.ms")
    printf 'catalog-scale: continuity %-8s p50 %8s ms  p95 %8s ms  (%s runs: %s)\n' "$kind" "$a" "$b" "$continuity_runs" \
      "$(tr '\n' ' ' <"$out/continuity-$kind.ms")"
  done
  rm -rf "$home"
}
if [[ " $phases " == *" continuity "* ]]; then
  continuity_phase
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
