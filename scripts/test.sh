#!/usr/bin/env bash
# Runs every test: installs what is missing, starts a throw-away PostgreSQL on 127.0.0.1, runs
# `swift test`, and stops the server again. The PostgreSQL tests run, never skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
DATACHAT_TEST_POSTGRES_URL=$(scripts/test-postgres.sh start)
export DATACHAT_TEST_POSTGRES_URL
trap 'scripts/test-postgres.sh stop' EXIT
swift build --build-tests "$@"
swift test --skip-build "$@"
