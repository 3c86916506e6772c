#!/usr/bin/env bash
# Runs every test: unit, integration (real FFmpeg, real files, H2 and the local PostgreSQL), crash tests.
# Installs what the tests need from the OS when missing. Extra arguments go to Maven.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/ensure-os-packages.sh" libpulse0 fonts-droid-fallback chromium chromium-driver || exit 2
command -v mvn >/dev/null 2>&1 || { echo "footage: Maven (mvn) is needed to run the tests" >&2; exit 2; }
cd "$root"
exec mvn -B -ntp verify "$@"
