#!/usr/bin/env bash
# Start-up of the commands (issue 17, point 2): median of N runs (default 5, after one warm-up run) per command on an
# existing home, and of an ingest of sample-media/ on a fresh copy of a current home (with the job's own time), the
# launcher's way (./footage: extracted image + class-data-sharing archive, C1 and the serial collector for the
# commands that only read and write the catalog) against the way before it (the extracted image with no usable
# archive and the full JIT), and against the JVM's own floor (`java -version`) measured in the same run.
#
#   bench/startup.sh [--runs N] [--home DIR] [--before APP] [--read-only]
#     DIR: an existing home to use (default: a demo home made once)
#     APP: an earlier build's image as "before", made where it stays (scripts/app-image.sh OLD/footage.jar APP: the
#          archive is bound to the image's path, so a copied footage-app runs without it), run the launcher's way
#          (its archive, the same JIT choice); default: this build's image without its archive and with the full JIT
#     --read-only: only the four commands of the 1.5 s target (jobs list, jobs show 1, catalog list, report gaps)
#
# Page cache warm on purpose: these are the commands staff run one after another on a home in use.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
home=""
before=""
read_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --home) home="$2"; shift ;;
    --before) before="$2"; shift ;;
    --read-only) read_only=1 ;;
    -h|--help) sed -n "2,13p" "$0"; exit 0 ;;
    *) echo "startup: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
cd "$root" || exit 1
# as ./footage runs every command, "before" too: file names and manifests carry Chinese names
export LANG="${LANG:-C.UTF-8}"; [ "$LANG" = "C" ] && export LANG=C.UTF-8
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
commands=("jobs list" "jobs show 1" "catalog list" "report gaps")
# the commands that change the catalog are measured on what they refuse (no such finding or recording): the start-up
# is all the same, and the home stays as it was for the next run
[ "$read_only" = 1 ] || commands+=("explain NO-SUCH --reason WEATHER --note n --by b" "hold set --recording 999999 --reason r --by b"
  "devices list" "verify" "ingest" "probe $sample")
for cmd in "${commands[@]}"; do
  # shellcheck disable=SC2206
  words=($cmd)
  bw=(); bc=(); aw=(); ac=()
  # one warm-up run of each side first (another session may have dropped the page cache), not counted
  for warm in 0 $(seq "$runs"); do
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
    [ "$warm" != 0 ] && { bw+=("$w"); bc+=("$c"); }
    read -r w c < <(measure ./footage --home "$home" "${words[@]}")
    [ "$warm" != 0 ] && { aw+=("$w"); ac+=("$c"); }
  done
  b=$(printf '%s\n' "${bw[@]}" | median); a=$(printf '%s\n' "${aw[@]}" | median)
  printf '%-26s %12s %12s %12s %12s %8s %8s\n' "$( [ "${words[0]}" = probe ] && echo "probe FILE" || echo "${words[0]} ${words[1]:-}")" "$b" "$(printf '%s\n' "${bc[@]}" | median)" \
    "$a" "$(printf '%s\n' "${ac[@]}" | median)" "$(awk -v b="$b" -v a="$a" 'BEGIN {printf "%.2f", b / a}')" \
    "$(awk -v f="$floor" -v a="$a" 'BEGIN {printf "%.1f", a / f}')"
done

if [ "$read_only" = 1 ]; then
  echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

# ingest of the sample media (3 dumps, 12 files): each run on a fresh copy of a home whose catalog is current, the
# dumps copied into its drop folder outside the timing; "job" is the job's own time from the summary, so wall minus
# job is what starting and ending the command adds to it
# one base per build: a base an older build made lacks this build's migrations, and its ingest would start the whole
# application to migrate the copy (2 s more), which is not what a station's current home costs
base="${TMPDIR:-/tmp}/footage-startup-base-$(stat -c %Y "$app/footage.jar")"
if [ ! -d "$base/db" ]; then
  rm -rf "${TMPDIR:-/tmp}"/footage-startup-base*
  mkdir -p "$base/drop"
  ./footage --home "$base" ingest >/dev/null 2>&1 || { echo "startup: the base home could not be made" >&2; exit 1; }
fi
out_file="$(mktemp)"
trap 'rm -f "$times_file" "$out_file"; rm -rf "$base.run"' EXIT
ingest_samples() {
  rm -rf "$base.run" && cp -a "$base" "$base.run" && cp -r "$root"/sample-media/*/ "$base.run/drop/"
  /usr/bin/time -o "$times_file" -f "%e %U %S" "$@" --home "$base.run" --footage.ingest.quiet-period=0s ingest >"$out_file" 2>/dev/null
  job=$(sed -n 's/^ingest: COMPLETED in \([0-9.]*\) s.*/\1/p' "$out_file")
  awk -v job="${job:-NaN}" 'END {printf "%.2f %.2f %.2f\n", $1, $2 + $3, job}' "$times_file"
}
bw=(); bc=(); bj=(); aw=(); ac=(); aj=()
for warm in 0 $(seq "$runs"); do
  if [ -n "$before" ]; then
    read -r w c j < <(ingest_samples java -XX:SharedArchiveFile="$before/footage.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$before/footage.jar")
  else
    read -r w c j < <(ingest_samples java -jar "$app/footage.jar")
  fi
  [ "$warm" != 0 ] && { bw+=("$w"); bc+=("$c"); bj+=("$j"); }
  read -r w c j < <(ingest_samples ./footage)
  [ "$warm" != 0 ] && { aw+=("$w"); ac+=("$c"); aj+=("$j"); }
done
b=$(printf '%s\n' "${bw[@]}" | median); a=$(printf '%s\n' "${aw[@]}" | median)
bjm=$(printf '%s\n' "${bj[@]}" | median); ajm=$(printf '%s\n' "${aj[@]}" | median)
printf '%-26s %12s %12s %12s %12s %8s %8s\n' "ingest samples" "$b" "$(printf '%s\n' "${bc[@]}" | median)" \
  "$a" "$(printf '%s\n' "${ac[@]}" | median)" "$(awk -v b="$b" -v a="$a" 'BEGIN {printf "%.2f", b / a}')" \
  "$(awk -v f="$floor" -v a="$a" 'BEGIN {printf "%.1f", a / f}')"
echo "ingest samples, the job alone (median): before ${bjm} s, after ${ajm} s; added by the command: before $(awk -v w="$b" -v j="$bjm" 'BEGIN {printf "%.2f", w - j}') s, after $(awk -v w="$a" -v j="$ajm" 'BEGIN {printf "%.2f", w - j}') s"
echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
