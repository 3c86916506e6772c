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
# The training run lists jobs on a throw-away home: its catalog context is tried first and refused (a new catalog),
# then the whole application starts and migrates it, so the archive holds the classes of both — Spring, Batch, Flyway,
# H2 and the catalog code, what every command loads. The archive is bound to this jar at this path; the JVM ignores it
# (silently, with -Xlog:cds=off) when either changes.
home="$(mktemp -d "${TMPDIR:-/tmp}/footage-cds.XXXXXX")"
if ! java -XX:ArchiveClassesAtExit="$dest/footage.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -jar "$dest/footage.jar" --home "$home" jobs list >/dev/null 2>&1; then
  rm -f "$dest/footage.jsa"
  echo "footage: no class-data-sharing archive (training run failed); start-up is slower" >&2
fi
rm -rf "$home"
# The stamp, not footage.jar, says when the image was made: the JVM checks the jar's modification time against the
# archive's and silently drops the whole archive when they differ (touching the jar here did exactly that).
touch "$dest/.made"
exit 0
