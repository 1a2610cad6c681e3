#!/usr/bin/env bash
# Builds the libFuzzer target for the scenario reader and fuzzes it for SECONDS (default 60),
# starting from the shipped scenarios. A crash leaves crash-* files here and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p corpus
cp -n seeds/* corpus/ 2>/dev/null || true
.build/debug/ScenarioLoaderFuzzer corpus/ -max_total_time="${1:-60}" -timeout=10
