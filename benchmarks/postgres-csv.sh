#!/usr/bin/env bash
# 1,000,000 rows from PostgreSQL printed as CSV: datachat -q (FakeLLM answers with the SQL at once) against
# psql --csv -c on the same query and server, release build, in one hyperfine run; then peak memory.
#
# usage: benchmarks/postgres-csv.sh [RUNS]     (PostgreSQL: $DATACHAT_TEST_POSTGRES_URL, see scripts/test-postgres.sh)
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
url=${DATACHAT_TEST_POSTGRES_URL:?export DATACHAT_TEST_POSTGRES_URL (scripts/test-postgres.sh start prints it)}
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
swift build -c release --product datachat >/dev/null
swift build -c release --product FakeLLM >/dev/null
bin=$root/.build/release

work=$(mktemp -d)
trap 'kill $fake_pid 2>/dev/null || true; rm -rf "$work"' EXIT
sql="SELECT g AS id, g * 1.5 AS amount, 'row ' || g AS label, now() - g * interval '1 second' AS at FROM generate_series(1, 1000000) g"
python3 - "$sql" >"$work/script.json" <<'PY'
import json, sys
print(json.dumps({"rules": [], "default": {"reply": "```sql\n" + sys.argv[1] + "\n```"}}))
PY
"$bin/FakeLLM" --script "$work/script.json" >"$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do grep -q listening "$work/fake.out" 2>/dev/null && break; sleep 0.1; done
export OPENAI_BASE_URL=$(sed -E 's/.* on //' "$work/fake.out")
export OPENAI_API_KEY=sk-benchmark HOME=$work XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
export DATABASE_URL=$url
datachat=("$bin/datachat" -q "a million rows" --format csv --max-rows 1000000 --timeout 300)

rows=$("${datachat[@]}" | tail -n +2 | wc -l)
[ "$rows" = 1000000 ] || { echo "expected 1000000 rows from datachat, got $rows" >&2; exit 1; }
rows=$(psql "$url" --csv -c "$sql" | tail -n +2 | wc -l)
[ "$rows" = 1000000 ] || { echo "expected 1000000 rows from psql, got $rows" >&2; exit 1; }

hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/h.json" --output=null \
  -n "datachat -q --format csv" "${datachat[*]@Q}" \
  -n "psql --csv -c" "psql ${url@Q} --csv -c ${sql@Q}" >/dev/null

peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.1f MB", $2 / 1024}'; }
echo "1,000,000 rows as CSV from PostgreSQL $(psql "$url" -tAc 'SHOW server_version'), $(nproc) cores, $runs runs each, medians:"
python3 - "$work/h.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours, theirs = results["datachat -q --format csv"]["median"], results["psql --csv -c"]["median"]
print(f"  datachat -q --format csv  {ours:.3f} s")
print(f"  psql --csv -c             {theirs:.3f} s")
print(f"  ratio datachat / psql     {ours / theirs:.2f}")
PY
echo "  peak RSS datachat          $(peak "${datachat[@]}")"
echo "  peak RSS psql              $(peak psql "$url" --csv -c "$sql")"
