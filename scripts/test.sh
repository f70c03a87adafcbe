#!/usr/bin/env bash
# Runs every check CI runs: `swift format lint` (strict) on Sources and Tests, a build with warnings as
# errors, the generated shell completions and man page (scripts/completions.sh), and every test, with a
# throw-away PostgreSQL on 127.0.0.1 started and stopped around them. The PostgreSQL tests run, never skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift format lint --strict --recursive Sources Tests
DATACHAT_TEST_POSTGRES_URL=$(scripts/test-postgres.sh start)
export DATACHAT_TEST_POSTGRES_URL
trap 'scripts/test-postgres.sh stop' EXIT
swift build --build-tests -Xswiftc -warnings-as-errors "$@"
scripts/completions.sh
swift test --skip-build "$@"
