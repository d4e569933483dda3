#!/usr/bin/env bash
# Install the Debian packages pcplan needs when they are missing, or say exactly how to.
#
#   scripts/system-packages.sh          what the app needs (WeasyPrint's fonts and Pango, poppler)
#   scripts/system-packages.sh --test   the same, plus chromium for the browser tests
#
# Installs with apt-get when run as root, through `sudo -n` when that works without a password,
# and otherwise stops with the command to run. `make demo` and `make test` call it first.
set -euo pipefail

packages=(fonts-liberation libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium)
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--test]" >&2
  exit 2
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "pcplan: not a Debian-like system; make sure these are installed: ${packages[*]}" >&2
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$package")
done
((${#missing[@]})) || exit 0

install=(apt-get install -y -q --no-install-recommends "${missing[@]}")
echo "pcplan needs these Debian packages: ${missing[*]}" >&2
if [[ "$(id -u)" == "0" ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "Run this, then run make again:" >&2
  echo "  sudo apt-get update && sudo ${install[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" "${install[@]}"
