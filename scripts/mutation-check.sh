#!/usr/bin/env bash
# Mutation check: puts one plausible bug at a time into the library (the mutants listed, as data,
# in scripts/mutants.tsv), runs the tests that should catch it, and reports which bugs the
# suite kills and which survive. The source is always restored, also on failure and Ctrl-C.
#
# Usage: scripts/mutation-check.sh [--quick] [--baseline] [--check-list] [ID ...]
#   --quick     only the mutants flagged "quick" (a few: a minute or two after a build)
#   --check-list  only check that every selected mutant's original text occurs exactly once (no build;
#               what CI runs, so a refactor that moves a mutant's text fails loudly)
#   --baseline  first run every selected filter on the unmutated source; stop if any fails
#   ID ...      only these mutants (e.g. T1 D3)
# Environment: MUTANTS (default scripts/mutants.tsv), SWIFT (default swift), TEST_TIMEOUT (seconds
# per test run, default 900), LOG_DIR (default .build/mutation-logs).
#
# A mutant is killed when its tests fail, or when the library no longer builds (counted and
# reported separately as "killed (build)": prefer mutants that compile). Exit status: 0 when every
# mutant run is killed, 1 when some survive, 2 on a usage or setup error (a mutant's original text
# not found exactly once, the unmutated build or baseline failing).
set -u -o pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MUTANTS=${MUTANTS:-scripts/mutants.tsv}
SWIFT=${SWIFT:-swift}
TEST_TIMEOUT=${TEST_TIMEOUT:-900}
LOG_DIR=${LOG_DIR:-.build/mutation-logs}

quick=0; baseline=0; check_list=0; only=()
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        --baseline) baseline=1 ;;
        --check-list) check_list=1 ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        -*) echo "mutation-check: unknown option $arg" >&2; exit 2 ;;
        *) only+=("$arg") ;;
    esac
done
command -v python3 >/dev/null || { echo "mutation-check: needs python3 (exact text replacement)" >&2; exit 2; }
[ -f "$MUTANTS" ] || { echo "mutation-check: no mutant list at $MUTANTS" >&2; exit 2; }
mkdir -p "$LOG_DIR"

# The selected mutants, one record per line: id, family, file, original, replacement, filter, flag.
ids=(); families=(); files=(); originals=(); replacements=(); filters=()
while IFS=$'\t' read -r id family file original replacement filter flag; do
    [[ -z "$id" || "$id" == \#* ]] && continue
    if [ -z "${flag:-}" ]; then echo "mutation-check: $MUTANTS: mutant $id has fewer than 7 TAB-separated fields" >&2; exit 2; fi
    if [ ${#only[@]} -gt 0 ]; then
        keep=0; for o in "${only[@]}"; do [ "$o" == "$id" ] && keep=1; done
        [ $keep -eq 1 ] || continue
    elif [ $quick -eq 1 ] && [ "$flag" != "quick" ]; then
        continue
    fi
    ids+=("$id"); families+=("$family"); files+=("$file"); originals+=("$original")
    replacements+=("$replacement"); filters+=("$filter")
done < "$MUTANTS"
[ ${#ids[@]} -gt 0 ] || { echo "mutation-check: no mutant selected" >&2; exit 2; }

# Every original text must occur exactly once, before anything is touched: a refactor that moved
# or changed it fails here, loudly, instead of silently testing nothing.
count_occurrences() { python3 -c 'import sys; print(open(sys.argv[1], encoding="utf-8").read().count(sys.argv[2]))' "$1" "$2"; }
bad=0
for i in "${!ids[@]}"; do
    f=${files[$i]}
    if [ ! -f "$f" ]; then echo "mutation-check: mutant ${ids[$i]}: no file $f" >&2; bad=1; continue; fi
    n=$(count_occurrences "$f" "${originals[$i]}")
    if [ "$n" != "1" ]; then
        echo "mutation-check: mutant ${ids[$i]}: original text occurs $n times in $f (must be exactly once): ${originals[$i]}" >&2
        bad=1
    fi
done
[ $bad -eq 0 ] || exit 2
if [ $check_list -eq 1 ]; then echo "mutation-check: all ${#ids[@]} mutants' original texts occur exactly once"; exit 0; fi

# Restore the mutated file whatever happens: normal end, error, Ctrl-C, kill.
backup=""; mutated=""
restore() {
    if [ -n "$mutated" ] && [ -n "$backup" ] && [ -f "$backup" ]; then
        cp "$backup" "$mutated" && rm -f "$backup"
        echo "mutation-check: restored $mutated" >&2
    fi
    mutated=""; backup=""
}
trap 'restore' EXIT
trap 'restore; echo "mutation-check: interrupted" >&2; exit 130' INT TERM HUP

# A build or test run ended by SIGINT (130) or SIGTERM (143), e.g. Ctrl-C reaching the whole process
# group, is an interruption, not a killed mutant: restore and stop.
interrupted_by() {
    if [ "$1" -eq 130 ] || [ "$1" -eq 143 ]; then
        restore; echo "mutation-check: interrupted (exit status $1 from swift)" >&2; exit 130
    fi
}
build() { "$SWIFT" build --build-tests >"$1" 2>&1; }
run_tests() { timeout "$TEST_TIMEOUT" "$SWIFT" test --skip-build --filter "$1" >"$2" 2>&1; }
# A filter that matches no test would let every mutant survive unnoticed: say so.
matched_nothing() { grep -qE "with 0 tests|Executed 0 tests" "$1" && ! grep -qE "with [1-9][0-9]* tests?|Executed [1-9]" "$1"; }

start=$(date +%s)
echo "mutation-check: building the unmutated source" >&2
if ! build "$LOG_DIR/unmutated-build.log"; then
    echo "mutation-check: the unmutated source does not build; see $LOG_DIR/unmutated-build.log" >&2; exit 2
fi
if [ $baseline -eq 1 ]; then
    for filter in $(printf '%s\n' "${filters[@]}" | sort -u); do
        echo "mutation-check: baseline $filter" >&2
        if ! run_tests "$filter" "$LOG_DIR/baseline.log" || matched_nothing "$LOG_DIR/baseline.log"; then
            echo "mutation-check: baseline fails or matches no test for filter $filter; see $LOG_DIR/baseline.log" >&2; exit 2
        fi
    done
fi

killed=0; killed_build=0; survived=0; survivors=(); results=()
for i in "${!ids[@]}"; do
    id=${ids[$i]}; f=${files[$i]}; filter=${filters[$i]}
    t0=$(date +%s)
    backup=$(mktemp "${TMPDIR:-/tmp}/mutation-check.XXXXXX")
    cp "$f" "$backup"
    mutated=$f
    python3 -c 'import sys
p, a, b = sys.argv[1:4]
s = open(p, encoding="utf-8").read()
assert s.count(a) == 1
open(p, "w", encoding="utf-8").write(s.replace(a, b, 1))' "$f" "${originals[$i]}" "${replacements[$i]}"
    build "$LOG_DIR/$id-build.log"; rc=$?
    interrupted_by "$rc"
    if [ $rc -ne 0 ]; then
        outcome="killed (build)"; killed_build=$((killed_build + 1))
    else
        run_tests "$filter" "$LOG_DIR/$id-test.log"; rc=$?
        interrupted_by "$rc"
        if [ $rc -eq 0 ]; then
            if matched_nothing "$LOG_DIR/$id-test.log"; then outcome="survived (filter matched no test)"; else outcome="survived"; fi
            survived=$((survived + 1)); survivors+=("$id")
        else
            if [ $rc -eq 124 ]; then outcome="killed (timeout)"; else outcome="killed"; fi
            killed=$((killed + 1))
        fi
    fi
    restore
    line=$(printf '%-4s %-20s %-18s %4ss  %s' "$id" "${families[$i]}" "$outcome" "$(( $(date +%s) - t0 ))" "$f")
    results+=("$line")
    echo "$line"
done

total=${#ids[@]}
elapsed=$(( $(date +%s) - start ))
all_killed=$((killed + killed_build))
echo
echo "Mutants: $total  killed: $all_killed (by tests: $killed, by a build error: $killed_build)  survived: $survived"
awk -v k=$all_killed -v n=$total 'BEGIN { printf "Kill rate: %.1f%%\n", 100 * k / n }'
if [ $survived -gt 0 ]; then echo "Survivors: ${survivors[*]}"; else echo "Survivors: none"; fi
echo "Time: ${elapsed}s (logs in $LOG_DIR)"
# The next build sees the restored files as changed and rebuilds them.
[ $survived -eq 0 ]
