#!/usr/bin/env bash
# Submit a sharded Steppe run to Slurm: an array job of SHARDS tasks (one shard each) and a merge
# job that runs after it, merges the shards into SHARD_DIR/result.json and writes the report.
#
#   scripts/cluster/submit-slurm.sh --shards 8 --dir /shared/run1 SCENARIO --paths 1000000 --seed 42
#
# When the merge job reports missing shards (a task failed, a node died), re-run only those with
# the same command plus --rerun; it submits them and a new merge:
#
#   scripts/cluster/submit-slurm.sh --shards 8 --dir /shared/run1 --rerun 3,5 SCENARIO --paths 1000000 --seed 42
#
# Options (before SCENARIO; everything after SCENARIO goes to `steppe run`):
#   --shards N        shard count (default 8); it does not change the result, only how work is split
#   --dir DIR         shared directory for the scenario copy, shard files, result and job logs (required)
#   --rerun LIST      comma-separated 1-based shards to run again (e.g. 3 or 3,5), then merge again
#   --after any|ok    merge dependency (default any: the merge runs even when a shard failed, and
#                     names the missing shards; with ok, a failed shard leaves the merge pending
#                     forever as DependencyNeverSatisfied and nothing names the shard)
#   --cpus N          --cpus-per-task of each shard (default 1); steppe uses that many threads
#   --sbatch ARG      extra sbatch argument for both jobs, repeatable (e.g. --sbatch --partition=long
#                     --sbatch --mem=1G --sbatch --time=02:00:00)
# Environment: STEPPE, the steppe binary the jobs run (default: `steppe` on the nodes' PATH).
# Prints the two job ids, "ARRAY_JOB_ID MERGE_JOB_ID", on the last line of standard output.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-0}"; }

shards=8 dir="" rerun="" after=any cpus=1 extra=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --shards) shards=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --rerun) rerun=$2; shift 2 ;;
        --after) after=$2; shift 2 ;;
        --cpus) cpus=$2; shift 2 ;;
        --sbatch) extra+=("$2"); shift 2 ;;
        -h|--help) usage 0 ;;
        --) shift; break ;;
        -*) echo "submit-slurm.sh: unknown option $1" >&2; usage 2 >&2 ;;
        *) break ;;
    esac
done
[[ $# -ge 1 ]] || { echo "submit-slurm.sh: give the scenario file" >&2; exit 2; }
[[ -n $dir ]] || { echo "submit-slurm.sh: give --dir, a directory every node can reach" >&2; exit 2; }
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit-slurm.sh: --shards must be a positive integer (got $shards)" >&2; exit 2; }
[[ $after == any || $after == ok ]] || { echo "submit-slurm.sh: --after must be any or ok (got $after)" >&2; exit 2; }
scenario=$1; shift
[[ -r $scenario ]] || { echo "submit-slurm.sh: cannot read the scenario $scenario" >&2; exit 2; }
for arg in "$@"; do
    case $arg in --shard|--shard=*|--out|--out=*|--threads|--threads=*)
        echo "submit-slurm.sh: do not pass $arg; the array script sets --shard, --out and --threads" >&2; exit 2 ;;
    esac
done

mkdir -p "$dir/logs"
dir=$(cd "$dir" && pwd)
# Every shard reads one snapshot of the scenario, taken now: editing the original while tasks wait
# in the queue cannot split the run (merge would refuse shards of different scenario texts).
copy="$dir/scenario.${scenario##*.}"
if [[ -z $rerun ]]; then
    cp "$scenario" "$copy"
elif [[ ! -e $copy ]]; then
    echo "submit-slurm.sh: --rerun needs $copy from the first submission" >&2; exit 2
elif ! cmp -s "$scenario" "$copy"; then
    echo "submit-slurm.sh: $scenario differs from $copy of the first submission; shards of both would not merge" >&2; exit 2
fi

if [[ -n $rerun ]]; then
    array=""
    IFS=, read -ra list <<< "$rerun"
    for i in "${list[@]}"; do
        [[ $i =~ ^[0-9]+$ ]] && (( i >= 1 && i <= shards )) || { echo "submit-slurm.sh: --rerun: shard $i is not in 1..$shards" >&2; exit 2; }
        array+="${array:+,}$((i - 1))"
    done
else
    array="0-$((shards - 1))"
fi

array_job=$(sbatch --parsable "${extra[@]}" --array="$array" --cpus-per-task="$cpus" \
    --output="$dir/logs/shard-%A_%a.out" \
    "$here/slurm-array.sbatch" "$shards" "$dir" "$copy" "$@")
array_job=${array_job%%;*}
merge_job=$(sbatch --parsable "${extra[@]}" --dependency="after$after:$array_job" \
    --output="$dir/logs/merge-%j.out" \
    "$here/slurm-merge.sbatch" "$shards" "$dir")
merge_job=${merge_job%%;*}
echo "submitted shards ${rerun:-1-$shards} of $shards as array job $array_job (tasks $array), merge job $merge_job (after$after)"
echo "shard files: $dir/shard-i-of-$shards.json; result: $dir/result.json; logs: $dir/logs/"
echo "$array_job $merge_job"
