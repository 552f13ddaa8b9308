#!/usr/bin/env bash
# Installs every Debian package Sargs needs to build, test and benchmark.
# Idempotent: packages already present are not touched, so `make` stays fast
# on a prepared machine and works on a fresh Debian 12 one.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libexpected-dev          # tl::expected -> Result<T>
  libtomlplusplus-dev      # methodology files
  libcli11-dev             # command line
  libhowardhinnant-date-dev # Europe/Riga time zone
  libsqlite3-dev           # embedded storage
  libpugixml-dev           # sanctions lists (XML)
  libicu-dev               # name normalisation and transliteration
  libgtest-dev libgmock-dev libbenchmark-dev
  tzdata time
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
