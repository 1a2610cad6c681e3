#!/usr/bin/env bash
# End-to-end test of the Slurm flow on a real one-node Slurm cluster started on this machine.
#
#   scripts/cluster/test-slurm.sh                 # installs slurm-wlm and munge with apt-get if needed
#   STEPPE=.build/release/steppe scripts/cluster/test-slurm.sh   # use this binary instead of building
#
# 1. Starts a private munged and slurmctld/slurmd (own key, socket, ports, state and logs in a temp
#    directory; nothing in /etc, /run or /var is touched) and stops them by pid on exit.
# 2. Submits SHARDS (8) shards with submit-slurm.sh; the merged result.json must be byte-identical
#    to a single-process `steppe run` of the same scenario, seed and path count; the report is
#    generated where steppe has the `report` command.
# 3. Submits the run again with shard 3 failing (its task exits 1): the merge job must fail naming
#    "missing shard 3/8"; re-running only shard 3 (--rerun 3) must repair the result, byte-identical.
#
# Exits 0 with "SKIPPED: ..." where Slurm cannot be installed or started (not root, no apt-get,
# no package, daemons that do not come up); any other failure exits 1 and keeps the temp directory.
# Settings (environment): STEPPE, STEPPE_SLURM_PATHS (20000), STEPPE_SLURM_SHARDS (8),
# STEPPE_SLURM_SEED (20240611), STEPPE_SLURM_SAMPLER (lhs), STEPPE_SLURM_KEEP=1 keeps the temp dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
started=$SECONDS
paths=${STEPPE_SLURM_PATHS:-20000}
shards=${STEPPE_SLURM_SHARDS:-8}
seed=${STEPPE_SLURM_SEED:-20240611}
sampler=${STEPPE_SLURM_SAMPLER:-lhs}
scenario="$root/Scenarios/ejin-horo-green-hydrogen.yaml"
failing=3

say() { printf '[test-slurm %3ds] %s\n' "$((SECONDS - started))" "$*"; }
skip() { echo "SKIPPED: Slurm integration test: $*"; exit 0; }

# --- Slurm and munge -------------------------------------------------------------------------------
have_slurm() { command -v slurmctld && command -v slurmd && command -v sbatch && command -v munged; } >/dev/null 2>&1
if ! have_slurm; then
    [[ $(id -u) -eq 0 ]] || skip "slurm-wlm/munge are not installed and installing them needs root"
    command -v apt-get >/dev/null || skip "slurm-wlm/munge are not installed and there is no apt-get"
    say "installing slurm-wlm and munge with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get -o DPkg::Lock::Timeout=600 update -q && apt-get -o DPkg::Lock::Timeout=600 install -y -q slurm-wlm munge; } > /tmp/steppe-slurm-apt.log 2>&1; then
        tail -5 /tmp/steppe-slurm-apt.log
        skip "apt-get could not install slurm-wlm and munge (log: /tmp/steppe-slurm-apt.log)"
    fi
    have_slurm || skip "slurm-wlm/munge installed but slurmctld, slurmd, sbatch or munged is missing"
fi
[[ $(id -u) -eq 0 ]] || skip "the one-node test cluster runs its daemons as root (SlurmUser=root)"

# --- steppe ------------------------------------------------------------------------------------------
if [[ -z ${STEPPE:-} ]]; then
    export PATH="/opt/swift/usr/bin:$PATH"
    say "building steppe (swift build -c release --product steppe)"
    (cd "$root" && swift build -c release --product steppe >/dev/null)
    STEPPE="$(cd "$root" && swift build -c release --show-bin-path)/steppe"
fi
[[ $STEPPE == */* ]] || STEPPE=$(command -v "$STEPPE") || { echo "FAIL: no $STEPPE on PATH" >&2; exit 1; }
STEPPE=$(cd "$(dirname "$STEPPE")" && pwd)/$(basename "$STEPPE")
[[ -x $STEPPE ]] || { echo "FAIL: no steppe binary at $STEPPE" >&2; exit 1; }
export STEPPE

# --- the cluster --------------------------------------------------------------------------------------
tmp=$(mktemp -d /tmp/steppe-slurm-test.XXXXXX)
chmod 755 "$tmp"    # munged wants its socket's directory searchable by all
pids=() jobs_submitted=() ok=0 reference_pid=""
cleanup() {
    local status=$?
    [[ -z $reference_pid ]] || kill "$reference_pid" 2>/dev/null || true
    if [[ ${#jobs_submitted[@]} -gt 0 ]] && [[ -n ${SLURM_CONF:-} ]]; then
        scancel "${jobs_submitted[@]}" 2>/dev/null || true
    fi
    # Stop what this script started, newest first, by pid.
    local i
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do wait "${pids[i]}" 2>/dev/null || true; done
    if [[ $ok -eq 1 && ${STEPPE_SLURM_KEEP:-0} != 1 ]]; then
        rm -rf "$tmp"
    else
        echo "test files kept in $tmp"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ctld_port=16817
while ! port_free "$ctld_port" || ! port_free "$((ctld_port + 1))"; do ctld_port=$((ctld_port + 2)); done
d_port=$((ctld_port + 1))

if command -v mungekey >/dev/null; then
    mungekey -c -k "$tmp/munge.key"
else
    dd if=/dev/urandom of="$tmp/munge.key" bs=1024 count=1 2>/dev/null
fi
chmod 600 "$tmp/munge.key"
munged -F --socket="$tmp/munge.socket" --key-file="$tmp/munge.key" --pid-file="$tmp/munged.pid" \
    --seed-file="$tmp/munged.seed" --log-file="$tmp/munged.log" >"$tmp/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [[ -S $tmp/munge.socket ]] && break; sleep 0.2; done
[[ -S $tmp/munge.socket ]] || { tail -5 "$tmp/munged.out"; skip "munged did not start"; }

host=$(hostname -s)
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/shared"
cat > "$tmp/slurm.conf" <<CONF
ClusterName=steppetest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
AuthType=auth/munge
AuthInfo=socket=$tmp/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
MinJobAge=3600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=steppe Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -D -f "$SLURM_CONF" >"$tmp/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
    [[ $(sinfo -h -o %t 2>/dev/null) == idle ]] && break
    sleep 1
done
if [[ $(sinfo -h -o %t 2>/dev/null) != idle ]]; then
    sinfo 2>&1 || true
    tail -5 "$tmp/slurmctld.out" "$tmp/slurmd.out" "$tmp/slurmctld.log" "$tmp/slurmd.log" 2>/dev/null || true
    skip "the one-node Slurm cluster did not become idle within 60 s"
fi
say "Slurm $(sinfo -V | awk '{print $2}') cluster up: node $host, $(nproc) CPUs, ports $ctld_port/$d_port, munged/slurmctld/slurmd pids ${pids[*]}"

# --- helpers ------------------------------------------------------------------------------------------
fail() {
    echo "FAIL: $*" >&2
    squeue 2>/dev/null || true
    for f in "$tmp"/shared/*/logs/*.out; do [[ -e $f ]] && { echo "--- $f"; tail -5 "$f"; }; done >&2
    tail -5 "$tmp/slurmctld.log" >&2 2>/dev/null || true
    exit 1
}
# Waits until job $1 (and all its array tasks) left the queue.
wait_job() {
    local deadline=$((SECONDS + ${2:-300}))
    while [[ -n $(squeue -h -j "$1" 2>/dev/null) ]]; do
        (( SECONDS < deadline )) || fail "job $1 still queued or running after ${2:-300} s"
        sleep 1
    done
}
# The states of job $1's tasks, e.g. "COMPLETED" or "COMPLETED FAILED" (sorted, unique).
job_states() { scontrol show job "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | sort -u | tr '\n' ' ' | sed 's/ $//'; }
# Submits with submit-slurm.sh; sets array_job and merge_job.
submit() {
    local out
    out=$("$here/submit-slurm.sh" --shards "$shards" "$@") || fail "submit-slurm.sh $* failed"
    read -r array_job merge_job <<< "$(tail -1 <<< "$out")"
    jobs_submitted+=("$array_job" "$merge_job")
    say "$(head -1 <<< "$out")"
}
run_options=(--paths "$paths" --seed "$seed" --sampler "$sampler")

# --- the single-process reference ---------------------------------------------------------------------
# Runs beside the Slurm jobs; awaited before the first comparison.
"$STEPPE" run "$scenario" "${run_options[@]}" --threads 1 --quiet --out "$tmp/single.json" >/dev/null &
reference_pid=$!
reference_ready() {
    if [[ -n $reference_pid ]]; then
        wait "$reference_pid" || fail "the single-process steppe run failed"
        reference_pid=""
        say "single-process run: $paths paths, seed $seed, sampler $sampler -> $(wc -c < "$tmp/single.json") bytes"
    fi
}

# --- 1. the whole run ---------------------------------------------------------------------------------
run1="$tmp/shared/run1"
submit --dir "$run1" "$scenario" "${run_options[@]}"
wait_job "$merge_job"
[[ $(job_states "$array_job") == COMPLETED ]] || fail "array job $array_job: tasks $(job_states "$array_job")"
[[ $(job_states "$merge_job") == COMPLETED ]] || fail "merge job $merge_job: $(job_states "$merge_job")"
count=$(ls "$run1"/shard-*-of-"$shards".json | wc -l)
[[ $count -eq $shards ]] || fail "$count shard files, not $shards"
reference_ready
cmp "$run1/result.json" "$tmp/single.json" || fail "merged result of $shards Slurm shards differs from the single-process run"
say "PASS: $shards shards as array job $array_job on Slurm, merge job $merge_job: result.json byte-identical to the single-process run"
if "$STEPPE" --help 2>/dev/null | grep -qE '^  report( |$)'; then
    [[ -s $run1/report.html ]] || fail "steppe has the report command but the merge job wrote no report.html"
    say "PASS: report generated ($run1/report.html, $(wc -c < "$run1/report.html") bytes)"
else
    grep -q 'no report' "$run1"/logs/merge-*.out || fail "merge log does not say why there is no report"
    say "report step skipped: this steppe has no \`report\` command (the merge job says so in its log)"
fi

# --- 2. a failed shard, detected by merge and repaired by re-running it --------------------------------
# A steppe that fails for shard $failing only, as a crashed task or a lost node would.
cat > "$tmp/steppe-failing-shard" <<WRAP
#!/usr/bin/env bash
for a in "\$@"; do
    if [[ \$a == "$failing/$shards" ]]; then echo "deliberate failure of shard $failing/$shards" >&2; exit 1; fi
done
exec "$STEPPE" "\$@"
WRAP
chmod +x "$tmp/steppe-failing-shard"
run2="$tmp/shared/run2"
STEPPE="$tmp/steppe-failing-shard" submit --dir "$run2" "$scenario" "${run_options[@]}"
wait_job "$merge_job"
[[ $(job_states "$array_job") == "COMPLETED FAILED" ]] || fail "array job $array_job with a failing shard: tasks $(job_states "$array_job")"
[[ $(job_states "$merge_job") == FAILED ]] || fail "merge job $merge_job ran on $((shards - 1)) shards but did not fail: $(job_states "$merge_job")"
[[ ! -e $run2/result.json ]] || fail "a result.json was written without shard $failing"
message=$(grep 'missing shard' "$run2"/logs/merge-"$merge_job".out) || fail "merge job log does not name the missing shard"
[[ $message == *"missing shard $failing/$shards "* ]] || fail "merge names the wrong shard: $message"
say "PASS: shard $failing/$shards failed (array job $array_job); merge job $merge_job failed with: $message"

submit --dir "$run2" --rerun "$failing" "$scenario" "${run_options[@]}"
wait_job "$merge_job"
[[ $(job_states "$array_job") == COMPLETED ]] || fail "re-run of shard $failing, job $array_job: $(job_states "$array_job")"
[[ $(job_states "$merge_job") == COMPLETED ]] || fail "merge job $merge_job after the re-run: $(job_states "$merge_job")"
cmp "$run2/result.json" "$tmp/single.json" || fail "result after re-running shard $failing differs from the single-process run"
say "PASS: re-ran only shard $failing/$shards (job $array_job); merge job $merge_job: result.json byte-identical to the single-process run"

ok=1
say "all Slurm checks passed in $((SECONDS - started)) s"
