#!/usr/bin/env bash
# The local model (scripts/local-model, llama-server + Qwen2.5-Coder Q4_K_M) on this machine, release build.
#
#   benchmarks/local-model.sh [--cold] [RUNS]
#
# Reports:
#   - with --cold: a cold `datachat model setup --no-cache` into a fresh XDG_DATA_HOME, the download and
#     the build timed apart (15-25 minutes on 2 cores; the figures come from the script's own lines)
#   - warm `datachat model start` to the first answer of `datachat -q` (median of RUNS, default 3)
#   - time to first token of a first question and of a follow-up in the same session on the sample,
#     from the history store's first_token_ms (median of RUNS sessions), and their ratio
# It uses the set-up model of $XDG_DATA_HOME (run `datachat model setup` first) and its own server on its
# own port; it says how busy the machine was, since a shared llama-server may compete for the cores.
set -euo pipefail
cold=0
if [ "${1:-}" = "--cold" ]; then
  cold=1
  shift
fi
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product datachat >/dev/null
bin=$root/.build/release/datachat
export DATACHAT_SCRIPTS_DIR=$root/scripts
unset OPENAI_BASE_URL OPENAI_API_KEY AZURE_OPENAI_API_KEY DATACHAT_MODEL

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
shared_busy() {
  # The team's shared server on 8091: busy when its one slot is processing.
  curl -s --max-time 2 127.0.0.1:8091/slots 2>/dev/null | grep -q '"is_processing":true' && echo busy || echo idle-or-absent
}

if ((cold)); then
  fresh=$(mktemp -d)
  echo "cold setup into $fresh (load $(load))"
  start=$(now)
  XDG_DATA_HOME=$fresh "$bin" model setup --no-cache 2>&1 | tee "$fresh/setup.log" | grep -vE '^\s*$' || true
  end=$(now)
  echo "cold setup total: $(echo "$end - $start" | bc) s (load after $(load))"
  grep -E '^server: built in|^model: downloaded in' "$fresh/setup.log" || true
  rm -rf "$fresh"
fi

"$bin" model status >/dev/null 2>&1 || [ $? = 1 ] || {
  echo "the local model is not set up: datachat model setup" >&2
  exit 1
}

work=$(mktemp -d)
trap '"$bin" model stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state DATACHAT_HISTORY_URL=sqlite://$work/history.sqlite
"$bin" model stop >/dev/null 2>&1 || true
echo "machine load before: $(load); shared server on 8091: $(shared_busy)"

# Warm start to first answer: stop, then time `model start` + one question.
question="How many orders are there?"
: >"$work/warm"
for _ in $(seq "$runs"); do
  "$bin" model stop >/dev/null 2>&1 || true
  start=$(now)
  "$bin" model start >/dev/null 2>&1
  started=$(now)
  "$bin" -q "$question" --format csv >"$work/answer" 2>/dev/null
  end=$(now)
  echo "$(echo "$started - $start" | bc) $(echo "$end - $start" | bc)" >>"$work/warm"
  head -3 "$work/answer" | tr '\n' ' '
  echo
done
echo "warm start (server answering /health), median: $(cut -d' ' -f1 "$work/warm" | median) s"
echo "warm start to first answer, median of $runs: $(cut -d' ' -f2 "$work/warm" | median) s (target < 5 s)"

# First question and follow-up in one session (piped), on a server that has seen neither.
: >"$work/ttft"
for run in $(seq "$runs"); do
  "$bin" model stop >/dev/null 2>&1 || true
  "$bin" model start >/dev/null 2>&1
  rm -f "$work/history.sqlite"
  printf '%s\n%s\n' "Which 5 product categories earned the most revenue in 2024?" "and in 2023?" \
    | "$bin" >"$work/session.out" 2>"$work/session.err" || true
  sqlite3 "$work/history.sqlite" \
    "SELECT group_concat(first_token_ms, ' ') FROM (SELECT first_token_ms FROM chat_messages WHERE role = 'assistant' AND attempt = 1 ORDER BY seq)" \
    >>"$work/ttft"
  echo "session $run: first-token ms (first, follow-up[, repairs]): $(tail -1 "$work/ttft"); load $(load); shared $(shared_busy)"
done
first=$(awk '{ print $1 / 1000 }' "$work/ttft" | median)
follow=$(awk '{ print $2 / 1000 }' "$work/ttft" | median)
echo "time to first token, first question, median: $first s"
echo "time to first token, follow-up, median: $follow s"
echo "ratio first / follow-up: $(echo "scale=1; $first / $follow" | bc) (target >= 3)"
echo "machine load after: $(load)"
