#!/bin/sh
# Issue 4's figures: SSE parsing throughput and added latency against FakeLLM (release, -O).
# usage: benchmarks/stream.sh
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product FakeLLM >/dev/null
out=$(mktemp -d)
fake=
trap '[ -n "$fake" ] && kill "$fake" 2>/dev/null; rm -rf "$out"' EXIT
# LLM imports Basics: built first as a module of its own, as SwiftPM builds it.
swiftc -O -parse-as-library -module-name Basics -emit-module -emit-module-path "$out/Basics.swiftmodule" \
    -emit-library -static -o "$out/libBasics.a" Sources/Basics/*.swift
swiftc -O -module-name LLMBench -I Sources/CCurl -I "$out" -L "$out" -lBasics -lcurl -o "$out/stream-bench" \
    $(find Sources/LLM -name '*.swift') benchmarks/stream/main.swift
reply=$(python3 -c 'print(" ".join("w%d" % i for i in range(2000)))')
printf '{"default":{"reply":"%s","chunk_delay_ms":2}}' "$reply" >"$out/script.json"
.build/release/FakeLLM --script "$out/script.json" >"$out/fake.out" &
fake=$!
while ! grep -q listening "$out/fake.out" 2>/dev/null; do sleep 0.05; done
url=$(sed -n 's/.*listening on //p' "$out/fake.out")
"$out/stream-bench" "$url"
