#!/usr/bin/env bash
# Confirmed examples (\good, --remember): how long finding the ones like a new question takes.
#
# 1. The ranking alone: builds a small program with swiftc -O straight from Sources/Assistant/SearchTerms.swift
#    and Sources/Assistant/ExampleRetriever.swift (no SwiftPM target),
#    indexes 10,000 generated examples over the sample's schema, and times the index build (median of 7)
#    and a question's ranking (median of 808: 8 questions, 101 rounds).
# 2. The whole turn: the release datachat answering `-q` against FakeLLM on the bundled sample, with a
#    history holding 10,000 confirmed examples of that database and with one holding none (median of RUNS,
#    default 15): the difference is what examples cost a one-shot question, reading them from the store
#    and indexing them included (a session indexes once and then only reads them).
#
#   benchmarks/examples.sh [RUNS]
set -euo pipefail
runs=${1:-15}
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/benchmarks"
mkdir -p "$out"
swiftc -O -parse-as-library -module-name Assistant \
  "$root/Sources/Assistant/SearchTerms.swift" "$root/Sources/Assistant/ExampleRetriever.swift" \
  "$root/benchmarks/ExamplesBenchmark.swift" \
  -o "$out/examples-benchmark"
"$out/examples-benchmark" "$root/sample-data/schema.sqlite.sql" 10000

cd "$root"
swift build -c release --product datachat >/dev/null
swift build -c release --product FakeLLM >/dev/null
python3 "$root/benchmarks/examples-oneshot.py" "$root/.build/release" "$runs"
