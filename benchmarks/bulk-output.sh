#!/usr/bin/env bash
# Issue 16's figures: 1,000,000 rows (an integer, a short text, a real, an integer and a date) printed by
# datachat -q (FakeLLM answers with the SQL at once) against the C shells on the same data: CSV and JSON
# from SQLite against sqlite3 -csv -header and sqlite3 -json, CSV from PostgreSQL against psql --csv -c
# (when DATACHAT_TEST_POSTGRES_URL is set). Release build; interleaved rounds, medians (bulk-output.py).
#
# usage: benchmarks/bulk-output.sh [RUNS]
#        (DATACHAT_BENCH_BIN=DIR: use the datachat and FakeLLM already in DIR, e.g. a copy of an earlier build)
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source "$root/benchmarks/bulk-data.sh"
bulk_setup 1000000
ask="$bin/datachat -q 'all rows' --database-url $db --max-rows 1000000 --timeout 300"

rows=$(eval "$ask --format csv" | tail -n +2 | wc -l)
[ "$rows" = 1000000 ] || { echo "expected 1000000 rows from datachat, got $rows" >&2; exit 1; }
cmp <(eval "$ask --format csv") <(sqlite3 -csv -header "$db" "$sql") >/dev/null \
  || echo "note: datachat's CSV and sqlite3's differ (reals: datachat prints 15 significant digits)" >&2

echo "1,000,000 rows, $(nproc) cores (shared), $runs interleaved rounds, medians:"
pairs=(
  "datachat -q --format csv (SQLite)=$ask --format csv" "sqlite3 -csv -header=sqlite3 -csv -header $db '$sql'"
  "datachat -q --format json (SQLite)=$ask --format json" "sqlite3 -json=sqlite3 -json $db '$sql'"
)
if [ -n "${DATACHAT_TEST_POSTGRES_URL:-}" ]; then
  url=$DATACHAT_TEST_POSTGRES_URL
  pairs+=(
    "datachat -q --format csv (PostgreSQL)=$bin/datachat -q 'postgres rows' --database-url '$url' --max-rows 1000000 --timeout 300 --format csv"
    "psql --csv -c=psql '$url' --csv -c \"$pg_sql\""
  )
fi
python3 benchmarks/bulk-output.py "$runs" "${pairs[@]}"
