#!/usr/bin/env bash
# The path loop of an old build against a new one at each of its CPU levels (Sources/CPULevels/README.md),
# alternating, for issue 20's engine before/after table and issue 22's levels. Run from the repository root:
#   Benchmarks/compare-cpu-levels.sh OLD_STEPPE NEW_STEPPE [rounds] [OLD_REFERENCE_YAML]
# Cases: the reference model (4 000 000 paths, its three outputs, sketched quantiles) and the default scenario
# (1 000 000 paths), each on 2 threads and on 1; the old build runs at its own level, the new one forced to
# `baseline` and to `x86-64-v3`. Times are `--timing`'s "paths in" (the Monte Carlo loop). The old build reads
# OLD_REFERENCE_YAML when given (an older reference-model.yaml, for builds that predate one of its keys).
# Prints each time, then best and median per case and build (Benchmarks/best-median.py).
set -euo pipefail
old=$1; new=$2; rounds=${3:-3}; old_yaml=${4:-Benchmarks/reference-model.yaml}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
loop_seconds() {  # level binary run-arguments...
  local level=$1 bin=$2; shift 2
  STEPPE_CPU_LEVEL=$level "$bin" run "$@" --quiet --format json --timing 2>&1 >/dev/null | sed -nE 's/.* in ([0-9.]+) s.*/\1/p'
}
echo "load before: $(uptime)"
for _ in $(seq 1 "$rounds"); do
  for threads in 2 1; do
    for build in "old|$old|" "new-baseline|$new|baseline" "new-x86-64-v3|$new|x86-64-v3"; do
      IFS='|' read -r label bin level <<<"$build"
      yaml=Benchmarks/reference-model.yaml; [ "$label" = old ] && yaml=$old_yaml
      echo "reference model 4e6, $threads thread(s), $label $(loop_seconds "$level" "$bin" "$yaml" --paths 4000000 --threads "$threads" \
        --metrics equityNPV,minDSCR,equityPaybackYears --exact-limit 0)" | tee -a "$log"
      echo "default scenario 1e6, $threads thread(s), $label $(loop_seconds "$level" "$bin" --paths 1000000 --threads "$threads")" | tee -a "$log"
    done
  done
done
python3 Benchmarks/best-median.py "$log"
echo "load after: $(uptime)"
