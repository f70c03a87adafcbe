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
bin=${DATACHAT_BENCH_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --product datachat >/dev/null
  swift build -c release --product FakeLLM >/dev/null
  bin=$root/.build/release
fi

work=$(mktemp -d)
trap 'kill $fake_pid 2>/dev/null || true; rm -rf "$work"' EXIT
db=$work/bulk.db
sqlite3 "$db" <<'SQL'
CREATE TABLE bulk(id INTEGER, label TEXT, amount REAL, quantity INTEGER, day TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO bulk SELECT i, 'item ' || (i % 1000), i * 1.25, i % 97, date('2020-01-01', '+' || (i % 2000) || ' days') FROM n;
SQL
sql="SELECT id, label, amount, quantity, day FROM bulk"
pg_sql="SELECT g AS id, 'item ' || (g % 1000) AS label, g * 1.25::float8 AS amount, g % 97 AS quantity, DATE '2020-01-01' + (g % 2000) AS day FROM generate_series(1, 1000000) g"
python3 - "$sql" "$pg_sql" >"$work/script.json" <<'PY'
import json, sys
print(json.dumps({"rules": [{"match": "postgres", "reply": "```sql\n" + sys.argv[2] + "\n```"}],
                  "default": {"reply": "```sql\n" + sys.argv[1] + "\n```"}}))
PY
"$bin/FakeLLM" --script "$work/script.json" >"$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do grep -q listening "$work/fake.out" 2>/dev/null && break; sleep 0.1; done
export OPENAI_BASE_URL=$(sed -E 's/.* on //' "$work/fake.out")
export OPENAI_API_KEY=sk-benchmark HOME=$work XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
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
