#!/usr/bin/env bash
# datachat's accuracy benchmark on the bundled sample: datachat beside a plain prompt, same model, same run.
#
#   benchmarks/accuracy.sh                       # build release datachat, run all questions on the local server
#   benchmarks/accuracy.sh --datachat PATH ...   # test another binary (no build); other flags go to run.py
#   benchmarks/accuracy.sh --self-check          # score the gold itself and wrong variants (FakeLLM, no model)
#   benchmarks/accuracy.sh --check-gold URL      # prove every gold SQL agrees on SQLite and PostgreSQL at URL
#   benchmarks/accuracy.sh --summarise FILE.json  # the summary of a details file again (also an interrupted run)
#
# Defaults: --base-url $OPENAI_BASE_URL or http://127.0.0.1:8091/v1, --model $DATACHAT_MODEL or
# qwen2.5-coder-1.5b. Details: docs/ACCURACY.md. Results: benchmarks/out/accuracy-*.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
here=benchmarks/accuracy

if [ "${1:-}" = "--check-gold" ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 --check-gold POSTGRESQL_URL" >&2; exit 2; }
  swift build -c release --product datachat >/dev/null
  .build/release/datachat load-sample --replace "$2" >/dev/null
  exec python3 "$here/check_gold.py" --datachat .build/release/datachat --pg-url "$2"
fi

case " $* " in
*" --datachat "* | *" --summarise "*) ;;
*) swift build -c release --product datachat >/dev/null ;;
esac
exec python3 "$here/run.py" "$@"
