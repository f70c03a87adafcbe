#!/usr/bin/env bash
# Schema introspection on a generated catalogue of 1,000 tables (8 columns each, a primary key, a foreign
# key, table and column comments, ANALYZEd), release build: `datachat schema` there against the same
# command on an empty schema, so the difference is the introspection itself.
#
# usage: benchmarks/postgres-introspection.sh [RUNS]   (PostgreSQL: $DATACHAT_TEST_POSTGRES_URL)
set -euo pipefail
runs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
url=${DATACHAT_TEST_POSTGRES_URL:?export DATACHAT_TEST_POSTGRES_URL (scripts/test-postgres.sh start prints it)}
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
swift build -c release --product datachat >/dev/null
bin=$root/.build/release
big=bench_catalogue_$$
empty=bench_empty_$$
work=$(mktemp -d)
trap 'psql "$url" -qc "DROP SCHEMA IF EXISTS $big CASCADE; DROP SCHEMA IF EXISTS $empty CASCADE" 2>/dev/null; rm -rf "$work"' EXIT

psql "$url" -q -v ON_ERROR_STOP=1 <<SQL
CREATE SCHEMA $big;
CREATE SCHEMA $empty;
SET search_path = $big;
DO \$\$
BEGIN
  FOR i IN 1..1000 LOOP
    EXECUTE format('CREATE TABLE t%s (id bigint PRIMARY KEY, parent_id bigint %s, name text NOT NULL,
      amount numeric(12,2), created_at timestamptz NOT NULL, flag boolean, tags text[], data jsonb)',
      i, CASE WHEN i > 1 THEN format('REFERENCES t%s (id)', i - 1) ELSE '' END);
    EXECUTE format('COMMENT ON TABLE t%s IS %L', i, 'generated table number ' || i);
    EXECUTE format('COMMENT ON COLUMN t%s.amount IS %L', i, 'money, BRL');
  END LOOP;
END
\$\$;
SET client_min_messages = error;
ANALYZE;
SQL

export HOME=$work XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
export DATABASE_URL=$url OPENAI_API_KEY=unused
tables=$("$bin/datachat" schema --schema "$big" | grep -c '^CREATE TABLE')
[ "$tables" = 1000 ] || { echo "expected 1000 tables in the schema, got $tables" >&2; exit 1; }

hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/h.json" --output=null \
  -n "1000 tables" "$bin/datachat schema --schema $big" \
  -n "empty schema" "$bin/datachat schema --schema $empty" >/dev/null
echo "datachat schema on PostgreSQL $(psql "$url" -tAc 'SHOW server_version'), $(nproc) cores, $runs runs each, medians:"
python3 - "$work/h.json" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print(f"  1,000 tables               {results['1000 tables'] * 1000:.0f} ms")
print(f"  empty schema               {results['empty schema'] * 1000:.0f} ms")
print(f"  introspection (difference) {(results['1000 tables'] - results['empty schema']) * 1000:.0f} ms")
PY
