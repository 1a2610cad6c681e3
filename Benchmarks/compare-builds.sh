#!/usr/bin/env bash
# Whole-process wall time of two steppe binaries, alternating old/new, for an engine change's
# before/after table (Benchmarks/README.md). Run from the repository root:
#   Benchmarks/compare-builds.sh OLD_STEPPE NEW_STEPPE [rounds]
# Cases: the reference model (2 000 000 paths, its three outputs, sketched quantiles), the default
# scenario (200 000 paths), the hourly hydrogen scenario (100 000 paths), all on 2 threads, and ten
# `steppe evaluate` of the default scenario. Prints each time, then best and median per case.
set -euo pipefail
old=$1; new=$2; rounds=${3:-3}
cases=(
  "ref|run Benchmarks/reference-model.yaml --paths 2000000 --threads 2 --metrics equityNPV,minDSCR,equityPaybackYears --exact-limit 0 --quiet --format json"
  "default|run --paths 200000 --threads 2 --quiet --format json"
  "hourly|run Scenarios/ejin-horo-hydrogen-hourly.yaml --paths 100000 --threads 2 --quiet --format json"
)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for _ in $(seq 1 "$rounds"); do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new
    for c in "${cases[@]}"; do
      name=${c%%|*}; args=${c#*|}
      start=$(date +%s.%N); $bin $args > /dev/null; end=$(date +%s.%N)
      echo "$name $which $(echo "$end - $start" | bc)" | tee -a "$log"
    done
    start=$(date +%s.%N); for _ in 1 2 3 4 5 6 7 8 9 10; do $bin evaluate --format json > /dev/null; done; end=$(date +%s.%N)
    echo "evaluate-x10 $which $(echo "$end - $start" | bc)" | tee -a "$log"
  done
done
python3 Benchmarks/best-median.py "$log"
