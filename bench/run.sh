#!/usr/bin/env bash
# Footage Pipeline benchmarks (issue 2). Builds what it needs, generates the inputs, runs every benchmark
# against its baseline in the same run and prints a summary table. See bench/README.md and BENCHMARKS.md.
#
#   bench/run.sh            full sizes: 20 x ~100 MiB dump, 1 GiB hash, 1,000 probes, 4 GiB recording
#   bench/run.sh --quick    small sizes, a smoke run of a minute or two
#   options: --keep (keep the generated data and logs), --work-root DIR (default /tmp), --skip-build,
#            --rounds N (baseline/ingest alternations for the ingest-speed benchmark, default 2)
#            --cold (also measure the ingest with the page cache emptied before every run, 3 alternating rounds,
#            printed beside the warm figures; needs root to write /proc/sys/vm/drop_caches, says so otherwise)
#   env:     FOOTAGE_JAVA_OPTS   JVM options for the ingest runs, as for ./footage
#
# Exit code: 0 when every benchmark ran (whether or not it met its target), 1 when one failed to run.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

quick=0
keep=0
build=1
rounds_override=""
cold=0
work_root="${BENCH_WORK_ROOT:-/tmp}"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --keep) keep=1 ;;
    --skip-build) build=0 ;;
    --work-root) work_root="$2"; shift ;;
    --rounds) rounds_override="$2"; shift ;;
    --cold) cold=1 ;;
    -h|--help) sed -n "2,13p" "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$quick" = 1 ]; then
  mode="quick"
  dump_files=4;  dump_seconds=2     # 4 x ~11 MiB
  ingest_rounds=2
  sha_mib=128;   sha_rounds=3
  clips=200;     clips_warmup=20; clips_distinct=20
  big_seconds=2; big_mib=256        # one ~256 MiB MPEG-TS
  need_gib=3
else
  mode="full"
  dump_files=20; dump_seconds=21    # 20 x ~102 MiB = ~2 GiB
  ingest_rounds=2
  sha_mib=1024;  sha_rounds=5
  clips=1000;    clips_warmup=100; clips_distinct=20
  big_seconds=21; big_mib=4096      # one >= 4 GiB MPEG-TS
  need_gib=16
fi

[ -n "$rounds_override" ] && ingest_rounds="$rounds_override"

for tool in java mvn openssl sync cp; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is not on the PATH" >&2; exit 2; }
done
if [ ! -x /usr/bin/time ]; then
  # peak RSS of the ingest comes from GNU time
  "$root/scripts/ensure-os-packages.sh" time || exit 2
fi
# libavdevice, loaded with FFmpeg, links against PulseAudio's client library (as ./footage ensures)
"$root/scripts/ensure-os-packages.sh" libpulse0 || exit 2

mkdir -p "$work_root"
free_gib=$(df -Pk "$work_root" | awk 'NR==2 {print int($4 / 1048576)}')
if [ "$free_gib" -lt "$need_gib" ]; then
  echo "bench: $work_root has $free_gib GiB free, the $mode run needs about $need_gib GiB" >&2
  exit 2
fi
work="$(mktemp -d "$work_root/footage-bench.XXXXXX")"
log="$work/console.log"
last_log="${BENCH_LOG:-/tmp/footage-bench-last.log}"
cleanup() {
  cp -f "$log" "$last_log" 2>/dev/null || true
  if [ "$keep" = 1 ]; then
    echo "bench: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "$@" | tee -a "$log"; }

say "== Footage Pipeline benchmarks ($mode) $(date -Iseconds)"
say "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, \
$work_root on $(df -PhT "$work_root" | awk 'NR==2 {print $1" ("$2", "$3" size, "$5" free)"}')"
say "java: $(java -version 2>&1 | head -1); openssl: $(openssl version)"
say "commit: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$root" && [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (with uncommitted changes)')"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
if awk -v n="$(nproc)" '{exit !($1 > n / 2)}' /proc/loadavg; then
  say "bench: WARNING: the machine is busy (1-minute load above half the cores); the timings will be noisy"
fi
say "work folder: $work (deleted at the end unless --keep)"

if [ "$build" = 1 ]; then
  say "-- building (mvn -q -B -DskipTests install)"
  if ! (cd "$root" && mvn -q -B -DskipTests install >"$work/build.log" 2>&1); then
    tail -30 "$work/build.log" | tee -a "$log"
    say "bench: the build failed (log above)"
    exit 1
  fi
fi
if ! (cd "$root" && mvn -q -B dependency:build-classpath -pl pipeline -Dmdep.includeScope=test \
        -Dmdep.outputFile="$work/pipeline.cp" >"$work/cp.log" 2>&1); then
  tail -20 "$work/cp.log" | tee -a "$log"
  say "bench: could not resolve the pipeline test classpath"
  exit 1
fi
# Run from a snapshot of the build: a rebuild of jobs/target/footage.jar while a JVM runs from it kills that JVM.
app="$work/app"
mkdir -p "$app"
for f in jobs/target/footage.jar pipeline/target/classes pipeline/target/test-classes jobs/target/test-classes; do
  if [ ! -e "$root/$f" ]; then
    say "bench: $f is missing (build with mvn -q -B -DskipTests install, or drop --skip-build)"
    exit 1
  fi
  mkdir -p "$app/$(dirname "$f")"
  cp -r "$root/$f" "$app/$f"
done
jar="$app/jobs/target/footage.jar"
# the ingest runs are what ./footage runs: the extracted image with its class-data-sharing archive and the JVM options
# ./footage gives an ingest (scripts/java-options.sh)
image=()
if "$root/scripts/app-image.sh" "$jar" "$app/image" && [ -f "$app/image/footage.jar" ]; then
  jar="$app/image/footage.jar"
  image=("$app/image")
fi
java_opts="$("$root/scripts/java-options.sh" ingest "${image[@]}" | tr '\n' ' ')${FOOTAGE_JAVA_OPTS:-}"
# serve's, for the ingest the command line hands to a running serve (1h)
serve_opts="$("$root/scripts/java-options.sh" serve "${image[@]}" | tr '\n' ' ')${FOOTAGE_JAVA_OPTS:-}"
pipeline_cp="$app/pipeline/target/test-classes:$app/pipeline/target/classes:$(cat "$work/pipeline.cp")"
jobs_cp="$app/jobs/target/test-classes"

failed=()
# step NAME COMMAND...: runs one step, its output into the console log; a failure is recorded, not fatal
step() {
  local name="$1"; shift
  say "-- $name"
  "$@" 2>&1 | tee -a "$log"
  local rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ]; then
    failed+=("$name (exit $rc)")
    say "bench: step '$name' failed with exit code $rc"
  fi
  return "$rc"
}
in_pipeline() { java -cp "$pipeline_cp" "$@"; }
in_jobs() { java -cp "$jobs_cp" "$@"; }

data="$work/data"
mkdir -p "$data"
dump="$data/ST01_DSJ0000001_20190217180512"
big="$data/ST01_DSJ0000002_20190218120000"

# 1. ingest speed: generate the dump, then alternate baseline and ingest
if step "generate $dump_files recordings of ${dump_seconds}s" \
     in_pipeline footage.pipeline.bench.BenchData dump "$data" "$dump_files" "$dump_seconds"; then
  step "1. ingest speed" in_jobs footage.jobs.bench.IngestSpeedBenchmark --jar "$jar" --dump "$dump" \
    --work "$work/runs" --rounds "$ingest_rounds" --java-opts "$java_opts"
  if [ -f "$app/image/footage.jar" ]; then
    step "1w. ingest job in a running application (warm JVM, as serve runs it)" \
      java -cp "$app/image/footage.jar:$app/image/lib/*:$jobs_cp" footage.jobs.bench.WarmIngestBenchmark \
      --dump "$dump" --work "$work/warm" --rounds "$ingest_rounds"
  fi
  step "1h. ingest from the command line while serve runs (handed to it)" in_jobs footage.jobs.bench.HandedIngestBenchmark \
    --jar "$jar" --dump "$dump" --work "$work/handed" --rounds "$ingest_rounds" --java-opts "$java_opts" \
    --serve-java-opts "$serve_opts"
  if [ "$cold" = 1 ]; then
    if [ -w /proc/sys/vm/drop_caches ]; then
      # median of 3 alternating rounds; the dump and the JVM's jar are read from the disk in every run
      step "1c. ingest speed, cold cache" in_jobs footage.jobs.bench.IngestSpeedBenchmark --jar "$jar" --dump "$dump" \
        --work "$work/cold" --rounds "${rounds_override:-3}" --java-opts "$java_opts" --cold
      if [ -f "$app/image/footage.jar" ]; then
        step "1wc. ingest job in a running application, cold cache" \
          java -cp "$app/image/footage.jar:$app/image/lib/*:$jobs_cp" footage.jobs.bench.WarmIngestBenchmark \
          --dump "$dump" --work "$work/warm-cold" --rounds "${rounds_override:-3}" --cold
      fi
      step "1hc. ingest from the command line while serve runs, cold cache" in_jobs footage.jobs.bench.HandedIngestBenchmark \
        --jar "$jar" --dump "$dump" --work "$work/handed-cold" --rounds "${rounds_override:-3}" --java-opts "$java_opts" \
        --serve-java-opts "$serve_opts" --cold
    else
      say "cold cache: /proc/sys/vm/drop_caches is not writable (not root): the cold figures were not taken"
      echo "RESULT|1c. Ingest, cold cache|not measured: not root|—|—|—|not run" >>"$log"
    fi
  fi
  step "1b. where the ingest time goes (no target)" \
    in_pipeline footage.pipeline.bench.IngestBreakdownBenchmark "$dump" "$work/breakdown"
  rm -rf "$work/breakdown"
  # 2. SHA-256 throughput on a file made of the dump's recordings
  if step "make a $sha_mib MiB file for hashing" \
       in_pipeline footage.pipeline.bench.BenchData blob "$data/hash.bin" "$sha_mib" "$dump"; then
    rm -rf "$dump"
    step "2. SHA-256 throughput" in_pipeline footage.pipeline.bench.Sha256Benchmark "$data/hash.bin" "$sha_rounds"
    rm -f "$data/hash.bin"
  fi
  rm -rf "$dump"
fi

# 3a. memory while probing many small files
if step "generate $clips small clips" \
     in_pipeline footage.pipeline.bench.BenchData clips "$data/clips" "$clips" "$clips_distinct"; then
  step "3a. probe memory" in_pipeline footage.pipeline.bench.ProbeMemoryBenchmark "$data/clips" "$clips_warmup" "$clips" 64
  rm -rf "$data/clips"
fi

# 3b. one very large recording with a small heap
if step "generate one recording of >= $big_mib MiB" \
     in_pipeline footage.pipeline.bench.BenchData big "$data" "$big_seconds" "$big_mib"; then
  step "3b. large-file ingest" in_jobs footage.jobs.bench.LargeFileIngestBenchmark --jar "$jar" --dump "$big" \
    --work "$work/runs" --xmx 256m --java-opts "$java_opts"
  rm -rf "$big"
fi

# 5. continuity (issue 3): packet scan of a ~1 GB MP4 (index) and its MPEG-TS copy (packets) vs ffprobe
#    -show_entries packet=pts,dts; timeline analysis of 1,000,000 segments over 1,000 devices
if step "generate one ~1 GB recording for the packet scan" \
     in_pipeline footage.pipeline.bench.BenchData dump "$data/scan" 1 "$([ "$quick" = 1 ] && echo 21 || echo 210)"; then
  scan_mp4="$(find "$data/scan" -name 'DSJ*.mp4' | head -1)"
  step "5a. packet scan MP4" in_pipeline footage.pipeline.bench.PacketScanBenchmark "$scan_mp4" 3
  if LD_LIBRARY_PATH="$(dirname "$(find "$HOME/.javacpp/cache" -name ffmpeg -type f | head -1)")" \
       "$(find "$HOME/.javacpp/cache" -name ffmpeg -type f | head -1)" -v error -y -i "$scan_mp4" -c copy -f mpegts "$data/scan/big.ts"; then
    step "5b. packet scan MPEG-TS" in_pipeline footage.pipeline.bench.PacketScanBenchmark "$data/scan/big.ts" 5
  fi
  rm -rf "$data/scan"
fi
step "5c. timeline analysis" in_pipeline footage.pipeline.bench.TimelineBenchmark 1000 "$([ "$quick" = 1 ] && echo 100000 || echo 1000000)"

# 6. transcoding (issue 6): proxy-720p of a 1080p recording (60 s; 10 s with --quick) vs the bundled ffmpeg with the
#    same options, and the remux of its MPEG-TS copy vs ffmpeg -c copy; the class makes its own inputs
step "6. transcode vs ffmpeg" in_pipeline footage.pipeline.transcode.TranscodeBenchmark "$work/transcode" 3 \
  "$([ "$quick" = 1 ] && echo 10 || echo 60)" "$root/ffmpeg-profiles"
rm -rf "$work/transcode"

# 7. decode check (issue 14): every packet of a ~100 MiB recording decoded (3 s with --quick) vs the bundled ffmpeg
#    -v error -i F -f null -; the class makes its own input and a copy with 30 % of its middle overwritten
step "7. decode check vs ffmpeg -f null" in_pipeline footage.pipeline.bench.DecodeCheckBenchmark "$work/decode" 3 \
  "$([ "$quick" = 1 ] && echo 3 || echo 21)"
rm -rf "$work/decode"

say ""
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
say "== Summary ($mode run, $(date -Iseconds); ratio = ours / baseline unless stated)"
{
  echo "BENCHMARK|BASELINE|OURS|RATIO|TARGET|VERDICT"
  grep '^RESULT|' "$log" | cut -d'|' -f2-
} | column -t -s '|' | tee -a "$log.table"
cat "$log.table" >>"$log"
if [ ${#failed[@]} -gt 0 ]; then
  say ""
  say "steps that failed to run: ${failed[*]}"
  say "full console log: $last_log"
  exit 1
fi
say "full console log: $last_log"
exit 0
