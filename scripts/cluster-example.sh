#!/usr/bin/env bash
# A Footage Pipeline cluster on one machine: one manager and two workers (footage serve --role manager|worker) sharing
# the local PostgreSQL (job repository + catalog), the local RabbitMQ (partition requests) and one home folder (the
# storage every node would mount: drop/, archive/, quarantine/, proxies/). See README "Scaling out".
#
#   scripts/cluster-example.sh up       create the database if missing, start the three nodes, wait until they run
#   scripts/cluster-example.sh demo     up, then drop copies of sample-media/ and wait until the manager's scheduled
#                                       ingest has taken them in; prints which worker ran which partition
#   scripts/cluster-example.sh transcode  a transcode (footage transcode as a manager) partitioned over the running
#                                       workers; prints which worker ran which partition
#   scripts/cluster-example.sh fixity   the same for a fixity audit of every archive object
#   scripts/cluster-example.sh status   the nodes, and the partitions of the latest ingest, transcode and fixity audit
#   scripts/cluster-example.sh down     stop the three nodes (SIGTERM: running partitions stop at a chunk boundary)
#
# Environment (defaults in brackets):
#   FOOTAGE_CLUSTER_HOME   shared home folder [var/cluster]
#   FOOTAGE_DB_URL         [jdbc:postgresql://127.0.0.1:5432/footage_cluster]; FOOTAGE_DB_USER [postgres], FOOTAGE_DB_PASSWORD
#   SPRING_RABBITMQ_HOST / _PORT / _USERNAME / _PASSWORD   the broker [127.0.0.1 5672 guest guest]
#   FOOTAGE_CLUSTER_QUEUE  the partition queue [footage.partitions.example]
#   FOOTAGE_CLUSTER_PORTS  HTTP ports of manager, worker 1, worker 2 ["8080 8081 8082"]
#   FOOTAGE_CLUSTER_COPIES copies of the sample dumps that demo drops [8]
#   FOOTAGE_JAVA_OPTS      JVM options of every node [-Xmx256m]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${FOOTAGE_CLUSTER_HOME:-$root/var/cluster}"
run="$home/.cluster"
export FOOTAGE_DB_URL="${FOOTAGE_DB_URL:-jdbc:postgresql://127.0.0.1:5432/footage_cluster}"
export FOOTAGE_DB_USER="${FOOTAGE_DB_USER:-postgres}"
export FOOTAGE_JAVA_OPTS="${FOOTAGE_JAVA_OPTS:--Xmx256m}"
queue="${FOOTAGE_CLUSTER_QUEUE:-footage.partitions.example}"
read -r -a ports <<< "${FOOTAGE_CLUSTER_PORTS:-8080 8081 8082}"
copies="${FOOTAGE_CLUSTER_COPIES:-8}"
nodes=(manager worker1 worker2)

# every node: the same database, broker queue and home; a heartbeat every 2 s so a dead worker is noticed quickly
common=(--home "$home" --spring.profiles.active=postgres "--footage.partition.queue=$queue"
        --footage.operations.heartbeat=2s --footage.operations.lease=10s)

pid_of() { cat "$run/$1.pid" 2>/dev/null || true; }
alive() { local p; p="$(pid_of "$1")"; [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# jdbc:postgresql://HOST[:PORT]/DB[?...] -> db_host, db_port, db_name
url="${FOOTAGE_DB_URL#jdbc:postgresql://}"
db_name="${url#*/}"; db_name="${db_name%%\?*}"
db_host="${url%%/*}"; db_port=5432
case "$db_host" in *:*) db_port="${db_host##*:}"; db_host="${db_host%%:*}" ;; esac

psql_cluster() {
  PGPASSWORD="${FOOTAGE_DB_PASSWORD:-}" psql -h "$db_host" -p "$db_port" -U "$FOOTAGE_DB_USER" -d "$db_name" "$@"
}

start_node() {
  local name="$1" port="$2"; shift 2
  if alive "$name"; then
    echo "cluster: $name already runs (pid $(pid_of "$name"))"
    return
  fi
  : > "$run/$name.log"
  nohup "$root/footage" "${common[@]}" "--server.port=$port" "$@" >> "$run/$name.log" 2>&1 < /dev/null &
  echo $! > "$run/$name.pid"
  echo "cluster: $name starting (pid $!, port $port, log $run/$name.log)"
}

await_running() {
  local name="$1" waited=0
  until grep -q "serve: running" "$run/$name.log" 2>/dev/null; do
    if ! alive "$name"; then
      echo "cluster: $name stopped while starting; the end of its log:" >&2
      tail -n 20 "$run/$name.log" >&2
      exit 1
    fi
    sleep 1; waited=$((waited + 1))
    [ "$waited" -lt 300 ] || { echo "cluster: $name did not start within 5 minutes" >&2; exit 1; }
  done
  echo "cluster: $(grep -m1 "serve: running" "$run/$name.log" | sed 's/; stop with.*//') [$name]"
}

up() {
  command -v psql >/dev/null 2>&1 || { echo "cluster: psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
  mkdir -p "$run" "$home/drop"
  PGHOST="$db_host" PGPORT="$db_port" PGPASSWORD="${FOOTAGE_DB_PASSWORD:-}" "$root/scripts/create-postgres-db.sh" "$db_name"
  # build the jar once, before three launchers race to do it
  "$root/footage" help > /dev/null
  # the first node to start migrates the database; the others wait for it rather than race Flyway
  start_node worker1 "${ports[1]}" serve --role worker
  await_running worker1
  start_node worker2 "${ports[2]}" serve --role worker
  # the manager runs the schedules: an ingest every 20 s here (default every 5 min), quiet period off for the demo
  start_node manager "${ports[0]}" serve --role manager "--footage.schedule.ingest.cron=0/20 * * * * ?" \
    --footage.ingest.quiet-period=0s --footage.partition.grid-size=6
  await_running worker2
  await_running manager
}

# the partitions of the latest run of one worker step (default: the ingest's)
partitions() {
  local step="${1:-ingestFilesWorkerStep}"
  psql_cluster -c "SELECT s.JOB_EXECUTION_ID AS execution, s.STEP_NAME AS partition, s.STATUS AS status,
      s.WRITE_COUNT AS items, c.node_id AS worker
    FROM BATCH_STEP_EXECUTION s LEFT JOIN partition_claims c ON c.step_execution_id = s.STEP_EXECUTION_ID
    WHERE s.STEP_NAME LIKE '$step:%'
      AND s.JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '$step:%')
    ORDER BY s.STEP_EXECUTION_ID"
}

# a one-shot command as a manager (the nodes must be up): the job's main step goes to the workers
as_manager() {
  local step="$1"; shift
  for n in worker1 worker2; do alive "$n" || { echo "cluster: $n is not running; start the nodes with: $0 up" >&2; exit 1; }; done
  "$root/footage" "${common[@]}" --footage.role=manager --footage.partition.grid-size=6 "$@"
  echo "cluster: who ran which partition:"
  partitions "$step"
}

demo() {
  up
  local stamp; stamp="$(date +%H%M%S)"
  for i in $(seq 1 "$copies"); do
    for dump in "$root"/sample-media/*/; do
      # written aside, then renamed into drop/ whole, as a docking station's copy would appear
      local name; name="$(basename "$dump")_c${stamp}_$i"
      cp -r "$dump" "$home/drop/.incoming-$name"
      mv "$home/drop/.incoming-$name" "$home/drop/$name"
    done
  done
  echo "cluster: dropped $copies copies of the sample dumps; waiting for the manager's next scheduled ingest..."
  local waited=0
  while find "$home/drop" -mindepth 1 -maxdepth 1 -type d -name "*_c${stamp}_*" | grep -q .; do
    sleep 2; waited=$((waited + 2))
    [ "$waited" -lt 600 ] || { echo "cluster: the dumps are still in drop/ after 10 minutes; see $run/manager.log" >&2; exit 1; }
  done
  echo "cluster: every dump taken in and moved to drop/.done/; who ran which partition:"
  partitions
  echo "cluster: still running; stop with: $0 down"
}

status() {
  for n in "${nodes[@]}"; do
    if alive "$n"; then echo "cluster: $n runs (pid $(pid_of "$n"))"; else echo "cluster: $n is not running"; fi
  done
  for step in ingestFilesWorkerStep transcodeRemoteWorkerStep fixityAuditWorkerStep; do partitions "$step"; done
}

down() {
  for n in manager worker1 worker2; do
    if alive "$n"; then
      kill -TERM "$(pid_of "$n")"
      echo "cluster: $n stopping (pid $(pid_of "$n"))"
    fi
  done
  for n in "${nodes[@]}"; do
    local waited=0
    while alive "$n" && [ "$waited" -lt 90 ]; do sleep 1; waited=$((waited + 1)); done
    if alive "$n"; then echo "cluster: $n did not stop within 90 s" >&2; else rm -f "$run/$n.pid"; fi
  done
}

case "${1:-}" in
  up) up ;;
  demo) demo ;;
  transcode) as_manager transcodeRemoteWorkerStep transcode ;;
  fixity) as_manager fixityAuditWorkerStep fixity ;;
  status) status ;;
  down) down ;;
  *) sed -n '2,23p' "$0"; exit 2 ;;
esac
