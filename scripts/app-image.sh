#!/usr/bin/env bash
# Turns the fat jar into what ./footage runs: the jar extracted (a plain class path instead of Boot's nested-jar
# class loader, which took about 45 % of the start-up samples) and a class-data-sharing archive from a training
# run (BENCHMARKS.md §1). A failure here only costs speed: the launcher then runs the fat jar as before.
#
#   scripts/app-image.sh JAR DEST     makes DEST/footage.jar, DEST/lib/ and DEST/footage.jsa
#
# Exit code 0 when DEST/footage.jar exists afterwards (with or without the archive), 1 otherwise. Callers serialise
# concurrent runs (./footage holds a lock).
set -uo pipefail
jar="$1"
dest="$2"
new="$dest.new.$$"
old="$dest.old.$$"
rm -rf "$new"
if ! java -Djarmode=tools -jar "$jar" extract --destination "$new" >/dev/null 2>&1; then
  rm -rf "$new"
  echo "footage: could not extract $jar; running the fat jar instead (slower start-up)" >&2
  exit 1
fi
# a renamed folder keeps serving a JVM that still runs from it
[ -e "$dest" ] && mv "$dest" "$old"
mv "$new" "$dest"
rm -rf "$old"
# The training run (footage.jobs.cli.CdsTraining) runs on a throw-away home, in one JVM, an ingest that finds no
# catalog (so the whole application starts and creates it), an ingest in its own context, and the read commands in
# theirs: the archive holds the classes of each — Spring, Batch and a job's run, Flyway, H2 and the catalog code. The
# archive is bound to this jar at this path (-cp names the same class path as -jar); the JVM ignores it (silently,
# with -Xlog:cds=off) when either changes.
# picocli goes on the boot class path, here and in ./footage alike (the archive holds the class path it was made with):
# its class files are older than Java 6, so JDK 17 neither archives them nor skips their slow verification on the
# application class path, about 0.07 s of every command (BENCHMARKS.md §11); the boot loader does not verify them.
home="$(mktemp -d "${TMPDIR:-/tmp}/footage-cds.XXXXXX")"
mkdir -p "$home/drop"
picocli="$(ls "$dest"/lib/picocli-*.jar 2>/dev/null | head -1)"
if ! java -XX:ArchiveClassesAtExit="$dest/footage.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off ${picocli:+-Xbootclasspath/a:"$picocli"} \
      -cp "$dest/footage.jar" footage.jobs.cli.CdsTraining "$home" >/dev/null 2>&1; then
  rm -f "$dest/footage.jsa"
  echo "footage: no class-data-sharing archive (training run failed); start-up is slower" >&2
fi
rm -rf "$home"
# The stamp, not footage.jar, says when the image was made: the JVM checks the jar's modification time against the
# archive's and silently drops the whole archive when they differ (touching the jar here did exactly that).
touch "$dest/.made"
exit 0
