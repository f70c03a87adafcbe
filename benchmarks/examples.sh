#!/usr/bin/env bash
# Confirmed examples (\good, --remember): how long finding the ones like a new question takes.
#
# 1. The ranking alone: builds a small program with swiftc -O straight from Sources/Assistant/SearchTerms.swift
#    and Sources/Assistant/ExampleRetriever.swift (no SwiftPM target),
#    indexes 10,000 generated examples over the sample's schema, and times the index build (median of 7)
#    and a question's ranking (median of 808: 8 questions, 101 rounds).
#
#   benchmarks/examples.sh [COUNT]   (default 10000 examples)
set -euo pipefail
count=${1:-10000}
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/benchmarks"
mkdir -p "$out"
swiftc -O -parse-as-library -module-name Assistant \
  "$root/Sources/Assistant/SearchTerms.swift" "$root/Sources/Assistant/ExampleRetriever.swift" \
  "$root/benchmarks/ExamplesBenchmark.swift" \
  -o "$out/examples-benchmark"
"$out/examples-benchmark" "$root/sample-data/schema.sqlite.sql" "$count"

