#!/usr/bin/env bash
# Runs Steppe and the NumPy reference (shared/benchmarks/numpy_reference.py) on the same model in one
# go and prints paths per second for each and their ratio.
#   Benchmarks/compare-with-numpy.sh [paths] [workers]
#
# Steppe is measured twice: the portable release build (`swift build -c release`, baseline x86-64,
# what the README and CI build) and a release build for this machine's CPU (`-target-cpu native`,
# AVX-512 here, in .build/native), where the lane engine's eight-path vectors fit one register. NumPy
# picks its SIMD kernels for the CPU at run time, so the second is the like-for-like comparison.
#
# NumPy is timed at its best chunk size: the reference evaluates its paths in chunks, and on this
# machine it runs about 1.6x faster with chunks of 5 000-20 000 paths (which stay in cache) than with
# 200 000. It is run with each of NUMPY_CHUNKS (default "5000 10000 20000 200000") and the fastest counts.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=${1:-2000000}
workers=${2:-2}
reference=${NUMPY_REFERENCE:-../shared/benchmarks/numpy_reference.py}
swift build -c release --product steppe >/dev/null
swift build -c release --product steppe --scratch-path .build/native -Xswiftc -target-cpu -Xswiftc native >/dev/null
python3 -c 'import numpy' 2>/dev/null || pip install --quiet numpy

rate() {  # the paths/s of one `steppe run` of the reference model
  "$1" run Benchmarks/reference-model.yaml --paths "$paths" --threads "$workers" \
    --metrics equityNPV,minDSCR,equityPaybackYears --exact-limit 0 --quiet --timing --format json 2>&1 >/dev/null | tail -1
}
portable_line=$(rate .build/release/steppe)
native_line=$(rate .build/native/release/steppe)
# The reference is timed as its authors ship it (OPENBLAS settings unchanged: it uses no BLAS), at its best chunk.
numpy_line="" best=0
for chunk in ${NUMPY_CHUNKS:-5000 10000 20000 200000}; do
  line=$(python3 "$reference" "$paths" "$chunk" "$workers")
  rate=$(sed -E 's/.*paths_per_s=([0-9.e+]+).*/\1/' <<<"$line")
  if python3 -c "import sys; sys.exit(0 if float('$rate') > float('$best') else 1)"; then best=$rate numpy_line=$line; fi
done
echo "steppe (portable build):    $portable_line"
echo "steppe (built for this CPU): $native_line"
echo "numpy (best chunk):          $numpy_line"
python3 - "$portable_line" "$native_line" "$numpy_line" "$workers" <<'PY'
import re, sys
portable, native, numpy_line, w = sys.argv[1:5]
rate = lambda line: float(re.search(r": ([0-9.]+) paths/s", line).group(1))
n = float(re.search(r"paths_per_s=([0-9.e+]+)", numpy_line).group(1))
p, s = rate(portable), rate(native)
print(f"paths/s on {w} workers: steppe {s:,.0f} (portable build {p:,.0f})  numpy {n:,.0f}  "
      f"ratio steppe/numpy {s / n:.2f} (portable {p / n:.2f})")
PY
