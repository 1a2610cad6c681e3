#!/usr/bin/env bash
# Runs Steppe and the NumPy reference (shared/benchmarks/numpy_reference.py) on the same model in one
# go and prints paths per second for each and their ratio.
#   Benchmarks/compare-with-numpy.sh [paths] [workers]
set -euo pipefail
cd "$(dirname "$0")/.."
paths=${1:-2000000}
workers=${2:-2}
reference=${NUMPY_REFERENCE:-../shared/benchmarks/numpy_reference.py}
swift build -c release --product steppe >/dev/null
python3 -c 'import numpy' 2>/dev/null || pip install --quiet numpy

steppe_line=$(.build/release/steppe run Benchmarks/reference-model.yaml --paths "$paths" --threads "$workers" \
  --metrics equityNPV,minDSCR,paybackYears --exact-limit 0 --quiet --timing --format json 2>&1 >/dev/null | tail -1)
steppe_rate=$(echo "$steppe_line" | sed -E 's/.*: ([0-9.]+) paths\/s.*/\1/')
# The reference is timed as its authors ship it (OPENBLAS settings unchanged: it uses no BLAS).
numpy_line=$(python3 "$reference" "$paths" 200000 "$workers")
numpy_rate=$(echo "$numpy_line" | tr ' ' '\n' | sed -n 's/^paths_per_s=//p')
echo "steppe: $steppe_line"
echo "numpy:  $numpy_line"
python3 - "$steppe_rate" "$numpy_rate" "$workers" <<'PY'
import sys
s, n, w = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
print(f"paths/s on {w} workers: steppe {s:,.0f}  numpy {n:,.0f}  ratio steppe/numpy {s / n:.2f}")
PY
