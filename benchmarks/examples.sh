#!/usr/bin/env bash
# Confirmed examples (\good, --remember): how long finding the ones like a new question takes.
#
# Builds a small program with swiftc -O straight from Sources/Assistant/{SearchTerms,SchemaNameTable}.swift
# and Sources/Assistant/ExampleRetriever.swift (no SwiftPM target),
# indexes 10,000 generated examples over the sample's schema, and times the index build (median of 7)
# and a question's ranking (median of 808: 8 questions, 101 rounds).
#
# Then the whole one-shot question, release build, with COUNT examples in the history and with none
# (benchmarks/examples-oneshot.py, median of RUNS, default 15).
#
#   [RUNS=15] benchmarks/examples.sh [COUNT]   (default 10000 examples)
set -euo pipefail
count=${1:-10000}
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/benchmarks"
mkdir -p "$out"
swiftc -O -parse-as-library -module-name Assistant \
  "$root/Sources/Assistant/SearchTerms.swift" "$root/Sources/Assistant/ExampleRetriever.swift" \
  "$root/Sources/Assistant/SchemaNameTable.swift" \
  "$root/benchmarks/ExamplesBenchmark.swift" \
  -o "$out/examples-benchmark"
"$out/examples-benchmark" "$root/sample-data/schema.sqlite.sql" "$count"


# The whole one-shot question with COUNT examples in the history against none (benchmarks/examples-oneshot.py).
cd "$root"
swift build -c release --product datachat >/dev/null
swift build -c release --product FakeLLM >/dev/null
python3 "$root/benchmarks/examples-oneshot.py" "$root/.build/release" "${RUNS:-15}" "$count"
