#!/usr/bin/env bash
# Issue 16's instruction counts, which the load of a shared machine does not change: valgrind's callgrind
# over one release `datachat -q --format csv|json` (FakeLLM answers with the SQL at once) and over
# `sqlite3 -csv -header` and `sqlite3 -json`, on bulk-output.sh's table cut to ROWS rows (default 100,000);
# with DATACHAT_TEST_POSTGRES_URL, also its PostgreSQL query against `psql --csv -c` (the client's instructions
# only: the server's work is in another process, the same for both).
# datachat runs once unmeasured first, so its statistics cache is warm as in a person's second question.
# Prints each command's total instructions (Ir) and datachat's ratio to its peer; the callgrind files are
# kept in OUT (default a temporary folder) for callgrind_annotate.
#
# usage: benchmarks/bulk-callgrind.sh [ROWS] [OUT]
#        (DATACHAT_BENCH_BIN=DIR: use the datachat and FakeLLM already in DIR, e.g. a copy of an earlier build)
set -euo pipefail
rows=${1:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
source "$root/benchmarks/bulk-data.sh"
bulk_setup "$rows"
out=${2:-$work}
mkdir -p "$out"
ask=("$bin/datachat" -q "all rows" --database-url "$db" --max-rows "$rows" --timeout 300)
"${ask[@]}" --format csv >/dev/null

# The total instructions of one command under callgrind, its profile written to $out/NAME.
instructions() {
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$out/$name" "$@" >/dev/null 2>"$work/$name.log"
  grep -E '^summary:|^totals:' "$out/$name" | head -1 | awk '{print $2}'
}
csv=$(instructions datachat-csv "${ask[@]}" --format csv)
csv_peer=$(instructions sqlite3-csv sqlite3 -csv -header "$db" "$sql")
json=$(instructions datachat-json "${ask[@]}" --format json)
json_peer=$(instructions sqlite3-json sqlite3 -json "$db" "$sql")
if [ -n "${DATACHAT_TEST_POSTGRES_URL:-}" ]; then
  url=$DATACHAT_TEST_POSTGRES_URL
  pg_ask=("$bin/datachat" -q "postgres rows" --database-url "$url" --max-rows "$rows" --timeout 300 --format csv)
  "${pg_ask[@]}" >/dev/null
  pg=$(instructions datachat-pg-csv "${pg_ask[@]}")
  # Debian's psql is a Perl wrapper that execs the real one: measure that one.
  real_psql=$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | tail -1)
  pg_peer=$(instructions psql-csv "${real_psql:-psql}" "$url" --csv -c "$pg_sql")
fi
echo "$rows rows, callgrind instructions (Ir), release build; profiles in $out:"
awk -v a="$csv" -v b="$csv_peer" -v c="$json" -v d="$json_peer" 'BEGIN {
  printf "  %-34s %8.0f M\n  %-34s %8.0f M\n  %-34s %8.2fx\n", "datachat -q --format csv", a / 1e6, "sqlite3 -csv -header", b / 1e6, "ratio", a / b
  printf "  %-34s %8.0f M\n  %-34s %8.0f M\n  %-34s %8.2fx\n", "datachat -q --format json", c / 1e6, "sqlite3 -json", d / 1e6, "ratio", c / d
}'
if [ -n "${pg:-}" ]; then
  awk -v a="$pg" -v b="$pg_peer" 'BEGIN {
    printf "  %-34s %8.0f M\n  %-34s %8.0f M\n  %-34s %8.2fx\n", "datachat -q --format csv (PostgreSQL)", a / 1e6, "psql --csv -c", b / 1e6, "ratio", a / b
  }'
fi
