#!/usr/bin/env bash
# Runs every `swift run ... steppe ...` command of README.md in order, as printed, in a scratch
# folder holding a link to Scenarios/, with one change: path counts above 2000 become 2000 (and
# `compare` gets --paths 500), so the whole list takes about a minute in release. Any command that
# fails stops the script with its output, its line in README.md and a non-zero status.
#   scripts/readme-commands.sh [STEPPE_BINARY]   (default: the release build, built if needed)
# The Slurm block (scripts/cluster/*) is tested by scripts/cluster/test-slurm.sh, `swift test` by CI itself.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
export PATH="/opt/swift/usr/bin:$PATH"
steppe="${1:-}"
if [ -z "$steppe" ]; then
  swift build -c release --product steppe >/dev/null
  steppe="$(swift build -c release --show-bin-path)/steppe"
fi
steppe="$(cd "$(dirname "$steppe")" && pwd)/$(basename "$steppe")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
ln -s "$repo/Scenarios" "$scratch/Scenarios"

# The commands of the ```sh blocks, with their README line numbers.
commands="$(awk '/^```sh$/ {inside=1; next} /^```$/ {inside=0} inside && /^swift run / {print NR "\t" $0}' README.md)"
[ -n "$commands" ] || { echo "readme-commands: no commands found in README.md" >&2; exit 1; }
count=0
started=$SECONDS
while IFS=$'\t' read -r line command; do
  command="$(sed -E 's/[[:space:]]+#.*$//' <<<"$command")"      # the trailing comment
  command="$(sed -E 's/^swift run (-c release )?steppe/steppe/' <<<"$command")"
  command="$(sed -E 's/--paths ([0-9]{5,}|[3-9][0-9]{3})/--paths 2000/' <<<"$command")"
  case "$command" in steppe\ compare*) grep -q -- '--paths' <<<"$command" || command="$command --paths 500" ;; esac
  printf 'README.md:%s: %s\n' "$line" "$command"
  t=$SECONDS
  # shellcheck disable=SC2086 # the command's words, as printed in the README
  if ! (cd "$scratch" && eval "\"$steppe\"${command#steppe}") >"$scratch/.log" 2>&1; then
    echo "FAIL README.md:$line: $command" >&2
    tail -20 "$scratch/.log" >&2
    exit 1
  fi
  echo "  ok ($((SECONDS - t)) s)"
  count=$((count + 1))
done <<<"$commands"
echo "readme-commands: all $count README commands ran in order ($((SECONDS - started)) s)"
