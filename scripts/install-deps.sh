#!/usr/bin/env bash
# Installs the Debian packages datachat builds and tests with, when any is missing; with --local-model
# also what the local model's set-up builds and fetches with (scripts/local-model: cmake, g++, make,
# curl, unzip, pip), so that a user with an API key is never asked for a compiler toolchain.
# As root it runs apt-get itself; otherwise it prints the command to run.
set -euo pipefail
packages=(pkg-config libcurl4-openssl-dev libsqlite3-dev libpq-dev libedit-dev postgresql tmux unzip python3-pip)
if [ "${1:-}" = "--local-model" ]; then
  packages=(cmake g++ make curl unzip python3-pip)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "datachat needs: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
