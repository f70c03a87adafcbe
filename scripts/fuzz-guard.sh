#!/usr/bin/env bash
# Fuzzes the SQL guard (tokenizer + policy, both dialects) with libFuzzer for N seconds (default 60).
#
#   scripts/fuzz-guard.sh [SECONDS]
#
# Builds fuzz/GuardFuzzer.swift with Sources/SQLGuard/*.swift using `swiftc -sanitize=fuzzer`, seeds
# the corpus with the guard's adversarial and honest corpora, and prints how many inputs ran. A crash
# leaves its input as .build/fuzz/crash-* and exits non-zero.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds=${1:-60}
out="$root/.build/fuzz"
mkdir -p "$out/corpus"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name SQLGuard \
  "$root"/Sources/SQLGuard/*.swift "$root/fuzz/GuardFuzzer.swift" -o "$out/guard-fuzzer" \
  >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
# Seed: one file per corpus entry.
python3 - "$root/Tests/SQLGuardTests/Corpus" "$out/corpus" <<'PY'
import os, sys, hashlib
source, target = sys.argv[1], sys.argv[2]
for name in os.listdir(source):
    for entry in open(os.path.join(source, name), encoding="utf-8").read().split("\n====\n"):
        data = entry.encode()
        open(os.path.join(target, hashlib.sha1(data).hexdigest()), "wb").write(data)
PY
cd "$out"
"$out/guard-fuzzer" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 corpus 2>&1 | tee "$out/last-run.log" |
  grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)" || true
status=${PIPESTATUS[0]}
runs=$(grep -Eo "stat::number_of_executed_units: *[0-9]+" "$out/last-run.log" | grep -Eo "[0-9]+$" || echo 0)
if [ "$status" -eq 0 ]; then
  echo "fuzz-guard: $runs inputs in ${seconds}s, no crash"
else
  echo "fuzz-guard: crashed after $runs inputs (see $out/last-run.log)" >&2
  exit 1
fi
