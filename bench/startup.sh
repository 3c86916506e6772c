#!/usr/bin/env bash
# Start-up of the commands (issue 17, point 2): median of N runs (default 5) per command on an existing home, the
# launcher's way (./footage: extracted image + class-data-sharing archive, C1 and the serial collector for the
# commands that only read and write the catalog) against the way before it (the extracted image with no usable
# archive and the full JIT), and against the JVM's own floor (`java -version`) measured in the same run.
#
#   bench/startup.sh [--runs N] [--home DIR] [--before APP]
#     DIR: an existing home to use (default: a demo home made once)
#     APP: an earlier build's image (a copy of its jobs/target/footage-app) as "before", run the launcher's way
#          (its archive, the same JIT choice); default: this build's image without its archive and with the full JIT
#
# Page cache warm on purpose: these are the commands staff run one after another on a home in use.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
home=""
before=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --home) home="$2"; shift ;;
    --before) before="$2"; shift ;;
    -h|--help) sed -n "2,9p" "$0"; exit 0 ;;
    *) echo "startup: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
cd "$root" || exit 1
./footage help >/dev/null || { echo "startup: ./footage does not run" >&2; exit 1; }
app="$root/jobs/target/footage-app"
[ -f "$app/footage.jsa" ] || { echo "startup: no class-data-sharing archive in $app (scripts/app-image.sh)" >&2; exit 1; }
if [ -z "$home" ]; then
  home="${TMPDIR:-/tmp}/footage-startup-home"
  if [ ! -d "$home/db" ]; then
    ./footage --home "$home" demo >/dev/null 2>&1 || { echo "startup: the demo home could not be made" >&2; exit 1; }
  fi
fi
mkdir -p "$home/drop"
sample="$(find "$root/sample-media" -name '*.mp4' | head -1)"

# wall seconds and CPU seconds (user+sys) of one run
times_file="$(mktemp)"
trap 'rm -f "$times_file"' EXIT
measure() {
  /usr/bin/time -o "$times_file" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk 'END {printf "%.2f %.2f\n", $1, $2 + $3}' "$times_file"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "startup: $runs runs per command, before: ${before:-this image without its archive, full JIT}, home $home, load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
floor_runs=()
for _ in $(seq "$runs"); do floor_runs+=("$(measure java -version | cut -d' ' -f1)"); done
floor=$(printf '%s\n' "${floor_runs[@]}" | median)
echo "JVM floor (java -version): median ${floor} s"
printf '%-26s %12s %12s %12s %12s %8s %8s\n' "command" "before wall" "before cpu" "after wall" "after cpu" "ratio" "/floor"
for cmd in "jobs list" "jobs show 1" "catalog list" "report gaps" "explain NO-SUCH --reason WEATHER --note n --by b" "ingest" "probe $sample"; do
  # shellcheck disable=SC2206
  words=($cmd)
  bw=(); bc=(); aw=(); ac=()
  for _ in $(seq "$runs"); do
    if [ -n "$before" ]; then
      case "${words[0]}" in
        ingest) jit="" ;;
        *) jit="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;;
      esac
      # shellcheck disable=SC2086
      read -r w c < <(measure java -XX:SharedArchiveFile="$before/footage.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off $jit \
        -jar "$before/footage.jar" --home "$home" "${words[@]}")
    else
      read -r w c < <(measure java -jar "$app/footage.jar" --home "$home" "${words[@]}")
    fi
    bw+=("$w"); bc+=("$c")
    read -r w c < <(measure ./footage --home "$home" "${words[@]}")
    aw+=("$w"); ac+=("$c")
  done
  b=$(printf '%s\n' "${bw[@]}" | median); a=$(printf '%s\n' "${aw[@]}" | median)
  printf '%-26s %12s %12s %12s %12s %8s %8s\n' "$( [ "${words[0]}" = probe ] && echo "probe FILE" || echo "${words[0]} ${words[1]:-}")" "$b" "$(printf '%s\n' "${bc[@]}" | median)" \
    "$a" "$(printf '%s\n' "${ac[@]}" | median)" "$(awk -v b="$b" -v a="$a" 'BEGIN {printf "%.2f", b / a}')" \
    "$(awk -v f="$floor" -v a="$a" 'BEGIN {printf "%.1f", a / f}')"
done
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
