#!/usr/bin/env bash
# Installs the OS packages the project needs when they are missing (Debian/apt, as root).
# Usage: scripts/ensure-os-packages.sh [package...]   (default: the runtime set)
# Exits 0 when everything is there; 2 with a one-line reason when it cannot install.
set -u
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(libpulse0)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "footage: missing OS packages: ${missing[*]} (install them with: apt-get install ${missing[*]})" >&2
  exit 2
fi
echo "footage: installing OS packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/footage-apt.log 2>&1; then
  apt-get update -q >>/tmp/footage-apt.log 2>&1
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/footage-apt.log 2>&1; then
    echo "footage: could not install ${missing[*]} (see /tmp/footage-apt.log)" >&2
    exit 2
  fi
fi
exit 0
