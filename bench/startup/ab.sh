#!/usr/bin/env bash
# A/B of first-paint time between several launch commands under one private Xvfb, launched
# in rotating order so none always runs first (warm caches) or under the same neighbour.
#   bench/startup/ab.sh RUNS COMMAND...
# Each COMMAND is one executable (a wrapper script setting the variant's environment or
# arguments); it must print "first-paint-ms N" (LATCHKEY_REPORT_FIRST_PAINT=1). Prints each
# launch and the median per command. No memory figures: run.sh does those.
set -euo pipefail

runs="${1:?usage: ab.sh RUNS COMMAND...}"
shift
[ $# -ge 2 ] || { echo "ab.sh: give at least two commands" >&2; exit 2; }
commands=("$@")

bench_name=ab.sh
source "$(dirname "${BASH_SOURCE[0]}")/launch_env.sh"

measure() { # index run -> ms
  local index="$1" run="$2" out="$scratch/$1-$2.out" ms
  start_launch "$out" "$scratch/$1-$2.err" "${commands[$index]}"
  ms=$(wait_for_first_paint "$out" 12)
  sleep 0.5 # let the page settle before the next launch competes with it
  kill -TERM "$child_pid" 2>/dev/null || true
  wait "$child_pid" 2>/dev/null || true
  child_pid=""
  [ -n "$ms" ] || { echo "ab.sh: ${commands[$index]} never painted" >&2; tail -5 "$scratch/$1-$2.err" >&2; exit 1; }
  echo "$ms"
}

count=${#commands[@]}
for run in $(seq "$runs"); do
  line="run $run:"
  for offset in $(seq 0 $((count - 1))); do
    index=$(((run + offset) % count))
    ms=$(measure "$index" "$run")
    echo "$ms" >> "$scratch/results-$index"
    line="$line $(basename "${commands[$index]}")=$ms"
  done
  echo "$line"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
for index in $(seq 0 $((count - 1))); do
  printf 'median %-40s %s ms\n' "$(basename "${commands[$index]}")" "$(median < "$scratch/results-$index")"
done
