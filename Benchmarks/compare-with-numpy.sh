#!/usr/bin/env bash
# Steppe against the NumPy reference (numpy_reference.py) on the same model, in alternating rounds:
#   Benchmarks/compare-with-numpy.sh [paths] [workers] [rounds]      (defaults 4000000 2 3)
#
# 1. Finds the reference first, before building anything: $NUMPY_REFERENCE, else the shared folder
#    beside the repository (../shared/benchmarks/numpy_reference.py); without it, says where to put it.
# 2. Builds the README's build (`swift build -c release`), prints the CPU level it runs here
#    (Sources/CPULevels/README.md) and also times it forced to the baseline level (STEPPE_CPU_LEVEL=baseline)
#    as a second row; with NATIVE=1 also a build for this CPU (`-target-cpu native`, in .build/native).
# 3. NumPy at its best chunk: each of NUMPY_CHUNKS (default "5000 10000 20000 200000") once, the fastest kept
#    (the reference evaluates paths in chunks; small ones stay in cache).
# 4. `rounds` rounds of NumPy and `steppe run Benchmarks/reference-model.yaml` (the reference's three outputs,
#    sketched quantiles) in turn, `paths` paths on `workers` workers. Steppe is reported twice: the whole
#    process (wall clock around it, start-up included) and the timed part (its `--timing` line). NumPy's
#    figure is its own (`paths_per_s`, timed after the interpreter and NumPy are loaded).
# 5. Thread scaling, same rounds: the reference model and the default hydrogen scenario (all metrics,
#    DEFAULT_PATHS paths, default 500000) on 1 and 2 threads.
# Prints best and median paths/s of every row, the ratios to NumPy, and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=${1:-4000000}
workers=${2:-2}
rounds=${3:-3}
default_paths=${DEFAULT_PATHS:-500000}

shared_reference="$(cd .. && pwd)/shared/benchmarks/numpy_reference.py"
reference=${NUMPY_REFERENCE:-$shared_reference}
if [ ! -f "$reference" ]; then
  echo "compare-with-numpy.sh: the NumPy reference is not at $reference" >&2
  echo "  put numpy_reference.py at $shared_reference (the shared folder beside the repository)," >&2
  echo "  or name it: NUMPY_REFERENCE=/path/to/numpy_reference.py Benchmarks/compare-with-numpy.sh" >&2
  exit 2
fi
if ! python3 -c 'import numpy' 2>/dev/null; then
  echo "compare-with-numpy.sh: python3 cannot import numpy; install it (python3 -m pip install numpy) and run again" >&2
  exit 2
fi

echo "load before: $(uptime)"
swift build -c release --product steppe >/dev/null
steppe=.build/release/steppe
# label|binary|CPU level forced (empty: the binary's own choice, Sources/CPULevels/README.md)
builds=("readme|$steppe|" "readme at the baseline CPU level|$steppe|baseline")
echo "the README build runs: $("$steppe" run --paths 8 --quiet --timing --format json 2>&1 >/dev/null | sed -E 's/.*threads, //')"
if [ "${NATIVE:-0}" = 1 ]; then
  swift build -c release --product steppe --scratch-path .build/native -Xswiftc -target-cpu -Xswiftc native >/dev/null
  builds+=("native|.build/native/release/steppe|")
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# One `steppe run`: appends "LABEL whole-process RATE" and "LABEL timed-part RATE" to the log.
steppe_rates() {  # label binary CPU-level paths threads run-arguments...
  local label=$1 bin=$2 level=$3 n=$4 threads=$5; shift 5
  local start end timing
  start=$(date +%s.%N)
  timing=$(STEPPE_CPU_LEVEL=$level "$bin" run "$@" --paths "$n" --threads "$threads" --quiet --timing --format json 2>&1 >/dev/null | tail -1)
  end=$(date +%s.%N)
  echo "$label, whole process $(python3 -c "print($n / ($end - $start))")" >> "$log"
  echo "$label, timed part $(echo "$timing" | sed -E 's/.*: ([0-9.]+) paths\/s.*/\1/')" >> "$log"
}
reference_model=(Benchmarks/reference-model.yaml --metrics equityNPV,minDSCR,equityPaybackYears --exact-limit 0)
numpy_rate() {  # paths/s of one run of the reference with chunk $1 (as its authors ship it: no BLAS)
  python3 "$reference" "$paths" "$1" "$workers" | sed -E 's/.*paths_per_s=([0-9.e+]+).*/\1/'
}

chunk="" best=0
for c in ${NUMPY_CHUNKS:-5000 10000 20000 200000}; do
  r=$(numpy_rate "$c")
  echo "numpy chunk $c: $r paths/s"
  if python3 -c "import sys; sys.exit(0 if float('$r') > float('$best') else 1)"; then best=$r chunk=$c; fi
done

for round in $(seq "$rounds"); do
  echo "round $round of $rounds"
  echo "numpy (chunk $chunk), its own timing $(numpy_rate "$chunk")" >> "$log"
  for b in "${builds[@]}"; do
    IFS='|' read -r label bin level <<<"$b"
    steppe_rates "steppe $label, reference model, $workers thread(s)" "$bin" "$level" "$paths" "$workers" "${reference_model[@]}"
  done
  for threads in 1 2; do
    [ "$threads" = "$workers" ] ||  # measured just above
      steppe_rates "steppe readme, reference model, $threads thread(s)" "$steppe" "" "$paths" "$threads" "${reference_model[@]}"
    steppe_rates "steppe readme, default scenario ($default_paths paths), $threads thread(s)" "$steppe" "" "$default_paths" "$threads"
  done
done

echo "$paths paths (default scenario $default_paths) on $workers workers, $rounds rounds; paths/s:"
python3 Benchmarks/best-median.py --higher-is-better "$log"
python3 - "$log" "$workers" <<'PY'
import statistics, sys
rates = {}
for line in open(sys.argv[1]):
    case, value = line.rsplit(maxsplit=1)
    rates.setdefault(case, []).append(float(value))
numpy = next(v for k, v in rates.items() if k.startswith("numpy"))
print("ratio to NumPy, best / median:")
for case, v in rates.items():
    if case.startswith("steppe") and "reference model" in case and f"{sys.argv[2]} thread(s)" in case:
        print(f"  {case}: {max(v) / max(numpy):.2f} / {statistics.median(v) / statistics.median(numpy):.2f}")
PY
echo "load after: $(uptime)"
