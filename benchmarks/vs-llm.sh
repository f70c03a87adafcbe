#!/usr/bin/env bash
# One question end to end against the same FakeLLM, datachat beside the `llm` CLI (PyPI), release build.
#
# datachat does the whole turn (schema, model call over SSE, guard, query on the sample, render,
# history); llm only asks the model and prints its text (and logs to its own SQLite database).
# Reports hyperfine medians of RUNS (default 20) and their ratio.
#
# usage: benchmarks/vs-llm.sh [RUNS]      (needs: pip install llm; apt-get install hyperfine)
set -euo pipefail
runs=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v llm >/dev/null || { echo "needs the llm CLI: pip install llm" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 1; }
swift build -c release --product datachat >/dev/null
swift build -c release --product FakeLLM >/dev/null
bin=$root/.build/release

work=$(mktemp -d)
trap 'kill $fake_pid 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/script.json" <<'JSON'
{"rules": [], "default": {"reply": "Orders per status:\n```sql\nSELECT status, count(*) AS orders FROM orders GROUP BY status ORDER BY orders DESC\n```",
 "usage": {"prompt_tokens": 1500, "completion_tokens": 30}}}
JSON
"$bin/FakeLLM" --script "$work/script.json" >"$work/fake.out" &
fake_pid=$!
for _ in $(seq 50); do grep -q listening "$work/fake.out" 2>/dev/null && break; sleep 0.1; done
base=$(sed -E 's/.* on //' "$work/fake.out")

export HOME=$work XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
export OPENAI_BASE_URL=$base OPENAI_API_KEY=sk-benchmark DATACHAT_MODEL=fake-model
export LLM_USER_PATH=$work/llm
mkdir -p "$LLM_USER_PATH"
cat >"$LLM_USER_PATH/extra-openai-models.yaml" <<YAML
- model_id: fake
  model_name: fake-model
  api_base: "$base"
YAML
"$bin/datachat" -q "warm up" >/dev/null            # builds the cached sample once
llm -m fake --key sk-benchmark "warm up" >/dev/null

hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" \
  -n "datachat -q" "$bin/datachat -q 'How many orders are there per status?'" \
  -n "llm -m fake" "llm -m fake --key sk-benchmark 'How many orders are there per status?'" >/dev/null
python3 - "$work/h.json" "$runs" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
for name, r in results.items():
    print(f"  {name:<14} {r['median'] * 1000:8.1f} ms median  (min {r['min'] * 1000:.1f}, max {r['max'] * 1000:.1f}, {sys.argv[2]} runs)")
ratio = results["llm -m fake"]["median"] / results["datachat -q"]["median"]
print(f"  datachat is {ratio:.1f}x faster than llm (ratio of medians)")
PY
