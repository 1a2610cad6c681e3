#!/usr/bin/env bash
# Speed of the hourly hydrogen scenario with weather (and plant) drawn per path, issue 27 item 5: two
# steppe builds, alternating, on Scenarios/ejin-horo-hydrogen-weather.yaml (20 MW / 40 MWh battery) and
# the same file without its battery. Run from the repository root:
#   Benchmarks/hydrogen-weather-speed.sh OLD_STEPPE NEW_STEPPE [rounds] [paths]
# Per round, build and scenario:
#   - `run --paths PATHS --seed 1 --threads 2 --timing`: the timed part's paths/s (its --timing line)
#     and the whole process's paths/s (wall clock around it, start-up and the report's work included);
#   - the CPU of one dispatch-year in the path loop: user CPU of `run --threads 1` at 3000 paths less
#     that at 1000 paths, over the 2000 paths × 20 operating years between them (the pool, start-up and
#     the report's first 1000 paths, re-dispatched before issue 27's dispatch-speed session and kept from
#     the loop since, are in both and cancel; the 2000 paths' pro forma,
#     about 0.4 µs a year, stays in).
# Prints every figure, then best and median per row (Benchmarks/best-median.py), and the load average.
set -euo pipefail
old=$1; new=$2; rounds=${3:-3}; paths=${4:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp Scenarios/ejin-horo-hydrogen-weather.yaml "$tmp/battery.yaml"
# Without the battery: its line and its capacity costs out.
grep -v -e '^  battery:' -e 'capacity: batteryEnergy' Scenarios/ejin-horo-hydrogen-weather.yaml > "$tmp/no-battery.yaml"
log="$tmp/log"
cpu() { /usr/bin/time -f %U "$@" 2>&1 >/dev/null | tail -1; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$rounds"); do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new
    for s in battery no-battery; do
      start=$(date +%s.%N)
      line=$("$bin" run "$tmp/$s.yaml" --paths "$paths" --seed 1 --threads 2 --timing --quiet --format json 2>&1 >/dev/null | grep 'paths/s')
      end=$(date +%s.%N)
      timed=$(echo "$line" | sed -E 's/.*: ([0-9]+) paths\/s.*/\1/')
      whole=$(echo "$paths / ($end - $start)" | bc -l)
      c1=$(cpu "$bin" run "$tmp/$s.yaml" --paths 1000 --seed 1 --threads 1 --quiet --format json)
      c3=$(cpu "$bin" run "$tmp/$s.yaml" --paths 3000 --seed 1 --threads 1 --quiet --format json)
      us=$(echo "($c3 - $c1) / 40000 * 1000000" | bc -l)
      printf '%s %s timed paths/s %.0f\n' "$s" "$which" "$timed" | tee -a "$log.rates"
      printf '%s %s whole-process paths/s %.0f\n' "$s" "$which" "$whole" | tee -a "$log.rates"
      printf '%s %s µs per dispatch-year (CPU) %.1f\n' "$s" "$which" "$us" | tee -a "$log.us"
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 Benchmarks/best-median.py --higher-is-better "$log.rates"
python3 Benchmarks/best-median.py "$log.us" | sed 's/ s / /g'
