#!/usr/bin/env bash
# Runs Steppe and the NumPy reference (shared/benchmarks/numpy_reference.py) on the same model in one
# go and prints paths per second for each and their ratio.
#   Benchmarks/compare-with-numpy.sh [paths] [workers] [rounds]
#
# Steppe is measured twice: the portable release build (`swift build -c release`, baseline x86-64,
# what the README and CI build) and a release build for this machine's CPU (`-target-cpu native`,
# AVX-512 here, in .build/native), where the lane engine's eight-path vectors fit one register. NumPy
# picks its SIMD kernels for the CPU at run time, so the second is the like-for-like comparison.
#
# NumPy runs at its best chunk size: the reference evaluates its paths in chunks, and on this machine
# it runs about 1.6x faster with chunks of 5 000-20 000 paths (which stay in cache) than with 200 000.
# Each of NUMPY_CHUNKS (default "5000 10000 20000 200000") is tried once and the fastest is kept.
#
# A shared VM's speed changes from minute to minute, so the three programs then run in turn for
# `rounds` rounds (default 3), and the best and the median of each are printed with their ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=${1:-2000000}
workers=${2:-2}
rounds=${3:-3}
reference=${NUMPY_REFERENCE:-../shared/benchmarks/numpy_reference.py}
swift build -c release --product steppe >/dev/null
swift build -c release --product steppe --scratch-path .build/native -Xswiftc -target-cpu -Xswiftc native >/dev/null
python3 -c 'import numpy' 2>/dev/null || pip install --quiet numpy

steppe_rate() {  # paths/s of one `steppe run` of the reference model with the reference's three outputs
  "$1" run Benchmarks/reference-model.yaml --paths "$paths" --threads "$workers" \
    --metrics equityNPV,minDSCR,equityPaybackYears --exact-limit 0 --quiet --timing --format json 2>&1 >/dev/null \
    | tail -1 | sed -E 's/.*: ([0-9.]+) paths\/s.*/\1/'
}
numpy_rate() {  # paths/s of one run of the reference (as its authors ship it: it uses no BLAS) with chunk $1
  python3 "$reference" "$paths" "$1" "$workers" | sed -E 's/.*paths_per_s=([0-9.e+]+).*/\1/'
}

chunk="" best=0
for c in ${NUMPY_CHUNKS:-5000 10000 20000 200000}; do
  r=$(numpy_rate "$c")
  if python3 -c "import sys; sys.exit(0 if float('$r') > float('$best') else 1)"; then best=$r chunk=$c; fi
done
portable="" native="" numpy=""
for _ in $(seq "$rounds"); do
  portable+=" $(steppe_rate .build/release/steppe)"
  native+=" $(steppe_rate .build/native/release/steppe)"
  numpy+=" $(numpy_rate "$chunk")"
done
python3 - "$paths" "$workers" "$chunk" "$portable" "$native" "$numpy" <<'PY'
import statistics, sys
paths, workers, chunk, portable, native, numpy = sys.argv[1:7]
portable, native, numpy = ([float(x) for x in text.split()] for text in (portable, native, numpy))
runs = {"steppe (built for this CPU)": native, "steppe (portable build)": portable, f"numpy (chunk {chunk})": numpy}
print(f"{paths} paths on {workers} workers, {len(numpy)} rounds; paths/s best / median:")
for name, rates in runs.items():
    print(f"  {name:28} {max(rates):>12,.0f} / {statistics.median(rates):>12,.0f}")
print(f"ratio steppe/numpy, best / median: {max(native) / max(numpy):.2f} / {statistics.median(native) / statistics.median(numpy):.2f}"
      f" (portable {max(portable) / max(numpy):.2f} / {statistics.median(portable) / statistics.median(numpy):.2f})")
PY
