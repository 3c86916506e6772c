#!/usr/bin/env bash
# The JVM options ./footage runs a command with, one per line: JIT and collector by command, and, given the
# extracted application image (scripts/app-image.sh), its class-data-sharing archive. bench/run.sh measures the CLI
# with the same options.
#   scripts/java-options.sh COMMAND [IMAGE_DIR]
set -euo pipefail
command_word="${1:-}"
app="${2:-}"
opts=()
# A command that only reads and writes the catalog is over before the JIT's optimising compiler (C2) pays back: on
# 2 cores its compile threads took half the start-up CPU (BENCHMARKS.md §11). Those commands run on C1 alone with the
# serial collector; the ones that hash, copy or transcode footage keep the full JIT.
# ingest and demo keep C2 but hand it a method only after ten times as many calls; a hot loop (hashing) still reaches
# it as early, by its back-edge count. C2 compiling start-up code took about 0.4 s of an ingest's start on 2 cores,
# and a 768 MiB ingest's job came out no slower (BENCHMARKS.md §11).
case "$command_word" in
  ingest|demo) opts=(-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000) ;;
  serve|verify|fixity|export|transcode|sweep|"") ;;
  # C1 compiles a method only after five times as many calls: its thread compiled ~3,000 methods in a read command,
  # a third of the process's CPU, most of them run a few hundred times and never again (BENCHMARKS.md §11, Step 4).
  # No hsperfdata file (jstat, jps) for a command this short.
  *) opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500
           -XX:Tier3CompileThreshold=10000 -XX:Tier3BackEdgeThreshold=300000 -XX:-UsePerfData) ;;
esac
if [ -n "$app" ] && [ -f "$app/footage.jsa" ]; then
  # The archive mapped where it was made: JDK 17.0.15 maps it elsewhere by default and then rewrites its pointers,
  # a private copy of every page (about 10,000 page faults a command); where that address is taken, it still does.
  opts+=(-XX:SharedArchiveFile="$app/footage.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -XX:+UnlockDiagnosticVMOptions
         -XX:ArchiveRelocationMode=0)
  # picocli on the boot class path, as the archive was trained (scripts/app-image.sh says why)
  for p in "$app"/lib/picocli-*.jar; do [ -f "$p" ] && opts+=("-Xbootclasspath/a:$p"); done
fi
[ ${#opts[@]} -eq 0 ] || printf "%s\n" "${opts[@]}"
