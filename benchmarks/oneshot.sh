#!/usr/bin/env bash
# datachat -q end to end against FakeLLM (no model delay) on the bundled sample, release build.
#
# Reports, each the median of RUNS (default 30) runs in one go:
#   - datachat -q answering with a 100-row table, end to end
#   - start-up to the first byte of that output
#   - datachat --version (process start-up alone)
#   - sqlite3 running the same SQL on the same file: the floor, with no model round trip and no history
#
# usage: benchmarks/oneshot.sh [RUNS]
set -euo pipefail
runs=${1:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
swift build -c release --product datachat >/dev/null
swift build -c release --product FakeLLM >/dev/null
bin=$root/.build/release

work=$(mktemp -d)
trap 'kill $fake_pid 2>/dev/null || true; rm -rf "$work"' EXIT
sql="SELECT order_id, customer_id, status, ordered_at FROM orders ORDER BY order_id LIMIT 100"
python3 - "$sql" >"$work/script.json" <<'PY'
import json, sys
print(json.dumps({"rules": [], "default": {"reply": "```sql\n" + sys.argv[1] + "\n```",
                 "usage": {"prompt_tokens": 1500, "completion_tokens": 30}}}))
PY
"$bin/FakeLLM" --script "$work/script.json" >"$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do grep -q listening "$work/fake.out" 2>/dev/null && break; sleep 0.1; done
export OPENAI_BASE_URL=$(sed -E 's/.* on //' "$work/fake.out")
export OPENAI_API_KEY=sk-benchmark HOME=$work XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state

# First run builds the cached sample database; time that build on its own.
build_start=$(date +%s.%N)
"$bin/datachat" -q "warm up" --format csv >/dev/null
build_end=$(date +%s.%N)
sample=$(ls "$work"/cache/datachat/sample-*.db)
rows=$("$bin/datachat" -q "rows" --format csv | tail -n +2 | wc -l)
[ "$rows" = 100 ] || { echo "expected 100 rows, got $rows" >&2; exit 1; }

hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/h.json" \
  -n "datachat -q (100-row table)" "$bin/datachat -q 'the first 100 orders'" \
  -n "datachat --version" "$bin/datachat --version" \
  -n "sqlite3 (same SQL, no model)" "sqlite3 -readonly $sample '$sql'" >/dev/null
first_byte=$(python3 "$root/benchmarks/first-byte.py" "$runs" -- "$bin/datachat" -q "the first 100 orders")

echo "datachat $("$bin/datachat" --version), $(nproc) cores, $runs runs each, medians:"
python3 - "$work/h.json" <<'PY'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"  {result['command']:<32} {result['median'] * 1000:7.1f} ms  (min {result['min'] * 1000:.1f}, max {result['max'] * 1000:.1f})")
PY
printf '  %-32s %7.1f ms\n' "datachat -q first byte of output" "$first_byte"
printf '  %-32s %7.0f ms  (once, on first use)\n' "sample database build" "$(python3 -c "print(($build_end - $build_start) * 1000)")"
