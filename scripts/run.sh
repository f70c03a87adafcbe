#!/usr/bin/env bash
# Installs what is missing, builds datachat in release mode, and starts it (arguments are passed on).
# With no DATABASE_URL it opens the bundled sample database.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
swift build -c release --package-path "$root" --product datachat >&2
exec "$root/.build/release/datachat" "$@"
