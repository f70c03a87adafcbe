# Sourced by bulk-output.sh and bulk-callgrind.sh: issue 16's table and a FakeLLM that answers with its SQL.
#
# bulk_setup ROWS: builds datachat and FakeLLM in release mode (or takes them from $DATACHAT_BENCH_BIN), makes
# $work (removed on exit) with $db, a SQLite table of ROWS rows of an integer, a short text, a real, an integer
# and a date, sets $sql (all of it) and $pg_sql (the same rows from generate_series), starts FakeLLM
# (answering "postgres" questions with $pg_sql, any other with $sql) and exports what datachat -q needs.
bulk_setup() {
  local rows=$1
  bin=${DATACHAT_BENCH_BIN:-}
  if [ -z "$bin" ]; then
    swift build -c release --product datachat >/dev/null
    swift build -c release --product FakeLLM >/dev/null
    bin=$root/.build/release
  fi
  work=$(mktemp -d)
  trap 'kill $fake_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  db=$work/bulk.db
  sqlite3 "$db" <<SQL
CREATE TABLE bulk(id INTEGER, label TEXT, amount REAL, quantity INTEGER, day TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO bulk SELECT i, 'item ' || (i % 1000), i * 1.25, i % 97, date('2020-01-01', '+' || (i % 2000) || ' days') FROM n;
SQL
  sql="SELECT id, label, amount, quantity, day FROM bulk"
  pg_sql="SELECT g AS id, 'item ' || (g % 1000) AS label, g * 1.25::float8 AS amount, g % 97 AS quantity, DATE '2020-01-01' + (g % 2000) AS day FROM generate_series(1, $rows) g"
  python3 - "$sql" "$pg_sql" >"$work/script.json" <<'PY'
import json, sys
print(json.dumps({"rules": [{"match": "postgres", "reply": "```sql\n" + sys.argv[2] + "\n```"}],
                  "default": {"reply": "```sql\n" + sys.argv[1] + "\n```"}}))
PY
  "$bin/FakeLLM" --script "$work/script.json" >"$work/fake.out" &
  fake_pid=$!
  for _ in $(seq 50); do grep -q listening "$work/fake.out" 2>/dev/null && break; sleep 0.1; done
  OPENAI_BASE_URL=$(sed -E 's/.* on //' "$work/fake.out")
  export OPENAI_BASE_URL OPENAI_API_KEY=sk-benchmark HOME=$work XDG_DATA_HOME=$work/data \
    XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
}
