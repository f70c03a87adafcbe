#!/usr/bin/env bash
# The SQL guard's figures: median time to check a 10 KB query (target < 100 µs) and the corpus
# counts with the false-rejection rate. Builds a small program with swiftc -O straight from
# Sources/SQLGuard/*.swift (no SwiftPM target), then runs it.
#
#   benchmarks/guard.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/benchmarks"
mkdir -p "$out"
swiftc -O -parse-as-library -module-name SQLGuard \
  "$root"/Sources/SQLGuard/*.swift "$root/benchmarks/GuardBenchmark.swift" -o "$out/guard-benchmark"
"$out/guard-benchmark" "$root/Tests/SQLGuardTests/Corpus"
