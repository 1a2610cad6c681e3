#!/usr/bin/env bash
# Every CPU level of one `steppe` binary gives the same bytes (Sources/CPULevels/README.md): for every
# shipped scenario, `evaluate`, `run --paths 1000`, `incentives` and `sensitivity --paths 200` in JSON, and
# `compare --paths 300` for the studies, run at each level the binary and this CPU have (STEPPE_CPU_LEVEL),
# compared byte for byte with the baseline's. Also checks that the baseline can be forced and that `--timing`
# names the level that ran. Fails, naming the command, on any difference.
#   scripts/cpu-levels-check.sh [STEPPE_BINARY]   (default: the release build, built if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
steppe="${1:-}"
if [ -z "$steppe" ]; then
  swift build -c release --product steppe >/dev/null
  steppe="$(swift build -c release --show-bin-path)/steppe"
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# The levels to compare: the baseline, forced, and every other level this binary runs here.
levels=(baseline)
for level in x86-64-v3; do
  if STEPPE_CPU_LEVEL=$level "$steppe" --version >/dev/null 2>&1; then levels+=("$level"); fi
done
for level in "${levels[@]}"; do
  timing="$(STEPPE_CPU_LEVEL=$level "$steppe" run --paths 100 --quiet --timing --format json 2>&1 >/dev/null)"
  grep -q "CPU level $level" <<<"$timing" || { echo "cpu-levels-check: --timing does not name level $level: $timing" >&2; exit 1; }
done
# On an emulated CPU without AVX (qemu-x86_64 -cpu Nehalem, when installed: apt-get install qemu-user), the
# binary must choose the baseline, refuse x86-64-v3, and run without an illegal instruction (the emulator
# raises one for any AVX instruction) to the same bytes as the native baseline with glibc told to use its
# functions for CPUs without FMA: glibc picks its exp, log, pow, sin and cos by the CPU, and their FMA
# versions differ from the others in the last bit now and then (Sources/CPULevels/README.md).
if command -v qemu-x86_64 >/dev/null 2>&1; then
  older=(qemu-x86_64 -cpu Nehalem)
  "${older[@]}" "$steppe" run --paths 100 --quiet --timing --format json 2>&1 >/dev/null | grep -q "CPU level baseline" \
    || { echo "cpu-levels-check: on a CPU without AVX the binary does not run its baseline" >&2; exit 1; }
  if STEPPE_CPU_LEVEL=x86-64-v3 "${older[@]}" "$steppe" --version >/dev/null 2>&1; then
    echo "cpu-levels-check: on a CPU without AVX the binary accepts STEPPE_CPU_LEVEL=x86-64-v3" >&2; exit 1
  fi
  for args in "evaluate --format json" "run --paths 1000 --quiet --format json" \
              "evaluate Scenarios/ejin-horo-hydrogen-hourly.yaml --format json"; do
    read -r -a a <<<"$args"
    cmp -s <("${older[@]}" "$steppe" "${a[@]}" 2>&1) <(GLIBC_TUNABLES=glibc.cpu.hwcaps=-FMA,-AVX2 STEPPE_CPU_LEVEL=baseline "$steppe" "${a[@]}" 2>&1) \
      || { echo "cpu-levels-check: steppe $args differs on a CPU without AVX" >&2; exit 1; }
  done
  echo "cpu-levels-check: on an emulated CPU without AVX (qemu, Nehalem) the baseline runs, x86-64-v3 is refused, same bytes"
else
  echo "cpu-levels-check: qemu-x86_64 not installed; the run on an emulated CPU without AVX is skipped"
fi
if [ "${#levels[@]}" -eq 1 ]; then
  echo "cpu-levels-check: this binary or CPU runs only the baseline; nothing to compare (the baseline runs when forced)"
  exit 0
fi

commands=()
for file in Scenarios/*.yaml; do
  case "$(basename "$file")" in
    study-*) commands+=("compare $file --paths 300 --format json") ;;
    *) commands+=("evaluate $file --format json" "run $file --paths 1000 --quiet --format json"
                  "incentives $file --format json" "sensitivity $file --paths 200 --format json") ;;
  esac
done
commands+=("run --paths 20000 --quiet --format json")   # the default scenario, past the exact-quantile limit
started=$SECONDS
for i in "${!commands[@]}"; do
  read -r -a args <<<"${commands[$i]}"
  for level in "${levels[@]}"; do
    STEPPE_CPU_LEVEL=$level "$steppe" "${args[@]}" >"$out/$i.$level" 2>&1 || true
  done
  for level in "${levels[@]:1}"; do
    cmp -s "$out/$i.baseline" "$out/$i.$level" || {
      echo "cpu-levels-check: steppe ${commands[$i]} differs between baseline and $level:" >&2
      diff <(head -c 2000 "$out/$i.baseline") <(head -c 2000 "$out/$i.$level") | head -20 >&2
      exit 1
    }
  done
done
echo "cpu-levels-check: ${#commands[@]} commands give the same bytes at levels ${levels[*]} ($((SECONDS - started)) s)"
