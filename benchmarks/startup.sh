#!/usr/bin/env bash
# Start-up to a usable prompt: datachat's interactive session beside litecli (PyPI) on the same
# bundled sample SQLite file, each started in a pseudo-terminal, release build, warm (the sample
# database already built in the cache, one unmeasured run of each first).
#
# Reports, each the median of RUNS (default 10) runs, the two commands interleaved:
#   - to the prompt: from fork to the prompt text on the terminal (`datachat> `, litecli's `/path/to/file.db> `)
#   - to the echo: the same plus typing one key and seeing it echoed, i.e. the prompt taking input
# and the ratio litecli / datachat. No model is reached: OPENAI_BASE_URL points at a closed port.
#
# usage: benchmarks/startup.sh [RUNS]      (needs: pip install litecli)
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v litecli >/dev/null || { echo "needs litecli: pip install litecli" >&2; exit 1; }
# pyenv and similar put a shell-script shim first on PATH; time litecli itself, not the shim.
litecli=$(pyenv which litecli 2>/dev/null || command -v litecli)
swift build -c release --product datachat >/dev/null
bin=$root/.build/release

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A home of its own: no history, .env, editrc or litecli config of the person running this.
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export XDG_STATE_HOME=$work/state
export DATACHAT_SAMPLE_DIR=$root/sample-data DATACHAT_PROMPTS_DIR=$root/prompts
export OPENAI_API_KEY=sk-test OPENAI_BASE_URL=http://127.0.0.1:9/v1
unset DATABASE_URL PAGER NO_COLOR

# Builds the cached sample database once, outside the measurements.
(cd "$work" && "$bin/datachat" schema >/dev/null)
sample=$(ls "$work"/cache/datachat/sample-*.db)

results=$(python3 "$root/benchmarks/startup-prompt.py" "$runs" \
    datachat 'datachat> ' "$work" -- "$bin/datachat" --- \
    litecli "$(python3 -c 'import re, sys; print(re.escape(sys.argv[1]))' "$sample")> ?" "$work" -- "$litecli" "$sample")

echo "datachat $("$bin/datachat" --version), litecli $("$litecli" --version | awk '{print $NF}'), $(nproc) cores," \
    "$runs runs each, medians:"
printf '  %-10s %10s %10s %18s\n' "" "to prompt" "to echo" "prompt min..max"
while IFS=$'\t' read -r name prompt echo low high; do
    printf '  %-10s %7s ms %7s ms %8s..%s ms\n' "$name" "$prompt" "$echo" "$low" "$high"
done <<<"$results"
python3 - "$results" <<'PY'
import sys
rows = {line.split("\t")[0]: [float(x) for x in line.split("\t")[1:]] for line in sys.argv[1].splitlines()}
datachat, litecli = rows["datachat"], rows["litecli"]
print(f"datachat is {litecli[0] / datachat[0]:.1f}x faster than litecli to the prompt "
      f"({litecli[1] / datachat[1]:.1f}x to the echo)      target: datachat under 50 ms")
PY
