#!/usr/bin/env bash
# Builds the libFuzzer targets and fuzzes one of them, starting from its seeds.
#
#   ./run.sh [TARGET] [SECONDS] [more libFuzzer options...]
#
# TARGET is ScenarioLoaderFuzzer (default), CatalogueLoaderFuzzer or ReportReaderFuzzer; a
# number alone as the first argument is SECONDS for the scenario target (the former usage).
# SECONDS defaults to 60; 0 means no time limit (give -runs=N then). The corpus grows in
# corpus/TARGET (not committed); a crash leaves crash-* files here and exits non-zero.
# BUILD=release builds with optimisation (about ten times as many executions per second).
set -euo pipefail
cd "$(dirname "$0")"
export PATH="/opt/swift/usr/bin:$PATH"
target=ScenarioLoaderFuzzer
if [[ $# -gt 0 && ! "$1" =~ ^[0-9]+$ ]]; then target="$1"; shift; fi
case "$target" in
    ScenarioLoaderFuzzer|CatalogueLoaderFuzzer|ReportReaderFuzzer) ;;
    *) echo "unknown target '$target' (ScenarioLoaderFuzzer, CatalogueLoaderFuzzer, ReportReaderFuzzer)" >&2; exit 64 ;;
esac
seconds="${1:-60}"; shift || true
configuration="${BUILD:-debug}"
swift build -c "$configuration" --product "$target" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
mkdir -p "corpus/$target"
cp -n "seeds/$target"/* "corpus/$target/" 2>/dev/null || true
".build/$configuration/$target" "corpus/$target/" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 "$@"
